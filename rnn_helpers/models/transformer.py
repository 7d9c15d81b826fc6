"""A small Transformer encoder in Keras: positions added to the inputs, then encoder blocks.

    x = PositionalEncoding()(keras.layers.Dense(32)(inputs))      # + the sinusoids of attention.py
    x = EncoderBlock(heads=2, key_dim=16, ff_dim=64)(x)           # (B, T, 32) -> (B, T, 32)
    scores = block.attention_scores(x)                            # (B, heads, T, T): who reads whom

One block (pre-norm, as most Transformers are trained today):

    y = x + MultiHeadAttention(LayerNorm(x))          every position reads every other, in one product
    z = y + Dense(D)(relu(Dense(ff_dim)(LayerNorm(y))))   the same two-layer network at each position

Nothing in a block runs step by step: the T positions are rows of one matrix, which is what lets a
Transformer train in parallel over time; the price is the (T, T) matrix of attention scores per head.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import ops

from rnn_helpers._checks import check_bool, check_positive_int
from rnn_helpers.attention import positional_encoding


@keras.saving.register_keras_serializable(package="rnn_helpers")
class PositionalEncoding(keras.layers.Layer):
    """x (B, T, D) + the fixed sinusoids PE (T, D) of Vaswani et al. (2017); no weights to learn."""

    def call(self, x):
        T, D = x.shape[1], x.shape[2]
        if T is None or D is None:
            raise ValueError(f"PositionalEncoding: expected a fixed length and width, got shape {x.shape}")
        return x + ops.convert_to_tensor(positional_encoding(T, D)[None], dtype=x.dtype)


@keras.saving.register_keras_serializable(package="rnn_helpers")
class EncoderBlock(keras.layers.Layer):
    """One pre-norm Transformer encoder block: self-attention and a feed-forward net, each with a
    residual connection. ``causal=True`` lets position t attend to positions 0..t only."""

    def __init__(self, heads=2, key_dim=16, ff_dim=64, *, causal=False, **kwargs):
        super().__init__(**kwargs)
        self.heads = check_positive_int("heads", heads)
        self.key_dim = check_positive_int("key_dim", key_dim)
        self.ff_dim = check_positive_int("ff_dim", ff_dim)
        self.causal = check_bool("causal", causal)

    def build(self, input_shape):
        D = input_shape[-1]
        self.norm1 = keras.layers.LayerNormalization(epsilon=1e-6, name="norm1")
        self.attention = keras.layers.MultiHeadAttention(self.heads, self.key_dim, name="attention")
        self.norm2 = keras.layers.LayerNormalization(epsilon=1e-6, name="norm2")
        self.ff1 = keras.layers.Dense(self.ff_dim, activation="relu", name="ff1")
        self.ff2 = keras.layers.Dense(D, name="ff2")
        self.norm1.build(input_shape)
        self.attention.build(input_shape, input_shape)
        self.norm2.build(input_shape)
        self.ff1.build(input_shape)
        self.ff2.build((*input_shape[:-1], self.ff_dim))

    def call(self, x, return_attention_scores=False):
        n = self.norm1(x)
        a, scores = self.attention(n, n, use_causal_mask=self.causal, return_attention_scores=True)
        y = x + a
        out = y + self.ff2(self.ff1(self.norm2(y)))
        return (out, scores) if return_attention_scores else out

    def attention_scores(self, x) -> np.ndarray:
        """The attention weights of this block for input x (B, T, D): (B, heads, T_query, T_key)."""
        _, scores = self(x, return_attention_scores=True)
        return np.asarray(scores)

    def get_config(self):
        return {**super().get_config(), "heads": self.heads, "key_dim": self.key_dim, "ff_dim": self.ff_dim,
                "causal": self.causal}
