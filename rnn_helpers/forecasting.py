"""Forecasting in numpy: split in time, scale on the past, difference, cut windows, and the baselines.

    split = chronological_split(len(y))                   # train | validation | test, in time order
    z = difference(y, lag=1)                              # z_t = y_t - y_{t-1} (NaN for t < lag)
    scaler = fit_scaler(z[: split.train_end])             # mean and sd of the TRAINING part only
    w = make_windows(scaler.scale(z), window=52, horizon=26, part=split.part("test"), lag=1)
    coef = fit_linear_ar(w_train.x, w_train.y)            # least squares on the same windows
    levels = to_levels(y, w.origins, scaler.unscale(pred), lag=1)   # back to ppm, (N, horizon)

An origin ``o`` is the last step the forecaster has seen: its window is z[o-W+1 .. o], its targets
z[o+1 .. o+H]. Every target of a part lies inside that part; the inputs may reach back into earlier
parts (the past is known when the forecast is made). No TensorFlow here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers._checks import as_numbers, check_choice, check_int, check_number, check_positive_int

PARTS = ("train", "val", "test")


class Split(NamedTuple):
    """Chronological parts of a series of ``n`` steps: [0, train_end), [train_end, val_end), [val_end, n)."""

    n: int
    train_end: int
    val_end: int

    def part(self, name) -> tuple[int, int]:
        """(first, stop) step of the part ``name`` ("train", "val" or "test")."""
        name = check_choice("name", name, PARTS)
        return {
            "train": (0, self.train_end),
            "val": (self.train_end, self.val_end),
            "test": (self.val_end, self.n),
        }[name]


def chronological_split(n, val_fraction=0.15, test_fraction=0.15) -> Split:
    """The first ``1 - val - test`` of ``n`` steps to train on, then validation, then test: in time order."""
    n = check_int("n", n, low=3)
    val_fraction = check_number("val_fraction", val_fraction, low=0.0, high=0.5)
    test_fraction = check_number("test_fraction", test_fraction, low=0.0, high=0.5)
    val_n, test_n = round(n * val_fraction), round(n * test_fraction)
    if min(val_n, test_n) < 1 or n - val_n - test_n < 1:
        raise ValueError(
            f"val_fraction, test_fraction: expected at least one step in each part of "
            f"{n}, got {n - val_n - test_n} / {val_n} / {test_n}"
        )
    return Split(n, n - val_n - test_n, n - test_n)


def _series(name, y) -> np.ndarray:
    y = as_numbers(name, y, ndim=1).astype(np.float64)
    if y.size < 2:
        raise ValueError(f"{name}: expected a series of at least 2 steps, got {y.size}")
    return y


class Scaler(NamedTuple):
    """(value - mean) / sd with the mean and sd of the data it was fitted on."""

    mean: float
    sd: float

    def scale(self, values) -> np.ndarray:
        return (as_numbers("values", values, finite=False) - self.mean) / self.sd

    def unscale(self, values) -> np.ndarray:
        return as_numbers("values", values, finite=False) * self.sd + self.mean


def fit_scaler(values) -> Scaler:
    """The mean and standard deviation of ``values`` (NaN ignored): fit it on the training part only."""
    values = as_numbers("values", values, finite=False)
    known = values[~np.isnan(values)]
    if known.size < 2 or not np.all(np.isfinite(known)):
        raise ValueError(
            f"values: expected at least 2 finite values, got {known.size} known of {values.size}"
        )
    sd = float(known.std())
    if sd == 0:
        raise ValueError("values: expected values that vary, got a constant")
    return Scaler(float(known.mean()), sd)


def difference(y, lag=1, log=False) -> np.ndarray:
    """z_t = f(y_t) - f(y_{t-lag}) with f = log if ``log`` else identity; NaN for the first ``lag`` steps."""
    y = _series("y", y)
    lag = check_int("lag", lag, low=1, high=y.size - 1)
    if log and np.any(y <= 0):
        raise ValueError(f"y: expected positive values to take the log of, got minimum {y.min()}")
    f = np.log(y) if log else y
    z = np.full(y.size, np.nan)
    z[lag:] = f[lag:] - f[:-lag]
    return z


class Windows(NamedTuple):
    """``x`` (N, window) inputs, ``y`` (N, horizon) targets, ``origins`` (N,) the last input step."""

    x: np.ndarray
    y: np.ndarray
    origins: np.ndarray


def make_windows(z, window, horizon=1, part=None, lag=0) -> Windows:
    """Every window of ``window`` steps of ``z`` whose ``horizon`` targets lie inside ``part``.

    ``part`` = (first, stop) steps (``Split.part``; None: the whole series); ``lag``: the first
    ``lag`` steps of ``z`` are not data (NaN from ``difference``).
    """
    z = as_numbers("z", z, ndim=1, finite=False).astype(np.float64)
    window, horizon = check_positive_int("window", window), check_positive_int("horizon", horizon)
    lag = check_int("lag", lag, low=0)
    first, stop = (0, z.size) if part is None else _part(part, z.size)
    lo = max(lag + window - 1, first - 1)  # the first origin with a full window
    origins = np.arange(lo, stop - horizon)
    if origins.size == 0:
        raise ValueError(
            f"window, horizon: expected a window ({window}) and horizon ({horizon}) that fit "
            f"in steps {first}..{stop - 1} of a series of {z.size} (after {lag} undefined)"
        )
    x = np.stack([z[o - window + 1 : o + 1] for o in origins])
    y = np.stack([z[o + 1 : o + 1 + horizon] for o in origins])
    if np.isnan(x).any() or np.isnan(y).any():
        raise ValueError("z: expected no NaN inside the windows (fill the gaps first, or raise lag)")
    return Windows(x, y, origins)


def _part(part, n) -> tuple[int, int]:
    if not (isinstance(part, (tuple, list)) and len(part) == 2):
        raise TypeError(f"part: expected (first, stop) steps, got {part!r}")
    first, stop = (check_int("part", v, low=0, high=n) for v in part)
    if stop <= first:
        raise ValueError(f"part: expected first < stop, got {part!r}")
    return first, stop


def fit_linear_ar(x, y, ridge=1e-6) -> np.ndarray:
    """Least squares y ≈ [x, 1] @ coef for windows x (N, W) and targets y (N, H); coef (W + 1, H).

    One regression per horizon step: the linear autoregression (direct when H > 1). ``ridge`` adds
    ridge * I to the normal equations (not to the intercept) for a stable solve.
    """
    x, y = as_numbers("x", x, ndim=2), as_numbers("y", y, ndim=2)
    if x.shape[0] != y.shape[0]:
        raise ValueError(f"y: expected {x.shape[0]} rows like x, got {y.shape[0]}")
    ridge = check_number("ridge", ridge, low=0.0)
    a = np.hstack([x, np.ones((x.shape[0], 1))])
    reg = ridge * np.eye(a.shape[1])
    reg[-1, -1] = 0.0
    return np.linalg.solve(a.T @ a + reg, a.T @ y)


def linear_ar_predict(coef, x) -> np.ndarray:
    """[x, 1] @ coef: x (N, W), coef (W + 1, H) from ``fit_linear_ar``; returns (N, H)."""
    coef, x = as_numbers("coef", coef, ndim=2), as_numbers("x", x, ndim=2)
    if coef.shape[0] != x.shape[1] + 1:
        raise ValueError(
            f"coef: expected {x.shape[1] + 1} rows for windows of {x.shape[1]}, got {coef.shape[0]}"
        )
    return np.hstack([x, np.ones((x.shape[0], 1))]) @ coef


def recursive_forecast(step, x, horizon) -> np.ndarray:
    """Forecast ``horizon`` steps with a one-step forecaster: each prediction joins the window.

    ``step`` maps windows (N, W) to next values (N,) or (N, 1); x (N, W). Returns (N, horizon).
    """
    if not callable(step):
        raise TypeError(f"step: expected a function of windows (N, W), got {type(step).__name__}")
    x = as_numbers("x", x, ndim=2).astype(np.float64)
    horizon = check_positive_int("horizon", horizon)
    out = []
    for _ in range(horizon):
        nxt = np.asarray(step(x), dtype=np.float64).reshape(x.shape[0])
        out.append(nxt)
        x = np.hstack([x[:, 1:], nxt[:, None]])
    return np.stack(out, axis=1)


def to_levels(y, origins, z_pred, lag=1, log=False) -> np.ndarray:
    """Level forecasts (N, H) from forecasts of z = f(y_t) - f(y_{t-lag}) made at ``origins`` (N,).

    f(ŷ_{o+k}) = f(y or ŷ at o+k-lag) + ẑ_{o+k}: the known level where o+k-lag <= o, else the forecast.
    """
    y = _series("y", y)
    origins = as_numbers("origins", origins, ndim=1).astype(int)
    z_pred = as_numbers("z_pred", z_pred, ndim=2)
    if z_pred.shape[0] != origins.size:
        raise ValueError(f"z_pred: expected {origins.size} rows like origins, got {z_pred.shape[0]}")
    lag = check_int("lag", lag, low=1)
    if origins.min() < lag - 1 or origins.max() >= y.size:
        raise ValueError(
            f"origins: expected steps {lag - 1}..{y.size - 1}, got {origins.min()}..{origins.max()}"
        )
    f = np.log(y) if log else y
    H = z_pred.shape[1]
    out = np.empty_like(z_pred, dtype=np.float64)
    for k in range(1, H + 1):
        back = k - lag  # steps after the origin of f(y_{o+k-lag})
        base = f[origins + back] if back <= 0 else out[:, back - 1]
        out[:, k - 1] = base + z_pred[:, k - 1]
    return np.exp(out) if log else out


def naive_forecast(y, origins, horizon) -> np.ndarray:
    """The last value seen, for every step ahead: ŷ_{o+k} = y_o; (N, horizon)."""
    y, origins = _series("y", y), _origins(origins, y)
    return np.repeat(y[origins][:, None], check_positive_int("horizon", horizon), axis=1)


def seasonal_naive_forecast(y, origins, horizon, season) -> np.ndarray:
    """The value one season before: ŷ_{o+k} = y_{o+k-m·ceil(k/m)}; (N, horizon)."""
    y, origins = _series("y", y), _origins(origins, y)
    horizon, season = check_positive_int("horizon", horizon), check_positive_int("season", season)
    k = np.arange(1, horizon + 1)
    back = k - season * np.ceil(k / season).astype(int)  # <= 0: a step already seen
    if origins.min() + back.min() < 0:
        raise ValueError(f"origins: expected origins at least {-back.min()} steps in, got {origins.min()}")
    return y[origins[:, None] + back[None, :]]


def _origins(origins, y) -> np.ndarray:
    origins = as_numbers("origins", origins, ndim=1)
    if not np.issubdtype(origins.dtype, np.integer) or origins.min() < 0 or origins.max() >= y.size:
        raise ValueError(
            f"origins: expected integer steps 0..{y.size - 1}, got {origins.dtype} "
            f"{origins.min()}..{origins.max()}"
        )
    return origins


def targets(y, origins, horizon) -> np.ndarray:
    """The true levels y_{o+1..o+horizon} at each origin; (N, horizon)."""
    y, origins = _series("y", y), _origins(origins, y)
    horizon = check_positive_int("horizon", horizon)
    if origins.max() + horizon >= y.size:
        raise ValueError(
            f"horizon: expected origins + horizon inside the series ({y.size}), got "
            f"{origins.max()} + {horizon}"
        )
    return y[origins[:, None] + np.arange(1, horizon + 1)[None, :]]


def mae_by_horizon(truth, forecast) -> np.ndarray:
    """Mean absolute error at each step ahead: truth and forecast (N, H); returns (H,)."""
    truth, forecast = as_numbers("truth", truth, ndim=2), as_numbers("forecast", forecast, ndim=2)
    if truth.shape != forecast.shape:
        raise ValueError(f"forecast: expected shape {truth.shape} like truth, got {forecast.shape}")
    return np.abs(truth - forecast).mean(axis=0)


def residual_band(truth, forecast, coverage=0.9) -> tuple[np.ndarray, np.ndarray]:
    """Empirical residual quantiles per step ahead: (low, high) offsets (H,) such that a fraction
    ``coverage`` of the residuals truth - forecast (N, H) lies in [low, high] at each step."""
    truth, forecast = as_numbers("truth", truth, ndim=2), as_numbers("forecast", forecast, ndim=2)
    if truth.shape != forecast.shape:
        raise ValueError(f"forecast: expected shape {truth.shape} like truth, got {forecast.shape}")
    coverage = check_number("coverage", coverage, low=0.0, high=1.0)
    if not 0 < coverage < 1:
        raise ValueError(f"coverage: expected a fraction strictly between 0 and 1, got {coverage}")
    r = truth - forecast
    tail = (1 - coverage) / 2
    return np.quantile(r, tail, axis=0), np.quantile(r, 1 - tail, axis=0)


def band_coverage(truth, forecast, band) -> np.ndarray:
    """The fraction of truth (N, H) inside forecast + [low, high] at each step ahead; (H,)."""
    truth, forecast = as_numbers("truth", truth, ndim=2), as_numbers("forecast", forecast, ndim=2)
    if truth.shape != forecast.shape:
        raise ValueError(f"forecast: expected shape {truth.shape} like truth, got {forecast.shape}")
    if not (isinstance(band, tuple) and len(band) == 2):
        raise TypeError(f"band: expected the (low, high) pair of residual_band, got {type(band).__name__}")
    low, high = (as_numbers("band", b, ndim=1) for b in band)
    if low.size != truth.shape[1] or high.size != truth.shape[1]:
        raise ValueError(f"band: expected offsets for {truth.shape[1]} steps, got {low.size} and {high.size}")
    r = truth - forecast
    return ((r >= low) & (r <= high)).mean(axis=0)
