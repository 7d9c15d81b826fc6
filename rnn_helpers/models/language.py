"""The character-level language model: Embedding -> LSTM or GRU (every step) -> Dense logits.

    model = build_char_model(vocab.size, "lstm", embed_dim=32, units=128, seed=0)
    model.fit(x, y, batch_size=64, epochs=3)                     # x, y from datasets.chars.char_windows
    model_bits_per_char(model, x_val, y_val)                     # mean cross-entropy / ln 2
    step = keras_step_fn(model)                                  # one character at a time, for sampling.py

Layers are named ``embedding``, ``rnn``, ``logits``. Importing this module imports Keras: call
``setup_notebook()`` first.
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_helpers._checks import (
    as_numbers,
    check_choice,
    check_positive_int,
    check_positive_number,
    check_seed,
)
from rnn_helpers.gates import record_gates
from rnn_helpers.models.layers import RECURRENT_LAYERS, recurrent_layer
from rnn_helpers.reference.char_rnn import _check_char_rnn_args

CHAR_KINDS = tuple(RECURRENT_LAYERS)            # "simple_rnn", "lstm", "gru"


def build_char_model(vocab_size, kind="lstm", *, embed_dim=32, units=128, seed=0,
                     learning_rate=3e-3) -> keras.Model:
    """ids (B, T) -> Embedding(V, embed_dim) -> ``kind``(units, every step) -> Dense(V): logits (B, T, V).

    Compiled with Adam(learning_rate) and SparseCategoricalCrossentropy(from_logits=True), the mean
    over every (sequence, step) of -ln P(next character). T is free (None), so a model trained on
    windows of 100 reads a prompt of any length. The same call gives the same weights, bit for bit.
    """
    V = check_positive_int("vocab_size", vocab_size)
    kind = check_choice("kind", kind, CHAR_KINDS)
    embed_dim, units = check_positive_int("embed_dim", embed_dim), check_positive_int("units", units)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    ids = keras.Input(shape=(None,), dtype="int32", name="ids")                      # (B, T)
    e = keras.layers.Embedding(V, embed_dim, name="embedding")(ids)                  # (B, T, E)
    h = recurrent_layer(kind, units, seed=seed, return_sequences=True, name="rnn")(e)   # (B, T, H)
    logits = keras.layers.Dense(V, name="logits")(h)                                 # (B, T, V)
    model = keras.Model(ids, logits, name=f"char_{kind}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


def build_stacked_char_model(vocab_size, kind="lstm", *, layers=2, embed_dim=32, units=128, seed=0,
                             learning_rate=3e-3) -> keras.Model:
    """``build_char_model`` with ``layers`` recurrent layers stacked, named rnn_1 (reads the
    embeddings) ... rnn_<layers> (feeds the logits): ids (B, T) -> logits (B, T, V), compiled alike."""
    V = check_positive_int("vocab_size", vocab_size)
    kind = check_choice("kind", kind, CHAR_KINDS)
    layers = check_positive_int("layers", layers)
    if layers < 2:
        raise ValueError(f"layers: expected at least 2 (one layer is build_char_model), got {layers}")
    embed_dim, units = check_positive_int("embed_dim", embed_dim), check_positive_int("units", units)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    ids = keras.Input(shape=(None,), dtype="int32", name="ids")                      # (B, T)
    h = keras.layers.Embedding(V, embed_dim, name="embedding")(ids)                  # (B, T, E)
    for k in range(1, layers + 1):
        h = recurrent_layer(kind, units, seed=seed + k, return_sequences=True, name=f"rnn_{k}")(h)  # (B,T,H)
    logits = keras.layers.Dense(V, name="logits")(h)                                 # (B, T, V)
    model = keras.Model(ids, logits, name=f"char_{kind}_x{layers}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


def _recurrent_names(model) -> list[str]:
    names = [layer.name for layer in model.layers]
    return ["rnn"] if "rnn" in names else sorted((n for n in names if n.startswith("rnn_")),
                                                 key=lambda n: int(n.split("_")[1]))


def _check_char_model(model, *, stacked=False):
    if not isinstance(model, keras.Model):
        raise TypeError(f"model: expected a Keras model from build_char_model, got {type(model).__name__}")
    names = [layer.name for layer in model.layers]
    one = {"embedding", "rnn", "logits"} <= set(names)
    if not one and not (stacked and {"embedding", "rnn_1", "logits"} <= set(names)):
        built = "build_char_model or build_stacked_char_model" if stacked else "build_char_model (one layer)"
        raise ValueError(f"model: expected the layers embedding, rnn, logits of {built}, got {names}")
    return model.get_layer("embedding").input_dim


def record_layer_gates(model, ids) -> list:
    """Every gate of every recurrent LSTM layer of ``model`` (one layer or stacked) reading ``ids``
    (T,) from the zero state: a list of GateRecord (``gates.record_gates``), bottom layer first."""
    V = _check_char_model(model, stacked=True)
    ids = _check_windows("ids", np.asarray(ids)[None] if np.ndim(ids) == 1 else ids, V)
    if ids.shape[0] != 1:
        raise ValueError(f"ids: expected one sequence (T,) of ids, got shape {ids.shape}")
    x = np.asarray(model.get_layer("embedding")(ids))                                   # (1, T, E)
    records = []
    for name in _recurrent_names(model):
        records.append(record_gates(model.get_layer(name), x))          # TypeError unless an LSTM or GRU
        x = records[-1].h                  # (1, T, H): the layer's outputs (numpy, = Keras'), the next input
    return records


def _check_windows(name, ids, V):
    arr = as_numbers(name, ids, ndim=2)
    if not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name}: expected integer ids, got dtype {arr.dtype}")
    if arr.size == 0:
        raise ValueError(f"{name}: expected at least one window, got shape {arr.shape}")
    if arr.min() < 0 or arr.max() >= V:
        raise ValueError(f"{name}: expected ids in [0, {V - 1}], got ids from {arr.min()} to {arr.max()}")
    return arr


def model_bits_per_char(model, x, y, *, batch_size=256) -> float:
    """Mean over the windows' targets of -log2 P(y | x so far): the cross-entropy in nats / ln 2.

    x, y: (N, T) integer ids, e.g. from ``char_windows`` on held-out text (the state starts at
    zero in every window, so early steps have little context).
    """
    V = _check_char_model(model, stacked=True)
    x, y = _check_windows("x", x, V), _check_windows("y", y, V)
    if y.shape != x.shape:
        raise ValueError(f"y: expected the shape of x {x.shape}, got {y.shape}")
    batch_size = check_positive_int("batch_size", batch_size)
    total = 0.0
    for s in range(0, len(x), batch_size):
        z = np.asarray(model(x[s:s + batch_size], training=False), dtype=np.float64)   # (b, T, V)
        z = z - z.max(axis=-1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))                       # log-softmax
        total -= np.take_along_axis(log_p, y[s:s + batch_size, :, None], axis=-1).sum()
    return float(total / y.size / np.log(2))                                            # nats -> bits


def keras_step_fn(model):
    """``step(ids, state) -> (logits, state)``: the model read one character at a time.

    ids: (B,) integer ids; state: None (zeros) or the state the previous call returned, a tuple of
    (B, H) arrays ((h,) for a GRU or SimpleRNN, (h, c) for an LSTM). It calls the recurrent
    layer's cell, the same weights and equations the layer loops over, so T calls equal the
    model on the whole sequence (``tests/models/test_language.py``). Logits come back as (B, V) numpy.
    """
    V = _check_char_model(model)
    embedding, head = model.get_layer("embedding"), model.get_layer("logits")
    cell = model.get_layer("rnn").cell                  # one step: (x_t, states) -> (h_t, new states)
    n_states = len(cell.state_size) if isinstance(cell.state_size, (list, tuple)) else 1

    def step(ids, state=None):
        ids = as_numbers("ids", ids, ndim=1)
        if not np.issubdtype(ids.dtype, np.integer) or ids.size == 0 or ids.min() < 0 or ids.max() >= V:
            raise ValueError(f"ids: expected a non-empty (B,) array of integer ids in [0, {V - 1}], "
                             f"got {ids}")
        if state is None:
            state = tuple(np.zeros((ids.size, cell.units), dtype="float32") for _ in range(n_states))
        x_t = embedding(ids.astype("int32"))                                             # (B, E)
        h_t, new_state = cell(x_t, list(state), training=False)                          # (B, H)
        new_state = new_state if isinstance(new_state, (list, tuple)) else [new_state]
        return np.asarray(head(h_t)), tuple(np.asarray(s) for s in new_state)           # (B, V)

    return step


def stateful_char_model(model) -> keras.Model:
    """A copy of ``model`` (from ``build_char_model``) whose recurrent layer is ``stateful=True``.

    One sequence (batch size 1, any length): each call starts from the state the previous call
    left, so feeding a text in pieces (one character at a time, say) equals feeding it whole, and
    equals carrying the state by hand with ``keras_step_fn``. ``model.get_layer("rnn").reset_states()``
    goes back to zeros. The weights are copied, so training ``model`` later does not change the copy.
    """
    _check_char_model(model)
    embedding, rnn, head = (model.get_layer(n) for n in ("embedding", "rnn", "logits"))
    kind = {"LSTM": "lstm", "GRU": "gru", "SimpleRNN": "simple_rnn"}[type(rnn).__name__]
    ids = keras.Input(batch_shape=(1, None), dtype="int32", name="ids")                # (1, T)
    e = keras.layers.Embedding(embedding.input_dim, embedding.output_dim, name="embedding")(ids)
    h = recurrent_layer(kind, rnn.units, return_sequences=True, stateful=True, name="rnn")(e)
    logits = keras.layers.Dense(head.units, name="logits")(h)                          # (1, T, V)
    copy = keras.Model(ids, logits, name=f"{model.name}_stateful")
    for name in ("embedding", "rnn", "logits"):
        copy.get_layer(name).set_weights(model.get_layer(name).get_weights())
    return copy


def train_keras_char_rnn(ids, vocab_size, steps=300, hidden_size=64, seq_len=25, learning_rate=0.1, seed=0):
    """min-char-rnn's recipe in Keras: one-hot -> SimpleRNN(H, stateful) -> Dense(V), Adagrad, clipping.

    The same consecutive windows as ``reference.char_rnn.train_char_rnn`` (the state carried from one
    window to the next, reset at the start of the text), one ``train_on_batch`` per window, each
    gradient clipped to [-5, 5]. Returns the (steps,) training losses in nats per character.
    """
    ids, V, steps, H, T, learning_rate = _check_char_rnn_args(ids, vocab_size, steps, hidden_size, seq_len,
                                                              learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    x_in = keras.Input(batch_shape=(1, T, V), name="one_hot")                               # (1, T, V)
    h = keras.layers.SimpleRNN(H, return_sequences=True, stateful=True, name="rnn")(x_in)   # (1, T, H)
    model = keras.Model(x_in, keras.layers.Dense(V, name="logits")(h), name="keras_min_char_rnn")
    model.compile(optimizer=keras.optimizers.Adagrad(learning_rate, clipvalue=5.0),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    one_hot, pos, losses = np.eye(V, dtype="float32"), 0, np.empty(steps)
    for step in range(steps):
        if pos + T + 1 > ids.size:
            model.get_layer("rnn").reset_states()                                          # back to the start
            pos = 0
        x_t, y_t = one_hot[ids[pos:pos + T]][None], ids[None, pos + 1:pos + T + 1]         # (1, T, V), (1, T)
        losses[step] = float(model.train_on_batch(x_t, y_t))
        pos += T
    return losses


def reference_step_fn(model):
    """Like ``keras_step_fn``, but the step runs in numpy (float64) with the model's own weights:
    ``reference.forward`` over one step, the embedding row and the Dense layer as matrix products.
    About a hundred times faster per character than calling Keras eagerly, for long samples.
    """
    from rnn_helpers.reference import forward, layer_kind, params_from_keras

    V = _check_char_model(model)
    rnn = model.get_layer("rnn")
    kind, params = layer_kind(rnn), params_from_keras(rnn)
    table = np.asarray(model.get_layer("embedding").get_weights()[0], dtype=np.float64)      # (V, E)
    W, b = (np.asarray(w, dtype=np.float64) for w in model.get_layer("logits").get_weights())  # (H, V), (V,)

    def step(ids, state=None):
        ids = as_numbers("ids", ids, ndim=1)
        if not np.issubdtype(ids.dtype, np.integer) or ids.size == 0 or ids.min() < 0 or ids.max() >= V:
            raise ValueError(f"ids: expected a non-empty (B,) array of integer ids in [0, {V - 1}], "
                             f"got {ids}")
        hs, new_state, _ = forward(kind, table[ids][:, None, :], params, state)                   # (B, 1, H)
        return hs[:, 0] @ W + b, tuple(new_state)                                                # (B, V)

    return step
