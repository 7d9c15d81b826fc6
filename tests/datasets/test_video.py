"""Moving-digit clips: the fixed stratified split of the 1797 digits, bouncing paths that stay on the
canvas, straight moves of one pixel a frame, and the time-reversal symmetry of the direction task."""

import numpy as np
import pytest

from rnn_helpers.datasets.video import (
    CANVAS,
    DIGIT,
    DIGIT_SPLIT,
    DIRECTIONS,
    FRAMES,
    MOVE_FRAMES,
    PARTS,
    STEPS,
    Clips,
    bounce_path,
    bouncing_clips,
    digit_images,
    moving_clips,
    render,
)
from rnn_helpers.video import shift

HIGH = CANVAS - DIGIT                      # the largest top-left corner on the canvas
OPPOSITE = {d: DIRECTIONS.index(o) for d, o in enumerate(("down", "up", "right", "left"))}


@pytest.fixture(scope="module")
def train():
    return digit_images("train")


def _rows(images):
    """The images as sortable rows, for comparing collections of images as multisets."""
    flat = images.reshape(len(images), -1)
    return flat[np.lexsort(flat.T[::-1])]


def test_the_split_is_60_20_20_by_class_disjoint_and_covers_the_1797_digits():
    all_images, all_labels = digit_images("all")
    assert all_images.shape == (1797, DIGIT, DIGIT) and all_images.dtype == np.float32
    assert all_labels.dtype == np.int64 and all_images.min() == 0 and all_images.max() == 1
    parts = {part: digit_images(part) for part in PARTS}
    assert [len(parts[p][0]) for p in PARTS] == [1078, 359, 360]
    per_class = np.bincount(all_labels)
    for part, fraction in zip(("train", "val"), DIGIT_SPLIT["fractions"]):
        assert np.array_equal(np.bincount(parts[part][1], minlength=10), np.round(fraction * per_class))
    # together the three parts are the 1797 images exactly: none twice, none left out
    together = np.concatenate([parts[p][0] for p in PARTS])
    assert np.array_equal(_rows(together), _rows(all_images))
    assert np.array_equal(np.sort(np.concatenate([parts[p][1] for p in PARTS])), np.sort(all_labels))
    again = digit_images("test")
    assert all(np.array_equal(a, b) for a, b in zip(again, parts["test"]))   # fixed, not re-drawn


def test_bouncing_clips_shapes_dtypes_and_ranges(train):
    clips = bouncing_clips(*train, 7, seed=0)
    assert isinstance(clips, Clips) and len(clips) == 7 and clips.shape == (7, FRAMES, CANVAS, CANVAS)
    assert clips.frames.dtype == np.float32 and clips.frames.min() == 0 and clips.frames.max() <= 1
    assert clips.digits.shape == (7,) and clips.digits.dtype == np.int64
    assert set(clips.digits) <= set(range(10))
    assert clips.positions.shape == (7, FRAMES, 2) and clips.positions.dtype == np.int64
    assert clips.positions.min() >= 0 and clips.positions.max() <= HIGH
    assert np.array_equal(clips.directions, np.full(7, -1))
    other = bouncing_clips(*train, 3, frames=4, canvas=12, max_speed=1, seed=0)
    assert other.shape == (3, 4, 12, 12) and other.positions.max() <= 12 - DIGIT


def test_a_bouncing_clip_is_one_digit_pasted_at_its_positions(train):
    clips = bouncing_clips(*train, 20, seed=3)
    steps = np.abs(np.diff(clips.positions, axis=1))
    assert steps.max() <= 2 and np.all(steps.sum(axis=(1, 2)) > 0)        # every digit moves, <= max_speed
    for frames, corners in zip(clips.frames, clips.positions):
        patches = [f[r:r + DIGIT, c:c + DIGIT] for f, (r, c) in zip(frames, corners)]
        assert all(np.array_equal(p, patches[0]) for p in patches)      # the same digit in every frame
        assert np.allclose(frames.sum(axis=(1, 2)), patches[0].sum())   # and nothing else on the canvas


def test_clips_are_determined_by_the_seed(train):
    for make in (bouncing_clips, moving_clips):
        a, b, c = (make(*train, 12, seed=s) for s in (4, 4, 5))
        assert all(np.array_equal(getattr(a, k), getattr(b, k)) for k in ("frames", "digits", "positions",
                                                                          "directions"))
        assert not np.array_equal(a.frames, c.frames)


def test_bounce_path_by_hand_reflects_the_overshoot():
    path = bounce_path((0, 2), (1, 2), 6, 3)
    # column: 2, 4 -> 2 (bounce), 0, -2 -> 2 (bounce), 4 -> 2, 0; row: 0 1 2 3, 4 -> 2, 1
    assert path.tolist() == [[0, 2], [1, 2], [2, 0], [3, 2], [2, 2], [1, 0]]
    assert path.dtype == np.int64
    assert bounce_path((5, 5), (0, 0), 3, 8).tolist() == [[5, 5]] * 3


@pytest.mark.parametrize("seed", range(5))
def test_bounce_path_stays_on_the_canvas_and_keeps_its_speed(seed):
    rng = np.random.default_rng(seed)
    start, velocity = rng.integers(0, HIGH + 1, 2), rng.integers(-HIGH + 1, HIGH, 2)   # |v| < HIGH
    path = bounce_path(start, velocity, 40, HIGH)
    assert path.min() >= 0 and path.max() <= HIGH and np.array_equal(path[0], start)
    for a in range(2):
        if velocity[a] == 0:
            assert np.all(path[:, a] == start[a])
        else:
            assert path[:, a].min() < path[:, a].max()                  # it turns back: both ways
            assert np.abs(np.diff(path[:, a])).max() <= abs(velocity[a])


def test_render_pastes_each_image_at_its_corner():
    images = np.zeros((2, DIGIT, DIGIT), np.float32)
    images[0, 0, 0] = 1.0                                                # one pixel at the corner
    images[1] = 0.5
    positions = np.array([[[0, 0], [3, 8]], [[8, 8], [0, 4]]])
    out = render(images, positions)
    assert out.shape == (2, 2, CANVAS, CANVAS) and out.dtype == np.float32
    assert out[0, 0, 0, 0] == 1 and out[0, 1, 3, 8] == 1 and out[0].sum() == 2
    assert np.all(out[1, 0, 8:, 8:] == 0.5) and out[1, 0].sum() == 0.5 * 64
    assert np.all(out[1, 1, :8, 4:12] == 0.5) and out[1, 1].sum() == 0.5 * 64
    with pytest.raises(ValueError, match=r"positions: expected corners in \[0, 8\]"):
        render(images, positions + 1)


def test_moving_clips_move_one_pixel_a_frame_in_their_direction(train):
    moves = moving_clips(*train, 40, seed=0)
    assert moves.shape == (40, MOVE_FRAMES, CANVAS, CANVAS) and moves.directions.dtype == np.int64
    assert moves.positions.min() >= 0 and moves.positions.max() <= HIGH
    for frames, corners, d in zip(moves.frames, moves.positions, moves.directions):
        step = STEPS[DIRECTIONS[d]]
        assert np.all(np.diff(corners, axis=0) == step)
        for t in range(MOVE_FRAMES - 1):                                 # the ink slides with the corner
            assert np.array_equal(shift(frames[t], *step), frames[t + 1])


def test_the_directions_are_balanced(train):
    counts = np.bincount(moving_clips(*train, 400, seed=1).directions, minlength=4)
    assert counts.tolist() == [100] * 4
    counts = np.bincount(moving_clips(*train, 10, seed=1).directions, minlength=4)
    assert counts.sum() == 10 and counts.min() >= 2


def _valid_start(corners, d, travel):
    """Whether the straight path ``corners`` could have been drawn by moving_clips for direction d."""
    step = np.array(STEPS[DIRECTIONS[d]])
    axis = int(np.flatnonzero(step)[0])
    lowest = 0 if step[axis] > 0 else travel
    return (np.all(np.diff(corners, axis=0) == step) and lowest <= corners[0, axis] <= lowest + HIGH - travel
            and 0 <= corners[0, 1 - axis] <= HIGH)


def test_a_clip_played_backwards_is_a_clip_of_the_opposite_direction(train):
    images, labels = train
    moves = moving_clips(images, labels, 200, seed=2)
    travel = MOVE_FRAMES - 1
    for corners, d in zip(moves.positions, moves.directions):
        assert _valid_start(corners, d, travel)
        assert _valid_start(corners[::-1], OPPOSITE[d], travel)
    # and the reversed frames are the rendered reversed path
    back = render(_first_patch(moves), moves.positions[:, ::-1])
    assert np.array_equal(back, moves.frames[:, ::-1])


def _first_patch(clips):
    corners = clips.positions[:, 0]
    return np.stack([f[0, r:r + DIGIT, c:c + DIGIT] for f, (r, c) in zip(clips.frames, corners)])


def test_starts_and_reversed_ends_are_alike_distributed(train):
    moves = moving_clips(*train, 4000, seed=3)
    travel = MOVE_FRAMES - 1
    for d in range(4):
        axis = int(np.flatnonzero(STEPS[DIRECTIONS[d]])[0])
        starts = moves.positions[moves.directions == d, 0, axis]
        ends = moves.positions[moves.directions == OPPOSITE[d], -1, axis]    # the reversed clips' starts
        assert set(starts) == set(ends)                                        # the same corners
        a = np.bincount(starts, minlength=HIGH + 1) / starts.size
        b = np.bincount(ends, minlength=HIGH + 1) / ends.size
        assert np.abs(a - b).max() < 0.06 and a.nonzero()[0].size == HIGH - travel + 1   # both uniform


def test_bad_arguments_are_named(train):
    images, labels = train
    with pytest.raises(ValueError, match="part"):
        digit_images("training")
    with pytest.raises(ValueError, match="images"):
        bouncing_clips(images * 2, labels, 3)
    with pytest.raises(ValueError, match="labels"):
        bouncing_clips(images, labels[:-1], 3)
    with pytest.raises(ValueError, match="frames"):
        moving_clips(images, labels, 3, frames=HIGH + 2)                 # would leave the canvas
    with pytest.raises(ValueError, match="velocity"):
        bounce_path((0, 0), (9, 0), 3, 8)
    with pytest.raises(ValueError, match="start"):
        bounce_path((0, 9), (1, 1), 3, 8)
