"""audio.stretch_frames: a time stretch of feature frames by linear interpolation between frames."""

import numpy as np
import pytest

from rnn_helpers.audio import stretch_frames


def test_factor_one_keeps_the_frames_and_the_ends_are_kept():
    f = np.arange(20.0).reshape(10, 2)
    assert np.allclose(stretch_frames(f, 1.0), f)
    half = stretch_frames(f, 0.5)
    assert half.shape == (5, 2) and half.dtype == np.float32
    assert np.allclose(half[0], f[0]) and np.allclose(half[-1], f[-1])   # first and last frame kept


def test_a_linear_ramp_stays_a_ramp_and_each_frame_keeps_its_spectrum():
    t = np.arange(9.0)
    f = np.stack([t, 2 * t + 1], axis=1)                  # (9, 2): each band linear in time
    out = stretch_frames(f, 5 / 9)                        # 5 frames at positions 0, 2, 4, 6, 8
    assert np.allclose(out, f[::2])
    out = stretch_frames(f, 17 / 9)                       # 17 frames: halfway points interpolated
    assert np.allclose(out[1], (f[0] + f[1]) / 2)
    const = np.tile([3.0, -1.0], (6, 1))                  # a steady sound: every frame the same
    assert np.allclose(stretch_frames(const, 0.7), const[:4])


@pytest.mark.parametrize("factor, error", [(0.0, ValueError), ("2", TypeError), (np.nan, ValueError)])
def test_bad_factor_is_named(factor, error):
    with pytest.raises(error, match="factor"):
        stretch_frames(np.ones((4, 2)), factor)


def test_bad_features_are_named():
    with pytest.raises(ValueError, match="features"):
        stretch_frames(np.ones(4), 0.5)
    with pytest.raises(ValueError, match="features"):
        stretch_frames(np.ones((0, 2)), 0.5)
