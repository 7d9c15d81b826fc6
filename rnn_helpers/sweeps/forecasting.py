"""The forecasting notebook's comparison over seeds: naive, seasonal naive, linear AR and a GRU.

    data = forecast_data("co2")                     # split, scaler, windows, truth: no training
    record, models = forecast_run("co2", seed=0)    # one point: the notebook reruns it live
    settings, runs = forecast_models(seeds=(0, 1, 2))

Each series is modelled as a difference (``SERIES``): CO2 as its weekly change, the airline
passengers as the yearly change of their log. The baselines need no seed; the GRUs (one-step, used
recursively, and direct) are trained with each seed. Errors are mean absolute errors of the levels
(ppm, thousands of passengers) on the test part, at each step ahead.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers._checks import check_choice, check_seed
from rnn_helpers.datasets.series import fill_gaps, load_airline, load_co2
from rnn_helpers.forecasting import (
    PARTS,
    chronological_split,
    difference,
    fit_linear_ar,
    fit_scaler,
    linear_ar_predict,
    mae_by_horizon,
    make_windows,
    naive_forecast,
    recursive_forecast,
    seasonal_naive_forecast,
    targets,
    to_levels,
)
from rnn_helpers.sweeps import check_seeds

SEEDS = (0, 1, 2)
UNITS, BATCH_SIZE = 32, 64


class Setting(NamedTuple):
    load: object  # the loader in datasets.series
    lag: int  # z_t = f(y_t) - f(y_{t-lag})
    log: bool  # f = log
    season: int  # steps per year, for the seasonal naive forecast
    window: int  # past values of z the models read
    horizon: int  # steps ahead forecast
    epochs: int


SERIES = {
    "co2": Setting(load_co2, 1, False, 52, 52, 26, 12),
    "airline": Setting(load_airline, 12, True, 12, 12, 12, 40),
}
FORECASTERS = (
    "naive",
    "seasonal_naive",
    "linear_ar_recursive",
    "linear_ar_direct",
    "gru_recursive",
    "gru_direct",
)


def forecast_data(name) -> dict:
    """Series ``name`` ("co2" or "airline") prepared: levels y, split, z scaled on the training part,
    windows of every part, the test truth (N, horizon) and the baselines' test forecasts."""
    s = SERIES[check_choice("name", name, SERIES)]
    series = s.load()
    y = fill_gaps(series.values)  # CO2: 59 weeks filled linearly
    split = chronological_split(y.size)
    z = difference(y, s.lag, s.log)
    scaler = fit_scaler(z[: split.train_end])  # the training part only
    zs = scaler.scale(z)
    windows = {p: make_windows(zs, s.window, s.horizon, split.part(p), s.lag) for p in PARTS}
    origins = windows["test"].origins
    coef = fit_linear_ar(windows["train"].x, windows["train"].y)  # direct: one regression per step
    one_step = coef[:, :1]  # its first column: the one-step AR

    def levels(z_scaled, part="test"):
        return to_levels(y, windows[part].origins, scaler.unscale(z_scaled), s.lag, s.log)

    forecasts = {
        "naive": naive_forecast(y, origins, s.horizon),
        "seasonal_naive": seasonal_naive_forecast(y, origins, s.horizon, s.season),
        "linear_ar_recursive": levels(
            recursive_forecast(lambda x: linear_ar_predict(one_step, x), windows["test"].x, s.horizon)
        ),
        "linear_ar_direct": levels(linear_ar_predict(coef, windows["test"].x)),
    }
    return {
        "setting": s,
        "series": series,
        "y": y,
        "split": split,
        "z": z,
        "scaler": scaler,
        "windows": windows,
        "truth": targets(y, origins, s.horizon),
        "coef": coef,
        "forecasts": forecasts,
        "levels": levels,
    }


def forecast_run(name, seed) -> tuple[dict, dict]:
    """One seed on series ``name``: both GRUs trained; (record of plain numbers, {"one_step", "direct"})."""
    from rnn_helpers.models.forecaster import build_forecaster, predict_windows, train_forecaster

    seed = check_seed(seed)
    d = forecast_data(name)
    s, w = d["setting"], d["windows"]
    models, record = {}, {"series": name, "seed": seed}
    for label, horizon in (("one_step", 1), ("direct", s.horizon)):
        model = build_forecaster(s.window, horizon, units=UNITS, seed=seed)
        history = train_forecaster(
            model,
            w["train"].x,
            w["train"].y[:, :horizon],
            w["val"].x,
            w["val"].y[:, :horizon],
            epochs=s.epochs,
            batch_size=BATCH_SIZE,
        )
        record[f"{label}_val_loss"] = history["val_loss"]
        models[label] = model
    forecasts = dict(d["forecasts"])
    forecasts["gru_recursive"] = d["levels"](
        recursive_forecast(lambda x: predict_windows(models["one_step"], x), w["test"].x, s.horizon)
    )
    forecasts["gru_direct"] = d["levels"](predict_windows(models["direct"], w["test"].x))
    for key in FORECASTERS:
        record[f"{key}_mae"] = [float(v) for v in mae_by_horizon(d["truth"], forecasts[key])]
    return record, models


def forecast_models(seeds=SEEDS):
    """FORECASTERS on both series, the GRUs trained with each seed."""
    seeds = check_seeds(seeds)
    settings = {
        "data": "load_co2() (gaps filled linearly), load_airline(); chronological 70/15/15",
        "seeds": list(seeds),
        "series": {k: {f: v for f, v in s._asdict().items() if f != "load"} for k, s in SERIES.items()},
        "epochs": {k: s.epochs for k, s in SERIES.items()},
        "units": UNITS,
        "batch_size": BATCH_SIZE,
        "optimizer": "Adam(0.003)",
        "forecasters": list(FORECASTERS),
        "error": "mean absolute error of the levels on the test part, per step ahead",
    }
    runs = [forecast_run(name, seed)[0] for name in SERIES for seed in seeds]
    return settings, runs


def mae_table(sweep) -> dict:
    """{series: {forecaster: (seeds, horizon) array}} of a loaded ``forecasting_models`` sweep."""
    from rnn_helpers.sweeps import Sweep

    if not isinstance(sweep, Sweep) or sweep.name != "forecasting_models":
        raise TypeError(f"sweep: expected load_sweep('forecasting_models'), got {type(sweep).__name__}")
    out = {}
    for name in SERIES:
        runs = [r for r in sweep.runs if r["series"] == name]
        out[name] = {k: np.array([r[f"{k}_mae"] for r in runs]) for k in FORECASTERS}
    return out
