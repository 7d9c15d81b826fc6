"""The Keras notebook's comparisons over seeds: architectures on 8-step digits, relu and tanh on 64 steps.

    settings, runs = architectures(seeds=(0, 1, 2, 3, 4))     # what `python -m rnn_helpers.sweeps` runs
    record = classifier_record(run)                           # one run as the results file stores it

Every run is ``models.classifiers.train_classifier`` with the notebook's settings, so a notebook that
trains one of these points live gets the same numbers, up to the last digits that differ by CPU.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.datasets.digits import digit_sequence_splits
from rnn_helpers.models.callbacks import DeadUnitHistory, GradientNormHistory
from rnn_helpers.models.classifiers import (
    FORMULAS,
    KINDS,
    LABELS,
    TrainedModel,
    expected_param_count,
    train_classifier,
)
from rnn_helpers.sweeps import Sweep, check_seeds, per_epoch

SEEDS = (0, 1, 2, 3, 4)
ARCH_EPOCHS = 10          # the Keras notebook's EPOCHS
PIXEL_EPOCHS = 12         # twice the notebook's live 6, to show what a longer budget changes
PIXEL_PROBE = 32          # validation examples the per-step gradient probe reads


def classifier_record(run, **extra) -> dict:
    """One TrainedModel as a dict of plain numbers: scores, per-epoch curves, parameters, s/epoch."""
    if not isinstance(run, TrainedModel):
        raise TypeError(f"run: expected a TrainedModel (from train_classifier), got {type(run).__name__}")
    history = per_epoch(run.history)
    return {"kind": run.kind, "activation": run.activation, "seed": run.seed,
            "test_accuracy": run.test_accuracy, "test_loss": run.test_loss,
            "parameters": int(run.model.count_params()), "seconds_per_epoch": run.seconds_per_epoch,
            **history, **extra}


def architectures(seeds=SEEDS):
    """Every kind of KINDS, tanh, 64 units, ARCH_EPOCHS epochs, Adam 3e-3, on the 8-step digits."""
    seeds = check_seeds(seeds)
    data = digit_sequence_splits(seed=0)
    settings = {"data": "digit_sequence_splits(seed=0): 8 steps of 8 pixels", "kinds": list(KINDS),
                "seeds": list(seeds), "epochs": ARCH_EPOCHS, "units": 64, "activation": "tanh",
                "optimizer": "Adam(3e-3)", "batch_size": 64}
    runs = [classifier_record(train_classifier(kind, data, epochs=ARCH_EPOCHS, seed=seed))
            for kind in KINDS for seed in seeds]
    return settings, runs


ROWS_PROBE, ROWS_EVERY = 128, 5   # the row-by-row probe: validation examples, every 5 training steps


def rows_run(kind, activation, seed, epochs=ARCH_EPOCHS):
    """One 8-step run with the notebook's gradient probe: (TrainedModel, GradientNormHistory, record).

    The record adds the recurrent layer's gradient swing (largest / median of its probe norms), the
    largest |h_T| on the test digits, and the probe's steps and per-layer norms.
    """
    data = digit_sequence_splits(seed=0)
    probe = GradientNormHistory(data.x_val[:ROWS_PROBE], data.y_val[:ROWS_PROBE], every=ROWS_EVERY)
    run = train_classifier(kind, data, activation=activation, epochs=epochs, seed=seed, callbacks=[probe])
    h_T = np.asarray(run.model.get_layer("rnn")(data.x_test))              # (N, H)
    rnn = np.asarray(probe.norms["rnn"])
    return run, probe, classifier_record(
        run, gradient_swing=float(rnn.max() / np.median(rnn)), max_abs_h_T=float(np.abs(h_T).max()),
        gradient_steps=probe.steps, gradient_norms=probe.norms, nonfinite_steps=probe.nonfinite_steps)


def rows_activation(seeds=SEEDS):
    """SimpleRNN and LSTM, relu and tanh, on the 8-step digits, with the row-by-row gradient probe."""
    seeds = check_seeds(seeds)
    settings = {"data": "digit_sequence_splits(seed=0): 8 steps of 8 pixels",
                "kinds": ["simple_rnn", "lstm"], "activations": ["relu", "tanh"], "seeds": list(seeds),
                "epochs": ARCH_EPOCHS, "units": 64, "optimizer": "Adam(3e-3)", "batch_size": 64,
                "gradient probe": f"per-layer gradient norms on {ROWS_PROBE} validation examples, "
                                  f"every {ROWS_EVERY} steps"}
    runs = [rows_run(kind, activation, seed)[2]
            for kind in ("simple_rnn", "lstm") for activation in ("relu", "tanh") for seed in seeds]
    return settings, runs


def pixel_run(kind, activation, seed, epochs=PIXEL_EPOCHS):
    """One 64-step run with the probes of the notebook: (TrainedModel, its record)."""
    pixels = digit_sequence_splits(seed=0).reshaped(64, 1)
    probe = GradientNormHistory(pixels.x_val[:PIXEL_PROBE], pixels.y_val[:PIXEL_PROBE], every=1)
    dead = DeadUnitHistory(pixels.x_val)
    run = train_classifier(kind, pixels, activation=activation, epochs=epochs, seed=seed,
                           callbacks=[probe, dead])
    return run, classifier_record(run, total_gradient_norm=probe.total, dead_units=dead.dead,
                                  nonfinite_steps=probe.nonfinite_steps)


def pixels(seeds=SEEDS):
    """SimpleRNN and LSTM, relu and tanh, on the digits read pixel by pixel (64 steps of 1 feature)."""
    seeds = check_seeds(seeds)
    settings = {"data": "digit_sequence_splits(seed=0).reshaped(64, 1): 64 steps of 1 pixel",
                "kinds": ["simple_rnn", "lstm"], "activations": ["relu", "tanh"], "seeds": list(seeds),
                "epochs": PIXEL_EPOCHS, "units": 64, "optimizer": "Adam(3e-3)", "batch_size": 64,
                "gradient probe": f"total gradient norm on {PIXEL_PROBE} validation examples, every step",
                "dead units": "units whose h_T is exactly 0 on every validation example, after each epoch"}
    runs = [pixel_run(kind, activation, seed)[1]
            for kind in ("simple_rnn", "lstm") for activation in ("relu", "tanh") for seed in seeds]
    return settings, runs


def architecture_table(sweep) -> str:
    """A Markdown table of the architectures sweep: formula, parameters, s/epoch, accuracy over seeds."""

    if not isinstance(sweep, Sweep) or sweep.name != "digits_architectures":
        raise TypeError(f"sweep: expected load_sweep('digits_architectures'), got "
                        f"{getattr(sweep, 'name', type(sweep).__name__)!r}")
    n = len(sweep.settings["seeds"])
    rows = [f"| model | recurrent formula | parameters (formula + head) | s / epoch (median) "
            f"| test accuracy, mean ± sd over {n} seeds | lowest – highest |",
            "|---|---|---:|---:|---:|---:|"]
    for kind in sweep.settings["kinds"]:
        acc = sweep.values("test_accuracy", kind=kind)                     # (seeds,)
        seconds = np.median(sweep.values("seconds_per_epoch", kind=kind))
        params = expected_param_count(kind, 8, sweep.settings["units"], 10)
        rows.append(f"| {LABELS[kind]} | {FORMULAS[kind]} | {params:,} | {seconds:.2f} "
                    f"| {acc.mean():.3f} ± {acc.std(ddof=1):.3f} | {acc.min():.3f} – {acc.max():.3f} |")
    return "\n".join(rows)
