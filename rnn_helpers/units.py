"""Which hidden unit tracks a feature of the input: the correlation of each unit with it, over time.

    corr = unit_correlations(c, features["in_speaker_name"])    # c (T, H) or (B, T, H), feature (T,)
    best = int(np.argmax(np.abs(corr)))                        # the unit that tracks it best

Karpathy, Johnson & Fei-Fei (2015) found character-model cells that follow the position in a line
or the inside of quotes; this is the measurement that finds such a unit. numpy only.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array


def unit_correlations(values, feature) -> np.ndarray:
    """(H,) Pearson correlation of each unit's values (T, H) (or (B, T, H)) with ``feature`` (T,) (or (B, T)),
    pooled over every step; a unit (or a feature) that never changes gets 0."""
    v = as_array("values", values)
    if v.ndim not in (2, 3) or 0 in v.shape:
        raise ValueError(f"values: expected a non-empty (T, H) or (B, T, H) array, got shape {v.shape}")
    f = as_array("feature", feature)
    if f.shape != v.shape[:-1]:
        raise ValueError(f"feature: expected one value per step, shape {v.shape[:-1]}, got {f.shape}")
    v = v.reshape(-1, v.shape[-1]) - v.reshape(-1, v.shape[-1]).mean(axis=0)      # (N, H) centred
    f = f.reshape(-1) - f.mean()                                                   # (N,)
    scale = np.sqrt((v ** 2).sum(axis=0) * (f ** 2).sum())                          # (H,)
    return np.where(scale > 0, (f @ v) / np.where(scale > 0, scale, 1.0), 0.0)
