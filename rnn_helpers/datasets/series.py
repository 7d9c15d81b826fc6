"""Real time series for the forecasting notebook, read from the checked files in ``data/``.

    co2 = load_co2()                  # 2,284 weeks of Mauna Loa CO2 (ppm), 1958-2001, 59 gaps as NaN
    filled = fill_gaps(co2.values)    # each gap filled on the straight line between its neighbours
    air = load_airline()              # 144 months of airline passengers (thousands), 1949-1960

Where each file comes from, its licence and how it was derived: ``data/README.md``. No TensorFlow here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers._checks import as_numbers, check_nonempty
from rnn_helpers.datasets.files import checked_file

CO2 = ("co2_weekly.csv", "c81c3530b5079ec397531291a770113dde31613ef3cc319b6ffc95a6d41d0b68",
       "python tools/data/build_co2.py")
AIRLINE = ("airline_passengers.csv", "eda0181c2450975f5ad68556dcf14367541b22553f0c628b9747334cfdc6c96c",
           "python tools/data/build_airline.py")


class Series(NamedTuple):
    """A dated series: ``dates`` (T,) numpy datetime64, ``values`` (T,) float64 (NaN where missing),
    ``unit`` what the values measure."""

    dates: np.ndarray
    values: np.ndarray
    unit: str


def _rows(spec) -> list[list[str]]:
    lines = checked_file(*spec).read_text(encoding="utf-8").splitlines()
    return [line.split(",") for line in lines[1:]]


def load_co2() -> Series:
    """Weekly mean CO2 at Mauna Loa (Keeling and Whorf 2004, via statsmodels), 1958-03-29 to 2001-12-29.

    Returns ``Series(dates datetime64[D], values ppm, "ppm")``: 2,284 weeks, 59 of them NaN (weeks
    without a steady six-hour measurement period); ``fill_gaps`` fills them.
    """
    rows = _rows(CO2)
    dates = np.array([d for d, _ in rows], dtype="datetime64[D]")
    values = np.array([float(v) if v else np.nan for _, v in rows])
    return Series(dates, values, "ppm")


def load_airline() -> Series:
    """Monthly international airline passengers (Box and Jenkins, via sktime), 1949-01 to 1960-12.

    Returns ``Series(dates datetime64[M], values in thousands, "thousand passengers")``: 144 months,
    none missing.
    """
    rows = _rows(AIRLINE)
    return Series(np.array([m for m, _ in rows], dtype="datetime64[M]"),
                  np.array([float(v) for _, v in rows]), "thousand passengers")


def fill_gaps(values) -> np.ndarray:
    """A copy of the (T,) ``values`` with each NaN replaced on the straight line between the nearest
    values before and after it (linear interpolation in the step index); a gap at either end takes
    the nearest value. ValueError if every value is missing."""
    values = as_numbers("values", values, ndim=1, finite=False)
    check_nonempty("values", values)
    if np.isinf(values).any():
        raise ValueError(f"values: expected finite numbers or NaN for a gap, got "
                         f"{int(np.isinf(values).sum())} infinite value(s)")
    known = ~np.isnan(values)
    if not known.any():
        raise ValueError(f"values: expected at least one value that is not NaN, "
                         f"got all {values.size} missing")
    steps = np.arange(values.size)
    return np.interp(steps, steps[known], values[known])
