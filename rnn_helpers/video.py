"""Scoring next-frame predictions, the baselines they must beat, and the direction task's counts.

    err = mse_by_horizon(predicted, true)                 # (horizon,) mean squared error per pixel
    off = centre_error(predicted, true)                   # (horizon,) pixels between centres of mass
    copy = copy_last(observed, horizon)                   # the last frame, repeated
    drift = constant_shift(observed, horizon)             # the last frame slid on, bouncing off the edges
    table = confusion(true_directions, predicted_directions)   # (4, 4) counts, rows the truth

Frames are (N, T, H, W) arrays with pixels in [0, 1] (``check_frames``). The baselines use only the
observed frames, as a model would. Only numpy here.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, as_numbers, check_int, check_number, check_positive_int
from rnn_helpers.datasets.video import DIRECTIONS, MAX_SPEED

N_DIRECTIONS = len(DIRECTIONS)


def check_frames(name, frames, *, min_frames=1) -> np.ndarray:
    """``frames`` as float32 (N, T, H, W) with N >= 1, T >= min_frames and pixels in [0, 1], or an error
    naming what it got. A trailing channel axis of size 1 is accepted and dropped."""
    min_frames = check_int("min_frames", min_frames, low=1)
    a = as_array(name, frames, dtype=np.float32)
    if a.ndim == 5 and a.shape[-1] == 1:
        a = a[..., 0]
    if a.ndim != 4 or 0 in a.shape or a.shape[1] < min_frames:
        raise ValueError(f"{name}: expected clips (N, T, H, W) with N >= 1 and T >= {min_frames}, "
                         f"got shape {a.shape}")
    if a.min() < 0 or a.max() > 1:
        raise ValueError(f"{name}: expected pixels in [0, 1], got values from {a.min():.3g} to {a.max():.3g}")
    return a


def mse_by_horizon(predicted, true) -> np.ndarray:
    """Mean squared error per pixel at each step ahead: predicted and true (N, K, H, W) -> (K,) float64."""
    p = check_frames("predicted", predicted)
    t = check_frames("true", true)
    if p.shape != t.shape:
        raise ValueError(f"predicted: expected the shape of true {t.shape}, got {p.shape}")
    return ((p.astype(np.float64) - t) ** 2).mean(axis=(0, 2, 3))


def centre_of_mass(frames) -> np.ndarray:
    """Where the ink is: the brightness-weighted mean (row, column) of every frame, (N, T, 2) float64.
    A frame with no ink (all zeros) has no centre: an error says which."""
    x = check_frames("frames", frames).astype(np.float64)
    mass = x.sum(axis=(2, 3))
    if (mass <= 1e-9).any():
        n, t = np.argwhere(mass <= 1e-9)[0]
        raise ValueError(f"frames: expected some ink in every frame, got a blank frame (clip {n}, frame {t})")
    rows = (x.sum(axis=3) * np.arange(x.shape[2])).sum(axis=2) / mass
    cols = (x.sum(axis=2) * np.arange(x.shape[3])).sum(axis=2) / mass
    return np.stack([rows, cols], axis=-1)


def centre_error(predicted, true) -> np.ndarray:
    """How far the predicted digit is from the true one: the mean distance in pixels between their
    centres of mass at each step ahead, (K,) float64. Unlike the squared error it does not reward a
    blur: a faint smear in the right place and a sharp digit in the right place score alike."""
    p = check_frames("predicted", predicted)
    t = check_frames("true", true)
    if p.shape != t.shape:
        raise ValueError(f"predicted: expected the shape of true {t.shape}, got {p.shape}")
    return np.linalg.norm(centre_of_mass(p) - centre_of_mass(t), axis=-1).mean(axis=0)


def copy_last(observed, horizon) -> np.ndarray:
    """The copy-the-last-frame forecast: the last observed frame for every one of ``horizon`` steps,
    (N, horizon, H, W) float32."""
    x = check_frames("observed", observed)
    horizon = check_positive_int("horizon", horizon)
    return np.repeat(x[:, -1:], horizon, axis=1)


def shift(frame, dy, dx) -> np.ndarray:
    """``frame`` (H, W) slid down by ``dy`` and right by ``dx`` pixels; what leaves the canvas is lost,
    what enters it is black."""
    frame = as_array("frame", frame, ndim=2)
    if 0 in frame.shape:
        raise ValueError(f"frame: expected an image (H, W) with H, W >= 1, got shape {frame.shape}")
    dy, dx = check_int("dy", dy), check_int("dx", dx)
    H, W = frame.shape
    out = np.zeros_like(frame)
    if abs(dy) < H and abs(dx) < W:
        out[max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
            frame[max(-dy, 0):H - max(dy, 0), max(-dx, 0):W - max(dx, 0)]
    return out


def last_motion(observed, max_shift=MAX_SPEED) -> np.ndarray:
    """The shift (dy, dx), each in -max_shift..max_shift, that best carries the second-to-last observed
    frame onto the last one (least squared error; ties go to the smaller shift): (N, 2) int64."""
    x = check_frames("observed", observed, min_frames=2)
    max_shift = check_int("max_shift", max_shift, low=0, high=min(x.shape[2:]) - 1)
    shifts = sorted(((dy, dx) for dy in range(-max_shift, max_shift + 1)
                     for dx in range(-max_shift, max_shift + 1)), key=lambda s: (abs(s[0]) + abs(s[1]), s))
    out = np.empty((len(x), 2), np.int64)
    for n, clip in enumerate(x):
        errors = [((shift(clip[-2], dy, dx) - clip[-1]) ** 2).sum() for dy, dx in shifts]
        out[n] = shifts[int(np.argmin(errors))]
    return out


def constant_shift(observed, horizon, max_shift=MAX_SPEED, ink=0.05) -> np.ndarray:
    """Hand-written physics: the last frame slid on by ``last_motion`` at every step, bouncing off the
    edges: the box around the ink (pixels above ``ink``) is reflected where it would leave the canvas.
    The clips bounce the whole 8 x 8 digit image, blank margins included, which this forecast cannot
    see, so it bounces a step late where a digit has a blank margin on that side: written physics, not
    the generator's exact rule. (N, horizon, H, W) float32."""
    x = check_frames("observed", observed, min_frames=2)
    horizon = check_positive_int("horizon", horizon)
    ink = check_number("ink", ink, low=0, high=1)
    motion = last_motion(x, max_shift)
    out = np.zeros((len(x), horizon, *x.shape[2:]), np.float32)
    for n, velocity in enumerate(motion):
        last = x[n, -1]
        rows, cols = np.nonzero(last > ink)
        if rows.size == 0:                      # nothing to move: the forecast stays black
            continue
        corner = np.array([rows.min(), cols.min()])
        high = np.array(last.shape) - 1 - np.array([rows.max(), cols.max()]) + corner   # corner's range
        pos, vel = corner.copy(), velocity.copy()
        for k in range(horizon):
            pos = pos + vel
            for a in range(2):
                if pos[a] < 0:
                    pos[a], vel[a] = -pos[a], -vel[a]
                elif pos[a] > high[a]:
                    pos[a], vel[a] = 2 * high[a] - pos[a], -vel[a]
            pos = np.clip(pos, 0, high)
            out[n, k] = shift(last, *(pos - corner))
    return out


def confusion(true, predicted, n_classes=N_DIRECTIONS) -> np.ndarray:
    """Counts (n_classes, n_classes): row the true class, column the predicted one."""
    n_classes = check_positive_int("n_classes", n_classes)
    arrays = []
    for name, v in (("true", true), ("predicted", predicted)):
        a = as_numbers(name, v, ndim=1)
        if not np.issubdtype(a.dtype, np.integer) or a.size == 0 or a.min() < 0 or a.max() >= n_classes:
            raise ValueError(f"{name}: expected a non-empty (N,) array of class indices in "
                             f"0..{n_classes - 1}, got shape {a.shape} of dtype {a.dtype}")
        arrays.append(a)
    if arrays[0].shape != arrays[1].shape:
        raise ValueError(f"predicted: expected one class per true class ({arrays[0].shape}), "
                         f"got {arrays[1].shape}")
    table = np.zeros((n_classes, n_classes), np.int64)
    np.add.at(table, (arrays[0], arrays[1]), 1)
    return table
