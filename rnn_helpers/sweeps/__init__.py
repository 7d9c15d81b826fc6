"""Sweeps: comparisons over many seeds or models, too slow for a notebook, run once and committed.

    python -m rnn_helpers.sweeps digits_architectures    # run one sweep, write results/<name>.json
    python -m rnn_helpers.sweeps --all                   # every sweep (run times in SWEEPS)
    sweep = load_sweep("digits_architectures")           # in a notebook: the committed results
    sweep.values("test_accuracy", kind="gru")            # (seeds,) one value per seed
    sweep.one(kind="lstm", seed=0)["test_accuracy"]      # the point a notebook reruns live

A notebook plots the committed results and reruns one point live with the same function the sweep
used, asserting that the two agree within a tolerance: trained numbers differ in their last digits
from one CPU to another, so the file is compared with a tolerance, never digit for digit.
Loading needs neither TensorFlow nor Keras; running a sweep imports both.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnn_helpers._checks import check_choice, check_seed

RESULTS = Path(__file__).resolve().parent / "results"
# name -> (module, function, what it compares, measured run time on a 2-core CPU)
SWEEPS = {
    "digits_architectures": ("rnn_helpers.sweeps.digits", "architectures",
                             "five recurrent architectures on 8-step digits, 5 seeds", "about 2 min"),
    "digits_rows_activation": ("rnn_helpers.sweeps.digits", "rows_activation",
                               "SimpleRNN and LSTM, relu and tanh, on 8-step digits, 5 seeds",
                               "about 1.5 min"),
    "digits_pixels": ("rnn_helpers.sweeps.digits", "pixels",
                      "SimpleRNN and LSTM, relu and tanh, on 64-step pixel digits, 5 seeds", "about 3 min"),
    "first_value_initialisations": ("rnn_helpers.sweeps.memory", "initialisations",
                                    "four SimpleRNN initialisations remembering x_0 over 40 steps, 5 seeds",
                                    "about 2 min"),
    "adding_clipping": ("rnn_helpers.sweeps.clipping", "clipping",
                        "the starting code's ReLU SimpleRNN on the adding problem, Adam(1e-2) with and "
                        "without global_clipnorm=1, 5 seeds", "about 1 min"),
    "adding_baselines": ("rnn_helpers.sweeps.adding", "adding_baselines",
                         "SimpleRNN (small random, orthogonal), LSTM and GRU on the adding problem, 3 seeds",
                         "about 2.5 min"),
    # -- 05 text generation --
    "text_generation_seeds": ("rnn_helpers.sweeps.text_generation", "char_seeds",
                              "the character LSTM and GRU on Shakespeare against the n-gram baselines, "
                              "3 seeds", "about 2 min"),
    # -- 06 sentiment --
    "sentiment_models": ("rnn_helpers.sweeps.sentiment", "sentiment_models",
                         "majority class, bag of words, LSTM and Bidirectional(LSTM) on the review "
                         "sentences, 5 seeds (split and weights)", "about 4 min"),
    # -- 07 translation --
    "translation_attention": ("rnn_helpers.sweeps.translation", "attention_comparison",
                              "the date translator without and with attention, same budget, 3 seeds",
                              "about 2 min"),
    "translation_verses": ("rnn_helpers.sweeps.translation", "verse_comparison",
                           "the word-level English -> Spanish verse translator, BLEU, 3 seeds",
                           "under 1 min"),
    # -- 08 forecasting --
    "forecasting_models": ("rnn_helpers.sweeps.forecasting", "forecast_models",
                           "naive, seasonal naive, linear AR and GRU (recursive and direct) on CO2 and "
                           "the airline passengers, 3 seeds", "about 1.5 min"),
    # -- 09 speech recognition --
    "speech_models": ("rnn_helpers.sweeps.speech", "speech_models",
                      "the CTC digit-string recogniser, Bidirectional(GRU) and forward GRU, on held-out "
                      "voices and real recordings, 3 seeds", "about 1.5 min"),
    # -- 10 music generation --
    "music_models": ("rnn_helpers.sweeps.music", "music_models",
                     "the chorale LSTM against repeat-the-last-note and two per-voice n-grams, with "
                     "samples at three temperatures, 3 seeds", "about 1 min"),
    # -- 11 video --
    "video_models": ("rnn_helpers.sweeps.video", "video_models",
                     "the ConvLSTM next-frame predictor against copy-last, blank and constant-shift "
                     "frames; the per-frame CNN with a GRU against the same CNN averaged over frames, "
                     "3 seeds", "about 1.5 min"),
    # -- 12 beyond RNNs --
    "long_range_models": ("rnn_helpers.sweeps.long_range", "long_range_models",
                          "SimpleRNN, LSTM, GRU, minGRU and a Transformer on the temporal order problem at "
                          "T = 25 to 400, 3 seeds", "about 40 min"),
    "long_range_timing": ("rnn_helpers.sweeps.long_range", "long_range_timing",
                          "seconds per training epoch and per forward pass of the same five models "
                          "against T, 3 repeats", "about 6 min"),
}


@dataclass(frozen=True)
class Sweep:
    """One sweep's committed results: its settings, the environment it ran in, and one dict per run."""

    name: str
    command: str
    seconds: float
    settings: dict
    environment: dict
    runs: tuple

    def select(self, **where) -> list[dict]:
        """The runs whose fields equal ``where`` (e.g. ``kind="lstm", activation="relu"``)."""
        fields = set().union(*(run.keys() for run in self.runs))
        for key, value in where.items():
            if key not in fields:
                raise ValueError(f"{key}: expected a field of the runs of {self.name!r} "
                                 f"({sorted(fields)}), got {key}={value!r}")
        return [run for run in self.runs if all(run.get(k) == v for k, v in where.items())]

    def one(self, **where) -> dict:
        """The single run matching ``where``; a ValueError if there is none or more than one."""
        found = self.select(**where)
        if len(found) != 1:
            raise ValueError(f"where: expected exactly one run of {self.name!r} with {where}, "
                             f"got {len(found)}")
        return found[0]

    def values(self, key, **where) -> np.ndarray:
        """``key`` of every run matching ``where``, in seed order: (runs,) or (runs, epochs)."""
        found = sorted(self.select(**where), key=lambda run: run.get("seed", 0))
        if not found:
            raise ValueError(f"where: expected at least one run of {self.name!r} with {where}, got none")
        if any(key not in run for run in found):
            raise ValueError(f"key: expected a field of the runs of {self.name!r} "
                             f"({sorted(found[0])}), got {key!r}")
        return np.asarray([run[key] for run in found], dtype=np.float64)


def per_epoch(history) -> dict:
    """A Keras ``History.history`` (or TrainedModel.history) as {metric: list of floats per epoch}."""
    if not isinstance(history, dict):
        raise TypeError(f"history: expected a dict {{metric: values per epoch}} (History.history), "
                        f"got {type(history).__name__}")
    return {key: [float(v) for v in values] for key, values in history.items()}


def check_seeds(seeds) -> tuple[int, ...]:
    """``seeds`` as a non-empty tuple of distinct non-negative integers, else an error naming ``seeds``."""
    if not isinstance(seeds, (list, tuple, range)):
        raise TypeError(f"seeds: expected a list or tuple of non-negative integers, "
                        f"got {type(seeds).__name__}")
    try:
        checked = tuple(check_seed(seed) for seed in seeds)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"seeds: expected non-negative integers, got {list(seeds)} ({exc})") from None
    if not checked or len(set(checked)) != len(checked):
        raise ValueError(f"seeds: expected at least one seed and no seed twice, got {list(seeds)}")
    return checked


def load_sweep(name) -> Sweep:
    """The committed results of sweep ``name`` (one of SWEEPS), from ``results/<name>.json``."""
    check_choice("name", name, tuple(SWEEPS))
    path = RESULTS / f"{name}.json"
    if not path.is_file():
        raise ValueError(f"name: expected the results file {path.name} of sweep {name!r} in "
                         f"rnn_helpers/sweeps/results/, got no such file; make it with "
                         f"`python -m rnn_helpers.sweeps {name}`")
    stored = json.loads(path.read_text())
    return Sweep(name, stored["command"], stored["seconds"], stored["settings"], stored["environment"],
                 tuple(stored["runs"]))


def run_sweep(name, seeds=None) -> Path:
    """Run sweep ``name`` (all its seeds, or ``seeds``) and write its results file; returns the path."""
    check_choice("name", name, tuple(SWEEPS))
    seeds = None if seeds is None else check_seeds(seeds)
    import platform
    import time

    import keras
    import tensorflow as tf

    module, function = SWEEPS[name][:2]
    sweep = getattr(importlib.import_module(module), function)
    start = time.perf_counter()
    settings, runs = sweep() if seeds is None else sweep(seeds=seeds)
    seconds = round(time.perf_counter() - start, 1)
    environment = {"python": platform.python_version(), "numpy": np.__version__,
                   "tensorflow": tf.__version__, "keras": keras.__version__,
                   "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores"}
    stored = {"name": name, "command": f"python -m rnn_helpers.sweeps {name}", "seconds": seconds,
              "settings": settings, "environment": environment, "runs": _rounded(runs)}
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n")
    return path


def _rounded(value):
    """Floats to 6 significant digits (the file stays small and its diffs readable); NaN as null."""
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_rounded(v) for v in value]
    if isinstance(value, (float, np.floating)):
        return float(f"{float(value):.6g}") if np.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value
