"""The sentence classifier: ids -> Embedding(mask_zero=True) -> LSTM or Bidirectional(LSTM) -> P(positive).

    vectorize = make_vectorizer(vocab, length=24)             # keras TextVectorization, fixed vocabulary
    model = build_sentiment_model(len(vocab) + 2, bidirectional=True, seed=0)
    history = train_sentiment_model(model, ids_train, y_train, ids_val, y_val, epochs=5)
    p = predict_positive(model, ids_test)                     # (N,) P(positive)
    steps = running_predictions(model, ids_test)              # (N, T) P(positive) after each word

Layers are named ``embedding``, ``rnn``, ``head``. Importing this module imports Keras: call
``setup_notebook()`` first.
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_helpers._checks import (
    check_bool,
    check_choice,
    check_positive_int,
    check_positive_number,
    check_seed,
)
from rnn_helpers.bag_of_words import _check_ids
from rnn_helpers.datasets.tokens import _check_labels, _check_vocabulary
from rnn_helpers.models.layers import recurrent_layer

SENTIMENT_KINDS = ("lstm", "gru")


def make_vectorizer(vocabulary, length) -> keras.layers.TextVectorization:
    """TextVectorization with Keras' default standardising and splitting, ids 0 pad, 1 OOV, 2.. the
    words of ``vocabulary`` in order, every sentence cut or padded (at the end) to ``length`` ids."""
    _check_vocabulary(vocabulary)
    length = check_positive_int("length", length)
    return keras.layers.TextVectorization(vocabulary=list(vocabulary), output_sequence_length=length,
                                          name="vectorize")


def build_sentiment_model(vocab_size, *, bidirectional=True, kind="lstm", embed_dim=32, units=32, seed=0,
                          learning_rate=3e-3) -> keras.Model:
    """ids (B, T) -> Embedding(V, E, mask_zero=True) -> [Bidirectional] ``kind``(H) -> Dense(1, sigmoid).

    The mask (ids != 0) makes the recurrent layer skip the padding: its output is the state after the
    sentence's last real word (the backward half of a Bidirectional layer starts from that word).
    Compiled with Adam(learning_rate), binary cross-entropy and accuracy. Same call, same weights.
    """
    V = check_positive_int("vocab_size", vocab_size)
    bidirectional = check_bool("bidirectional", bidirectional)
    kind = check_choice("kind", kind, SENTIMENT_KINDS)
    E, H = check_positive_int("embed_dim", embed_dim), check_positive_int("units", units)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    ids = keras.Input(shape=(None,), dtype="int32", name="ids")                       # (B, T)
    e = keras.layers.Embedding(V, E, mask_zero=True, name="embedding")(ids)           # (B, T, E), mask
    if bidirectional:
        h = keras.layers.Bidirectional(recurrent_layer(kind, H), name="rnn")(e)        # (B, 2H)
    else:
        h = recurrent_layer(kind, H, name="rnn")(e)                                    # (B, H)
    p = keras.layers.Dense(1, activation="sigmoid", name="head")(h)                   # (B, 1)
    model = keras.Model(ids, p, name=f"{'bi' if bidirectional else ''}{kind}_sentiment")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


def _check_model(model) -> int:
    if not isinstance(model, keras.Model):
        raise TypeError(f"model: expected a Keras model from build_sentiment_model, "
                        f"got {type(model).__name__}")
    names = [layer.name for layer in model.layers]
    if not {"embedding", "rnn", "head"} <= set(names):
        raise ValueError(f"model: expected the layers embedding, rnn, head of build_sentiment_model, "
                         f"got {names}")
    return model.get_layer("embedding").input_dim


def train_sentiment_model(model, ids_train, y_train, ids_val, y_val, *, epochs=5, batch_size=32) -> dict:
    """Fit ``model`` for ``epochs`` (shuffled, seeded by the builder's seed); returns History.history."""
    V = _check_model(model)
    x_train, x_val = _check_ids("ids_train", ids_train, V), _check_ids("ids_val", ids_val, V)
    y_train = _check_labels("y_train", y_train, len(x_train))
    y_val = _check_labels("y_val", y_val, len(x_val))
    epochs, batch_size = check_positive_int("epochs", epochs), check_positive_int("batch_size", batch_size)
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     verbose=0).history


def predict_positive(model, ids) -> np.ndarray:
    """(N,) P(positive) for the sentences ``ids`` (N, T), float64 (a direct call, no ``predict``)."""
    V = _check_model(model)
    ids = _check_ids("ids", ids, V)
    out = [np.asarray(model(ids[s:s + 512], training=False)) for s in range(0, len(ids), 512)]
    return np.concatenate(out)[:, 0].astype(np.float64)


def running_predictions(model, ids) -> np.ndarray:
    """(N, T) P(positive) read after each word: the head applied to h_t, the state after word t.

    Only for a forward (not bidirectional) model: the same weights in a copy of its recurrent layer
    with ``return_sequences=True``. Steps after a sentence's end (padding) are NaN; at its last word
    the value is the model's prediction for the whole sentence.
    """
    V = _check_model(model)
    ids = _check_ids("ids", ids, V)
    rnn = model.get_layer("rnn")
    if isinstance(rnn, keras.layers.Bidirectional):
        raise ValueError("model: expected a forward model (bidirectional=False): a bidirectional layer's "
                         "state after word t has already read the words after t")
    every = type(rnn).from_config({**rnn.get_config(), "return_sequences": True, "name": "rnn_every_step"})
    e = model.get_layer("embedding")(ids)                                            # (N, T, E)
    every.build(e.shape)
    every.set_weights(rnn.get_weights())
    hs = every(e, mask=ids != 0)                                                     # (N, T, H)
    p = np.asarray(model.get_layer("head")(hs))[..., 0].astype(np.float64)           # (N, T)
    return np.where(ids != 0, p, np.nan)
