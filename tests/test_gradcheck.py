import numpy as np
import pytest

from rnn_helpers.gradcheck import numerical_gradient, rel_error


def test_numerical_gradient_of_a_known_function():
    x = np.array([[0.3, -1.2], [2.0, 0.5]])
    A = np.array([[1.0, 2.0], [-0.5, 3.0]])

    def f():  # f(x) = Σ sin(x) ⊙ A, so df/dx = cos(x) ⊙ A
        return np.sum(np.sin(x) * A)

    before = x.copy()
    num = numerical_gradient(f, x)
    np.testing.assert_array_equal(x, before)  # restored after the check
    assert rel_error(num, np.cos(x) * A) < 1e-9


def test_rel_error_values():
    assert rel_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0
    assert rel_error([1.0], [-1.0]) == pytest.approx(1.0)
    assert rel_error([1.0, 0.0], [1.0, 1e-3]) == pytest.approx(1e-3 / (1 + np.hypot(1, 1e-3)))


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: rel_error([1.0, 2.0], [1.0]), ValueError, "two arrays of one shape, got (2,) and (1,)"),
        (lambda: rel_error([1.0, np.nan], [1.0, 2.0]), ValueError, "NaN/inf"),
        (lambda: rel_error("abc", [1.0]), TypeError, "array of numbers"),
        (lambda: numerical_gradient(lambda: 0.0, np.ones(2, dtype=np.float32)), TypeError, "float64"),
        (lambda: numerical_gradient(lambda: 0.0, [1.0, 2.0]), TypeError, "got list"),
        (lambda: numerical_gradient(3.0, np.ones(2)), TypeError, "got float"),
        (lambda: numerical_gradient(lambda: np.nan, np.ones(2)), ValueError, "NaN or inf"),
        (lambda: numerical_gradient(lambda: 0.0, np.ones(2), eps=0), ValueError, "eps: expected a finite"),
    ],
)
def test_gradcheck_errors_name_what_they_got(call, error, words):
    with pytest.raises(error, match=None) as info:
        call()
    assert words in str(info.value)
