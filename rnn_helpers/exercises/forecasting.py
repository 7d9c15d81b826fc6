"""Exercises on forecasting: the seasonal naive forecast, counting windows, and undoing a difference.

Expected values come from the package's own functions (``forecasting.seasonal_naive_forecast``,
``forecasting.make_windows``, ``forecasting.to_levels``), so the exercises and the notebook agree.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import value_exercise
from rnn_helpers.forecasting import make_windows, seasonal_naive_forecast, to_levels

# --- the seasonal naive forecast -------------------------------------------------------------------

MONTHLY = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
           115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140]      # 1949-1950, airline
_SNAIVE = seasonal_naive_forecast(np.array(MONTHLY, float), np.array([len(MONTHLY) - 1]), 3, 12)[0]

seasonal_naive_exercise = value_exercise(
    "the seasonal naive forecast, three months ahead",
    expected=_SNAIVE, rtol=0,
    question=f"Monthly passengers (thousands) for 1949-1950: {MONTHLY}. The seasonal naive forecast "
             "(season 12) is made at the last month, December 1950. What does it forecast for January, "
             "February and March 1951? Answer with a tuple of three numbers.",
    hint="Each month is forecast by the same month one season (12 steps) earlier, and every such "
         "month has already been seen.",
    solution=f"January 1951 takes January 1950, and so on: {tuple(int(v) for v in _SNAIVE)}, "
             f"the values 12, 11 and 10 steps before the end ({MONTHLY[12:15]}).",
    reference_solution=tuple(MONTHLY[12:15]),
    wrong_answer=(MONTHLY[-1],) * 3,                          # the naive forecast: the last value
)

# --- how many windows -----------------------------------------------------------------------------

N_STEPS, WINDOW, HORIZON = 100, 12, 6
_N_WINDOWS = len(make_windows(np.zeros(N_STEPS), WINDOW, HORIZON).origins)

window_count_exercise = value_exercise(
    "windows in a series",
    expected=_N_WINDOWS, rtol=0,
    question=f"A series of {N_STEPS} values is cut into every window of {WINDOW} inputs followed by "
             f"{HORIZON} targets (the next {HORIZON} values), sliding by one step. How many windows are "
             "there? Answer with a number.",
    hint="Each window uses window + horizon consecutive values. Count the possible first positions.",
    solution=f"A window needs {WINDOW} + {HORIZON} = {WINDOW + HORIZON} consecutive values, so it can "
             f"start at positions 0..{N_STEPS - WINDOW - HORIZON}: {N_STEPS} - {WINDOW} - {HORIZON} + 1 "
             f"= {_N_WINDOWS} windows.",
    reference_solution=N_STEPS - WINDOW - HORIZON + 1,
    wrong_answer=N_STEPS - WINDOW,                            # the horizon forgotten
)

# --- back from differences to levels --------------------------------------------------------------

LEVELS = [350.0, 351.0, 352.5, 353.0]
STEPS = [0.5, -0.25, 1.0]
_BACK = to_levels(np.array(LEVELS), np.array([len(LEVELS) - 1]), np.array([STEPS]), lag=1)[0]

undifference_exercise = value_exercise(
    "from forecast differences back to levels",
    expected=_BACK, rtol=1e-9,
    question=f"A model forecasts the weekly change of CO2, z_t = y_t - y_(t-1). The last levels seen are "
             f"{LEVELS} ppm, and it forecasts the next three changes {STEPS}. What are its forecasts of "
             "the next three levels? Answer with a tuple of three numbers.",
    hint="Start from the last level seen and add the forecast changes one after another.",
    solution=f"y_(o+1) = {LEVELS[-1]} + {STEPS[0]}, then add {STEPS[1]}, then {STEPS[2]}: "
             f"{tuple(float(v) for v in _BACK)}: a cumulative sum. An error in one change stays in "
             "every later level, which is one reason the error grows with the horizon.",
    reference_solution=tuple(LEVELS[-1] + np.cumsum(STEPS)),
    wrong_answer=tuple(LEVELS[-1] + np.array(STEPS)),         # each change added to the last level only
)
