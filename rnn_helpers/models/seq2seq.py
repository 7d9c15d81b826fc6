"""The encoder-decoder (sequence to sequence) of notebook 07, with or without attention.

    model = build_translator(len(SOURCE_VOCAB), len(TARGET_VOCAB), attention=True, seed=0)
    model.fit([src, dec_in], target, ...)            # teacher forcing: the decoder reads the true target
    log_p = translator_log_probs(model, src, dec_in) # (B, Tt, Vt) numpy, for decoding.greedy_decode / beam
    scores = attention_weights(model, src, dec_in)   # (B, Tt, Ts): how much output step t reads source s
    norms = source_gradient_norms(model, src, dec_in, target)   # (Ts,) ||d loss_last / d embedding_s||

Layers (named): src_embed -> encoder GRU (every step's output h^enc_s and its last state), dec_embed
-> decoder GRU started from the encoder's last state (B, Tt, H); with attention, Luong's dot-product
attention (keras.layers.Attention): scores e_ts = d_t · h^enc_s, weights a_t = softmax_s(e_t), context
c_t = sum_s a_ts h^enc_s, then combine = tanh(W [d_t; c_t]); without, combine = tanh(W d_t). Then
logits = Dense(Vt). The decoder is causal (step t sees dec_in[:, :t+1] only), so the same model decodes
at inference by reading its own previous outputs. Importing this module imports Keras: call
``setup_notebook()`` first.
"""

from __future__ import annotations

import weakref

import keras
import numpy as np
import tensorflow as tf

from rnn_helpers._checks import (
    as_numbers,
    check_bool,
    check_int,
    check_positive_int,
    check_positive_number,
    check_seed,
)

LAYERS = ("src_embed", "encoder", "dec_embed", "decoder", "combine", "logits")


def build_translator(src_vocab, tgt_vocab, *, attention=False, embed_dim=16, units=64, seed=0,
                     learning_rate=5e-3) -> keras.Model:
    """Inputs src (B, Ts) and dec_in (B, Tt) integer ids -> logits (B, Tt, tgt_vocab).

    Compiled with Adam(learning_rate), SparseCategoricalCrossentropy(from_logits=True) and the
    per-character accuracy of the next-character prediction under teacher forcing. Ts and Tt are free.
    """
    Vs, Vt = check_positive_int("src_vocab", src_vocab), check_positive_int("tgt_vocab", tgt_vocab)
    attention = check_bool("attention", attention)
    embed_dim, units = check_positive_int("embed_dim", embed_dim), check_positive_int("units", units)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    src = keras.Input(shape=(None,), dtype="int32", name="src")                       # (B, Ts)
    dec_in = keras.Input(shape=(None,), dtype="int32", name="dec_in")                 # (B, Tt)
    layers = {
        "src_embed": keras.layers.Embedding(Vs, embed_dim, name="src_embed"),
        "encoder": keras.layers.GRU(units, return_sequences=True, return_state=True, name="encoder"),
        "dec_embed": keras.layers.Embedding(Vt, embed_dim, name="dec_embed"),
        "decoder": keras.layers.GRU(units, return_sequences=True, name="decoder"),
        "combine": keras.layers.Dense(units, activation="tanh", name="combine"),
        "logits": keras.layers.Dense(Vt, name="logits"),
    }
    if attention:
        layers["attention"] = keras.layers.Attention(name="attention")
    logits, _ = _forward(layers, layers["src_embed"](src), dec_in)
    model = keras.Model([src, dec_in], logits, name="translator_attention" if attention else "translator")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def _forward(layers, src_emb, dec_in):
    """The model after the source embedding: (logits (B, Tt, Vt), attention weights (B, Tt, Ts) or None)."""
    enc_seq, enc_state = layers["encoder"](src_emb)                                   # (B, Ts, H), (B, H)
    dec_seq = layers["decoder"](layers["dec_embed"](dec_in), initial_state=enc_state)  # (B, Tt, H)
    weights = None
    if "attention" in layers:
        context, weights = layers["attention"]([dec_seq, enc_seq], return_attention_scores=True)
        dec_seq = keras.ops.concatenate([dec_seq, context], axis=-1)                  # (B, Tt, 2H)
    return layers["logits"](layers["combine"](dec_seq)), weights                      # (B, Tt, Vt)


def _layers(model):
    if not isinstance(model, keras.Model):
        raise TypeError(f"model: expected a Keras model from build_translator, got {type(model).__name__}")
    names = {layer.name for layer in model.layers}
    if not set(LAYERS) <= names:
        raise ValueError(f"model: expected the layers {list(LAYERS)} of build_translator, "
                         f"got {sorted(names)}")
    return {name: model.get_layer(name) for name in (*LAYERS, "attention") if name in names}


def has_attention(model) -> bool:
    """Whether ``model`` (from build_translator) has an attention layer."""
    return "attention" in _layers(model)


def _check_ids(name, ids, vocab, batch=None):
    arr = as_numbers(name, ids, ndim=2)
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name}: expected integer ids, got dtype {arr.dtype}")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"{name}: expected at least one sequence of at least one id, got shape {arr.shape}")
    if arr.min() < 0 or arr.max() >= vocab:
        raise ValueError(f"{name}: expected ids in [0, {vocab - 1}], got ids from {arr.min()} to {arr.max()}")
    if batch is not None and len(arr) != batch:
        raise ValueError(f"{name}: expected {batch} sequences (one per source), got {len(arr)}")
    return arr.astype(np.int32)


def _inputs(model, src, dec_in):
    layers = _layers(model)
    src = _check_ids("src", src, layers["src_embed"].input_dim)
    dec_in = _check_ids("dec_in", dec_in, layers["dec_embed"].input_dim, batch=len(src))
    return layers, src, dec_in


_COMPILED = weakref.WeakKeyDictionary()          # model -> its forward pass as one tf.function


def translator_log_probs(model, src, dec_in, *, last_only=False) -> np.ndarray:
    """log P(next target id | source, dec_in up to t): (B, Tt, Vt) float64, log-softmax of the logits.

    last_only: return only the last step's, (B, 1, Vt), all a decoder needs (less memory for large Vt).
    """
    layers, src, dec_in = _inputs(model, src, dec_in)
    last_only = check_bool("last_only", last_only)
    if model not in _COMPILED:                    # traced once for any (B, Ts) and (B, Tt): fast decoding
        spec = tf.TensorSpec((None, None), tf.int32)
        _COMPILED[model] = tf.function(lambda s, d: _forward(layers, layers["src_embed"](s), d)[0],
                                       input_signature=[spec, spec])
    logits = _COMPILED[model](tf.constant(src), tf.constant(dec_in))
    if last_only:
        logits = logits[:, -1:]                                                       # (B, 1, Vt)
    return np.asarray(tf.nn.log_softmax(tf.cast(logits, tf.float64)))


def attention_weights(model, src, dec_in) -> np.ndarray:
    """The attention weights a_ts of a model with attention: (B, Tt, Ts), each row sums to 1."""
    layers, src, dec_in = _inputs(model, src, dec_in)
    if "attention" not in layers:
        raise ValueError("model: expected a translator built with attention=True, got one without attention")
    return np.asarray(_forward(layers, layers["src_embed"](src), dec_in)[1])


def source_gradient_norms(model, src, dec_in, target, *, step=-1) -> np.ndarray:
    """How much the loss at output ``step`` depends on each source position: (Ts,).

    For each example, the gradient of -log P(target[:, step]) with respect to the source embeddings
    (B, Ts, E) is taken with tf.GradientTape; its norm over E at each position, averaged over the batch.
    """
    layers, src, dec_in = _inputs(model, src, dec_in)
    target = _check_ids("target", target, layers["logits"].units, batch=len(src))
    if target.shape != dec_in.shape:
        raise ValueError(f"target: expected the shape of dec_in {dec_in.shape}, got {target.shape}")
    step = check_int("step", step, low=-target.shape[1], high=target.shape[1] - 1)
    emb = tf.convert_to_tensor(layers["src_embed"](src))                              # (B, Ts, E)
    with tf.GradientTape() as tape:
        tape.watch(emb)
        logits, _ = _forward(layers, emb, dec_in)
        loss = tf.reduce_sum(keras.losses.sparse_categorical_crossentropy(
            target[:, step], logits[:, step], from_logits=True))                     # sum over examples
    grad = tape.gradient(loss, emb)                                                   # (B, Ts, E)
    return np.asarray(tf.norm(grad, axis=-1)).mean(axis=0)                            # (Ts,)
