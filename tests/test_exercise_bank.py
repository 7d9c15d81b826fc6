"""Every exercise of the bank is solvable, and its checker tells a right answer from a typical wrong one.

The reference solution goes through the exercise's own checker and must pass; the typical wrong
answer must fail with a message that is not "not answered"; the placeholders must say "not
answered"; hint and solution print only when asked for. Where the expected value comes from a
formula, a test confirms it with Keras.
"""

import numpy as np
import pytest

from rnn_helpers.activations import sigmoid
from rnn_helpers.exercises import NOT_ANSWERED
from rnn_helpers.exercises.bank import all_exercises
from rnn_helpers.exercises.core import _NO_ANSWER, source_of

BANK = all_exercises()
NAMES = list(BANK)
VALUE_EXERCISES = [name for name, ex in BANK.items() if ex.kind == "value"]
FUNCTION_EXERCISES = [name for name, ex in BANK.items() if ex.kind == "function"]


def test_the_bank_holds_the_courses_exercises():
    assert len(BANK) >= 12
    assert {name.split(".")[0] for name in BANK} == {"parameters", "hidden_state", "bptt", "lstm",
                                                      "keras_layers"}


@pytest.fixture(params=NAMES)
def ex(request):
    return BANK[request.param]


def test_each_exercise_is_complete(ex):
    assert ex.title and ex.question and ex.hint_text and ex.solution_text
    assert ex.reference_solution is not _NO_ANSWER and ex.wrong_answer is not _NO_ANSWER
    assert ex.kind in ("value", "function")
    if ex.kind == "function":
        assert callable(ex.reference_solution) and callable(ex.wrong_answer)


def test_the_reference_solution_is_accepted(ex, capsys):
    result = ex.check(ex.reference_solution)
    assert result, result.message
    assert result.message.startswith("✓") and "✓" in capsys.readouterr().out


def test_the_typical_wrong_answer_is_rejected(ex):
    result = ex.check(ex.wrong_answer)
    assert not result
    assert result.message.startswith("✗") and NOT_ANSWERED not in result.message


@pytest.mark.parametrize("placeholder", [None, ...])
def test_a_placeholder_is_not_answered(ex, placeholder):
    result = ex.check(placeholder)
    assert not result and result.message == f"… {ex.title}: {NOT_ANSWERED}"


@pytest.mark.parametrize("name", FUNCTION_EXERCISES)
def test_a_function_that_still_raises_not_implemented_is_not_answered(name):
    ex = BANK[name]

    def untouched(*args):
        raise NotImplementedError("replace this line with your code")

    assert ex.check(untouched).message == f"… {ex.title}: {NOT_ANSWERED}"


def test_hint_and_solution_print_when_asked_and_only_then(ex, capsys):
    ex.hint()
    ex.solution()
    kept_back = capsys.readouterr().out
    assert ex.hint_text not in kept_back and ex.solution_text not in kept_back
    assert "kept back" in kept_back
    ex.hint(show=True)
    ex.solution(show=True)
    shown = capsys.readouterr().out
    assert f"Hint ({ex.title}): {ex.hint_text}" in shown
    assert f"Solution ({ex.title}):\n{ex.solution_text}" in shown


def test_the_hint_does_not_give_the_answer_away(ex):
    assert ex.solution_text not in ex.hint_text
    if ex.kind == "value":
        answer = ex.reference_solution
        shown = str(tuple(answer)) if isinstance(answer, tuple) else f"{answer:g}"
        assert shown not in ex.hint_text and shown not in ex.question


@pytest.mark.parametrize("name", FUNCTION_EXERCISES)
def test_a_function_exercises_solution_is_the_tested_reference(name):
    ex = BANK[name]
    assert ex.solution_text == source_of(ex.reference_solution)


def _formats(x):
    x = float(x)
    shown = {f"{x:g}", f"{x:.2g}", f"{x:.3g}", f"{x:.2f}", f"{x:.3f}", f"{x:.4f}"}
    return shown | ({str(int(x))} if x == int(x) else set())


@pytest.mark.parametrize("name", VALUE_EXERCISES)
def test_a_value_exercises_solution_states_the_accepted_answer(name):
    ex = BANK[name]
    for number in np.ravel(ex.reference_solution):
        assert any(f in ex.solution_text for f in _formats(number)), (number, ex.solution_text)


# The formulas behind the expected values, confirmed with Keras.

@pytest.fixture(scope="module")
def keras():
    return pytest.importorskip("keras")


def test_parameter_counts_equal_keras(keras):
    layers = keras.layers
    simple = layers.SimpleRNN(64, activation="relu")
    simple.build((None, 10, 8))
    assert BANK["parameters.simple_rnn_parameters_exercise"].check(simple.count_params())

    order = keras.Sequential([keras.Input((12, 4)), layers.SimpleRNN(8),
                              layers.Dense(1, activation="sigmoid")])
    assert BANK["parameters.order_model_parameters_exercise"].check(order.count_params())

    gru = layers.GRU(32)
    gru.build((None, 8, 8))
    assert BANK["parameters.gru_parameters_exercise"].check(gru.count_params())


def test_output_shapes_equal_keras(keras):
    x = np.zeros((5, 8, 8), dtype="float32")
    lstm = keras.layers.LSTM(16, return_sequences=True)
    assert BANK["keras_layers.return_sequences_shape_exercise"].check(tuple(lstm(x).shape))
    bidi = keras.layers.Bidirectional(keras.layers.GRU(32, return_sequences=True))
    out = bidi(x)
    assert BANK["keras_layers.bidirectional_exercise"].check((*out.shape, bidi.count_params()))


def test_the_forget_bias_keeps_half_after_100_steps():
    ex = BANK["lstm.forget_bias_exercise"]
    assert ex.check(4.97)
    assert np.isclose(float(sigmoid(ex.reference_solution)) ** 100, 0.5, rtol=0.01)
    assert not ex.check(1.0)                                  # Keras' default forget bias


def test_the_clipping_checker_tells_global_from_per_variable():
    """The wrong answer is Keras' clipnorm= (each row on its own): it must differ on a hidden case."""
    ex = BANK["bptt.clip_global_exercise"]
    assert "hidden case 1" in ex.check(ex.wrong_answer).message


def test_the_clipping_reference_equals_tensorflow():
    tf = pytest.importorskip("tensorflow")
    from rnn_helpers.exercises import bptt

    for G, max_norm in bptt._clip_cases():
        expected, _ = tf.clip_by_global_norm([tf.constant(row) for row in G], float(max_norm))
        np.testing.assert_allclose(bptt._reference_clip(G, max_norm), np.stack(expected), rtol=1e-12)
