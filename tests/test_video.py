"""Scoring next-frame predictions and the baselines, on small hand-made clips with known answers:
squared error per step, centres of mass, copy-last, shifts, the constant-shift physics, confusion."""

import numpy as np
import pytest

from rnn_helpers.datasets.video import bounce_path, digit_images, moving_clips, render
from rnn_helpers.video import (
    centre_error,
    centre_of_mass,
    check_frames,
    confusion,
    constant_shift,
    copy_last,
    last_motion,
    mse_by_horizon,
    shift,
)


def _dot(H, W, r, c, value=1.0):
    frame = np.zeros((H, W), np.float32)
    frame[r, c] = value
    return frame


def test_check_frames_accepts_a_channel_axis_and_refuses_what_is_not_clips():
    x = np.zeros((2, 3, 4, 5, 1))
    out = check_frames("x", x)
    assert out.shape == (2, 3, 4, 5) and out.dtype == np.float32
    assert check_frames("x", np.ones((1, 1, 2, 2), int)).dtype == np.float32
    with pytest.raises(ValueError, match=r"x: expected clips \(N, T, H, W\) with N >= 1 and T >= 2"):
        check_frames("x", x[:, :1], min_frames=2)
    with pytest.raises(ValueError, match=r"x: expected clips"):
        check_frames("x", np.zeros((2, 3, 4, 5, 3)))                     # three channels
    with pytest.raises(ValueError, match=r"x: expected pixels in \[0, 1\], got values from 0 to 2"):
        check_frames("x", np.r_[np.zeros(3), 2.0].reshape(1, 1, 2, 2))


def test_mse_by_horizon_is_the_mean_squared_error_of_each_step():
    true = np.zeros((2, 3, 2, 2), np.float32)
    predicted = np.zeros_like(true)
    predicted[0, 0, 0, 0] = 1.0                                          # step 1: one pixel of 8 off by 1
    predicted[:, 2] = 0.5                                                # step 3: every pixel off by 0.5
    assert np.allclose(mse_by_horizon(predicted, true), [1 / 8, 0.0, 0.25])
    assert mse_by_horizon(predicted, true).dtype == np.float64
    assert np.array_equal(mse_by_horizon(true, true), np.zeros(3))
    with pytest.raises(ValueError, match=r"predicted: expected the shape of true \(2, 3, 2, 2\)"):
        mse_by_horizon(predicted[:, :2], true)


def test_centre_of_mass_of_a_pixel_and_of_two_weighted_pixels():
    one = _dot(5, 6, 2, 3)[None, None]
    assert centre_of_mass(one).tolist() == [[[2.0, 3.0]]]
    two = np.zeros((1, 2, 4, 4), np.float32)
    two[0, 0, 0, 0], two[0, 0, 0, 2] = 0.25, 0.75                        # weights 1 : 3 along row 0
    two[0, 1, 1:3, 1:3] = 1.0                                            # a square centred at (1.5, 1.5)
    assert np.allclose(centre_of_mass(two), [[[0.0, 1.5], [1.5, 1.5]]])


def test_a_blank_frame_has_no_centre_and_the_error_says_which():
    clips = np.zeros((2, 3, 4, 4), np.float32)
    clips[:, :, 1, 1] = 1.0
    clips[1, 2] = 0.0
    with pytest.raises(ValueError, match=r"frames: expected some ink in every frame, got a blank frame "
                                         r"\(clip 1, frame 2\)"):
        centre_of_mass(clips)
    with pytest.raises(ValueError, match="blank frame"):
        centre_error(clips, clips)


def test_centre_error_is_zero_for_identical_frames_and_the_distance_otherwise():
    true = np.stack([np.stack([_dot(8, 8, 1, 1), _dot(8, 8, 2, 2)])] * 2)        # (2, 2, 8, 8)
    assert np.array_equal(centre_error(true, true), [0.0, 0.0])
    predicted = true.copy()
    predicted[0, 1] = _dot(8, 8, 5, 6)                                   # 3 down, 4 right: 5 pixels off
    predicted[1, 1] = 0.2 * _dot(8, 8, 2, 2)                             # faint, but in the right place
    assert np.allclose(centre_error(predicted, true), [0.0, 2.5])


def test_copy_last_repeats_the_last_observed_frame():
    rng = np.random.default_rng(0)
    observed = rng.random((3, 4, 5, 6)).astype(np.float32)
    out = copy_last(observed, 2)
    assert out.shape == (3, 2, 5, 6) and out.dtype == np.float32
    assert np.array_equal(out[:, 0], observed[:, -1]) and np.array_equal(out[:, 1], observed[:, -1])
    assert np.array_equal(copy_last(observed[..., None], 1)[:, 0], observed[:, -1])   # a channel axis
    with pytest.raises(ValueError, match="horizon"):
        copy_last(observed, 0)


def test_shift_moves_the_ink_and_loses_what_leaves_the_canvas():
    frame = np.arange(1, 13, dtype=np.float64).reshape(3, 4)
    down = shift(frame, 1, 0)
    assert np.array_equal(down[0], np.zeros(4)) and np.array_equal(down[1:], frame[:2])
    left = shift(frame, 0, -2)
    assert np.array_equal(left[:, :2], frame[:, 2:]) and np.all(left[:, 2:] == 0)
    assert np.array_equal(shift(frame, 0, 0), frame)
    assert np.array_equal(shift(frame, -1, 1), np.pad(frame[1:, :3], ((0, 1), (1, 0))))
    assert np.all(shift(frame, 3, 0) == 0) and np.all(shift(frame, 0, -9) == 0)     # gone entirely
    assert shift(_dot(4, 4, 1, 1), 2, 1)[3, 2] == 1.0


def test_last_motion_finds_the_shift_between_the_last_two_frames():
    clip = np.stack([_dot(9, 9, 0, 0), _dot(9, 9, 4, 4), _dot(9, 9, 5, 2)])[None]
    motion = last_motion(np.concatenate([clip, clip[:, ::-1]]))
    # (-4, -4) is out of reach of ±2: every shift is as bad, and the tie goes to the smallest
    assert motion.dtype == np.int64 and motion.tolist() == [[1, -2], [0, 0]]
    assert last_motion(clip, max_shift=1).tolist() == [[0, 0]]
    blank = np.zeros((1, 2, 5, 5), np.float32)
    assert last_motion(blank).tolist() == [[0, 0]]                       # every shift ties: the smallest


def test_constant_shift_predicts_a_clean_straight_slide_exactly():
    images, labels = digit_images("test")
    moves = moving_clips(images, labels, 24, seed=0)
    observed, future = moves.frames[:, :3], moves.frames[:, 3:]
    predicted = constant_shift(observed, future.shape[1])
    assert predicted.shape == future.shape and predicted.dtype == np.float32
    assert np.array_equal(predicted, future)
    assert np.all(mse_by_horizon(predicted, future) == 0)


def test_constant_shift_bounces_as_the_clips_do():
    # a digit-sized block of ink everywhere > 0 (so its box is the image), bouncing off the bottom edge
    image = np.linspace(0.1, 1.0, 64, dtype=np.float32).reshape(1, 8, 8)
    path = bounce_path((0, 0), (2, 1), 10, 8)                            # rows 0 2 4 6 8 6 4 2 0 2
    clip = render(image, path[None])
    predicted = constant_shift(clip[:, :5], 5)
    assert np.array_equal(predicted, clip[:, 5:])
    assert np.array_equal(constant_shift(np.zeros((1, 2, 4, 4)), 3), np.zeros((1, 3, 4, 4)))   # no ink


def test_confusion_counts_truth_by_answer():
    table = confusion([0, 0, 1, 3, 3, 3], [0, 1, 1, 3, 3, 2])
    expected = np.zeros((4, 4), int)
    expected[0, 0] = expected[0, 1] = expected[1, 1] = expected[3, 2] = 1
    expected[3, 3] = 2
    assert table.dtype == np.int64 and np.array_equal(table, expected)
    assert confusion([1, 0], [1, 1], n_classes=2).tolist() == [[0, 1], [0, 1]]
    with pytest.raises(ValueError, match=r"predicted: expected a non-empty \(N,\) array of class indices "
                                         r"in 0..3"):
        confusion([0, 1], [0, 4])
    with pytest.raises(ValueError, match="predicted: expected one class per true class"):
        confusion([0, 1], [0])
    with pytest.raises(ValueError, match="true"):
        confusion([0.0, 1.0], [0, 1])
