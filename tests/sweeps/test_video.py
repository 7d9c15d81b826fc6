"""The video sweep's clips and baselines, the committed runs, and what the notebook's error-by-horizon
plot reads (no model is trained here: ``video_run`` takes 10-30 s; the whole sweep is committed)."""

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rnn_helpers.datasets.video import CANVAS, bouncing_clips, digit_images, moving_clips  # noqa: E402
from rnn_helpers.plots.forecast import plot_error_by_horizon  # noqa: E402
from rnn_helpers.sweeps import load_sweep  # noqa: E402
from rnn_helpers.sweeps import video as vi  # noqa: E402
from rnn_helpers.video import centre_error, constant_shift, copy_last, mse_by_horizon  # noqa: E402


@pytest.fixture(scope="module")
def data():
    return vi.video_data()


@pytest.fixture(scope="module")
def sweep():
    return load_sweep("video_models")


def test_the_clips_of_both_tasks_are_made_of_their_own_parts_digits(data):
    assert set(data) == set(vi.VIDEO_DATA_KEYS)
    for task in ("bouncing", "moving"):
        assert [len(data[task][part]) for part in ("train", "val", "test")] == list(vi.SIZES[task])
    assert data["bouncing"]["test"].shape == (200, vi.OBSERVED + vi.HORIZON, CANVAS, CANVAS)
    again = bouncing_clips(*digit_images("test"), 200, seed=vi.CLIP_SEEDS["test"])
    assert np.array_equal(again.frames, data["bouncing"]["test"].frames)
    again = moving_clips(*digit_images("val"), 200, seed=vi.CLIP_SEEDS["val"])
    assert np.array_equal(again.frames, data["moving"]["val"].frames)
    assert np.bincount(data["moving"]["test"].directions).tolist() == [100] * 4


def test_the_baselines_are_recomputed_from_the_test_clips_and_are_the_committed_ones(data, sweep):
    test = data["bouncing"]["test"].frames
    observed, future = test[:, :vi.OBSERVED], test[:, vi.OBSERVED:]
    base = data["baselines"]
    assert set(base) == {"copy_last", "constant_shift", "blank"} and "centre_error" not in base["blank"]
    assert np.allclose(base["copy_last"]["mse"], mse_by_horizon(copy_last(observed, vi.HORIZON), future),
                       rtol=1e-12, atol=0)
    assert np.allclose(base["copy_last"]["centre_error"],
                       centre_error(copy_last(observed, vi.HORIZON), future), rtol=1e-12, atol=0)
    physics = constant_shift(observed, vi.HORIZON)
    assert np.allclose(base["constant_shift"]["mse"], mse_by_horizon(physics, future), rtol=1e-12, atol=0)
    # a blank forecast scores the ink of the true frames: the same digit in every frame, the same error
    assert np.allclose(base["blank"]["mse"], np.mean(future.astype(np.float64) ** 2), rtol=1e-9)
    stored = sweep.settings["baselines"]
    for name in base:
        for measure, values in base[name].items():
            assert np.allclose(values, stored[name][measure], rtol=1e-12, atol=0), (name, measure)


def test_the_physics_beats_copying_and_copying_gets_worse_with_the_steps(sweep):
    base = sweep.settings["baselines"]
    copy, physics = base["copy_last"], base["constant_shift"]
    assert np.all(np.array(physics["mse"]) < np.array(copy["mse"]))
    assert np.all(np.array(physics["centre_error"]) < np.array(copy["centre_error"]))
    assert copy["mse"][0] < copy["mse"][2] and copy["centre_error"][0] < copy["centre_error"][2]


def test_the_committed_runs_are_every_model_for_seeds_0_1_2(sweep):
    s = sweep.settings
    assert s["seeds"] == list(vi.SEEDS) == [0, 1, 2] and s["clip_seeds"] == vi.CLIP_SEEDS
    assert s["data"] == {task: dict(zip(("train", "val", "test"), n)) for task, n in vi.SIZES.items()}
    assert s["chance"] == 0.25 and s["order_free_ceiling"] == 0.5
    assert sorted((run["model"], run["seed"]) for run in sweep.runs) == \
        sorted((model, seed) for model in vi.MODELS for seed in vi.SEEDS)
    for seed in vi.SEEDS:
        run = sweep.one(model="convlstm", seed=seed)
        assert len(run["val_loss"]) == vi.FRAME_EPOCHS and run["val_loss"][-1] < run["val_loss"][0]
        assert len(run["mse"]) == len(run["centre_error"]) == vi.HORIZON
        for mixer in ("gru", "average"):
            assert len(sweep.one(model=mixer, seed=seed)["val_accuracy"]) == vi.DIRECTION_EPOCHS


def test_the_direction_scores_agree_with_their_confusion_tables(sweep):
    for run in sweep.select(model="gru") + sweep.select(model="average"):
        table = np.array(run["confusion"])
        assert table.shape == (4, 4) and table.sum(axis=1).tolist() == [100] * 4
        assert run["accuracy"] == pytest.approx(np.trace(table) / 400)
        axis = table[:2, :2].sum() + table[2:, 2:].sum()                  # up/down and left/right blocks
        assert run["axis_accuracy"] == pytest.approx(axis / 400)
        assert 0 <= run["reversed_accuracy"] <= 1 and 0 <= run["reversed_same_answer"] <= 1
    for run in sweep.select(model="average"):                             # blind to the order of frames
        assert run["reversed_same_answer"] == 1.0 and run["reversed_accuracy"] == run["accuracy"]
        assert 0.25 < run["accuracy"] < 0.5
    for run in sweep.select(model="gru"):
        assert run["accuracy"] > 0.95 and run["reversed_accuracy"] < 0.05


def test_horizon_errors_are_what_the_error_by_horizon_plot_reads(sweep):
    mse = vi.horizon_errors(sweep, "mse")
    assert list(mse) == ["copy last", "physics", "ConvLSTM (3 seeds)", "blank"]
    assert mse["ConvLSTM (3 seeds)"].shape == (3, vi.HORIZON)
    assert all(mse[k].shape == (vi.HORIZON,) for k in ("copy last", "physics", "blank"))
    assert np.array_equal(mse["ConvLSTM (3 seeds)"], sweep.values("mse", model="convlstm"))
    assert np.array_equal(mse["copy last"], sweep.settings["baselines"]["copy_last"]["mse"])
    centre = vi.horizon_errors(sweep, "centre_error")
    assert list(centre) == ["copy last", "physics", "ConvLSTM (3 seeds)"]            # a blank has no centre
    assert np.array_equal(centre["physics"], sweep.settings["baselines"]["constant_shift"]["centre_error"])
    for errors, lines in ((mse, 1 + 1 + 3 + 1), (centre, 1 + 1 + 3)):
        ax = plot_error_by_horizon(errors)
        assert len(ax.get_lines()) == lines
        assert list(ax.get_lines()[0].get_xdata()) == list(range(1, vi.HORIZON + 1))
    assert np.all(mse["ConvLSTM (3 seeds)"] < mse["copy last"])


def test_bad_arguments_are_named_before_any_work(sweep):
    with pytest.raises(ValueError, match="measure"):
        vi.horizon_errors(sweep, "mae")
    with pytest.raises(TypeError, match="sweep"):
        vi.horizon_errors(load_sweep("music_models"))
    with pytest.raises(TypeError, match="data"):
        vi.video_run("gru", 0, data="clips")                              # raises before training
    with pytest.raises(ValueError, match=r"data: expected the dict of video_data\(\), it lacks"):
        vi.video_run("gru", 0, data={"bouncing": {}})
    with pytest.raises(ValueError, match="model"):
        vi.video_run("lstm", 0)
    with pytest.raises(ValueError, match="seeds"):
        vi.video_models(seeds=[0, 0])
