"""Train / validation / test splits of sequence data, and variable-length sequences by padding.

    data = split_stratified(x, y, seed=0)                 # a SequenceSplits
    lengths = random_lengths(len(data.x_test), 8, min_len=4, seed=0)
    x_pad = truncate_and_pad(data.x_test, lengths, pad_value=-1.0)    # variable-length, padded
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import (
    as_array,
    as_numbers,
    check_nonempty,
    check_number,
    check_positive_int,
    check_seed,
    check_shape,
)


@dataclass(frozen=True)
class SequenceSplits:
    """Train, validation and test sets: x_* (N, T, D) float32, y_* (N,) int64."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    def __post_init__(self):
        shape = None
        for part in ("train", "val", "test"):
            x = as_array(f"x_{part}", getattr(self, f"x_{part}"), ndim=3)      # (N, T, D)
            check_nonempty(f"x_{part}", x)
            y = _labels(f"y_{part}", getattr(self, f"y_{part}"), len(x))      # (N,)
            if shape is not None:
                check_shape(f"x_{part} (steps and features of x_train)", x, (None, *shape))
            shape = x.shape[1:]
            object.__setattr__(self, f"x_{part}", x)                          # frozen: set once here
            object.__setattr__(self, f"y_{part}", y)

    @property
    def input_shape(self) -> tuple[int, int]:
        """(T, D) of one example, what ``keras.Input(shape=...)`` needs."""
        return tuple(self.x_train.shape[1:])

    @property
    def num_classes(self) -> int:
        return int(max(self.y_train.max(), self.y_val.max(), self.y_test.max()) + 1)

    def sizes(self) -> dict[str, int]:
        return {"train": len(self.y_train), "validation": len(self.y_val), "test": len(self.y_test)}

    def reshaped(self, timesteps, features) -> SequenceSplits:
        """The same examples read in another order of steps, e.g. (64, 1): a digit pixel by pixel.

        Each example's T·D numbers keep their row-major order; only the step size changes.
        """
        T, D = check_positive_int("timesteps", timesteps), check_positive_int("features", features)
        if T * D != self.x_train.shape[1] * self.x_train.shape[2]:
            raise ValueError(f"timesteps * features: expected {self.x_train.shape[1] * self.x_train.shape[2]}"
                             f" (the numbers per example), got {T} * {D} = {T * D}")
        return SequenceSplits(self.x_train.reshape(-1, T, D), self.y_train, self.x_val.reshape(-1, T, D),
                              self.y_val, self.x_test.reshape(-1, T, D), self.y_test)


def _labels(name, y, n) -> np.ndarray:
    """y as n integer labels (N,), or an error naming ``name``."""
    y = as_numbers(name, y)
    if y.shape != (n,) or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"{name}: expected {n} integer labels, got shape {y.shape} dtype {y.dtype}")
    return y


def _fraction(name, f) -> float:
    f = check_number(name, f)
    if not 0.0 < f < 1.0:
        raise ValueError(f"{name}: expected a fraction in (0, 1), got {f!r}")
    return f


def split_stratified(x, y, *, val_fraction=0.2, test_fraction=0.2, seed=0) -> SequenceSplits:
    """Split (x, y) into train, validation and test sets, each with the class mix of y (seeded).

    Every class needs enough examples to appear in all three sets.
    """
    from sklearn.model_selection import train_test_split

    x = as_array("x", x, ndim=3, dtype=np.float32)                # (N, T, D)
    check_nonempty("x", x)
    y = _labels("y", y, len(x))                                   # (N,)
    val_fraction, test_fraction = _fraction("val_fraction", val_fraction), _fraction("test_fraction",
                                                                                     test_fraction)
    if val_fraction + test_fraction >= 1.0:
        raise ValueError(f"val_fraction + test_fraction: expected < 1, got {val_fraction + test_fraction}")
    seed = check_seed(seed)
    try:
        x_rest, x_test, y_rest, y_test = train_test_split(
            x, y, test_size=test_fraction, stratify=y, random_state=seed)
        x_train, x_val, y_train, y_val = train_test_split(
            x_rest, y_rest, test_size=val_fraction / (1.0 - test_fraction), stratify=y_rest,
            random_state=seed)
    except ValueError as exc:     # too few examples of a class for three stratified sets
        smallest = int(np.unique(y, return_counts=True)[1].min()) if y.size else 0
        raise ValueError(f"y: cannot split {len(y)} labels (smallest class: {smallest} examples) into "
                         f"stratified train/validation/test sets: {exc}") from None
    return SequenceSplits(x_train, y_train, x_val, y_val, x_test, y_test)


def random_lengths(n, max_len, *, min_len=1, seed=0) -> np.ndarray:
    """n sequence lengths drawn uniformly from min_len..max_len (inclusive), int64 (n,)."""
    n, max_len = check_positive_int("n", n), check_positive_int("max_len", max_len)
    min_len = check_positive_int("min_len", min_len)
    if min_len > max_len:
        raise ValueError(f"min_len: expected at most max_len={max_len}, got {min_len}")
    return np.random.default_rng(check_seed(seed)).integers(min_len, max_len + 1, size=n)


def truncate_and_pad(x, lengths, *, pad_value=0.0) -> np.ndarray:
    """Keep the first lengths[b] steps of each sequence and overwrite the rest with pad_value.

    x (B, T, D), lengths (B,) ints in 1..T. Returns a new float32 array (B, T, D), padded at the end
    ("post" padding), the layout Keras' masking and the cuDNN kernel expect.
    """
    x = as_array("x", x, ndim=3, dtype=np.float32)                # (B, T, D)
    check_nonempty("x", x)
    lengths = as_numbers("lengths", lengths)
    if lengths.shape != (len(x),) or not np.issubdtype(lengths.dtype, np.integer):
        raise ValueError(f"lengths: expected {len(x)} integers, got shape {lengths.shape} "
                         f"dtype {lengths.dtype}")
    if lengths.min() < 1 or lengths.max() > x.shape[1]:
        raise ValueError(f"lengths: expected values in 1..{x.shape[1]}, got {lengths.min()}..{lengths.max()}")
    top = float(np.finfo(np.float32).max)
    pad_value = check_number("pad_value", pad_value, low=-top, high=top)        # a float32
    keep = np.arange(x.shape[1])[None, :] < lengths[:, None]      # (B, T) True on real steps
    return np.where(keep[..., None], x, np.float32(pad_value)).astype(np.float32)
