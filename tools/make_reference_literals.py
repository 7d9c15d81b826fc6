"""Print the literal numbers of tests/reference/test_literal.py, computed by Keras in float64.

    .venv/bin/python tools/make_reference_literals.py

Builds Keras SimpleRNN (tanh and relu), LSTM and GRU (reset_after=True) layers in float64 with
return_sequences and return_state, sets the fixture weights, runs them on the fixture input and
initial state, and for SimpleRNN and LSTM takes tf.GradientTape's gradients of the fixture loss
L = Σ G ⊙ hs + Σ G_s ⊙ state_T with respect to every parameter, the input and the initial state.
Prints FORWARD and BACKWARD as Python literals (repr: the shortest exact float, at most 17
significant digits) to paste over the ones in the test, and a check against the numpy reference to
stderr. Not part of the test run; it needs TensorFlow, the test does not.
"""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, for `tests`

# The fixture formulas are written once, in the test (which must run without Keras), and imported
# here: a copy could drift from the test and the literals would then test nothing.
from rnn_helpers.environment import quiet_tensorflow  # noqa: E402
from rnn_helpers.reference import forward, from_keras_arrays, params_to_keras  # noqa: E402
from tests.reference.test_literal import CASES, WITH_BACKWARD, B, H, fixture  # noqa: E402

quiet_tensorflow()
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

LAYERS = {"simple_rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}


def run_keras(name):
    """Keras' hs, final state and gradients on the fixture of ``name``."""
    kind, activation, _ = CASES[name]
    f = fixture(name)
    extra = {"reset_after": True} if kind == "gru" else {}
    layer = LAYERS[kind](H, activation=activation, return_sequences=True, return_state=True,
                         dtype="float64", **extra)
    layer(f["x"][:1])                                         # build, then overwrite the weights
    params_to_keras(f["params"], layer)
    n_states = 2 if kind == "lstm" else 1
    x = tf.constant(f["x"])
    zeros = np.zeros((B, H))                                  # what Keras starts from by default
    state0 = [tf.constant(s) for s in (f["state0"] or (zeros,) * n_states)]
    with tf.GradientTape() as tape:
        tape.watch([x, *state0])
        hs, *state = layer(x, initial_state=state0)
        loss = tf.reduce_sum(f["G"] * hs) + sum(tf.reduce_sum(g * s) for g, s in zip(f["G_state"], state))
    if f["state0"] is None:                                   # explicit zeros = Keras' own default
        for given, default in zip([hs, *state], layer(x)):
            np.testing.assert_array_equal(given.numpy(), default.numpy())
    out = {"hs": hs.numpy(), "state": [s.numpy() for s in state]}
    if name in WITH_BACKWARD:
        weights = [layer.cell.kernel, layer.cell.recurrent_kernel, layer.cell.bias]
        dW, dx, dstate0 = tape.gradient(loss, [weights, x, state0])
        grads = from_keras_arrays(kind, [g.numpy() for g in dW])  # Keras' packing -> W_kx, W_kh, b_k
        out["grads"] = {**grads, "x": dx.numpy(), "state0": [d.numpy() for d in dstate0]}
    return out


def literal(a, column):
    """A nested-list literal of ``a`` whose opening bracket sits at ``column``; rows aligned under it."""
    a = np.asarray(a)
    if a.ndim == 1:
        return "[" + ", ".join(repr(float(v)) for v in a) + "]"
    return "[" + (",\n" + " " * (column + 1)).join(literal(row, column + 1) for row in a) + "]"


def print_dict(title, entries):
    print(f"{title} = {{")
    for name, values in entries.items():
        print(f'    "{name}": {{')
        for key, value in values.items():
            print(f'        "{key}": {literal(value, 8 + len(key) + 4)},')
        print("    },")
    print("}")


def main():
    results = {name: run_keras(name) for name in CASES}
    worst = 0.0
    for name, (kind, activation, _) in CASES.items():          # how far the reference is from Keras
        f = fixture(name)
        hs, state, _ = forward(kind, f["x"], f["params"], f["state0"], activation)
        for ours, theirs in zip([hs, *state], [results[name]["hs"], *results[name]["state"]]):
            worst = max(worst, float(np.max(np.abs(ours - theirs) / np.maximum(np.abs(theirs), 1e-300))))
    print(f"# max relative difference, numpy reference vs Keras forward: {worst:.1e}", file=sys.stderr)
    print(f"# Keras {keras.__version__}, TensorFlow {tf.__version__}, float64; "
          "from tools/make_reference_literals.py")
    print_dict("FORWARD", {n: {"hs": r["hs"], "state": r["state"]} for n, r in results.items()})
    print_dict("BACKWARD", {n: results[n]["grads"] for n in WITH_BACKWARD})


if __name__ == "__main__":
    main()
