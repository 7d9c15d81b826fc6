"""Exercise: find the bug in a function that packs an LSTM's weights the way Keras stores them.

Checked against ``reference.to_keras_arrays`` (numpy only, no TensorFlow), block by block, so a
wrong answer hears which gate's block sits where another gate belongs.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import Exercise, _run_student, source_of
from rnn_helpers.reference import init_params, to_keras_arrays
from rnn_helpers.reference.lstm import GATES

ARRAYS = ("kernel", "recurrent_kernel", "bias")
ORDINAL = ("first", "second", "third", "fourth")
SPANS = ("0:H", "H:2H", "2H:3H", "3H:4H")                  # the columns of gate block j, in units of H


def pack_lstm_for_keras(p):
    gates = ("i", "f", "g", "o")                                                 # Keras: i, f, c (= g), o
    kernel = np.concatenate([p[f"W_{k}x"].T for k in gates], axis=1)             # (D, 4H)
    recurrent_kernel = np.concatenate([p[f"W_{k}h"].T for k in gates], axis=1)   # (H, 4H)
    bias = np.concatenate([p[f"b_{k}"] for k in gates])                          # (4H,)
    return kernel, recurrent_kernel, bias


# The bug, as the question shows it: the gates in the order the equations are read, i, f, o, g.
def _pack_in_equation_order(p):
    gates = ("i", "f", "o", "g")
    kernel = np.concatenate([p[f"W_{k}x"].T for k in gates], axis=1)             # (D, 4H)
    recurrent_kernel = np.concatenate([p[f"W_{k}h"].T for k in gates], axis=1)   # (H, 4H)
    bias = np.concatenate([p[f"b_{k}"] for k in gates])                          # (4H,)
    return kernel, recurrent_kernel, bias


BUGGY_SOURCE = source_of(_pack_in_equation_order).replace("_pack_in_equation_order", "pack_lstm_for_keras")
_CASES = [init_params("lstm", D, H, scale=1.0, seed=20 + D) for D, H in [(3, 2), (1, 4), (5, 3)]]


def _blocks(a, H):
    return [a[..., j * H:(j + 1) * H] for j in range(len(GATES))]        # one block of columns per gate


def _misplaced(name, got, expected, H) -> str | None:
    """Why ``got`` differs from Keras' ``expected`` array, block by block; None if it does not."""
    if np.allclose(got, expected, rtol=1e-9, atol=1e-12):
        return None
    by_gate = dict(zip(GATES, _blocks(expected, H)))
    for j, (block, want) in enumerate(zip(_blocks(got, H), _blocks(expected, H))):
        if np.allclose(block, want, rtol=1e-9, atol=1e-12):
            continue
        held = [k for k, b in by_gate.items() if np.allclose(block, b, rtol=1e-9, atol=1e-12)]
        part, what = ("entries", "bias") if name == "bias" else ("columns", "weights")
        where = f"the {ORDINAL[j]} block of `{name}` ({part} {SPANS[j]})"
        if held:
            return (f"{where} holds the {held[0]} gate's {what}, but Keras reads another gate there. "
                    "Check the order in which Keras packs the four gates.")
        return f"{where} matches none of the four gates' weights: check the transposes and the keys."
    return f"`{name}` differs from Keras' layout"


def _check_packing(fn):
    for n, p in enumerate(_CASES, start=1):
        D, H = p["W_ix"].shape[1], p["W_ix"].shape[0]
        case = f"hidden case {n} of {len(_CASES)}, D = {D} inputs, H = {H} units"
        ran, got = _run_student(fn, [{k: v.copy() for k, v in p.items()}], case, "a dict of 12 arrays")
        if not ran:
            return False, got
        if not isinstance(got, (tuple, list)) or len(got) != 3:
            return False, f"expected three arrays (kernel, recurrent_kernel, bias), got {type(got).__name__}"
        for name, g, want in zip(ARRAYS, got, to_keras_arrays("lstm", p)):
            g = np.asarray(g)
            if g.shape != want.shape:
                shape = {"kernel": "(D, 4H)", "recurrent_kernel": "(H, 4H)", "bias": "(4H,)"}[name]
                return False, (f"`{name}` on {case}: expected shape {shape} = {want.shape}, got {g.shape} "
                               "(Keras computes x_t @ kernel, batch first)")
            why = _misplaced(name, g, want, H)
            if why:
                return False, f"not yet, on {case}: {why}"
    return True, f"correct on all {len(_CASES)} hidden cases: Keras would compute the same LSTM!"


gate_order_bug_exercise = Exercise(
    "find the bug: packing an LSTM for Keras",
    _check_packing,
    hint_text="The shapes are right, so Keras loads these weights without a word. Compare the list of "
              "gates in the code with the order in which Keras packs its kernels (the notation cell states "
              "it), and remember the name Keras gives our candidate g.",
    solution_text=source_of(pack_lstm_for_keras),
    question="A colleague wrote this function to load numpy LSTM parameters "
             "(`init_params(\"lstm\", ...)`: `W_ix` (H, D), `W_ih` (H, H), `b_i` (H,), and the same for "
             "f, o, g) into a Keras layer with `layer.set_weights(pack_lstm_for_keras(p))`. Keras accepts "
             "the weights, but the layer then computes a different LSTM. Find the bug and write the "
             "corrected `pack_lstm_for_keras(p)`, returning `(kernel, recurrent_kernel, bias)` of shapes "
             f"(D, 4H), (H, 4H) and (4H,). It is checked on hidden cases.\n\n```python\n{BUGGY_SOURCE}\n```",
    reference_solution=pack_lstm_for_keras,
    wrong_answer=_pack_in_equation_order,
    kind="function",
)
