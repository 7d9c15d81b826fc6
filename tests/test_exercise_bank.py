"""Every exercise of the bank is solvable, and its checker tells a right answer from a typical wrong one.

The reference solution goes through the exercise's own checker and must pass; the typical wrong
answer must fail with a message that is not "not answered"; the placeholders must say "not
answered"; hint and solution print only when asked for. Where the expected value comes from a
formula, a test confirms it with Keras.
"""

import importlib.util
import json
import re
from pathlib import Path

import numpy as np
import pytest

from rnn_helpers.activations import sigmoid
from rnn_helpers.exercises import NOT_ANSWERED
from rnn_helpers.exercises.bank import MODULES, all_exercises
from rnn_helpers.exercises.core import _NO_ANSWER, source_of
from rnn_helpers.exercises.things_to_try import THINGS_TO_TRY
from rnn_helpers.gates import gate_saturation
from rnn_helpers.gradcheck import rel_error
from rnn_helpers.reference import params_from_keras, to_keras_arrays

BANK = all_exercises()
NAMES = list(BANK)
VALUE_EXERCISES = [name for name, ex in BANK.items() if ex.kind == "value"]
FUNCTION_EXERCISES = [name for name, ex in BANK.items() if ex.kind == "function"]


def test_the_bank_holds_the_courses_exercises():
    assert len(BANK) >= 14
    assert {name.split(".")[0] for name in BANK} == set(MODULES)   # every bank module holds exercises
    assert {"parameters", "hidden_state", "bptt", "lstm", "keras_layers", "keras_weights"} <= set(MODULES)


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
    assert ex.solution_text not in ex.hint_text and ex.solution_text not in ex.question
    if ex.kind == "value":
        answer = ex.reference_solution
        shown = str(answer) if isinstance(answer, (tuple, list)) else f"{answer:g}"
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


# The exercises with checkers of their own: their diagnoses, and their answers confirmed by Keras.

def test_the_gate_order_checker_names_the_misplaced_block():
    from rnn_helpers.exercises import keras_weights

    ex = BANK["keras_weights.gate_order_bug_exercise"]
    assert keras_weights.BUGGY_SOURCE in ex.question and "def pack_lstm_for_keras(p):" in ex.question
    assert '("i", "f", "g", "o")' not in ex.question                     # the fix is not in the question
    message = ex.check(ex.wrong_answer).message
    assert "third block of `kernel` (columns 2H:3H) holds the o gate's weights" in message
    assert ex.check(lambda p: to_keras_arrays("lstm", p))              # the course's own packing
    transposed = ex.check(lambda p: [a.T for a in to_keras_arrays("lstm", p)]).message
    assert "expected shape (D, 4H) = (3, 8), got (8, 3)" in transposed


def test_the_fixed_packing_is_what_keras_reads(keras):
    from rnn_helpers.exercises.keras_weights import _CASES, pack_lstm_for_keras

    p = _CASES[0]
    layer = keras.layers.LSTM(2)
    layer.build((None, 4, 3))
    layer.set_weights(pack_lstm_for_keras(p))
    for name, value in params_from_keras(layer).items():
        np.testing.assert_allclose(value, p[name], rtol=1e-6, err_msg=name)


def test_the_mask_exercise_is_the_mask_keras_computes(keras):
    ex = BANK["keras_layers.mask_value_bug_exercise"]
    mask = keras.layers.Masking(mask_value=0.0).compute_mask(ex.data["x"].astype("float32"))
    assert ex.check(np.asarray(mask))
    lengths = ex.data["lengths"]
    real = np.arange(ex.data["x"].shape[1]) < lengths[:, None]
    assert (real & ~np.asarray(mask)).sum() == 2                     # two real steps skipped as padding


def test_the_mask_checker_explains_the_typical_mistakes():
    ex = BANK["keras_layers.mask_value_bug_exercise"]
    x = ex.data["x"]
    assert "Masking never sees the lengths" in ex.check(ex.wrong_answer).message
    assert "only some of the features" in ex.check(np.all(x != 0.0, axis=-1)).message
    assert "other way round" in ex.check(np.all(x == 0.0, axis=-1)).message
    assert "expected one True/False per sequence and step" in ex.check(np.ones((3, 4))).message


def test_the_backward_checker_names_the_first_wrong_gradient():
    from rnn_helpers.exercises import bptt

    ex = BANK["bptt.rnn_step_backward_exercise"]
    message = ex.check(ex.wrong_answer).message                       # (1 - h²) forgotten: every one off
    assert "the gradient for W_hx is wrong" in message and "All five are off" in message

    def transpose_missing(dh_next, cache):                            # dh_prev = da @ W_hh.T
        grads = bptt.my_rnn_step_backward(dh_next, cache)
        grads["h_prev"] = (dh_next * (1 - cache["h"] ** 2)) @ cache["params"]["W_hh"].T
        return grads

    message = ex.check(transpose_missing).message
    assert "the gradient for h_prev is wrong" in message and "All five" not in message


def test_the_backward_references_agree_with_each_other():
    from rnn_helpers.exercises.bptt import GRADIENTS, _backward_case

    for B, D, H, seed in [(2, 3, 4, 30), (1, 2, 3, 31)]:
        _, _, reference, numerical = _backward_case(B, D, H, seed)
        for k in GRADIENTS:
            assert rel_error(reference[k], numerical[k]) < 1e-8, k


def test_the_memory_unit_checker_explains_without_revealing():
    ex = BANK["lstm.memory_units_exercise"]
    f_open = gate_saturation(ex.data)["f"][1]
    assert ex.reference_solution == [int(u) for u in np.flatnonzero(f_open >= 0.9)]
    assert 2 <= len(ex.reference_solution) < ex.data.f.shape[-1] // 2
    mean_trap = [u for u in range(8) if ex.data.f[..., u].mean() > 0.9]   # mean f, not the fraction
    assert set(mean_trap) > set(ex.reference_solution)
    message = ex.check(mean_trap).message
    assert "but the test counts steps" in message
    assert "it forgets" in ex.check(ex.wrong_answer).message
    missing_one = ex.check(ex.reference_solution[1:]).message
    assert "1 memory unit is missing" in missing_one
    assert f"unit {ex.reference_solution[0]}" not in missing_one      # says how many, not which
    assert ex.check(list(reversed(ex.reference_solution)))             # any order is accepted


def test_the_reverse_order_checker_explains_the_off_by_one():
    ex = BANK["hidden_state.reverse_order_exercise"]
    first, second = ex.reference_solution
    assert ex.check((1 * 0.5**3 + 2, 2 * 0.5**3 + 1))                  # h_4 = Σ 0.5^(4-t) x_t
    assert "bag model" in ex.check(ex.wrong_answer).message
    one_too_many = ex.check((first / 2, second / 2)).message
    assert "once too often" in one_too_many
    for message in (one_too_many, ex.check((first, 0.0)).message):
        assert f"{first:g}" not in message and f"{second:g}" not in message


# --- the notebooks use the bank, show its questions, and store no answer -------------------------

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IMPORT = re.compile(r"from rnn_helpers\.exercises\.(\w+) import (\w+)")


def _cells(path):
    return [(c["cell_type"], "".join(c["source"]), c.get("outputs", []))
            for c in json.loads(path.read_text(encoding="utf-8"))["cells"]]


def _flat(text):
    return " ".join(text.split())


def _used():
    """{"module.name": (notebook, markdown cell before the import)} for every bank import."""
    used = {}
    for path in NOTEBOOKS:
        markdown = ""
        for kind, source, _ in _cells(path):
            if kind == "markdown":
                markdown = source
            for module, name in IMPORT.findall(source) if kind == "code" else ():
                used[f"{module}.{name}"] = (path.name, markdown)
    return used


# Exercises written for a notebook whose owner has yet to place them (the question in a markdown cell
# above the import): the bank test allows exactly these to be unused. Remove an entry once it is placed.
AWAITING_A_NOTEBOOK = {
}


def test_every_bank_exercise_is_used_and_its_question_shown_above_it():
    used = _used()
    assert set(AWAITING_A_NOTEBOOK) <= set(BANK)
    placed = set(AWAITING_A_NOTEBOOK) & set(used)
    assert not placed, f"now used by a notebook: remove them from AWAITING_A_NOTEBOOK: {placed}"
    assert set(used) | set(AWAITING_A_NOTEBOOK) == set(BANK), {
        "unused": set(BANK) - set(used) - set(AWAITING_A_NOTEBOOK), "unknown": set(used) - set(BANK)}
    for name, (notebook, markdown) in used.items():
        assert _flat(BANK[name].question) in _flat(markdown), (notebook, name)
        assert BANK[name].title in markdown, (notebook, name)


def _stored_text(outputs):
    parts = []
    for out in outputs:
        parts.append(out.get("text", ""))
        parts += [out.get("data", {}).get(mime, "") for mime in ("text/plain", "text/html", "text/markdown")]
    return "".join("".join(p) if isinstance(p, list) else p for p in parts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_saved_notebook_stores_no_solution_hint_or_correct_mark(path):
    for kind, source, outputs in _cells(path):
        stored = _stored_text(outputs)
        assert not re.search(r"^(Solution|Hint) \(|✓", stored, re.M), (path.name, source[:80], stored[:200])
        if kind == "code":                                            # only a comment may say show=True
            assert "show=True" not in "\n".join(line.split("#")[0] for line in source.splitlines()), source
        for ex in BANK.values():
            assert ex.solution_text not in stored and ex.solution_text not in source, (path.name, ex.title)


def test_each_widgets_things_to_try_are_listed_next_to_it_without_answers():
    for widget, pairs in THINGS_TO_TRY.items():
        books = [p for p in NOTEBOOKS if any(k == "code" and f"{widget}(" in s for k, s, _ in _cells(p))]
        assert books, widget
        for path in books:
            markdown = "\n".join(s for k, s, _ in _cells(path) if k == "markdown")
            for question, answer in pairs:
                assert _flat(question) in _flat(markdown), (path.name, question)
                assert _flat(answer) not in _flat(markdown), (path.name, question)


def test_the_answer_sheet_holds_every_solution_and_answer(tmp_path):
    spec = importlib.util.spec_from_file_location("answer_sheet", ROOT / "tools" / "answer_sheet.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = tmp_path / "sheet.md"
    tool.main(["--output", str(out)])
    sheet = out.read_text(encoding="utf-8")
    for ex in BANK.values():
        assert ex.solution_text in sheet and ex.question in sheet
    for pairs in THINGS_TO_TRY.values():
        for question, answer in pairs:
            assert question in sheet and answer in sheet
    unused = "## In the bank, not used by any notebook"
    rest = sheet.split(unused)[1] if unused in sheet else ""
    assert [BANK[name].title for name in AWAITING_A_NOTEBOOK if f": {BANK[name].title}\n" in rest] == \
        [BANK[name].title for name in AWAITING_A_NOTEBOOK]
    assert rest.count("\n### Exercise ") == len(AWAITING_A_NOTEBOOK)
    headings = [line for line in sheet.splitlines() if line.startswith("## ") and line != unused]
    assert headings == [f"## {p.stem}" for p in NOTEBOOKS]
