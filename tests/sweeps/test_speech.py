"""The speech sweep's data (voices held out, scaled frames, targets, real strings, the chance baseline)
and the committed runs (no model is trained here: ``speech_run`` takes about 16 s; the whole sweep is
committed)."""

import numpy as np
import pytest

from rnn_helpers.ctc import decode_ids
from rnn_helpers.datasets.speech import speaker_split
from rnn_helpers.sweeps import RESULTS, load_sweep
from rnn_helpers.sweeps import speech as sp

PARTS = ("train", "val", "test")


@pytest.fixture(scope="module")
def data():
    return sp.speech_data()


@pytest.fixture(scope="module")
def sweep():
    if not (RESULTS / "speech_models.json").is_file():
        pytest.skip("rnn_helpers/sweeps/results/speech_models.json is not there yet "
                    "(python -m rnn_helpers.sweeps speech_models)")
    return load_sweep("speech_models")


def test_the_parts_are_the_speaker_split_and_share_no_voice(data):
    clips = data["clips"]
    assert set(data) >= set(sp.DATA_KEYS) | {"chance_der"}
    for part, idx in zip(PARTS, speaker_split(clips)):
        assert np.array_equal(data["split"][part], idx)
    sizes = {p: len(data["split"][p]) for p in PARTS}
    assert sizes == {"train": 1500, "val": 180, "test": 340} and sum(sizes.values()) == len(clips.digits)
    voices = {p: set(clips.speakers[data["split"][p]]) for p in PARTS}
    assert not voices["train"] & voices["val"] and not voices["train"] & voices["test"]
    assert not voices["val"] & voices["test"]
    assert len(voices["train"]) + len(voices["val"]) + len(voices["test"]) == 101


def test_the_frames_are_padded_and_scaled_by_the_training_part(data):
    T = data["x"]["train"].shape[1]
    assert T % 4 == 0 and T >= max(f.shape[0] for f in data["clips"].features)
    for part in PARTS:
        n = len(data["split"][part])
        assert data["x"][part].shape == (n, T, 32) and data["y"][part].shape[0] == n
    train = data["x"]["train"]
    assert abs(float(train.mean())) < 1e-3 and float(train.std()) == pytest.approx(1.0, abs=1e-3)
    mean, sd = data["scale"]
    i = data["split"]["test"][0]                                        # one clip, scaled by hand
    clip = data["clips"].features[i]
    assert np.allclose(data["x"]["test"][0, :clip.shape[0]], (clip - mean) / sd, atol=1e-5)
    assert np.allclose(data["x"]["test"][0, clip.shape[0]:], (-14.0 - mean) / sd)   # silence after it


def test_the_targets_are_the_clips_digit_strings(data):
    for part in PARTS:
        y, refs = data["y"][part], data["references"][part]
        assert y.dtype == np.int32 and (y[:, 0] > 0).all()              # no row is empty
        assert [decode_ids(row[row > 0]) for row in y] == refs
        assert refs == [str(d) for d in data["clips"].digits[data["split"][part]]]
        assert {len(r) for r in refs} == {3, 4, 5}


def test_the_real_strings_are_deterministic_3_to_5_digits(data):
    strings = sp.real_strings()
    assert strings == sp.real_strings() == data["real"]["references"] and len(strings) == sp.N_REAL
    assert {len(s) for s in strings} == {3, 4, 5} and all(s.isdigit() for s in strings)
    assert sp.real_strings(5, seed=1) == sp.real_strings(5, seed=1) != sp.real_strings(5, seed=2)
    assert sp.real_strings(3) == strings[:3]
    x = data["real"]["x"]
    assert x.shape[0] == sp.N_REAL and x.shape[1] % 4 == 0 and x.shape[2] == 32


def test_chance_is_a_digit_error_rate_near_1(data):
    assert 0.9 < data["chance_der"] < 1.0
    assert sp.speech_data()["chance_der"] == data["chance_der"]          # seeded


def test_the_committed_runs_are_every_kind_and_seed(data, sweep):
    assert sweep.settings["chance_der"] == pytest.approx(data["chance_der"])
    assert sweep.settings["split_sizes"] == {p: len(data["split"][p]) for p in PARTS}
    assert sorted((r["kind"], r["seed"]) for r in sweep.runs) == sorted(
        (k, s) for k in sp.KINDS for s in sp.SEEDS)
    for r in sweep.runs:
        assert len(r["val_loss"]) == sp.EPOCHS
        for part in ("val", "test", "real"):
            assert 0 <= r[f"{part}_string_accuracy"] <= 1 and r[f"{part}_der"] >= 0


def test_the_bigru_reads_held_out_voices_and_does_worse_on_real_speech(data, sweep):
    bigru = [r for r in sweep.runs if r["kind"] == "bigru"]
    assert len(bigru) == len(sp.SEEDS)
    for r in bigru:
        assert r["test_der"] < 0.15 and r["test_der"] < data["chance_der"]
        assert r["real_der"] > r["test_der"]                             # the honest gap
    for r in sweep.runs:                                                 # every model beats chance
        assert r["test_der"] < data["chance_der"]
