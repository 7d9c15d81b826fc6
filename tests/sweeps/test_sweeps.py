"""The committed sweep results: every sweep has its file, the file covers its settings, the loader checks."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from rnn_helpers.sweeps import RESULTS, SWEEPS, Sweep, _rounded, check_seeds, load_sweep

# the fields that name a point of each sweep, beside "seed"
POINT = {"digits_architectures": ("kind",), "digits_pixels": ("kind", "activation"),
         "digits_rows_activation": ("kind", "activation"),
         "first_value_initialisations": ("init",), "adding_baselines": ("model",),
         "adding_clipping": ("clip",),
         "text_generation_seeds": ("kind",),
         "sentiment_models": (),                                 # one run per seed holds every model
         "translation_attention": ("attention",), "translation_verses": (),
         "forecasting_models": ("series",), "music_models": ("model",),
         "speech_models": ("kind",), "video_models": ("model",),
         "long_range_models": ("model", "seq_len"), "long_range_timing": ("model", "seq_len")}


@pytest.mark.parametrize("name", list(SWEEPS))
def test_every_sweep_has_a_committed_results_file(name):
    sweep = load_sweep(name)
    assert sweep.command == f"python -m rnn_helpers.sweeps {name}"
    assert sweep.seconds > 0 and {"numpy", "tensorflow", "keras", "machine"} <= set(sweep.environment)
    assert len(sweep.settings["seeds"]) >= 3                     # a claim over seeds shows a spread


@pytest.mark.parametrize("name", list(SWEEPS))
def test_results_cover_every_point_and_seed_once(name):
    sweep = load_sweep(name)
    fields = POINT[name]
    seen = [tuple(run[f] for f in fields) + (run["seed"],) for run in sweep.runs]
    assert len(seen) == len(set(seen))
    points = {s[:-1] for s in seen}
    assert {s[-1] for s in seen} == set(sweep.settings["seeds"])
    assert len(seen) == len(points) * len(sweep.settings["seeds"])
    for run in sweep.runs:                                       # numbers, not placeholders
        curves = {k: v for k, v in run.items() if isinstance(v, list) and v and isinstance(v[0], float)}
        # an accuracy may honestly stay put (1.0 from the first epoch on, or one class always); a loss not
        assert curves and all(len(set(c)) > 1 for k, c in curves.items()
                              if len(c) > 2 and "accuracy" not in k)


def test_results_files_are_only_the_registered_sweeps():
    assert {p.stem for p in RESULTS.glob("*.json")} == set(SWEEPS)


def test_epochs_match_the_settings():
    for name in SWEEPS:
        sweep = load_sweep(name)
        for run in sweep.runs:        # "val_loss", or "<model>_val_loss" when a run trains several models
            keys = [k for k in run if k == "val_loss" or k.endswith("_val_loss")] or \
                [k for k in run if k == "loss"] or \
                [k for k in run if k == "val_accuracy"]  # 07's runs: no validation split; 11's classifiers
            epochs = sweep.settings["epochs"]   # or {series: epochs} (08), {model: epochs} (11)
            if isinstance(epochs, dict):
                epochs = epochs[run["series"] if "series" in run else run["model"]]
            assert keys and all(len(run[k]) == epochs for k in keys), (name, keys)


def _toy():
    runs = ({"kind": "a", "seed": 1, "acc": 0.5, "curve": [1.0, 2.0]},
            {"kind": "a", "seed": 0, "acc": 0.7, "curve": [3.0, 4.0]},
            {"kind": "b", "seed": 0, "acc": 0.9, "curve": [5.0, 6.0]})
    return Sweep("toy", "python -m rnn_helpers.sweeps toy", 1.0, {"seeds": [0, 1]}, {}, runs)


def test_select_one_values():
    toy = _toy()
    assert [r["acc"] for r in toy.select(kind="a")] == [0.5, 0.7]
    assert toy.one(kind="b")["acc"] == 0.9
    np.testing.assert_array_equal(toy.values("acc", kind="a"), [0.7, 0.5])        # in seed order
    assert toy.values("curve", kind="a").shape == (2, 2)


@pytest.mark.parametrize("call, match", [
    (lambda t: t.select(colour="red"), "colour: expected a field"),
    (lambda t: t.one(kind="a"), "where: expected exactly one run"),
    (lambda t: t.one(kind="c"), "where: expected exactly one run"),
    (lambda t: t.values("acc", kind="c"), "where: expected at least one run"),
    (lambda t: t.values("nope", kind="a"), "key: expected a field"),
])
def test_bad_queries_name_what_is_wrong(call, match):
    with pytest.raises(ValueError, match=match):
        call(_toy())


def test_missing_results_file_says_how_to_make_it(monkeypatch, tmp_path):
    monkeypatch.setattr("rnn_helpers.sweeps.RESULTS", tmp_path)
    with pytest.raises(ValueError, match="python -m rnn_helpers.sweeps digits_pixels"):
        load_sweep("digits_pixels")


def test_rounding_keeps_six_digits_and_writes_nan_as_null():
    out = _rounded({"a": [np.float32(0.123456789), math.nan], "b": np.int64(3), "c": "x"})
    assert out == {"a": [0.123457, None], "b": 3, "c": "x"}
    json.dumps(out, allow_nan=False)


def test_check_seeds():
    assert check_seeds([0, np.int64(2)]) == (0, 2)
    assert check_seeds(range(3)) == (0, 1, 2)
    for bad, error in (([0, 0], ValueError), ([], ValueError), ([-1], ValueError), ([[0]], TypeError),
                       ("012", TypeError)):
        with pytest.raises(error, match="seeds: expected"):
            check_seeds(bad)
