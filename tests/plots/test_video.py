"""Strips of frames as one image with grey gaps, and the confusion table with a count in every cell."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rnn_helpers.plots.video import GAP, frame_mosaic, plot_confusion, plot_frames  # noqa: E402

RNG = np.random.default_rng(0)
LONG, SHORT = RNG.random((3, 4, 5)), RNG.random((2, 4, 5))              # (T, H, W)


def test_the_mosaic_puts_frames_side_by_side_and_rows_below_with_nan_gaps():
    m = frame_mosaic({"a": LONG, "b": SHORT})
    assert m.shape == (2 * 4 + GAP, 3 * 5 + 2 * GAP)
    for t in range(3):
        assert np.array_equal(m[:4, t * 6:t * 6 + 5], LONG[t])
    assert np.array_equal(m[5:, :5], SHORT[0]) and np.array_equal(m[5:, 6:11], SHORT[1])
    assert np.all(np.isnan(m[4])) and np.all(np.isnan(m[:, 5])) and np.all(np.isnan(m[:, 11]))
    assert np.all(np.isnan(m[5:, 12:]))                                  # the short row padded on the right
    assert np.isnan(m).sum() == m.size - (3 + 2) * 20
    assert frame_mosaic(LONG, gap=0).shape == (4, 15) and not np.isnan(frame_mosaic(LONG, gap=0)).any()
    assert np.array_equal(frame_mosaic(LONG), frame_mosaic({"": LONG}), equal_nan=True)


def test_plot_frames_of_a_dict_draws_one_image_with_a_row_per_label():
    fig, ax = plt.subplots()
    assert plot_frames({"true": LONG, "predicted": SHORT}, ax=ax, first_step=5, title="clip 0") is ax
    (image,) = ax.get_images()
    mosaic = image.get_array()
    assert mosaic.shape == (9, 17) and np.ma.count_masked(mosaic) == np.isnan(frame_mosaic(
        {"true": LONG, "predicted": SHORT})).sum()
    assert image.get_clim() == (0.0, 1.0) and image.get_cmap().name == "gray_r"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["true", "predicted"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["5", "6", "7"]
    assert ax.get_title() == "clip 0" and ax.get_xlabel() == "frame"


def test_plot_frames_of_one_array_makes_its_own_figure():
    ax = plot_frames(LONG, vmax=0.5, cmap="viridis")
    (image,) = ax.get_images()
    assert image.get_array().shape == (4, 17) and image.get_clim() == (0.0, 0.5)
    assert image.get_cmap().name == "viridis" and ax.get_title() == ""
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2"]


def test_plot_frames_names_what_is_wrong():
    with pytest.raises(ValueError, match="rows: expected at least one"):
        plot_frames({})
    with pytest.raises(ValueError, match="rows: expected frames of one size"):
        plot_frames({"a": LONG, "b": LONG[:, :3]})
    with pytest.raises(TypeError, match="rows: expected string labels"):
        plot_frames({0: LONG})
    with pytest.raises(ValueError, match="rows\\['a'\\]"):
        plot_frames({"a": LONG[0]})
    with pytest.raises(ValueError, match="cmap"):
        plot_frames(LONG, cmap="no such map")
    with pytest.raises(ValueError, match="vmax"):
        plot_frames(LONG, vmax=0)


def test_plot_confusion_writes_each_count_and_shades_by_row_share():
    table = np.array([[8, 2, 0, 0], [1, 9, 0, 0], [0, 0, 5, 5], [0, 0, 0, 10]])
    fig, ax = plt.subplots()
    assert plot_confusion(table, ["up", "down", "left", "right"], ax=ax, title="GRU") is ax
    texts = {(t.get_position(), t.get_text()) for t in ax.texts}
    assert len(ax.texts) == 16
    assert texts == {((c, r), str(table[r, c])) for r in range(4) for c in range(4)}
    white = sorted(t.get_text() for t in ax.texts if t.get_color() == "white")
    assert white == ["10", "8", "9"]                                      # more than half of their row
    (image,) = ax.get_images()
    assert np.allclose(image.get_array(), table / 10)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["up", "down", "left", "right"]
    assert ax.get_ylabel() == "true direction" and ax.get_title() == "GRU"
    ax = plot_confusion(np.zeros((2, 2)), ("a", "b"))                   # an empty row: shares of 0
    assert [t.get_text() for t in ax.texts] == ["0"] * 4


def test_plot_confusion_names_what_is_wrong():
    with pytest.raises(ValueError, match=r"table: expected non-negative counts of shape \(3, 3\)"):
        plot_confusion(np.ones((4, 4)), ["a", "b", "c"])
    with pytest.raises(ValueError, match="table"):
        plot_confusion(-np.ones((2, 2)), ["a", "b"])
    with pytest.raises(TypeError, match="labels"):
        plot_confusion(np.ones((2, 2)), "ab")
