"""Exercises that check themselves: a value with a tolerance, or a function tried on hidden cases.

    ex = value_exercise("parameters of SimpleRNN(64)", expected=4672, hint="Count W_hx, W_hh, b_h.",
                        solution="64 * (8 + 64 + 1) = 4672")
    ex.check(answer)              # prints a verdict that helps; never raises on a wrong answer
    ex.hint(show=True)            # the hint and the worked solution are kept back until asked for:
    ex.solution(show=True)        # without show=True they print one line saying how to see them

``check`` prints its verdict and returns a ``Result`` that is truthy when the answer is right,
so ``assert ex.check(answer)`` works in tests while the notebook shows the message only once.
A saved notebook runs ``ex.hint()`` and ``ex.solution()`` without ``show=True``, so what it
stores under a question is "not answered yet" and "kept back", never the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import as_numbers, check_number

NOT_ANSWERED = "Not answered yet: replace the placeholder with your answer and run the cell again."
_NO_ANSWER = object()  # a bank entry sets reference_solution and wrong_answer; ad-hoc exercises need not


@dataclass(frozen=True)
class Result:
    passed: bool
    message: str

    def __bool__(self) -> bool:
        return self.passed

    def _ipython_display_(self) -> None:  # already printed by check(); show nothing more
        pass


@dataclass
class Exercise:
    """An exercise: ``check(answer)``, ``hint(show=True)``, ``solution(show=True)``.

    Build with ``value_exercise`` or ``function_exercise`` (or directly, with a checker of its own
    that explains typical mistakes). ``question`` is the Markdown a notebook shows;
    ``reference_solution`` is a right answer (a value, or a function for a function exercise) and
    ``wrong_answer`` a typical mistake: the tests run both through ``checker``. ``data``: what the
    question asks about, when the student needs it as arrays or a record (``ex.data["x"]``), else None.
    """

    title: str
    checker: Callable[[object], tuple[bool, str]]
    hint_text: str
    solution_text: str
    question: str = ""
    reference_solution: object = _NO_ANSWER
    wrong_answer: object = _NO_ANSWER
    kind: str = "value"
    data: object = None

    def check(self, answer) -> Result:
        if answer is None or answer is Ellipsis:
            passed, message = False, NOT_ANSWERED
        else:
            passed, message = self.checker(answer)
        mark = "✓" if passed else ("…" if message == NOT_ANSWERED else "✗")
        result = Result(passed, f"{mark} {self.title}: {message}")
        print(result.message)
        return result

    def hint(self, show: bool = False) -> None:
        """Print the hint if ``show`` is True; otherwise say how to see it (nothing is revealed)."""
        if show is True:
            print(f"Hint ({self.title}): {self.hint_text}")
        else:
            print(f"… {self.title}: the hint is kept back until you ask for it: run hint(show=True).")

    def solution(self, show: bool = False) -> None:
        """Print the worked solution if ``show`` is True; otherwise say how to see it."""
        if show is True:
            print(f"Solution ({self.title}):\n{self.solution_text}")
        else:
            print(f"… {self.title}: the solution is kept back until you ask for it (try first!): "
                  "run solution(show=True).")


def _compare(got, expected, rtol: float, atol: float, what: str) -> tuple[bool, str]:
    """Compare a student's value with the expected one; explain any difference without revealing it."""
    expected = np.asarray(expected, dtype=np.float64)
    try:
        if np.iscomplexobj(got):                              # casting would drop the imaginary part
            raise TypeError("complex")
        arr = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        kind = "a number" if expected.ndim == 0 else f"an array of shape {expected.shape}"
        return False, f"expected {kind}, got {type(got).__name__} {got!r:.60}"
    if arr.shape != expected.shape:
        return False, f"expected shape {expected.shape}, got {arr.shape} ({what})"
    if not np.all(np.isfinite(arr)):
        return False, f"{what} contains NaN or inf; expected finite numbers"
    if np.allclose(arr, expected, rtol=rtol, atol=atol):
        return True, "correct!"
    err = np.max(np.abs(arr - expected))
    scale = np.max(np.abs(expected))
    size = f"relative error {err / scale:.2g}" if scale > 0 else f"absolute error {err:.2g}"
    return False, f"not yet: {what} is off ({size}; tolerance rtol={rtol:g}, atol={atol:g}). Try hint()."


def _check_texts(**texts) -> None:
    for name, text in texts.items():
        if not isinstance(text, str):
            raise TypeError(f"{name}: expected a string, got {text!r} ({type(text).__name__})")


def _check_tolerances(rtol, atol) -> tuple[float, float]:
    return check_number("rtol", rtol, low=0.0), check_number("atol", atol, low=0.0)


def value_exercise(title: str, expected, *, rtol: float = 1e-6, atol: float = 0.0, hint: str,
                   solution: str, question: str = "", reference_solution=_NO_ANSWER,
                   wrong_answer=_NO_ANSWER) -> Exercise:
    """An exercise whose answer is a number or an array, accepted within ``rtol``/``atol``."""
    _check_texts(title=title, hint=hint, solution=solution, question=question)
    rtol, atol = _check_tolerances(rtol, atol)
    try:
        expected = as_numbers("expected", expected).astype(np.float64)   # real, finite
    except ValueError as exc:
        raise ValueError(f"{exc} (the reference answer must be finite)") from None
    return Exercise(title, lambda answer: _compare(answer, expected, rtol, atol, "your answer"),
                    hint, solution, question, reference_solution, wrong_answer, kind="value")


def function_exercise(title: str, reference: Callable, cases: Sequence[tuple], *, rtol: float = 1e-6,
                      atol: float = 1e-9, hint: str, solution: str, question: str = "",
                      reference_solution=_NO_ANSWER, wrong_answer=_NO_ANSWER) -> Exercise:
    """An exercise whose answer is a function, run on each of ``cases`` (tuples of arguments)
    and compared with ``reference`` (the course's own function) on the same arguments."""
    _check_texts(title=title, hint=hint, solution=solution, question=question)
    rtol, atol = _check_tolerances(rtol, atol)
    if not callable(reference):
        raise TypeError(f"reference: expected a function, got {type(reference).__name__}")
    if not isinstance(cases, (list, tuple)) or not all(isinstance(c, tuple) for c in cases):
        raise TypeError(f"cases: expected a list of argument tuples, got {cases!r:.60}")
    if not cases:
        raise ValueError("cases: expected a non-empty list of argument tuples, got []")

    def checker(fn):
        for n, args in enumerate(cases, start=1):
            shapes = ", ".join(str(np.shape(a)) for a in args)
            ran, got = _run_student(fn, [_copy(a) for a in args], f"hidden case {n} of {len(cases)}", shapes)
            if not ran:
                return False, got
            ok, message = _compare(got, reference(*args), rtol, atol,
                                   f"the result on hidden case {n} (argument shapes {shapes})")
            if not ok:
                return False, message
        return True, f"correct on all {len(cases)} hidden cases!"

    return Exercise(title, checker, hint, solution, question, reference_solution, wrong_answer,
                    kind="function")


def _run_student(fn, args, case: str, shapes: str) -> tuple[bool, object]:
    """Call a student's function on ``args``: ``(True, result)``, or ``(False, message)`` when it
    still raises NotImplementedError (not answered), raises anything else, or returns None."""
    if not callable(fn):
        return False, f"expected a function, got {type(fn).__name__}"
    try:
        got = fn(*args)
    except NotImplementedError:
        return False, NOT_ANSWERED
    except Exception as exc:  # the student's bug, reported without a traceback
        return False, (f"your function raised {type(exc).__name__}: {exc} "
                       f"(on {case}, argument shapes {shapes})")
    if got is None:
        return False, f"your function returned None on {case}; did you forget `return`?"
    return True, got


def _copy(arg):
    """A copy the student's function may change freely: arrays, and dicts of arrays (parameters)."""
    if isinstance(arg, dict):
        return {k: np.copy(v) for k, v in arg.items()}
    return np.copy(arg)


def source_of(fn: Callable) -> str:
    """The source of a bank's reference solution, shown as the worked solution of a function exercise
    (so the solution a student reads is the very function the tests run through the checker)."""
    import inspect
    import textwrap

    if not inspect.isfunction(fn):
        raise TypeError(f"fn: expected a function defined in Python, got {fn!r} ({type(fn).__name__})")
    return textwrap.dedent(inspect.getsource(fn)).strip()
