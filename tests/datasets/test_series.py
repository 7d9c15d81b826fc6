"""The shipped time series in data/ and their loaders: checksums, counts, dates, gaps, clear errors."""

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

import rnn_helpers
from rnn_helpers.datasets import series
from rnn_helpers.datasets.files import DATA_DIR_ENV, data_dir
from rnn_helpers.datasets.series import fill_gaps, load_airline, load_co2

SHIPPED = [series.CO2, series.AIRLINE]
REPO_DATA = Path(rnn_helpers.__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda s: s[0])
def test_each_shipped_series_has_its_checksum_is_small_and_listed(spec):
    name, sha256, rebuild = spec
    path = data_dir() / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    assert path.stat().st_size < 100_000
    assert rebuild.startswith("python tools/data/build_") and (REPO_DATA.parent / rebuild[7:]).is_file()
    readme = (REPO_DATA / "README.md").read_text()
    assert sha256 in readme and f"`{name}`" in readme


def test_co2_is_weekly_1958_to_2001_with_59_gaps():
    co2 = load_co2()
    assert co2.dates.dtype == np.dtype("datetime64[D]") and co2.values.shape == (2284,)
    assert str(co2.dates[0]) == "1958-03-29" and str(co2.dates[-1]) == "2001-12-29"
    assert set(np.diff(co2.dates).astype(int)) == {7}               # every week, none skipped
    assert np.isnan(co2.values).sum() == 59 and co2.unit == "ppm"
    known = co2.values[~np.isnan(co2.values)]
    assert 313.0 == known.min() and known.max() == 373.9             # ppm, as in the source
    first_year = co2.values[:40][~np.isnan(co2.values[:40])].mean()
    assert 310 < first_year < 320 and 365 < np.nanmean(co2.values[-52:]) < 375   # the rise


def test_airline_is_144_months_with_the_box_jenkins_values():
    air = load_airline()
    assert air.dates.dtype == np.dtype("datetime64[M]") and air.values.shape == (144,)
    assert str(air.dates[0]) == "1949-01" and str(air.dates[-1]) == "1960-12"
    assert air.values[:3].tolist() == [112, 118, 132] and air.values[-1] == 432
    assert air.values.sum() == 40363 and not np.isnan(air.values).any()


def test_fill_gaps_draws_a_straight_line_and_keeps_the_ends():
    got = fill_gaps([np.nan, 1.0, np.nan, np.nan, 4.0, np.nan])
    np.testing.assert_allclose(got, [1.0, 1.0, 2.0, 3.0, 4.0, 4.0])
    co2 = load_co2()
    filled = fill_gaps(co2.values)
    known = ~np.isnan(co2.values)
    assert not np.isnan(filled).any() and np.array_equal(filled[known], co2.values[known])


@pytest.mark.parametrize("bad, error, words", [
    ([np.nan, np.nan], ValueError, "all 2 missing"),
    ([], ValueError, "values"),
    ([[1.0]], ValueError, "values"),
    ([1.0, np.inf], ValueError, "infinite"),
    ("abc", TypeError, "values"),
])
def test_fill_gaps_says_what_it_got(bad, error, words):
    with pytest.raises(error, match=words):
        fill_gaps(bad)


@pytest.mark.parametrize("spec, loader", [(series.CO2, load_co2), (series.AIRLINE, load_airline)],
                         ids=["co2", "airline"])
def test_a_missing_or_damaged_series_names_the_file_and_the_rebuild_command(spec, loader, tmp_path,
                                                                           monkeypatch):
    name, _, rebuild = spec
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    with pytest.raises(ValueError, match=f"{name}: missing.*{rebuild}"):
        loader()
    shutil.copy(REPO_DATA / name, tmp_path / name)
    loader()                                                         # the copy reads
    (tmp_path / name).write_text("date,co2_ppm\n")
    with pytest.raises(ValueError, match=f"{name}: damaged.*{rebuild}"):
        loader()
