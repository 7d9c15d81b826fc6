"""The music sweep's data and baselines, generation statistics, and the committed runs (the LSTM is
not trained here: ``music_run`` takes about 20 s; the whole sweep is committed)."""

import numpy as np
import pytest

from rnn_helpers.harmony import in_key_fraction, in_range_fraction
from rnn_helpers.music import FIRST_TARGET, interleave, melody_overlap, ngram_step_fn
from rnn_helpers.sweeps import load_sweep
from rnn_helpers.sweeps import music as mu


@pytest.fixture(scope="module")
def data():
    return mu.music_data()


@pytest.fixture(scope="module")
def sweep():
    return load_sweep("music_models")


def test_the_split_is_whole_chorales_323_40_40(data):
    train, val, test = data["split"]
    assert (len(train), len(val), len(test)) == (323, 40, 40) and len(data["chorales"]) == 403
    assert sorted(np.concatenate([train, val, test]).tolist()) == list(range(403))
    assert len(data["streams"]) == 403 and data["vocab"].size == 47
    assert np.array_equal(data["streams"][7], data["vocab"].encode(interleave(data["chorales"][7].pitches)))
    assert [t.size for t in data["targets"]] == [data["streams"][i].size - FIRST_TARGET for i in test]


def test_the_windows_are_whole_steps_inside_the_vocabulary(data):
    for part in ("train", "val"):
        x, y = data["windows"][part]
        assert x.shape == y.shape and x.shape[1] == mu.WINDOW and x.shape[0] > 0
        assert x.min() >= 0 and max(x.max(), y.max()) < data["vocab"].size
        assert np.array_equal(x[:, 1:], y[:, :-1])                       # y is x one token on
    assert data["windows"]["train"][0].shape[0] > 5 * data["windows"]["val"][0].shape[0]


def test_the_test_subsets_partition_the_40_test_chorales_by_tune(data):
    subsets = data["test_subsets"]
    assert np.array_equal(subsets["all"], np.arange(40))
    new, known = subsets["new_tunes"], subsets["known_tunes"]
    assert len(new) > 0 and len(known) > 0 and not set(new) & set(known)
    assert sorted(np.concatenate([new, known]).tolist()) == list(range(40))
    overlap = data["overlap"]
    assert overlap.shape == (40,) and np.all((overlap >= 0) & (overlap <= 1))
    assert np.all(overlap[new] < mu.NEW_TUNE) and np.all(overlap[known] >= mu.NEW_TUNE)
    train, _, test = data["split"]
    i = known[0]                                                         # recomputed for one chorale
    assert overlap[i] == melody_overlap(data["chorales"][test[i]].pitches.astype(np.int64),
                                        [data["chorales"][j].pitches.astype(np.int64) for j in train])


def test_the_baselines_are_ordered_and_are_the_committed_ones(data, sweep):
    b = data["baselines"]
    assert b == sweep.settings["baselines"] and data["real_generation"] == sweep.settings["real_generation"]
    same, above = b["ngram_same_voice"], b["ngram_voice_and_above"]
    for subset in mu.SUBSETS:                                # the voice above helps on every subset
        assert above[f"{subset}_bits"] < same[f"{subset}_bits"] - 0.2
        assert above[f"{subset}_accuracy"] > same[f"{subset}_accuracy"]
    # the (4,) n-gram's argmax is mostly "hold the note": about the repeat baseline's accuracy
    assert same["all_accuracy"] == pytest.approx(b["repeat_lag4"]["all_accuracy"], abs=0.01)
    assert b["repeat_lag1"]["all_accuracy"] < 0.1 < 0.5 < b["repeat_lag4"]["all_accuracy"]
    assert 0.9 < data["real_generation"]["in_key"] <= 1 and data["real_generation"]["in_range"] == 1.0


def test_generation_stats_of_the_ngram_are_the_committed_ones(data, sweep):
    lags = mu.NGRAMS["ngram_voice_and_above"]
    step = ngram_step_fn(data["ngram_tables"]["ngram_voice_and_above"], lags)
    stats = mu.generation_stats(step, data, 1.0)
    assert stats == sweep.settings["ngram_generation"]["T1.0"]
    assert stats == mu.generation_stats(step, data, 1.0, seed=0)         # deterministic for a seed
    assert 0 < stats["in_key"] < data["real_generation"]["in_key"] and 0 < stats["in_range"] <= 1


def test_a_step_function_that_holds_the_opening_stays_in_key_and_range_as_the_openings(data):
    def hold(ids, state=None):                                           # the token 4 back, V = 47
        recent = ((state or ()) + (int(ids[0]),))[-4:]
        logits = np.zeros((1, data["vocab"].size))
        logits[0, recent[0]] = 1e3
        return logits, recent

    stats = mu.generation_stats(hold, data, 1.0)
    # every continuation is its opening's last step held for STEPS steps: in-key share of that step
    test = data["split"][2]
    last = [data["chorales"][i].pitches[mu.OPENING - 1:mu.OPENING].astype(np.int64) for i in test]
    assert stats["in_key"] == pytest.approx(np.mean([in_key_fraction(p, data["chorales"][i].key)
                                                     for p, i in zip(last, test)]))
    assert stats["in_range"] == pytest.approx(np.mean([in_range_fraction(p, data["ranges"]) for p in last]))


def test_bad_data_is_named_before_any_work(data):
    step = ngram_step_fn(data["ngram_tables"]["ngram_same_voice"])
    with pytest.raises(TypeError, match="data"):
        mu.generation_stats(step, "chorales", 1.0)
    with pytest.raises(ValueError, match="data"):
        mu.generation_stats(step, {"vocab": data["vocab"]}, 1.0)
    with pytest.raises(TypeError, match="step_fn"):
        mu.generation_stats(None, data, 1.0)
    with pytest.raises(ValueError, match="temperature"):
        mu.generation_stats(step, data, 0.0)
    with pytest.raises(TypeError, match="data"):
        mu.music_run(0, data="chorales")                                 # raises before training
    with pytest.raises(ValueError, match="seed"):
        mu.music_run(-1, data=data)


def test_the_committed_settings_and_runs(sweep):
    s = sweep.settings
    assert s["seeds"] == list(mu.SEEDS) and s["epochs"] == mu.EPOCHS and s["window"] == mu.WINDOW
    assert s["generation"] == {"opening": mu.OPENING, "steps": mu.STEPS,
                               "temperatures": list(mu.TEMPERATURES)}
    assert [run["seed"] for run in sweep.runs] == list(mu.SEEDS)
    assert {run["model"] for run in sweep.runs} == {"lstm"}
    for run in sweep.runs:
        assert len(run["val_loss"]) == len(run["val_accuracy"]) == mu.EPOCHS
        assert run["val_loss"][-1] < run["val_loss"][0]
        assert all(0 <= run[f"{k}_T{t}"] <= 1 for k in ("in_key", "in_range") for t in mu.TEMPERATURES)


def test_each_lstm_seed_beats_the_best_ngram(sweep):
    ngram = sweep.settings["baselines"]["ngram_voice_and_above"]
    for run in sweep.runs:
        assert run["all_accuracy"] > ngram["all_accuracy"] + 0.02
        assert run["all_bits"] < ngram["all_bits"] - 0.1
        assert run["new_tunes_bits"] < ngram["new_tunes_bits"]          # not only on tunes it has heard


def test_the_lstms_samples_fall_between_the_ngrams_and_the_real_continuations(sweep):
    real = sweep.settings["real_generation"]["in_key"]
    ngram = sweep.settings["ngram_generation"]
    for run in sweep.runs:
        assert ngram["T1.0"]["in_key"] < run["in_key_T1.0"] < real
        keys = [run[f"in_key_T{t}"] for t in mu.TEMPERATURES]
        assert keys == sorted(keys, reverse=True)                        # hotter samples leave the key more
