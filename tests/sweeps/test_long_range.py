"""The long-range sweep's data, one run and one timing at a tiny size, and what the notebook's
accuracy-by-length plot reads (the committed sweeps train 1000 sequences x 10 epochs per point: here
the module's sizes are shrunk with monkeypatch, so nothing trains at full size)."""

import numpy as np
import pytest

from rnn_helpers.datasets.synthetic import TEMPORAL_ORDER_CHANCE, temporal_order_problem
from rnn_helpers.sweeps import Sweep, load_sweep
from rnn_helpers.sweeps import long_range as lr


@pytest.fixture
def tiny(monkeypatch):
    """The sweep at a size that trains in about a second a point."""
    monkeypatch.setattr(lr, "SIZES", {"train": 8, "val": 4, "test": 6})
    monkeypatch.setattr(lr, "EPOCHS", 2)
    monkeypatch.setattr(lr, "BATCH_SIZE", 4)
    monkeypatch.setattr(lr, "LENGTHS", (5, 8))
    monkeypatch.setattr(lr, "MODELS", ("simple_rnn", "min_gru"))
    monkeypatch.setattr(lr, "TIMING_SEQUENCES", 8)
    monkeypatch.setattr(lr, "TIMED_EPOCHS", 2)


def test_the_data_is_the_temporal_order_problem_with_fixed_seeds():
    data = lr.long_range_data(12)
    assert set(data) == {"train", "val", "test"}
    for part, n in lr.SIZES.items():
        x, y = data[part]
        assert x.shape == (n, 12, 8) and y.shape == (n,)
        assert x.dtype == np.float32 and np.all(x.sum(axis=-1) == 1)          # one-hot
        assert set(np.unique(y)) <= {0, 1, 2, 3}
        again = temporal_order_problem(n, 12, seed=lr.DATA_SEEDS[part])
        assert np.array_equal(x, again[0]) and np.array_equal(y, again[1])
    again = lr.long_range_data(12)
    assert all(np.array_equal(data[p][0], again[p][0]) for p in data)         # depends on T only
    assert not np.array_equal(data["train"][0][:100], data["test"][0][:100])  # parts differ
    assert lr.long_range_data(13)["train"][0].shape[1] == 13
    assert lr.SIZES == {"train": 1000, "val": 500, "test": 1000} and lr.EPOCHS == 10


def test_one_tiny_run_is_a_record_of_plain_numbers(tiny):
    record, net = lr.long_range_run("min_gru", 6, seed=0)
    assert net.name == "long_range_min_gru" and net.input_shape == (None, 6, 8)
    assert {k: record[k] for k in ("model", "seq_len", "seed")} == \
        {"model": "min_gru", "seq_len": 6, "seed": 0}
    assert record["weights"] == net.count_params() and isinstance(record["weights"], int)
    assert len(record["val_loss"]) == len(record["val_accuracy"]) == len(record["epoch_seconds"]) == 2
    assert all(isinstance(v, float) for v in record["val_loss"] + record["epoch_seconds"])
    assert isinstance(record["accuracy"], float) and record["accuracy"] in {k / 6 for k in range(7)}
    data = lr.long_range_data(6)
    assert set(data) == {"train", "val", "test"} and len(data["test"][0]) == 6
    from rnn_helpers.models.long_range import long_range_accuracy
    assert record["accuracy"] == long_range_accuracy(net, *data["test"])


def test_the_tiny_sweep_feeds_accuracy_by_length(tiny):
    settings, runs = lr.long_range_models(seeds=(1, 0))
    assert settings["lengths"] == [5, 8] and settings["models"] == ["simple_rnn", "min_gru"]
    assert settings["chance"] == TEMPORAL_ORDER_CHANCE == 0.25 and settings["epochs"] == 2
    assert sorted((r["model"], r["seq_len"], r["seed"]) for r in runs) == \
        sorted((m, T, s) for m in ("simple_rnn", "min_gru") for T in (5, 8) for s in (0, 1))
    sweep = Sweep("long_range_models", "test", 0.0, settings, {}, tuple(runs))
    acc = lr.accuracy_by_length(sweep)
    assert list(acc) == ["simple_rnn", "min_gru"]
    for model, table in acc.items():
        assert table.shape == (2, 2)                                          # (seeds, lengths)
        for j, T in enumerate((5, 8)):
            for i, seed in enumerate((0, 1)):                                 # seed order, not run order
                assert table[i, j] == sweep.one(model=model, seq_len=T, seed=seed)["accuracy"]


def test_one_tiny_timing(tiny):
    record = lr.timing_run("simple_rnn", 5, seed=0)
    assert {k: record[k] for k in ("model", "seq_len", "seed", "batches")} == \
        {"model": "simple_rnn", "seq_len": 5, "seed": 0, "batches": 2}
    assert 0 < record["forward_seconds"] < record["epoch_seconds"] < 60


def test_bad_arguments_are_named_before_any_work():
    data = lr.long_range_data(8)
    with pytest.raises(ValueError, match=r"data: expected long_range_data\(10\)"):
        lr.long_range_run("gru", 10, 0, data=data)                            # another length
    with pytest.raises(ValueError, match="data: expected long_range_data"):
        lr.long_range_run("gru", 8, 0, data={"train": data["train"]})
    with pytest.raises(ValueError, match="data: expected long_range_data"):
        lr.long_range_run("gru", 8, 0, data={**data, "test": "x"})
    with pytest.raises(TypeError, match="data: expected the dict of long_range_data"):
        lr.long_range_run("gru", 8, 0, data=[1, 2])
    with pytest.raises(ValueError, match="model: expected one of"):
        lr.long_range_run("rnn", 8, 0)
    with pytest.raises(ValueError, match="seq_len"):
        lr.long_range_data(3)
    with pytest.raises(ValueError, match="seeds"):
        lr.long_range_models(seeds=[0, 0])
    with pytest.raises(ValueError, match="seeds"):
        lr.long_range_timing(seeds=[])
    with pytest.raises(ValueError, match="model"):
        lr.timing_run("lstm2", 8, 0)


def test_accuracy_by_length_refuses_another_sweep():
    with pytest.raises(TypeError, match=r"sweep: expected load_sweep\('long_range_models'\)"):
        lr.accuracy_by_length(load_sweep("video_models"))
    with pytest.raises(TypeError, match="sweep"):
        lr.accuracy_by_length({"name": "long_range_models"})
    timing = Sweep("long_range_timing", "test", 0.0, {"lengths": [5]}, {}, ())
    with pytest.raises(TypeError, match="sweep"):
        lr.accuracy_by_length(timing)
