"""The beyond-RNNs notebook's comparison: five models on the temporal order problem at growing lengths.

    data = long_range_data(100)                            # train / val / test sequences of 100 steps
    record, model = long_range_run("transformer", 100, seed=0)   # one point: the notebook reruns one
    settings, runs = long_range_models(seeds=(0, 1, 2))     # every model x length x seed
    settings, runs = long_range_timing(seeds=(0, 1, 2))     # seconds per epoch, on a quiet machine

The task is Hochreiter & Schmidhuber's temporal order problem (``temporal_order_problem``): two
symbols, X or Y, at about T/10 and T/2 among T distractors; the class is their order (XX, XY, YX,
YY), chance 0.25. Each model (``build_long_range_model``: SimpleRNN, LSTM, GRU, minGRU and a
two-block Transformer, 16,800-17,600 weights each) trains ``EPOCHS`` epochs on ``SIZES``
sequences with Adam(3e-3), batch 32, and is scored on fresh test sequences. The sequences depend
only on T (fixed data seeds); the seed sets the weights and the batch order. ``long_range_timing``
measures training time alone: one warm-up epoch, then the fastest of ``TIMED_EPOCHS`` epochs over
``TIMING_SEQUENCES`` sequences, per model and length, one repeat per seed.
"""

from __future__ import annotations

import time

import numpy as np

from rnn_helpers._checks import check_choice, check_int, check_seed
from rnn_helpers.datasets.synthetic import TEMPORAL_ORDER_CHANCE, temporal_order_problem
from rnn_helpers.sweeps import check_seeds

SEEDS = (0, 1, 2)
LENGTHS = (25, 50, 100, 200, 400)
MODELS = ("simple_rnn", "lstm", "gru", "min_gru", "transformer")
SIZES = {"train": 1000, "val": 500, "test": 1000}
DATA_SEEDS = {"train": 100, "val": 101, "test": 102}
EPOCHS, BATCH_SIZE, LEARNING_RATE = 10, 32, 3e-3
TIMING_SEQUENCES, TIMED_EPOCHS = 320, 3


def long_range_data(seq_len) -> dict:
    """{"train" | "val" | "test": (x (n, T, 8) one-hot, y (n,) order classes)} for sequences of seq_len."""
    T = check_int("seq_len", seq_len, low=4)
    return {part: temporal_order_problem(n, T, seed=DATA_SEEDS[part]) for part, n in SIZES.items()}


def _check_data(data, T) -> dict:
    """``data`` if it is long_range_data(T)'s kind: {train, val, test: (x (n, T, 8), y (n,))}, else raise."""
    if not isinstance(data, dict):
        raise TypeError(f"data: expected the dict of long_range_data({T}), got {type(data).__name__}")
    parts = [data.get(part) for part in SIZES]
    if set(data) != set(SIZES) or not all(isinstance(p, tuple) and len(p) == 2 for p in parts) \
            or any(np.ndim(p[0]) != 3 or np.shape(p[0])[1] != T for p in parts):
        raise ValueError(f"data: expected long_range_data({T}) (train, val and test, each (x, y) of {T} "
                         f"steps), got {sorted(map(str, data))}")
    return data


def long_range_run(model, seq_len, seed, data=None) -> tuple[dict, object]:
    """One model at one length with one seed, trained and scored: (record of plain numbers, the model)."""
    from rnn_helpers.models.long_range import (
        build_long_range_model,
        long_range_accuracy,
        train_long_range_model,
    )

    model = check_choice("model", model, MODELS)
    T, seed = check_int("seq_len", seq_len, low=4), check_seed(seed)
    data = long_range_data(T) if data is None else _check_data(data, T)
    net = build_long_range_model(model, T, seed=seed, learning_rate=LEARNING_RATE)
    history, seconds = train_long_range_model(net, *data["train"], *data["val"], epochs=EPOCHS,
                                              batch_size=BATCH_SIZE)
    record = {"model": model, "seq_len": T, "seed": seed, "weights": int(net.count_params()),
              "val_loss": history["val_loss"], "val_accuracy": history["val_accuracy"],
              "accuracy": long_range_accuracy(net, *data["test"]), "epoch_seconds": seconds}
    return record, net


def long_range_models(seeds=SEEDS):
    """Every model at every length with each seed."""
    from rnn_helpers.models.long_range import SIZES as MODEL_SIZES

    seeds = check_seeds(seeds)
    settings = {"task": "temporal order (Hochreiter & Schmidhuber 1997, task 6a), 4 classes",
                "lengths": list(LENGTHS), "models": list(MODELS), "sizes": MODEL_SIZES, "data": SIZES,
                "data_seeds": DATA_SEEDS, "seeds": list(seeds), "epochs": EPOCHS, "batch_size": BATCH_SIZE,
                "learning_rate": LEARNING_RATE, "chance": TEMPORAL_ORDER_CHANCE}
    runs = []
    for T in LENGTHS:
        data = long_range_data(T)
        runs += [long_range_run(model, T, seed, data)[0] for model in MODELS for seed in seeds]
    return settings, runs


def timing_run(model, seq_len, seed) -> dict:
    """Seconds per training epoch over TIMING_SEQUENCES sequences (fastest of TIMED_EPOCHS after a
    warm-up epoch) and of one forward pass over a batch of BATCH_SIZE."""
    from rnn_helpers.models.long_range import build_long_range_model, time_forward

    model = check_choice("model", model, MODELS)
    T, seed = check_int("seq_len", seq_len, low=4), check_seed(seed)
    x, y = temporal_order_problem(TIMING_SEQUENCES, T, seed=DATA_SEEDS["train"])
    net = build_long_range_model(model, T, seed=seed, learning_rate=LEARNING_RATE)
    net.fit(x, y, batch_size=BATCH_SIZE, epochs=1, verbose=0)             # warm-up: traces the graph
    epochs, losses = [], []
    for _ in range(TIMED_EPOCHS):
        start = time.perf_counter()
        history = net.fit(x, y, batch_size=BATCH_SIZE, epochs=1, verbose=0).history
        epochs.append(time.perf_counter() - start)
        losses.append(float(history["loss"][-1]))
    return {"model": model, "seq_len": T, "seed": seed, "epoch_seconds": float(min(epochs)),
            "forward_seconds": time_forward(net, x[:BATCH_SIZE]), "batches": TIMING_SEQUENCES // BATCH_SIZE,
            "loss": losses}


def long_range_timing(seeds=SEEDS):
    """Training and forward time against length for every model, one repeat per seed."""
    seeds = check_seeds(seeds)
    settings = {"lengths": list(LENGTHS), "models": list(MODELS), "sequences": TIMING_SEQUENCES,
                "batch_size": BATCH_SIZE, "timed_epochs": TIMED_EPOCHS, "seeds": list(seeds),
                "epochs": TIMED_EPOCHS}
    return settings, [timing_run(model, T, seed) for T in LENGTHS for model in MODELS for seed in seeds]


def accuracy_by_length(sweep) -> dict:
    """{model: test accuracy (seeds, lengths)} from the committed ``long_range_models`` sweep."""
    if getattr(sweep, "name", None) != "long_range_models":
        raise TypeError(f"sweep: expected load_sweep('long_range_models'), got {sweep!r:.60}")
    lengths = sweep.settings["lengths"]
    return {m: np.stack([sweep.values("accuracy", model=m, seq_len=T) for T in lengths], axis=1)
            for m in sweep.settings["models"]}
