"""Moving-digit clips: scikit-learn's bundled 8x8 digits moving across a small canvas.

    images, labels = digit_images("train")                          # the digits of one split
    clips = bouncing_clips(images, labels, 600, seed=0)             # (600, 10, 16, 16) frames
    moves = moving_clips(images, labels, 600, seed=0)               # straight moves, 4 directions

A clip is a sequence of frames (``frames[i, t]`` is an image of ``canvas x canvas`` pixels in [0, 1])
in which one digit moves. ``bouncing_clips`` is the next-frame task: each digit starts anywhere with a
random velocity (up to ``max_speed`` pixels a frame on each axis) and bounces off the edges.
``moving_clips`` is the direction task: each digit moves in a straight line, one pixel a frame, in
one of ``DIRECTIONS``, and never leaves the canvas; its start is drawn so that a clip and the same
clip played backwards are equally likely, which is what makes the direction unreadable from the
frames without their order.

The 1797 digit images are split once (``DIGIT_SPLIT``, stratified by class, fixed seed), so test clips
are made of handwriting the models never saw. Nothing is downloaded; no TensorFlow here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import as_array, as_numbers, check_choice, check_int, check_positive_int, check_seed

DIGIT = 8                                          # the digits are 8 x 8 pixels
CANVAS, FRAMES, MAX_SPEED = 16, 10, 2
MOVE_FRAMES = 6
DIRECTIONS = ("up", "down", "left", "right")
STEPS = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}   # (row, column) a frame
PARTS = ("train", "val", "test")
DIGIT_SPLIT = {"seed": 0, "fractions": (0.6, 0.2, 0.2)}


@dataclass(frozen=True)
class Clips:
    """Clips of one moving digit.

    frames (N, T, H, W) float32 in [0, 1]; digits (N,) int64, the class of the digit in each clip;
    positions (N, T, 2) int64, the digit's top-left corner (row, column) in each frame; directions
    (N,) int64, an index into ``DIRECTIONS`` for straight moves, -1 for bouncing clips.
    """

    frames: np.ndarray
    digits: np.ndarray
    positions: np.ndarray
    directions: np.ndarray

    def __len__(self) -> int:
        return len(self.frames)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.frames.shape)


def digit_images(part="train"):
    """The digit images of one part of the fixed split: (images (n, 8, 8) float32 in [0, 1], labels (n,)).

    ``part`` is "train" (60 %), "val" (20 %), "test" (20 %) or "all"; stratified by class, so each
    part holds every class in the same proportions.
    """
    from sklearn.datasets import load_digits

    part = check_choice("part", part, (*PARTS, "all"))
    digits = load_digits()
    images = (digits.images / 16.0).astype(np.float32)
    labels = digits.target.astype(np.int64)
    if part == "all":
        return images, labels
    rng = np.random.default_rng(DIGIT_SPLIT["seed"])
    chosen = {p: [] for p in PARTS}
    for k in range(10):
        idx = rng.permutation(np.flatnonzero(labels == k))
        n_train = int(round(DIGIT_SPLIT["fractions"][0] * idx.size))
        n_val = int(round(DIGIT_SPLIT["fractions"][1] * idx.size))
        chosen["train"].append(idx[:n_train])
        chosen["val"].append(idx[n_train:n_train + n_val])
        chosen["test"].append(idx[n_train + n_val:])
    keep = np.sort(np.concatenate(chosen[part]))
    return images[keep], labels[keep]


def _check_digits(images):
    images = as_array("images", images, ndim=3, dtype=np.float32)
    if images.shape[0] == 0 or images.shape[1:] != (DIGIT, DIGIT):
        raise ValueError(f"images: expected an array (n, {DIGIT}, {DIGIT}) with n >= 1, "
                         f"got shape {images.shape}")
    return images


def _check_images(images, labels):
    images = _check_digits(images)
    if images.min() < 0 or images.max() > 1:
        raise ValueError(f"images: expected pixels in [0, 1], got values from {images.min():.3g} "
                         f"to {images.max():.3g}")
    labels = as_numbers("labels", labels, ndim=1)
    if not np.issubdtype(labels.dtype, np.integer) or labels.shape != (len(images),):
        raise ValueError(f"labels: expected {len(images)} integer classes (one per image), got "
                         f"shape {labels.shape} of dtype {labels.dtype}")
    return images, labels.astype(np.int64)


def _check_canvas(canvas):
    canvas = check_int("canvas", canvas, low=DIGIT + 1)
    return canvas


def render(images, positions, canvas=CANVAS) -> np.ndarray:
    """Paste ``images[i]`` at ``positions[i, t]`` (top-left corner) on an empty canvas for every frame t.

    images (N, 8, 8), positions (N, T, 2) integers in [0, canvas - 8]; returns (N, T, canvas, canvas)
    float32. Where two frames of a digit would overlap nothing is blended: one digit per frame.
    """
    images = _check_digits(images)
    canvas = _check_canvas(canvas)
    positions = as_numbers("positions", positions, ndim=3)
    if not np.issubdtype(positions.dtype, np.integer) or positions.shape[0] != len(images) \
            or positions.shape[1] == 0 or positions.shape[2] != 2:
        raise ValueError(f"positions: expected integers of shape ({len(images)}, T, 2) with T >= 1, got "
                         f"shape {positions.shape} of dtype {positions.dtype}")
    if positions.min() < 0 or positions.max() > canvas - DIGIT:
        raise ValueError(f"positions: expected corners in [0, {canvas - DIGIT}] so that the digit stays on "
                         f"the canvas, got values from {positions.min()} to {positions.max()}")
    n, t = positions.shape[:2]
    out = np.zeros((n, t, canvas, canvas), np.float32)
    rows = positions[..., 0, None, None] + np.arange(DIGIT)[:, None]         # (N, T, 8, 1)
    cols = positions[..., 1, None, None] + np.arange(DIGIT)[None, :]         # (N, T, 1, 8)
    out[np.arange(n)[:, None, None, None], np.arange(t)[None, :, None, None], rows, cols] = \
        images[:, None]
    return out


def _check_pair(name, value, low, high):
    a = as_numbers(name, value, ndim=1)
    if not np.issubdtype(a.dtype, np.integer) or a.shape != (2,) or a.min() < low or a.max() > high:
        raise ValueError(f"{name}: expected two integers (row, column) in [{low}, {high}], got shape "
                         f"{a.shape} of dtype {a.dtype}: {a.tolist()!r:.40}")
    return a.astype(np.int64)


def bounce_path(start, velocity, frames, high) -> np.ndarray:
    """Positions (frames, 2) of a corner starting at ``start`` moving by ``velocity`` a frame and
    bouncing off 0 and ``high`` on each axis (a reflection: the overshoot comes back). ``start`` is
    two integers in [0, high], ``velocity`` two in [-high, high] (so one reflection is enough)."""
    high = check_int("high", high, low=0)
    frames = check_positive_int("frames", frames)
    pos = _check_pair("start", start, 0, high)
    vel = _check_pair("velocity", velocity, -high, high)
    out = np.empty((frames, 2), np.int64)
    for t in range(frames):
        out[t] = pos
        pos = pos + vel
        for a in range(2):
            if pos[a] < 0:
                pos[a], vel[a] = -pos[a], -vel[a]
            elif pos[a] > high:
                pos[a], vel[a] = 2 * high - pos[a], -vel[a]
    return out


def bouncing_clips(images, labels, n, *, frames=FRAMES, canvas=CANVAS, max_speed=MAX_SPEED, seed=0) -> Clips:
    """``n`` clips of one digit each (drawn from ``images``) bouncing around the canvas.

    Each clip starts at a uniform corner with a velocity whose two components are drawn from
    -max_speed..max_speed, not both zero.
    """
    images, labels = _check_images(images, labels)
    n = check_positive_int("n", n)
    frames = check_int("frames", frames, low=2)
    canvas = _check_canvas(canvas)
    max_speed = check_int("max_speed", max_speed, low=1, high=canvas - DIGIT)
    rng = np.random.default_rng(check_seed(seed))
    high = canvas - DIGIT
    which = rng.integers(0, len(images), n)
    positions = np.empty((n, frames, 2), np.int64)
    for i in range(n):
        velocity = np.zeros(2, np.int64)
        while not velocity.any():
            velocity = rng.integers(-max_speed, max_speed + 1, 2)
        positions[i] = bounce_path(rng.integers(0, high + 1, 2), velocity, frames, high)
    return Clips(render(images[which], positions, canvas), labels[which], positions,
                 np.full(n, -1, np.int64))


def moving_clips(images, labels, n, *, frames=MOVE_FRAMES, canvas=CANVAS, seed=0) -> Clips:
    """``n`` clips of one digit moving one pixel a frame in a straight line, in one of ``DIRECTIONS``.

    The directions are balanced (n // 4 each, the rest at random) and shuffled. Along the move the
    start is uniform over the corners that keep the whole path on the canvas, across it uniform over
    the canvas, so a clip played backwards is a clip of the opposite direction, equally likely.
    """
    images, labels = _check_images(images, labels)
    n = check_positive_int("n", n)
    canvas = _check_canvas(canvas)
    high = canvas - DIGIT
    frames = check_int("frames", frames, low=2, high=high + 1)
    rng = np.random.default_rng(check_seed(seed))
    directions = np.concatenate([np.repeat(np.arange(4), n // 4), rng.integers(0, 4, n % 4)])
    directions = rng.permutation(directions)
    which = rng.integers(0, len(images), n)
    travel = frames - 1
    positions = np.empty((n, frames, 2), np.int64)
    for i, d in enumerate(directions):
        step = np.array(STEPS[DIRECTIONS[d]])
        start = rng.integers(0, high + 1, 2)
        axis = int(np.flatnonzero(step)[0])
        lowest = 0 if step[axis] > 0 else travel
        start[axis] = rng.integers(lowest, lowest + high - travel + 1)
        positions[i] = start + np.arange(frames)[:, None] * step
    return Clips(render(images[which], positions, canvas), labels[which], positions,
                 directions.astype(np.int64))
