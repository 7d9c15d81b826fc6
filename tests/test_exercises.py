import numpy as np
import pytest

from rnn_helpers.exercises import NOT_ANSWERED, function_exercise, value_exercise


def test_value_exercise_accepts_within_tolerance(capsys):
    ex = value_exercise("count", 4672, hint="h", solution="64 * 73")
    assert ex.check(4672)
    assert ex.check(4672.0)
    assert "✓ count: correct!" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (None, NOT_ANSWERED),
        (...,  NOT_ANSWERED),
        (4608, "not yet: your answer is off (relative error 0.014"),
        ("4672?", "expected a number, got str"),
        ([4672, 1], "expected shape (), got (2,)"),
        (float("nan"), "contains NaN or inf"),
    ],
)
def test_value_exercise_explains_wrong_answers(answer, words, capsys):
    ex = value_exercise("count", 4672, hint="h", solution="s")
    result = ex.check(answer)
    assert not result
    assert words in result.message
    assert words in capsys.readouterr().out
    assert "4672" not in result.message.replace("4672?", "")  # never gives the answer away


def test_array_answer_shape_and_values():
    ex = value_exercise("vec", [1.0, 2.0, 3.0], rtol=1e-3, hint="h", solution="s")
    assert ex.check(np.array([1.0, 2.0, 3.0005]))
    assert "expected shape (3,), got (2,)" in ex.check([1.0, 2.0]).message


def reference_tanh_step(x, h, W):
    return np.tanh(x + h @ W.T)


CASES = [(np.ones((2, 3)), np.zeros((2, 3)), np.eye(3)),
         (np.full((1, 3), -0.5), np.array([[1.0, 0.0, -1.0]]), np.triu(np.ones((3, 3))))]


def make_fn_exercise():
    return function_exercise("step", reference_tanh_step, CASES, hint="use np.tanh", solution="...")


def test_function_exercise_passes_a_correct_function():
    result = make_fn_exercise().check(lambda x, h, W: np.tanh(x + h @ W.T))
    assert result and "correct on all 2 hidden cases" in result.message


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (lambda x, h, W: np.tanh(x + h @ W), "hidden case 2"),                      # forgot the transpose
        (lambda x, h, W: np.tanh(x + h @ W[:2]), "raised ValueError"),               # shape bug
        (lambda x, h, W: None, "returned None on hidden case 1 of 2"),
        (lambda x, h, W: (_ for _ in ()).throw(NotImplementedError), NOT_ANSWERED),
        (np.ones(3), "expected a function, got ndarray"),
    ],
)
def test_function_exercise_reports_bugs_without_a_traceback(fn, words):
    result = make_fn_exercise().check(fn)
    assert not result
    assert words in result.message


def test_function_exercise_does_not_let_the_student_mutate_hidden_cases():
    def mutating(x, h, W):
        x += 100
        return np.tanh(x - 100 + h @ W.T)

    ex = make_fn_exercise()
    assert ex.check(mutating)
    assert ex.check(mutating)


def test_hint_and_solution_print_when_asked(capsys):
    ex = make_fn_exercise()
    ex.hint(show=True)
    ex.solution(show=True)
    out = capsys.readouterr().out
    assert "Hint (step): use np.tanh" in out and "Solution (step):" in out


@pytest.mark.parametrize("show", [False, None, "yes", 1])
def test_hint_and_solution_are_kept_back_unless_show_is_true(show, capsys):
    ex = value_exercise("count", 4672, hint="add the three sizes", solution="64 * 73 = 4672")
    ex.hint() if show is False else ex.hint(show=show)
    ex.solution() if show is False else ex.solution(show=show)
    out = capsys.readouterr().out
    assert "add the three sizes" not in out and "4672" not in out
    assert "hint(show=True)" in out and "solution(show=True)" in out
    assert not any(line.startswith(("Hint (", "Solution (")) for line in out.splitlines())


def test_function_exercise_copies_dict_arguments():
    """A case may hold a dict of parameters (the LSTM's): the student's function gets a dict of copies."""
    params = {"W": np.eye(2), "b": np.ones(2)}
    ex = function_exercise("affine", lambda x, p: x @ p["W"].T + p["b"], [(np.ones((1, 2)), params)],
                           hint="", solution="")

    def mutating(x, p):
        p["W"] *= 0
        return x @ np.eye(2) + 1

    assert ex.check(mutating) and ex.check(mutating)
    assert np.array_equal(params["W"], np.eye(2))


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: value_exercise("t", np.nan, hint="", solution=""), ValueError, "must be finite"),
        (lambda: value_exercise("t", 1.0, rtol=-1, hint="", solution=""), ValueError, "rtol"),
        (lambda: value_exercise(3, 1.0, hint="", solution=""), TypeError, "title"),
        (lambda: function_exercise("t", 3, CASES, hint="", solution=""), TypeError, "got int"),
        (lambda: function_exercise("t", reference_tanh_step, [], hint="", solution=""), ValueError, "cases"),
        (lambda: function_exercise("t", reference_tanh_step, [3], hint="", solution=""), TypeError, "cases"),
    ],
)
def test_exercise_builders_reject_bad_definitions(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)


def test_a_complex_answer_is_not_marked_correct():
    ex = value_exercise("t", 1.0, hint="h", solution="s")
    result = ex.check(np.array(1 + 5j))
    assert not result and "expected a number" in result.message
