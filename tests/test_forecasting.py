"""The forecasting tools in numpy: splits in time, differences undone exactly, windows inside their part,
the baselines, the linear AR on a known process, recursive forecasts and the residual band."""

import numpy as np
import pytest

from rnn_helpers.datasets.series import fill_gaps, load_airline, load_co2
from rnn_helpers.forecasting import (
    band_coverage,
    chronological_split,
    difference,
    fit_linear_ar,
    fit_scaler,
    linear_ar_predict,
    mae_by_horizon,
    make_windows,
    naive_forecast,
    recursive_forecast,
    residual_band,
    seasonal_naive_forecast,
    targets,
    to_levels,
)


def test_the_split_is_in_time_order_and_covers_every_step():
    s = chronological_split(2284)
    assert (s.train_end, s.val_end, s.n) == (1598, 1941, 2284)
    assert s.part("train") == (0, 1598) and s.part("val") == (1598, 1941) and s.part("test") == (1941, 2284)


@pytest.mark.parametrize(("lag", "log"), [(1, False), (12, True), (3, False)])
def test_levels_from_the_true_differences_are_the_truth(lag, log):
    y = fill_gaps(load_airline().values)
    z = difference(y, lag, log)
    w = make_windows(z, window=5, horizon=lag + 4, lag=lag)          # horizons beyond one season too
    back = to_levels(y, w.origins, w.y, lag=lag, log=log)
    np.testing.assert_allclose(back, targets(y, w.origins, lag + 4), rtol=1e-12)


def test_windows_keep_their_targets_inside_the_part_and_inputs_in_the_past():
    z = np.arange(100.0)
    w = make_windows(z, window=10, horizon=3, part=(60, 80))
    assert w.origins.min() == 59 and w.origins.max() == 76              # targets 60..79
    np.testing.assert_array_equal(w.x[0], z[50:60])
    np.testing.assert_array_equal(w.y[-1], z[77:80])
    with pytest.raises(ValueError, match="NaN"):
        make_windows(difference(z), window=3)                            # the first step is undefined


def test_the_scaler_uses_only_what_it_is_given():
    z = np.r_[np.zeros(50), np.ones(50) * 10]
    s = fit_scaler(z[:60])
    assert s.mean == pytest.approx(10 / 6) and s.unscale(s.scale(z)) == pytest.approx(z)


def test_the_naive_forecasts():
    y = np.arange(40.0) ** 1.1
    o = np.array([24, 30])
    np.testing.assert_array_equal(naive_forecast(y, o, 3), y[o][:, None].repeat(3, axis=1))
    sn = seasonal_naive_forecast(y, o, 14, 12)
    np.testing.assert_array_equal(sn[:, 0], y[o - 11])                  # one step ahead: 11 back
    np.testing.assert_array_equal(sn[:, 12], y[o + 13 - 24])            # beyond a season: two seasons back


def test_the_linear_ar_recovers_a_known_autoregression():
    rng = np.random.default_rng(0)
    z = np.zeros(3000)
    for t in range(2, z.size):
        z[t] = 0.6 * z[t - 1] - 0.3 * z[t - 2] + 0.5 + 0.1 * rng.normal()
    w = make_windows(z[100:], window=2, horizon=1)
    coef = fit_linear_ar(w.x, w.y)[:, 0]                               # [w_{t-1}, w_t, bias]
    np.testing.assert_allclose(coef, [-0.3, 0.6, 0.5], atol=0.03)
    one = fit_linear_ar(w.x, w.y)
    rec = recursive_forecast(lambda x: linear_ar_predict(one, x), w.x[:5], 3)
    np.testing.assert_allclose(rec[:, 0], linear_ar_predict(one, w.x[:5])[:, 0])
    x2 = np.hstack([w.x[:5, 1:], rec[:, :1]])
    np.testing.assert_allclose(rec[:, 1], linear_ar_predict(one, x2)[:, 0])


def test_the_band_covers_its_nominal_share_of_the_data_it_was_made_from():
    rng = np.random.default_rng(1)
    truth, forecast = rng.normal(size=(2000, 4)) * [1, 2, 3, 4], np.zeros((2000, 4))
    band = residual_band(truth, forecast, coverage=0.8)
    np.testing.assert_allclose(band_coverage(truth, forecast, band), 0.8, atol=0.005)
    assert np.all(np.diff(band[1] - band[0]) > 0)                      # wider where the errors are
    assert mae_by_horizon(truth, forecast)[0] == pytest.approx(np.sqrt(2 / np.pi), rel=0.05)


def test_the_co2_baselines_the_notebook_prints():
    from rnn_helpers.sweeps.forecasting import forecast_data

    d = forecast_data("co2")
    assert load_co2().values.size == d["y"].size == 2284
    mae = {k: mae_by_horizon(d["truth"], f).mean() for k, f in d["forecasts"].items()}
    assert mae["linear_ar_direct"] < mae["linear_ar_recursive"] < mae["seasonal_naive"] < mae["naive"]
