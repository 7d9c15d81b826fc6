"""The text-generation sweep's data, baselines and one short run (the whole sweep is committed)."""

import numpy as np
import pytest

from rnn_helpers.sweeps import load_sweep
from rnn_helpers.sweeps import text_generation as tg


@pytest.fixture(scope="module")
def data():
    return tg.char_data()


def test_data_shapes_and_shift(data):
    assert data.x.shape == (tg.N_WINDOWS, tg.SEQ_LEN)
    assert data.x_val.shape == ((tg.VAL_CHARS - 1) // tg.SEQ_LEN, tg.SEQ_LEN)
    assert np.array_equal(data.x[:, 1:], data.y[:, :-1]) and data.vocab.size == 63
    assert data.train_ids.size == tg.N_WINDOWS * tg.SEQ_LEN + 1


def test_baselines_are_the_files_and_ordered(data):
    b = tg.baselines(data)
    assert b == load_sweep("text_generation_seeds").settings["baselines_bits"]
    assert b["uniform"] > b["unigram"] > b["bigram"]


def test_the_committed_runs_beat_the_bigram():
    sweep = load_sweep("text_generation_seeds")
    bigram = sweep.settings["baselines_bits"]["bigram"]
    for kind in tg.KINDS:
        bits = sweep.values("val_bits", kind=kind)                    # (3 seeds, 3 epochs)
        assert bits.shape == (3, tg.EPOCHS) and np.all(bits[:, -1] < bigram - 0.5)
        assert np.all(np.diff(bits, axis=1) < 0)                       # every epoch helps


def test_one_short_run_records_plain_numbers(data):
    small = tg.CharData(data.vocab, data.train_ids, data.val_ids, data.x[:64], data.y[:64],
                        data.x_val[:8], data.y_val[:8])
    model, record = tg.char_run("gru", seed=0, epochs=1, data=small)
    assert record["kind"] == "gru" and len(record["val_bits"]) == 1
    assert isinstance(record["val_bits"][0], float)
    assert record["val_bits"][0] < np.log2(data.vocab.size)
    with pytest.raises(ValueError, match="kind"):
        tg.char_run("simple_rnn", data=small)
    with pytest.raises(TypeError, match="data"):
        tg.char_run("lstm", data="text")


def test_the_committed_stacked_runs_hold_each_layers_saturation():
    sweep = load_sweep("text_generation_seeds")
    bigram = sweep.settings["baselines_bits"]["bigram"]
    for seed in sweep.settings["seeds"]:
        run = sweep.one(kind="lstm_x2", seed=seed)
        assert run["layers"] == tg.STACKED_LAYERS and run["units"] == tg.STACKED_UNITS
        opened, shut = np.array(run["forget_open"]), np.array(run["forget_shut"])
        assert opened.shape == shut.shape == (tg.STACKED_LAYERS, tg.STACKED_UNITS)
        assert np.all((opened >= 0) & (opened <= 1) & (opened + shut <= 1))   # fractions of steps
        assert run["val_bits"][-1] < bigram - 0.3
