"""Every public function of rnn_helpers, called wrongly the way a student might call it.

The package is walked with pkgutil; every callable not starting with "_" defined in a module (classes
and dataclasses too) must have an entry in ``TABLE`` (or a reason in ``EXCLUDED``). An entry is a
valid call (``good``, keyword arguments) and, per argument, the bad values to put in its place. Each
bad call must raise exactly ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind, wrong
value) with a message whose head (the text before the first ": ") names the argument: never another
exception type, a message from deep inside numpy/TensorFlow/scikit-learn, or a silent result.

Cases that fail in other engineers' modules are marked xfail in ``PENDING`` ("owned by <area>,
pending") until their owners land their checks.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pytest

import rnn_helpers

NAN, INF = np.nan, np.inf


# ---------------------------------------------------------------------------------------------
# Bad values: each turns the valid value of an argument into a bad one, with the error expected.

class Bad(NamedTuple):
    label: str
    make: Callable        # valid value -> bad value
    error: type


def bad(label, value, error) -> Bad:
    """A bad value that does not depend on the valid one (``value`` may be a zero-argument lazy)."""
    return Bad(label, lambda _good: value() if isinstance(value, Lazy) else value, error)


class Lazy:
    """A value built when the case runs (Keras layers, figures), not when the table is read."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self):
        return self.fn()


def _with(v, x):
    a = np.array(v, dtype=np.float64)
    a.flat[0] = x
    return a



def _trained_model():
    """A TrainedModel record around an untrained classifier (cheap: no fit)."""
    classifiers = importlib.import_module("rnn_helpers.models.classifiers")
    model = classifiers.build_classifier("simple_rnn", (3, 2), 2, units=2)
    return classifiers.TrainedModel("simple_rnn", "tanh", 0, model, {"loss": [1.0]}, 1.0, 0.5, 0.1)


@functools.cache
def _char_model():
    """A tiny untrained character model, V = 5 (built once)."""
    return importlib.import_module("rnn_helpers.models.language").build_char_model(5, embed_dim=2, units=2)


def _three_logits(ids, state):
    """A step function for sample_text: the same (1, 3) logits whatever it reads."""
    return np.array([[1.0, 2.0, 0.5]]), state


NONE = bad("None", None, TypeError)
TEXT = bad("a string", "abc", TypeError)
BOOL = bad("a bool", True, TypeError)
CPLX = bad("complex", 1 + 2j, TypeError)
A_TEXT = Bad("strings", lambda v: np.full(np.shape(v), "a"), TypeError)
A_BOOL = Bad("bools", lambda v: np.ones(np.shape(v), dtype=bool), TypeError)
A_CPLX = Bad("complex array", lambda v: np.asarray(v) + 1j, TypeError)
A_NAN = Bad("NaN", lambda v: _with(v, NAN), ValueError)
A_INF = Bad("inf", lambda v: _with(v, INF), ValueError)
A_NDIM = Bad("extra axis", lambda v: np.asarray(v)[None], ValueError)
A_EMPTY = Bad("empty", lambda v: np.asarray(v)[:0], ValueError)
A_NEG = Bad("negative", lambda v: _with(v, -1.0), ValueError)

ARRAY = (NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, A_NDIM)       # a finite array of numbers
ARRAY_E = ARRAY + (A_EMPTY,)                                        # ... that must not be empty
INT = (NONE, bad("'3'", "3", TypeError), BOOL, bad("2.5", 2.5, TypeError), bad("0", 0, ValueError),
       bad("-1", -1, ValueError))                                   # a positive integer
SEED = (bad("-1", -1, ValueError), bad("1.5", 1.5, TypeError), BOOL, bad("'0'", "0", TypeError), NONE)
SEED_OR_NONE = SEED[:-1]
NUMBER = (NONE, TEXT, BOOL, CPLX, bad("NaN", NAN, ValueError), bad("inf", INF, ValueError))
NUMBER_OR_NONE = NUMBER[1:]
POSITIVE = NUMBER + (bad("0", 0.0, ValueError), bad("-1", -1.0, ValueError))
POSITIVE_OR_NONE = POSITIVE[1:]
GATE = NUMBER + (bad("1.5", 1.5, ValueError), bad("-0.5", -0.5, ValueError))   # in [0, 1]
CHOICE = (NONE, bad("3", 3, TypeError), bad("'nope'", "nope", ValueError))
FLAG = (bad("'yes'", "yes", TypeError), bad("1", 1, TypeError), NONE)
AXES = (bad("'left'", "left", TypeError), bad("3", 3, TypeError))   # ax=None is valid
ACTIVATION = CHOICE
TRAIN_IDS = (NONE, A_TEXT, bad("floats", [0.5], TypeError), bad("id 2 >= V", [0, 2], ValueError),
             A_EMPTY)                                       # training ids for V = 2, not empty


@dataclass
class Spec:
    good: object                                      # dict of keyword arguments, or a callable giving one
    bad: dict = field(default_factory=dict)           # argument -> tuple of Bad
    words: dict = field(default_factory=dict)         # argument -> the name its message uses
    extra: list = field(default_factory=list)         # X(...) cases that are not one argument swapped


class X(NamedTuple):
    """A case of its own: ``call()`` must raise ``error`` naming ``words`` (error None: it may also
    return normally, but must not raise anything else)."""

    label: str
    call: Callable
    error: type | None
    words: str


def S(good=None, *, words=None, extra=(), **bad_values) -> Spec:
    return Spec({} if good is None else good, bad_values, words or {}, list(extra))


# ---------------------------------------------------------------------------------------------
# Valid inputs, built once (Keras layers are the slow part).

B, T, D, H = 2, 5, 3, 4
RNG = np.random.default_rng(0)
X3 = RNG.normal(size=(B, T, D))                       # (B, T, D)
X2 = X3[:, 0]                                         # (B, D)


@functools.cache
def params(kind):
    from rnn_helpers.reference import init_params

    return init_params(kind, D, H, seed=1)


def P(kind, **replace):
    return {**params(kind), **replace}


@functools.cache
def run(kind):
    from rnn_helpers.reference import forward

    return forward(kind, X3, params(kind))


def zeros_state(n):
    return tuple(np.zeros((B, H)) for _ in range(n))


@functools.cache
def layer(kind, **kw):
    import keras

    cls = {"simple_rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}[kind]
    lay = cls(H, **kw)
    lay(np.zeros((1, T, D), dtype="float32"))
    return lay


@functools.cache
def dense():
    import keras

    return keras.layers.Dense(3)


@functools.cache
def unbuilt_lstm():
    import keras

    return keras.layers.LSTM(H)


@functools.cache
def record(batch=False):
    from rnn_helpers.gates import record_gates

    return record_gates(layer("lstm"), X3 if batch else X3[0])


def record_fields(**replace):
    rec = record()
    return {"kind": rec.kind, "x": rec.x, "h": rec.h, "g": rec.g, "i": rec.i, "f": rec.f, "o": rec.o,
            "c": rec.c} | replace


@functools.cache
def splits():
    from rnn_helpers.datasets.splits import SequenceSplits

    y = np.arange(30) % 3
    x = RNG.normal(size=(30, T, D)).astype(np.float32)
    return SequenceSplits(x[:20], y[:20], x[20:25], y[20:25], x[25:], y[25:])


def new_ax():
    return plt.subplots()[1]


def labelled_ax():
    ax = new_ax()
    ax.plot([0, 1], [0, 1], label="a curve")                 # legend_above needs a labelled artist
    return ax


LAYER = (NONE, bad("a Dense layer", Lazy(dense), TypeError), bad("'lstm'", "lstm", TypeError))

# 09 speech recognition: valid frames, targets and probabilities, and what is wrong with them
FRAMES09 = np.zeros((2, 8, 32), dtype=np.float32)                   # (N, T, 32): 2 output frames a clip
Y09 = np.array([[2, 3], [4, 0]])                                     # "12" and "3"
PROBS09 = np.full((2, 4, 11), 1 / 11)                                # (B, T, blank + 10 digits)
FRAMES09_BAD = (NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, A_NDIM,
                bad("31 features", np.zeros((2, 8, 31)), ValueError),
                bad("T = 6: not a multiple of 4", np.zeros((2, 6, 32)), ValueError),
                bad("no clips", np.zeros((0, 8, 32)), ValueError),
                bad("1e39 (overflows float32)", np.full((2, 8, 32), 1e39), ValueError))
CTC_MODEL = (NONE, bad("a Dense layer", Lazy(dense), TypeError),
             bad("a next-note model", Lazy(lambda: _music_model()), ValueError))   # (B, T) -> (B, T, 6)
IDS09_BAD = (NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, A_NDIM, bad("floats", [4.0, 2.0], TypeError),
             bad("11", [4, 11], ValueError))

# 10 music generation: valid pitches and tokens, and what is wrong with them
P10 = np.array([[60, 55, 52, 48], [62, 57, 53, 0]])                   # (T, 4): soprano, alto, tenor, bass
OPENING10 = np.array([[64, 62, 60, 0], [64, 63, 61, 60]])            # inside PitchVocabulary(60, 64)
PITCHES_BAD = ARRAY + (bad("floats", P10 * 1.0, TypeError), bad("(2, 3)", P10[:, :3], ValueError),
                       bad("no steps", np.zeros((0, 4), int), ValueError),
                       bad("pitch 128", np.array([[128, 60, 60, 60]]), ValueError),
                       bad("pitch -1", np.array([[-1, 60, 60, 60]]), ValueError))
TOKENS_BAD = (NONE, A_TEXT, A_BOOL, A_NAN, A_NDIM, bad("floats", np.zeros(8), TypeError),
              bad("length 6", np.zeros(6, int), ValueError), bad("empty", np.zeros(0, int), ValueError),
              bad("id -1", np.array([-1, 0, 0, 0]), ValueError),
              bad("id 128", np.array([128, 0, 0, 0]), ValueError))
STREAMS_BAD = (NONE, bad("one array, not a list", np.arange(8), TypeError), bad("[]", [], TypeError),
               bad("length 6", [np.zeros(6, int)], ValueError), bad("floats", [np.zeros(8)], TypeError),
               bad("id 3 >= V", [np.arange(8)], ValueError))
LAGS_BAD = (NONE, bad("4, not a tuple", 4, TypeError), bad("()", (), TypeError),
            bad("(5,)", (5,), ValueError),
            bad("(0,)", (0,), ValueError), bad("(2.5,)", (2.5,), TypeError))

# 11 video: valid clips (pixels in [0, 1]), digit images, directions, and what is wrong with them
CLIPS11 = np.random.default_rng(11).random((2, 3, 16, 16)).astype(np.float32)   # (N, T, H, W)
IMAGES11 = np.random.default_rng(12).random((2, 8, 8)).astype(np.float32)       # two 8 x 8 digits
LABELS11 = np.array([3, 7])
POS11 = np.array([[[0, 0], [1, 2]], [[8, 8], [7, 6]]])                            # (N, T, 2) corners
FRAMES11_BAD = (NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, A_NEG,
                bad("5-D with 16 channels", CLIPS11[None], ValueError),
                bad("(T, H, W): one clip without N", CLIPS11[0], ValueError),
                bad("no clips", CLIPS11[:0], ValueError), bad("no frames", CLIPS11[:, :0], ValueError),
                bad("3 channels", np.zeros((2, 3, 16, 16, 3)), ValueError),
                bad("pixels up to 2", CLIPS11 * 2, ValueError),
                bad("1e39 (overflows float32)", np.full((2, 3, 16, 16), 1e39), ValueError))
SMALL11 = bad("8 x 8 frames for a 16 x 16 model", CLIPS11[..., :8, :8], ValueError)
ONE_FRAME11 = bad("one frame: nothing to predict", CLIPS11[:, :1], ValueError)
DIRS11_BAD = (NONE, A_TEXT, A_BOOL, A_NAN, A_NDIM, bad("floats", [0.0, 3.0], ValueError),
              bad("one for two clips", [0], ValueError), bad("4: there are 4 directions", [0, 4], ValueError),
              bad("-1", [0, -1], ValueError))
ROWS11_BAD = (NONE, bad("{}", {}, ValueError), bad("{3: frames}", {3: CLIPS11[0]}, TypeError),
              bad("(H, W): one frame", CLIPS11[0, 0], ValueError),
              bad("a list of clips", [CLIPS11[0]], ValueError),
              bad("two frame sizes", {"a": CLIPS11[0], "b": CLIPS11[0, :, :8]}, ValueError),
              bad("NaN", {"a": np.full((2, 4, 4), NAN)}, ValueError),
              bad("strings", {"a": np.full((2, 4, 4), "a")}, TypeError),
              bad("no frames", {"a": CLIPS11[0, :0]}, ValueError))
PREDICTOR11 = (NONE, bad("a Dense layer", Lazy(dense), TypeError),
               bad("a direction model", Lazy(lambda: _direction11()), ValueError))
DIRECTION11 = (NONE, bad("a Dense layer", Lazy(dense), TypeError),
               bad("a frame predictor", Lazy(lambda: _predictor11()), ValueError))
CHAR_MODEL = (NONE, bad("a Dense layer", Lazy(dense), TypeError),
              bad("a classifier", Lazy(lambda: _trained_model().model), ValueError))  # not a char model
SAT = {"f": (np.array([0.1, 0.2]), np.array([0.3, 0.4]))}
# the two min-char-rnn trainers (numpy and Keras) take the same arguments, checked by one function
CHAR_RNN_TRAINER = dict(
    good={"ids": np.arange(12) % 3, "vocab_size": 3, "steps": 2, "hidden_size": 2, "seq_len": 4},
    vocab_size=INT + (bad("2 (ids up to 2)", 2, ValueError),), steps=INT, hidden_size=INT,
    seq_len=INT + (bad("12 (too long)", 12, ValueError),), learning_rate=POSITIVE, seed=SEED,
    ids=(NONE, A_TEXT, bad("floats", [0.5] * 12, TypeError), bad("negative", [-1] * 12, ValueError)),
    words={"vocab_size": "vocab_size|ids", "seq_len": "seq_len|ids"})


def _grid():
    from rnn_helpers.cliff import loss_grid

    return loss_grid(np.linspace(2, 8, 5), np.linspace(-5, 1, 5))


def _paths(n):
    from rnn_helpers.cliff import descent_path

    path = descent_path(5.0, -3.0, 0.5, 3)
    return {f"path {k}": path for k in range(n)}


def _history():
    from rnn_helpers.models.callbacks import GradientNormHistory

    return GradientNormHistory(X3, np.zeros((B, 1)))


def _probe_wrong_shape():
    import keras

    model = keras.Sequential([keras.Input(shape=(T, D + 1)), keras.layers.SimpleRNN(2),
                              keras.layers.Dense(1)])
    model.compile(loss="mse")
    probe = _history()
    probe.set_model(model)
    return probe.probe()


def _m(module):
    return importlib.import_module(f"rnn_helpers.{module}")


# 10: a step function over 3 ids where the vocabulary has 6 (it would sample only rests, 60 and 61)
STEP_OVER_3 = bad("an n-gram over 3 ids", Lazy(lambda: _m("music").ngram_step_fn(_ngram10())), ValueError)


# -- 12 beyond RNNs: shared bad values --
SCAN_A12 = (NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, bad("1-D", np.ones(3), ValueError),
            bad("4-D", np.ones((1, 2, 3, 2)), ValueError))
SCAN_B12 = (NONE, A_TEXT, A_NAN, A_NDIM, bad("another H", np.ones((3, 5)), ValueError))
MIN_GRU_X12 = ARRAY_E + (bad("(B, T): no features", np.ones((2, 4)), ValueError),
                         bad("4 features for W_z of 3", np.ones((2, 4, 4)), ValueError),
                         bad("no steps", np.ones((2, 0, 3)), ValueError))
MIN_GRU_P12 = (NONE, bad("a list", [1, 2], TypeError),
               bad("no W_h", Lazy(lambda: {k: v for k, v in _min_gru_params12().items() if k != "W_h"}),
                   ValueError),
               bad("W_z 1-D", Lazy(lambda: {**_min_gru_params12(), "W_z": np.ones(3)}), ValueError),
               bad("b_h of 3", Lazy(lambda: {**_min_gru_params12(), "b_h": np.zeros(3)}), ValueError),
               bad("W_h (3, 4)", Lazy(lambda: {**_min_gru_params12(), "W_h": np.ones((3, 4))}), ValueError),
               bad("b_z NaN", Lazy(lambda: {**_min_gru_params12(), "b_z": np.full(2, NAN)}), ValueError),
               bad("W_h strings", Lazy(lambda: {**_min_gru_params12(), "W_h": np.full((3, 2), "a")}),
                   TypeError))
LONG_RANGE12 = (NONE, bad("a Dense layer", Lazy(dense), TypeError),
                bad("a classifier", Lazy(lambda: _trained_model().model), TypeError))
ORDER_X12 = (NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, A_NDIM, A_EMPTY,
             bad("5 steps", np.ones((3, 5, 8)), ValueError),
             bad("7 features", np.ones((3, 6, 7)), ValueError))
ORDER_Y12 = (NONE, A_TEXT, bad("floats", [0.0, 1.0, 2.0], ValueError), bad("class 4", [0, 1, 4], ValueError),
             bad("class -1", [0, -1, 2], ValueError), bad("2 labels for 3", [0, 1], ValueError),
             bad("(3, 1)", [[0], [1], [2]], ValueError))
SEQ_LEN12 = (NONE, TEXT, BOOL, bad("4.0", 4.0, TypeError), bad("3: too short", 3, ValueError))
SEEDS12 = (NONE, bad("3", 3, TypeError), bad("[]", [], ValueError), bad("[-1]", [-1], ValueError),
           bad("[0, 0]", [0, 0], ValueError), bad("['0']", ["0"], TypeError))


# ---------------------------------------------------------------------------------------------
# The table: "module.function" -> Spec.

TABLE = {
    # _checks: the shared checks themselves (``name`` is the argument they report)
    "rnn_helpers._checks.as_numbers": S({"name": "x", "value": [1.0, 2.0], "ndim": 1}, value=ARRAY,
                                        words={"value": "x"}),
    "rnn_helpers._checks.as_array": S({"name": "x", "value": [1.0, 2.0], "ndim": 1}, value=ARRAY,
                                      words={"value": "x"}, extra=[
        X("float32 overflow", lambda: _m("_checks").as_array("x", [1e39], dtype=np.float32), ValueError,
          "x")]),
    "rnn_helpers._checks.check_finite": S({"name": "x", "arr": [1.0]}, arr=(A_NAN, A_INF, A_TEXT),
                                          words={"arr": "x"}),
    "rnn_helpers._checks.check_nonempty": S({"name": "x", "arr": np.ones(2)}, arr=(A_EMPTY,),
                                            words={"arr": "x"}),
    "rnn_helpers._checks.check_shape": S({"name": "x", "arr": np.ones(2), "expected": (2,)},
                                         arr=(A_NDIM, A_EMPTY), words={"arr": "x"}),
    "rnn_helpers._checks.check_choice": S({"name": "x", "value": "a", "choices": ["a"]}, value=CHOICE,
                                          words={"value": "x"}),
    "rnn_helpers._checks.check_bool": S({"name": "x", "value": True}, value=FLAG, words={"value": "x"}),
    "rnn_helpers._checks.check_texts": S({"name": "x", "texts": ["a"]},
                                         texts=(NONE, bad("[]", [], ValueError), bad("[3]", [3], TypeError),
                                                TEXT), words={"texts": "x"}),
    "rnn_helpers._checks.check_int": S({"name": "x", "value": 3, "low": 0, "high": 5}, words={"value": "x"},
                                       value=(NONE, TEXT, BOOL, bad("2.5", 2.5, TypeError),
                                              bad("-1", -1, ValueError), bad("6", 6, ValueError))),
    "rnn_helpers._checks.check_positive_int": S({"name": "x", "value": 3}, value=INT, words={"value": "x"}),
    "rnn_helpers._checks.check_params": S({"name": "params", "params": {"a": 1}, "expected_keys": ["a"]},
                                          params=(NONE, bad("a list", [1], TypeError),
                                                  bad("other keys", {"b": 1}, ValueError))),
    "rnn_helpers._checks.check_seed": S({"value": 0}, value=SEED, words={"value": "seed"}),
    "rnn_helpers._checks.check_number": S({"name": "x", "value": 1.0}, value=NUMBER, words={"value": "x"}),
    "rnn_helpers._checks.check_positive_number": S({"name": "x", "value": 1.0}, value=POSITIVE,
                                                   words={"value": "x"}),
    "rnn_helpers._checks.check_float_dtype": S({"name": "dtype", "dtype": np.float32}, dtype=(
        bad("int", int, ValueError), bad("'abc'", "abc", TypeError), bad("complex", complex, ValueError))),

    # activations, gradcheck, environment
    "rnn_helpers.activations.sigmoid": S({"z": np.array([1.0, -1.0])}, z=(NONE, A_TEXT, A_BOOL, A_CPLX)),
    "rnn_helpers.activations.get_activation": S({"name": "tanh"}, name=CHOICE, words={"name": "activation"}),
    "rnn_helpers.gradcheck.rel_error": S({"a": [1.0, 2.0], "b": [1.0, 2.5]}, a=ARRAY, b=ARRAY),
    "rnn_helpers.gradcheck.numerical_gradient": S(
        lambda: {"f": lambda: 0.0, "x": np.ones(2)},
        f=(bad("3", 3, TypeError), bad("returns a string", lambda: "a", TypeError),
           bad("returns an array", lambda: np.ones(2), TypeError)),
        x=(NONE, bad("a list", [1.0], TypeError), bad("float32", np.ones(2, np.float32), TypeError),
           bad("NaN", np.array([NAN]), ValueError)),
        eps=POSITIVE),
    "rnn_helpers.environment.setup_notebook": S({"seed": 0, "show_versions": False}, seed=SEED,
                                                show_versions=FLAG, projector=FLAG),

    # reference: cells, loop, weights, checks
    "rnn_helpers.reference.simple_rnn.param_shapes": S({"input_size": 3, "hidden_size": 4}, input_size=INT,
                                                       hidden_size=INT),
    "rnn_helpers.reference.lstm.param_shapes": S({"input_size": 3, "hidden_size": 4}, input_size=INT,
                                                 hidden_size=INT),
    "rnn_helpers.reference.gru.param_shapes": S({"input_size": 3, "hidden_size": 4}, input_size=INT,
                                                hidden_size=INT),
    "rnn_helpers.reference.simple_rnn.rnn_step": S(
        lambda: {"x_t": X2, "state": zeros_state(1), "params": params("simple_rnn")},
        x_t=ARRAY_E + (bad("wrong D", np.zeros((B, D + 1)), ValueError),),
        state=(NONE, bad("two arrays", zeros_state(2), ValueError),
               bad("wrong B", (np.zeros((3, H)),), ValueError)),
        params=(NONE, bad("lstm params", Lazy(lambda: params("lstm")), ValueError),
                bad("W_hh None", Lazy(lambda: P("simple_rnn", W_hh=None)), TypeError),
                bad("W_hh NaN", Lazy(lambda: P("simple_rnn", W_hh=np.full((H, H), NAN))), ValueError)),
        activation=ACTIVATION),
    "rnn_helpers.reference.lstm.lstm_step": S(
        lambda: {"x_t": X2, "state": zeros_state(2), "params": params("lstm")},
        x_t=ARRAY_E, state=(NONE, bad("one array", zeros_state(1), ValueError)),
        params=(NONE, bad("rnn params", Lazy(lambda: params("simple_rnn")), ValueError),
                bad("W_fh complex", Lazy(lambda: P("lstm", W_fh=np.zeros((H, H)) + 1j)), TypeError)),
        activation=ACTIVATION),
    "rnn_helpers.reference.gru.gru_step": S(
        lambda: {"x_t": X2, "state": zeros_state(1), "params": params("gru")},
        x_t=ARRAY_E, state=(NONE, bad("two arrays", zeros_state(2), ValueError)),
        params=(NONE, bad("lstm params", Lazy(lambda: params("lstm")), ValueError)), activation=ACTIVATION),
    "rnn_helpers.reference.simple_rnn.rnn_step_backward": S(
        lambda: {"dh_out": np.ones((B, H)), "dstate": None, "cache": run("simple_rnn")[2][0]},
        dh_out=ARRAY, dstate=(TEXT, bad("two arrays", zeros_state(2), ValueError)),
        cache=(NONE, bad("{}", {}, ValueError),
               bad("an lstm cache", Lazy(lambda: run("lstm")[2][0]), ValueError))),
    "rnn_helpers.reference.gru.gru_step_backward": S(
        lambda: {"dh_out": np.ones((B, H)), "dstate": None, "cache": run("gru")[2][0]},
        dh_out=ARRAY, dstate=(TEXT, bad("two arrays", zeros_state(2), ValueError)),
        cache=(NONE, bad("{}", {}, ValueError),
               bad("an lstm cache", Lazy(lambda: run("lstm")[2][0]), ValueError))),
    "rnn_helpers.reference.lstm.lstm_step_backward": S(
        lambda: {"dh_out": np.ones((B, H)), "dstate": None, "cache": run("lstm")[2][0]},
        dh_out=ARRAY, dstate=(TEXT, bad("one array", zeros_state(1), ValueError)),
        cache=(NONE, bad("a simple_rnn cache", Lazy(lambda: run("simple_rnn")[2][0]), ValueError),
               bad("h not an array", Lazy(lambda: run("lstm")[2][0] | {"h": [1.0]}), ValueError))),
    "rnn_helpers.reference.loop.check_kind": S({"kind": "lstm"}, kind=CHOICE),
    "rnn_helpers.reference.loop.check_inputs": S(
        lambda: {"kind": "lstm", "x": X3, "params": params("lstm")},
        kind=CHOICE, x=ARRAY_E, params=(NONE, bad("gru params", Lazy(lambda: params("gru")), ValueError)),
        state0=(TEXT, bad("wrong shape", (np.zeros((B, H + 1)),) * 2, ValueError)), activation=ACTIVATION),
    "rnn_helpers.reference.loop.forward": S(
        lambda: {"kind": "simple_rnn", "x": X3, "params": params("simple_rnn")},
        kind=CHOICE,
        x=ARRAY_E + (bad("2-D", X2, ValueError), bad("wrong D", np.zeros((B, T, D + 1)), ValueError)),
        params=(NONE, bad("a list", [1, 2], TypeError),
                bad("W_hh None", Lazy(lambda: P("simple_rnn", W_hh=None)), TypeError),
                bad("W_hh (0, 0)", Lazy(lambda: P("simple_rnn", W_hh=np.zeros((0, 0)))), ValueError),
                bad("b_h strings", Lazy(lambda: P("simple_rnn", b_h=np.array(["a"] * H))), TypeError)),
        state0=(TEXT, bad("three arrays", zeros_state(3), ValueError), bad("NaN", (np.full((B, H), NAN),),
                                                                          ValueError)),
        activation=ACTIVATION),
    "rnn_helpers.reference.loop.backward": S(
        lambda: {"kind": "lstm", "dhs": np.ones((B, T, H)), "dstate": None, "caches": run("lstm")[2]},
        kind=CHOICE + (bad("'gru' for lstm caches", "gru", ValueError),
                       bad("'simple_rnn' for lstm caches", "simple_rnn", ValueError)),
        dhs=ARRAY + (bad("wrong T", np.ones((B, T + 1, H)), ValueError),),
        dstate=(TEXT, bad("one array", zeros_state(1), ValueError)), words={"kind": "kind|caches"},
        caches=(NONE, bad("[]", [], ValueError), bad("[{}]", [{}], ValueError), bad("a dict", {}, TypeError),
                bad("two runs mixed", Lazy(lambda: run("lstm")[2][:2] + [
                    _m("reference").forward("lstm", X3[:1], params("lstm"))[2][0]]), ValueError))),
    "rnn_helpers.reference.weights.init_params": S(
        {"kind": "lstm", "input_size": 3, "hidden_size": 4}, kind=CHOICE, input_size=INT, hidden_size=INT,
        scale=POSITIVE_OR_NONE, seed=SEED,
        dtype=(bad("int", int, ValueError), bad("'abc'", "abc", TypeError))),
    "rnn_helpers.reference.weights.orthogonal": S({"size": 3}, size=INT,
                                                  seed=SEED + (bad("[1, -1]", [1, -1], ValueError),)),
    "rnn_helpers.reference.checks.check_cell_params": S(
        lambda: {"kind": "simple_rnn", "param_shapes": _m("reference.simple_rnn").param_shapes,
                 "params": params("simple_rnn"), "D": D, "dtype": np.float64},
        params=(NONE, bad("{}", {}, ValueError),
                bad("NaN", Lazy(lambda: P("simple_rnn", b_h=np.full(H, NAN))), ValueError))),
    "rnn_helpers.reference.checks.check_state": S(
        {"name": "state0", "kind": "lstm", "state": zeros_state(2), "n_states": 2, "B": B, "H": H,
         "dtype": np.float64, "default_zeros": True},
        state=(TEXT, bad("one array", zeros_state(1), ValueError), bad("wrong B", (np.zeros((3, H)),) * 2,
                                                                       ValueError)),
        words={"state": "state0"}),
    "rnn_helpers.reference.checks.check_step_inputs": S(
        lambda: {"kind": "simple_rnn", "param_shapes": _m("reference.simple_rnn").param_shapes, "n_states": 1,
                 "x_t": X2, "state": zeros_state(1), "params": params("simple_rnn"), "activation": "tanh"},
        x_t=ARRAY_E, state=(NONE,), params=(NONE,), activation=ACTIVATION),
    "rnn_helpers.reference.checks.check_cache": S(
        lambda: {"kind": "lstm", "cache": run("lstm")[2][0], "keys": _m("reference.lstm").CACHE_KEYS},
        cache=(NONE, bad("{}", {}, ValueError),
               bad("a simple_rnn cache", Lazy(lambda: run("simple_rnn")[2][0]), ValueError))),
    "rnn_helpers.reference.checks.check_step_backward_inputs": S(
        lambda: {"kind": "simple_rnn", "n_states": 1, "keys": _m("reference.simple_rnn").CACHE_KEYS,
                 "dh_out": np.ones((B, H)), "dstate": None, "cache": run("simple_rnn")[2][0]},
        dh_out=ARRAY, dstate=(TEXT,), cache=(NONE,)),

    # reference: Keras weights
    "rnn_helpers.reference.keras_io.layer_kind": S(lambda: {"layer": layer("lstm")}, layer=LAYER),
    "rnn_helpers.reference.keras_io.layer_activation": S(lambda: {"layer": layer("lstm")}, layer=LAYER + (
        bad("elu", Lazy(lambda: layer("simple_rnn", activation="elu")), ValueError),
        bad("hard_sigmoid gates", Lazy(lambda: layer("lstm", recurrent_activation="hard_sigmoid")),
            ValueError),
        bad("reset_after=False", Lazy(lambda: layer("gru", reset_after=False)), ValueError))),
    "rnn_helpers.reference.keras_io.from_keras_arrays": S(
        lambda: {"kind": "lstm", "arrays": layer("lstm").get_weights()}, kind=CHOICE,
        arrays=(NONE, bad("a dict", {}, TypeError),
                bad("one array", Lazy(lambda: layer("lstm").get_weights()[:1]), ValueError),
                bad("kernel not 4H wide", Lazy(lambda: [w[..., :-1] if j == 0 else w for j, w in
                                                        enumerate(layer("lstm").get_weights())]), ValueError),
                bad("gru weights", Lazy(lambda: layer("gru").get_weights()), ValueError),
                bad("NaN kernel", Lazy(lambda: [w * NAN if j == 0 else w for j, w in
                                                enumerate(layer("lstm").get_weights())]), ValueError),
                bad("kernel None", Lazy(lambda: [None] + layer("lstm").get_weights()[1:]), TypeError))),
    "rnn_helpers.reference.keras_io.to_keras_arrays": S(
        lambda: {"kind": "gru", "params": params("gru")}, kind=CHOICE,
        params=(NONE, bad("lstm params", Lazy(lambda: params("lstm")), ValueError),
                bad("NaN", Lazy(lambda: P("gru", W_zx=np.full((H, D), NAN))), ValueError),
                bad("one wrong shape", Lazy(lambda: P("gru", W_rh=np.zeros((H, H + 1)))), ValueError))),
    "rnn_helpers.reference.keras_io.params_from_keras": S(
        lambda: {"layer": layer("gru")},
        layer=LAYER + (bad("unbuilt", Lazy(unbuilt_lstm), ValueError),
                       bad("reset_after=False", Lazy(lambda: layer("gru", reset_after=False)), ValueError))),
    "rnn_helpers.reference.keras_io.params_to_keras": S(
        lambda: {"params": params("lstm"), "layer": layer("lstm")},
        params=(NONE, bad("rnn params", Lazy(lambda: params("simple_rnn")), ValueError),
                bad("NaN", Lazy(lambda: P("lstm", W_ih=np.full((H, H), NAN))), ValueError),
                bad("inf", Lazy(lambda: P("lstm", b_f=np.full(H, INF))), ValueError),
                bad("float32 overflow", Lazy(lambda: P("lstm", b_f=np.full(H, 1e39))), ValueError),
                bad("complex", Lazy(lambda: P("lstm", b_f=np.zeros(H) + 1j)), TypeError),
                bad("strings", Lazy(lambda: P("lstm", b_f=np.array(["a"] * H))), TypeError),
                bad("wrong shape", Lazy(lambda: P("lstm", W_ix=np.zeros((H, D + 1)))), ValueError)),
        layer=LAYER + (bad("unbuilt", Lazy(unbuilt_lstm), ValueError),),
        extra=[X("biases into use_bias=False", lambda: _m("reference").params_to_keras(
            params("simple_rnn"), layer("simple_rnn", use_bias=False)), ValueError, "params")]),
    "rnn_helpers.reference.keras_io.forward_from_keras": S(
        lambda: {"layer": layer("lstm"), "x": X3}, layer=LAYER,
        x=ARRAY_E + (bad("wrong D", np.zeros((B, T, D + 2)), ValueError),),
        state0=(TEXT, bad("one array", zeros_state(1), ValueError))),

    # lesson maths
    "rnn_helpers.gradients.safe_norm": S({"v": [3.0, 4.0]}, v=(NONE, A_TEXT, A_CPLX)),
    "rnn_helpers.gradients.backprop_norms": S(
        lambda: {"W_hh": params("simple_rnn")["W_hh"], "hs": run("simple_rnn")[0][0], "dh_T": np.ones(H)},
        W_hh=ARRAY_E + (bad("not square", np.ones((H, H + 1)), ValueError),),
        hs=ARRAY_E + (bad("above 1 (pre-activations)", np.full((T, H), 2.0), ValueError),),
        activation=ACTIVATION, dh_T=ARRAY[1:] + (bad("wrong H", np.ones(H + 1), ValueError),)),
    "rnn_helpers.gradients.jacobian_bound": S(
        lambda: {"W_hh": params("simple_rnn")["W_hh"], "activation": "tanh", "lags": 5},
        W_hh=ARRAY_E, activation=ACTIVATION,
        lags=(NONE, TEXT, BOOL, bad("-1", -1, ValueError), bad("2-D", np.ones((2, 2)), ValueError),
              bad("NaN", [NAN], ValueError)),
        start=NUMBER + (bad("-1", -1.0, ValueError),),
        sigma_max=NUMBER_OR_NONE + (bad("-1", -1.0, ValueError),)),
    "rnn_helpers.gradients.gradient_norms_by_lag": S(
        lambda: {"kind": "lstm", "x": X3, "params": params("lstm")},
        kind=CHOICE + (bad("'gru'", "gru", ValueError),), x=ARRAY_E,
        params=(NONE, bad("gru params", Lazy(lambda: params("gru")), ValueError)), activation=ACTIVATION),
    "rnn_helpers.gradients.finite_difference_norms_by_lag": S(
        lambda: {"kind": "gru", "x": X3[:1, :2], "params": params("gru")},
        kind=CHOICE, x=ARRAY_E, params=(NONE,), activation=ACTIVATION, eps=POSITIVE),
    "rnn_helpers.gradients.keras_gradient_norms_by_lag": S(
        lambda: {"layer": layer("gru"), "x": X3},
        layer=LAYER + (bad("stateful", Lazy(lambda: _stateful()), ValueError),),
        x=ARRAY_E + (bad("wrong D", np.zeros((B, T, D + 1)), ValueError),)),
    "rnn_helpers.gradients.clip_by_global_norm": S(
        {"grads": [np.ones(3)], "max_norm": 1.0},
        grads=(NONE, bad("an array", np.ones(3), TypeError), bad("NaN", [np.array([NAN])], ValueError),
               bad("complex", [np.ones(2) + 1j], TypeError)),
        max_norm=POSITIVE),
    "rnn_helpers.memory.recurrent_matrix": S({"hidden_size": 4, "radius": 0.9}, hidden_size=INT,
                                             radius=NUMBER + (bad("-0.1", -0.1, ValueError),), seed=SEED),
    "rnn_helpers.memory.impulse_response": S(
        lambda: {"W_hh": 0.9 * np.eye(H), "W_hx": np.ones((H, 1)), "steps": 5},
        W_hh=ARRAY_E + (bad("not square", np.ones((2, 3)), ValueError),),
        W_hx=ARRAY[1:] + (bad("wrong H", np.ones((H + 1, 1)), ValueError),), activation=ACTIVATION,
        steps=INT, pulse=NUMBER, seed=SEED),
    "rnn_helpers.memory.clip_for_display": S(
        {"r": np.array([1.0, 1e-20, INF])}, r=(NONE, A_TEXT, A_CPLX, A_NAN, A_NDIM, A_EMPTY),
        low=POSITIVE, high=NUMBER + (bad("below low", 1e-16, ValueError),)),
    "rnn_helpers.gates.GateRecord": S(
        lambda: record_fields(), kind=CHOICE + (bad("'simple_rnn'", "simple_rnn", ValueError),),
        h=(NONE, A_TEXT, A_CPLX, A_NAN, A_EMPTY, bad("1-D", np.ones(T), ValueError)),
        x=ARRAY + (bad("other T", np.zeros((T + 1, D)), ValueError),),
        f=(A_NAN, A_CPLX, bad("above 1", np.full((T, H), 1.5), ValueError),
           bad("wrong shape", np.zeros((T, H + 1)), ValueError)),
        z=(bad("an array in an lstm record", np.zeros((T, H)), ValueError),)),
    "rnn_helpers.gates.record_gates": S(
        lambda: {"layer": layer("lstm"), "x": X3},
        layer=LAYER + (bad("a SimpleRNN", Lazy(lambda: layer("simple_rnn")), TypeError),
                       bad("go_backwards", Lazy(lambda: layer("lstm", go_backwards=True)), ValueError)),
        x=ARRAY_E + (bad("wrong D", np.zeros((T, D + 1)), ValueError),)),
    "rnn_helpers.gates.gate_saturation": S(
        lambda: {"record": record()}, record=(NONE, bad("a dict", {"f": np.ones((2, 2))}, TypeError)),
        low=NUMBER + (bad("above high", 0.95, ValueError),), high=NUMBER),
    "rnn_helpers.gates.find_memory_units": S(
        lambda: {"record": record(batch=True), "target": np.arange(B * T, dtype=float).reshape(B, T)},
        record=(NONE, bad("a dict", {}, TypeError)),
        target=ARRAY + (bad("constant", np.ones((B, T)), ValueError),),
        min_forget=NUMBER, min_correlation=NUMBER),
    "rnn_helpers.gates.cell_path_gradient": S({"f": np.full((T, H), 0.9)}, f=ARRAY_E[:-2] + (
        A_EMPTY, bad("4-D", np.ones((1, 1, T, H)), ValueError),
        bad("above 1", np.full((T, H), 1.1), ValueError), bad("1-D", np.ones(T), ValueError))),
    "rnn_helpers.gates.check_gate_value": S({"name": "f", "value": 0.5}, name=CHOICE,
                                            value=GATE, words={"value": "f"}),
    "rnn_helpers.gates.pulse_input": S(
        {}, steps=INT, pulse_at=(NONE, BOOL, bad("2.5", 2.5, TypeError), bad("-1", -1, ValueError),
                                 bad("50 (= steps)", 50, ValueError)),
        noise=GATE, seed=SEED),
    "rnn_helpers.gates.constant_gate_cell": S({"f": 0.9, "i": 1.0, "o": 1.0, "x": np.ones(4)}, f=GATE, i=GATE,
                                              o=GATE, x=ARRAY_E),

    # datasets
    "rnn_helpers.datasets.splits.SequenceSplits": S(
        lambda: dict(zip(["x_train", "y_train", "x_val", "y_val", "x_test", "y_test"],
                         [getattr(splits(), k) for k in ("x_train", "y_train", "x_val", "y_val", "x_test",
                                                          "y_test")])),
        x_train=ARRAY_E, y_train=(NONE, bad("float labels", np.zeros(20), ValueError),
                                  bad("too few", np.zeros(3, int), ValueError)),
        x_test=(bad("other D", np.zeros((5, T, D + 1)), ValueError),)),
    "rnn_helpers.datasets.splits.split_stratified": S(
        lambda: {"x": np.zeros((40, 3, 2)), "y": np.arange(40) % 2},
        x=ARRAY_E, y=(NONE, A_TEXT, bad("float labels", np.zeros(40), ValueError),
                      bad("too few", np.zeros(3, int), ValueError),
                      bad("a class of one", np.r_[np.zeros(39, int), 1], ValueError)),
        val_fraction=NUMBER + (bad("0", 0.0, ValueError), bad("1.5", 1.5, ValueError)),
        test_fraction=NUMBER + (bad("0.9 (sum >= 1)", 0.9, ValueError),), seed=SEED),
    "rnn_helpers.datasets.splits.random_lengths": S({"n": 4, "max_len": 5}, n=INT, max_len=INT,
                                                    min_len=INT + (bad("above max_len", 6, ValueError),),
                                                    seed=SEED),
    "rnn_helpers.datasets.splits.truncate_and_pad": S(
        lambda: {"x": np.zeros((2, 4, 3)), "lengths": np.array([1, 3])}, x=ARRAY_E,
        lengths=(NONE, bad("floats", np.array([1.0, 2.0]), ValueError),
                 bad("too long", np.array([1, 5]), ValueError),
                 bad("wrong count", np.array([1]), ValueError), A_TEXT),
        pad_value=NUMBER + (bad("float32 overflow", 1e39, ValueError),)),
    "rnn_helpers.datasets.digits.digit_sequence_splits": S({}, seed=SEED),
    "rnn_helpers.datasets.files.checked_file": S(
        lambda: dict(zip(["name", "sha256", "rebuild"], _m("datasets.text").SENTIMENT)),
        name=(NONE, bad("''", "", ValueError), bad("'../README.md'", "../README.md", ValueError),
              bad("'absent.txt'", "absent.txt", ValueError)),
        sha256=(NONE, bad("''", "", ValueError), bad("another file's", "0" * 64, ValueError)),
        rebuild=(NONE, bad("''", "", ValueError)),
        words={"name": "name|absent.txt", "sha256": "sha256|sentiment_sentences.tsv"}),
    "rnn_helpers.datasets.text.load_shakespeare": S(
        {"plays": "Hamlet"}, plays=CHOICE[1:] + (
            bad("[]", [], ValueError), bad("twice", ["Hamlet"] * 2, ValueError),
            bad("['Hamlet', 3]", ["Hamlet", 3], TypeError))),
    "rnn_helpers.datasets.text.load_sentiment_sentences": S(
        {"sources": "imdb"},
        sources=CHOICE[1:] + (bad("[]", [], ValueError), bad("a set", {"imdb"}, TypeError))),
    "rnn_helpers.datasets.text.load_verse_pairs": S({"limit": 3}, limit=INT[1:], with_refs=FLAG,
                                                    max_words=INT + (bad("16", 16, ValueError),)),
    "rnn_helpers.datasets.chars.CharVocabulary": S(
        {"text": "abc"}, text=(NONE, bad("''", "", ValueError), bad("['a']", ["a"], TypeError)), extra=[
            X("encode 'z'", lambda: _m("datasets.chars").CharVocabulary("abc").encode("abz"), ValueError,
              "text"),
            X("encode a list", lambda: _m("datasets.chars").CharVocabulary("abc").encode(["a"]), TypeError,
              "text"),
            X("decode id 3", lambda: _m("datasets.chars").CharVocabulary("abc").decode([3]), ValueError,
              "ids"),
            X("decode floats", lambda: _m("datasets.chars").CharVocabulary("abc").decode([0.5]), TypeError,
              "ids")]),
    "rnn_helpers.datasets.chars.char_windows": S(
        {"ids": np.arange(10), "seq_len": 4}, seq_len=INT, stride=INT[1:],
        ids=(NONE, A_TEXT, A_BOOL, A_NDIM, bad("floats", np.zeros(10), TypeError),
             bad("negative", np.r_[-1, np.zeros(9, int)], ValueError),
             bad("too short", np.arange(4), ValueError))),
    "rnn_helpers.datasets.chars.split_text": S(
        {"text": "abcdefghij", "val_fraction": 0.1, "test_fraction": 0.1},
        text=(NONE, bad("''", "", ValueError), bad("bytes", b"abc", TypeError)),
        val_fraction=NUMBER + (bad("-0.1", -0.1, ValueError), bad("1.5", 1.5, ValueError)),
        test_fraction=NUMBER + (bad("0.9 (sum >= 1)", 0.9, ValueError),)),
    "rnn_helpers.datasets.synthetic.adding_problem": S(
        {"n": 4, "seq_len": 6}, n=INT, seq_len=INT + (bad("1", 1, ValueError),), seed=SEED,
        dtype=(bad("int", int, ValueError), bad("'abc'", "abc", TypeError))),
    "rnn_helpers.datasets.synthetic.marked_sum_so_far": S({"x": np.zeros((3, 6, 2))}, x=ARRAY + (
        bad("3 channels", np.zeros((3, 6, 3)), ValueError),)),
    "rnn_helpers.datasets.synthetic.trivial_baseline_mse": S({"y": np.ones(3)}, y=ARRAY_E),
    "rnn_helpers.datasets.synthetic.random_sequence_data": S(
        {"n": 4, "timesteps": 3, "features": 2}, n=INT, timesteps=INT, features=INT, num_classes=INT,
        seed=SEED),
    "rnn_helpers.datasets.synthetic.default_windows": S({"seq_len": 20}, seq_len=INT),
    "rnn_helpers.datasets.synthetic.first_value_problem": S({"n": 4, "seq_len": 6}, n=INT, seq_len=INT,
                                                            seed=SEED),
    "rnn_helpers.datasets.synthetic.temporal_order_problem": S(
        {"n": 4, "seq_len": 20}, n=INT, seq_len=INT, seed=SEED,
        windows=(TEXT, bad("one window", ((0, 2),), ValueError),
                 bad("outside the sequence", ((0, 2), (18, 30)), ValueError))),
    "rnn_helpers.datasets.synthetic.temporal_order_labels": S(
        lambda: {"x": _m("datasets.synthetic").temporal_order_problem(3, 20)[0]}, x=ARRAY),
    "rnn_helpers.datasets.synthetic.latch_problem": S(
        {"n": 4, "seq_len": 10}, n=INT, seq_len=INT, latch_len=INT, seed=SEED,
        noise_std=NUMBER + (bad("-1", -1.0, ValueError),)),
    "rnn_helpers.datasets.synthetic.latch_labels": S(
        lambda: {"x": _m("datasets.synthetic").latch_problem(3, 10)[0]}, x=ARRAY, latch_len=INT),

    # cliff (the one-unit loss surface)
    "rnn_helpers.cliff.UnitRNN": S({}, T=INT, h0=NUMBER, target=NUMBER, activation=ACTIVATION + (
        bad("'relu' (unbounded)", "relu", ValueError),)),
    "rnn_helpers.cliff.unit_forward": S({"w": 5.0, "b": -2.5}, w=NUMBER, b=NUMBER,
                                        problem=(bad("a dict", {}, TypeError),)),
    "rnn_helpers.cliff.unit_loss_and_grad": S({"w": 5.0, "b": -2.5}, w=NUMBER, b=NUMBER,
                                              problem=(bad("a dict", {}, TypeError),)),
    "rnn_helpers.cliff.loss_grid": S({"ws": np.linspace(2, 8, 5), "bs": np.linspace(-5, 1, 5)},
                                     ws=ARRAY_E, bs=ARRAY_E, problem=(bad("a dict", {}, TypeError),)),
    "rnn_helpers.cliff.descent_path": S({"w0": 5.0, "b0": -3.0, "lr": 0.5, "steps": 3}, w0=NUMBER, b0=NUMBER,
                                        lr=POSITIVE, steps=INT, clip=POSITIVE_OR_NONE,
                                        problem=(bad("a dict", {}, TypeError),)),
    "rnn_helpers.cliff.find_wall": S({"w": 5.0}, w=NUMBER, b_low=NUMBER, b_high=NUMBER, tol=POSITIVE,
                                     problem=(bad("a dict", {}, TypeError),)),

    # ngrams and sampling (the character model's baselines and sampler)
    "rnn_helpers.ngrams.bits_per_char": S(
        {"probs_of_targets": [0.5, 0.25]},
        probs_of_targets=(NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, A_EMPTY,
                          bad("a 0", [0.5, 0.0], ValueError), bad("1.5", [1.5], ValueError))),
    "rnn_helpers.ngrams.uniform_bits": S({"vocab_size": 4}, vocab_size=INT),
    "rnn_helpers.ngrams.unigram_probs": S({"train_ids": [0, 0, 1, 0], "vocab_size": 2}, vocab_size=INT,
                                          train_ids=TRAIN_IDS, k=NUMBER + (bad("-1", -1.0, ValueError),)),
    "rnn_helpers.ngrams.bigram_probs": S({"train_ids": [0, 0, 1, 0], "vocab_size": 2}, vocab_size=INT,
                                         train_ids=TRAIN_IDS, k=NUMBER + (bad("-1", -1.0, ValueError),)),
    "rnn_helpers.ngrams.unigram_bits": S(
        {"train_ids": [0, 0, 1, 0], "test_ids": [1, 0, 0], "vocab_size": 2}, vocab_size=INT,
        train_ids=TRAIN_IDS, k=NUMBER,
        test_ids=(NONE, A_TEXT, bad("one id", [0], ValueError), bad("id 5 >= V", [0, 5], ValueError))),
    "rnn_helpers.ngrams.bigram_bits": S(
        {"train_ids": [0, 0, 1, 0], "test_ids": [1, 0, 0], "vocab_size": 2}, vocab_size=INT,
        train_ids=TRAIN_IDS, k=NUMBER,
        test_ids=(NONE, A_TEXT, bad("one id", [0], ValueError), bad("id 5 >= V", [0, 5], ValueError))),
    "rnn_helpers.sampling.next_char_distribution": S(
        {"logits": [1.0, 2.0, 0.5]}, logits=(NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, A_EMPTY,
                                              bad("a scalar", 1.0, ValueError)),
        temperature=NUMBER + (bad("0", 0.0, ValueError), bad("-1", -1.0, ValueError)),
        top_k=INT[1:] + (bad("4 > V", 4, ValueError),)),
    "rnn_helpers.sampling.sample_text": S(
        {"step_fn": _three_logits, "start_ids": [0], "length": 3}, length=INT, seed=SEED,
        step_fn=(NONE, bad("3", 3, TypeError),
                 bad("returns (V,) logits", lambda ids, state: (np.zeros(3), state), ValueError)),
        start_ids=(NONE, A_TEXT, bad("[]", [], ValueError), bad("floats", [0.5], TypeError)),
        temperature=NUMBER + (bad("0", 0.0, ValueError), bad("-1", -1.0, ValueError)),
        top_k=(bad("0", 0, ValueError), bad("4 > V", 4, ValueError), bad("2.5", 2.5, TypeError))),

    # models
    "rnn_helpers.models.callbacks.GradientNormHistory": S(
        lambda: {"x_probe": X3, "y_probe": np.zeros((B, 1))}, x_probe=ARRAY_E,
        y_probe=(NONE, A_NAN, A_TEXT, bad("wrong count", np.zeros((B + 1, 1)), ValueError)), every=INT,
        at_start=FLAG, words={"x_probe": "x_probe|y_probe"},
        extra=[X("x_probe of the wrong shape for the model", _probe_wrong_shape, ValueError, "x_probe")]),
    "rnn_helpers.models.callbacks.DeadUnitHistory": S(
        {"x": np.zeros((2, 3, 1))}, x=ARRAY_E, layer=(NONE, bad("3", 3, TypeError))),
    "rnn_helpers.models.callbacks.StateHistory": S(
        lambda: {"x_probe": X3, "y_probe": np.zeros((B, 1))}, x_probe=ARRAY_E,
        y_probe=(NONE, A_NAN, A_TEXT, bad("wrong count", np.zeros((B + 1, 1)), ValueError)),
        layer=(NONE, bad("3", 3, TypeError)), every=INT),
    "rnn_helpers.models.classifiers.recurrent_param_count": S({"kind": "lstm", "features": 3, "units": 4},
                                                              kind=CHOICE, features=INT, units=INT),
    "rnn_helpers.models.classifiers.expected_param_count": S(
        {"kind": "lstm", "features": 3, "units": 4, "num_classes": 2}, kind=CHOICE, features=INT, units=INT,
        num_classes=INT),
    "rnn_helpers.models.classifiers.build_classifier": S(
        {"kind": "simple_rnn", "input_shape": (T, D), "num_classes": 2, "units": 2},
        kind=CHOICE, input_shape=(NONE, bad("5", 5, TypeError), bad("(8,)", (8,), ValueError),
                                  bad("(8, 0)", (8, 0), ValueError), bad("(8, 2.5)", (8, 2.5), TypeError)),
        num_classes=INT, units=INT, activation=ACTIVATION, mask_value=NUMBER_OR_NONE, learning_rate=POSITIVE,
        seed=SEED),
    "rnn_helpers.models.classifiers.train_classifier": S(
        lambda: {"kind": "simple_rnn", "data": splits(), "epochs": 1, "units": 2},
        kind=CHOICE, data=(NONE, bad("a tuple", (X3, np.zeros(B)), TypeError)), epochs=INT, batch_size=INT,
        seed=SEED, activation=ACTIVATION,
        callbacks=(TEXT, bad("[3]", [3], TypeError), NONE)),
    "rnn_helpers.models.classifiers.compare_architectures": S(
        lambda: {"data": splits(), "kinds": ["lstm"], "epochs": 1, "units": 2},
        data=(NONE, bad("a tuple", (X3, np.zeros(B)), TypeError)),
        kinds=(NONE, bad("'lstm'", "lstm", TypeError), bad("[]", [], ValueError),
               bad("['nope']", ["nope"], ValueError)),
        done=(bad("[3]", [3], TypeError), NONE)),
    "rnn_helpers.models.classifiers.comparison_table": S(
        {"runs": []}, runs=(NONE, bad("[]", [], ValueError), bad("[3]", [3], TypeError))),
    "rnn_helpers.models.language.build_char_model": S(
        {"vocab_size": 5, "embed_dim": 2, "units": 2}, vocab_size=INT, kind=CHOICE, embed_dim=INT, units=INT,
        seed=SEED, learning_rate=POSITIVE),
    "rnn_helpers.models.language.model_bits_per_char": S(
        lambda: {"model": _char_model(), "x": np.zeros((2, 3), int), "y": np.zeros((2, 3), int)},
        model=CHAR_MODEL, batch_size=INT,
        x=(NONE, A_TEXT, bad("floats", np.zeros((2, 3)), TypeError), bad("1-D", np.zeros(3, int), ValueError),
           bad("id 5 >= V", np.full((2, 3), 5), ValueError),
           bad("no window", np.zeros((0, 3), int), ValueError)),
        y=(bad("other shape", np.zeros((2, 4), int), ValueError),)),
    "rnn_helpers.models.language.keras_step_fn": S(
        lambda: {"model": _char_model()}, model=CHAR_MODEL, extra=[
            X("ids 5 >= V", lambda: _m("models.language").keras_step_fn(_char_model())(np.array([5]), None),
              ValueError, "ids"),
            X("ids (1, 2)", lambda: _m("models.language").keras_step_fn(_char_model())(np.zeros((1, 2), int)),
              ValueError, "ids"),
            X("ids strings", lambda: _m("models.language").keras_step_fn(_char_model())(np.array(["a"])),
              TypeError, "ids")]),
    "rnn_helpers.models.layers.derived_seed": S({"seed": 0, "name": "kernel_initializer"}, seed=SEED),
    "rnn_helpers.models.layers.seeded_initializers": S(
        {"layer_kwargs": {}, "seed": 0}, layer_kwargs=(NONE, bad("a list", [1], TypeError)), seed=SEED),
    "rnn_helpers.models.layers.recurrent_layer": S({"kind": "lstm", "units": 2}, kind=CHOICE, units=INT,
                                                   seed=SEED_OR_NONE),
    "rnn_helpers.models.regressors.build_optimizer": S(
        {}, optimizer=(bad("3", 3, TypeError), bad("'nope'", "nope", ValueError)),
        learning_rate=POSITIVE_OR_NONE, clipnorm=POSITIVE_OR_NONE, global_clipnorm=POSITIVE_OR_NONE),
    "rnn_helpers.models.regressors.build_sequence_regressor": S(
        {"kind": "simple_rnn", "input_shape": (5, 1), "units": 2}, kind=CHOICE, units=INT, seed=SEED,
        learning_rate=POSITIVE_OR_NONE,
        input_shape=(NONE, bad("(5,)", (5,), ValueError), bad("(0, 1)", (0, 1), ValueError),
                     bad("(5, 1.5)", (5, 1.5), TypeError)),
        name=(bad("3", 3, TypeError),)),
    "rnn_helpers.models.regressors.build_adding_model": S(
        {"kind": "simple_rnn", "seq_len": 5, "units": 2}, kind=CHOICE, seq_len=INT, units=INT, seed=SEED,
        learning_rate=POSITIVE_OR_NONE,
        extra=[X("return_sequences=True", lambda: _m("models.regressors").build_adding_model(
            "simple_rnn", 5, units=2, return_sequences=True), ValueError, "return_sequences")]),

    # sweeps
    "rnn_helpers.sweeps.load_sweep": S({"name": "digits_architectures"}, name=CHOICE),
    "rnn_helpers.sweeps.run_sweep": S({"name": "digits_architectures"}, name=CHOICE,
                                      seeds=(bad("3", 3, TypeError), bad("[]", [], ValueError),
                                             bad("[-1]", [-1], ValueError), bad("[0, 0]", [0, 0], ValueError),
                                             bad("[1.5]", [1.5], TypeError))),
    "rnn_helpers.sweeps.per_epoch": S({"history": {"loss": [1.0, 0.5]}},
                                      history=(NONE, bad("a list", [1.0], TypeError))),
    "rnn_helpers.sweeps.check_seeds": S({"seeds": (0, 1)}, seeds=(NONE, bad("[]", [], ValueError),
                                                                  bad("['0']", ["0"], TypeError))),
    "rnn_helpers.sweeps.digits.classifier_record": S(lambda: {"run": _trained_model()},
                                                     run=(NONE, bad("a dict", {}, TypeError))),
    "rnn_helpers.sweeps.digits.architecture_table": S(
        lambda: {"sweep": importlib.import_module("rnn_helpers.sweeps").load_sweep("digits_architectures")},
        sweep=(NONE, bad("the pixels sweep", Lazy(lambda: importlib.import_module("rnn_helpers.sweeps")
                                                  .load_sweep("digits_pixels")), TypeError))),
    "rnn_helpers.sweeps.digits.rows_run": S({"kind": "lstm", "activation": "tanh", "seed": 0, "epochs": 1},
                                            kind=CHOICE, activation=CHOICE, seed=SEED, epochs=INT),
    "rnn_helpers.sweeps.digits.rows_activation": S({"seeds": (0,)}, seeds=(NONE, bad("[]", [], ValueError))),
    "rnn_helpers.sweeps.digits.architectures": S({"seeds": (0,)},
                                                 seeds=(NONE, bad("[-1]", [-1], ValueError))),
    "rnn_helpers.sweeps.digits.pixels": S({"seeds": (0,)}, seeds=(NONE, bad("[]", [], ValueError))),
    "rnn_helpers.sweeps.digits.pixel_run": S({"kind": "lstm", "activation": "tanh", "seed": 0, "epochs": 1},
                                             kind=CHOICE, activation=CHOICE, seed=SEED, epochs=INT),
    "rnn_helpers.sweeps.memory.build_first_value_model": S({"init": "relu + Identity (IRNN)"}, init=CHOICE,
                                                           seed=SEED),
    "rnn_helpers.sweeps.memory.initialisation_run": S({"init": "relu + Identity (IRNN)", "epochs": 1},
                                                      init=CHOICE, seed=SEED, epochs=INT),
    "rnn_helpers.sweeps.memory.initialisations": S({"seeds": (0,)}, seeds=(NONE, bad("[0, 0]", [0, 0],
                                                                                     ValueError))),
    "rnn_helpers.sweeps.adding.build_adding_baseline": S({"name": "LSTM"}, name=CHOICE, seed=SEED),
    "rnn_helpers.sweeps.adding.adding_run": S({"name": "GRU", "epochs": 1}, name=CHOICE, seed=SEED,
                                              epochs=INT),
    "rnn_helpers.sweeps.adding.adding_baselines": S({"seeds": (0,)}, seeds=(NONE, bad("[]", [], ValueError))),
    "rnn_helpers.plots.tracking.plot_cell_tracking": S(
        {"c": [0.0, 0.4, 0.5], "target": [0.0, 0.5, 0.5], "markers": [1]}, c=ARRAY_E,
        target=ARRAY + (bad("2 values", [0.0, 1.0], ValueError),),
        markers=(A_TEXT, bad("[1.5]", [1.5], ValueError), bad("[3]", [3], ValueError)),
        label=(NONE, bad("3", 3, TypeError)), target_label=(NONE,), ax=AXES),
    "rnn_helpers.sweeps.clipping.build_starting_rnn": S({"seq_len": 5}, seq_len=INT, gain=NUMBER, seed=SEED),
    "rnn_helpers.sweeps.clipping.clipping_run": S({"clip": "none", "epochs": 1}, clip=CHOICE, seed=SEED,
                                                  epochs=INT),
    "rnn_helpers.sweeps.clipping.steps_to_nan": S(
        {"gain": 1.6}, gain=NUMBER + (bad("-1", -1.0, ValueError),), seed=SEED, learning_rate=POSITIVE,
        epochs=INT),
    "rnn_helpers.sweeps.clipping.clipping": S({"seeds": (0,)},
                                              seeds=(NONE, bad("[0, 0]", [0, 0], ValueError))),

    # plots
    "rnn_helpers.plots.spread.plot_spread": S(
        {"groups": {"a": [0.5, 0.6], "b": [0.7]}, "live": {"a": 0.55}, "baseline": 0.1},
        groups=(NONE, bad("{}", {}, ValueError), bad("{3: [1]}", {3: [1.0]}, TypeError),
                bad("{'a': []}", {"a": []}, ValueError), bad("{'a': [nan]}", {"a": [NAN]}, ValueError)),
        live=(bad("[0.5]", [0.5], TypeError), bad("{'c': 0.5}", {"c": 0.5}, ValueError),
              bad("{'a': nan}", {"a": NAN}, ValueError)),
        baseline=NUMBER_OR_NONE, ax=AXES),
    "rnn_helpers.plots.spread.legend_below": S(lambda: {"ax": new_ax()}, ax=(NONE,) + AXES,
                                                 title=(bad("3", 3, TypeError),)),
    "rnn_helpers.plots.spread.plot_seed_curves": S(
        {"curves": {"a": [[0.5, 0.6], [0.4, 0.7]]}, "live": ("a", [0.5]), "baseline": 0.1},
        curves=(NONE, bad("{}", {}, ValueError), bad("1-D", {"a": [0.5]}, ValueError),
                bad("{3: ...}", {3: [[1.0]]}, TypeError)),
        live=(bad("('b', [1])", ("b", [1.0]), ValueError), bad("[1]", [1.0], ValueError)),
        colors=(bad("{'b': 'k'}", {"b": "k"}, ValueError),), baseline=NUMBER_OR_NONE, ax=AXES),
    "rnn_helpers.plots._base.check_axes": S(lambda: {"name": "ax", "ax": new_ax()}, ax=(NONE,) + AXES),
    "rnn_helpers.plots._base.target_axes": S({"ax": None}, ax=AXES),
    "rnn_helpers.plots._base.curve": S({"name": "norms", "values": [1.0, 0.5]}, words={"values": "norms"},
                                       values=(NONE, A_TEXT, A_CPLX, A_NDIM, A_EMPTY, A_NEG)),
    "rnn_helpers.plots._base.note": S(lambda: {"ax": new_ax(), "text": "hi", "color": "k"},
                                      ax=(NONE,) + AXES, text=(NONE, bad("3", 3, TypeError))),
    "rnn_helpers.plots._base.fit_log_ylim": S(lambda: {"ax": new_ax()}, ax=(NONE,) + AXES),
    "rnn_helpers.plots.curves.plot_gradient_norms": S(
        {"norms": np.array([1.0, 0.5, 0.1]), "bound": np.ones(3)},
        norms=(NONE, A_TEXT, A_CPLX, A_NDIM, A_EMPTY, A_NEG, bad("all NaN", np.full(3, NAN), ValueError)),
        ax=AXES, bound=(A_TEXT, A_NEG, A_EMPTY, A_CPLX)),
    "rnn_helpers.plots.curves.plot_training_curves": S(
        {"history": {"loss": [1.0, 0.5], "val_loss": [1.1, 0.6]}},
        history=(NONE, bad("a list", [1.0, 0.5], TypeError), bad("{}", {}, ValueError),
                 bad("strings", {"loss": ["a", "b"]}, TypeError), bad("no epochs", {"loss": []}, ValueError),
                 bad("2-D", {"loss": [[1.0]]}, ValueError)),
        ax=AXES, metric=CHOICE, baseline=NUMBER_OR_NONE),
    "rnn_helpers.plots.curves.plot_gradient_norm_history": S(
        {"history": (np.arange(3), {"rnn": np.ones(3)})},
        history=(NONE, bad("a dict", {"rnn": [1.0]}, TypeError),
                 bad("no records", Lazy(_history), ValueError),
                 bad("negative norms", (np.arange(2), {"rnn": np.array([1.0, -1.0])}), ValueError),
                 bad("one value too few", (np.arange(2), {"rnn": np.ones(1)}), ValueError)),
        ax=AXES, words={"history": "history|norms"}),
    "rnn_helpers.plots.curves.plot_impulse_responses": S(
        {"curves": {"tanh": np.array([1.0, 0.5])}}, ax=AXES,
        curves=(NONE, bad("a list", [[1.0]], TypeError), bad("{}", {}, ValueError),
                bad("NaN", {"a": np.array([NAN])}, ValueError), bad("empty", {"a": np.zeros(0)}, ValueError),
                bad("complex", {"a": np.ones(2) + 1j}, TypeError)),
        words={"curves": "curves|r"}),
    "rnn_helpers.plots.curves.plot_forget_products": S(
        {"curves": {"f=0.9": 0.9 ** np.arange(4)}}, ax=AXES,
        curves=(NONE, bad("{}", {}, ValueError), bad("above 1", {"a": np.array([2.0])}, ValueError),
                bad("empty", {"a": np.zeros(0)}, ValueError),
                bad("NaN", {"a": np.array([NAN])}, ValueError))),
    "rnn_helpers.plots.diagrams.plot_unrolled_rnn": S(
        {}, steps=INT + (bad("7 (above the limit)", 7, ValueError),), outputs=FLAG, ax=AXES),
    "rnn_helpers.plots.diagrams.plot_lstm_cell": S({}, ax=AXES),
    "rnn_helpers.plots.diagrams.plot_gru_cell": S({}, ax=AXES),
    "rnn_helpers.plots.task_shapes.plot_task_shape": S(
        {"shape": "many_to_one"}, shape=(NONE, bad("unknown", "one_to_many", ValueError)),
        steps=INT + (bad("6 (above the limit)", 6, ValueError),), ax=AXES),
    "rnn_helpers.plots.heatmaps.plot_hidden_states": S({"hs": np.zeros((T, H))}, hs=ARRAY_E, ax=AXES),
    "rnn_helpers.plots.heatmaps.plot_gate_heatmap": S(
        {"values": np.full((T, H), 0.5)}, ax=AXES,
        values=ARRAY_E + (bad("above 1 for a gate", np.full((T, H), 2.0), ValueError),),
        name=(NONE, bad("3", 3, TypeError)),
        highlight=(bad("[1.5]", [1.5], TypeError), bad("[99]", [99], ValueError), TEXT), colorbar=FLAG),
    "rnn_helpers.plots.heatmaps.plot_input": S(
        {"x": RNG.normal(size=(T, 2))}, x=ARRAY_E, ax=AXES,
        names=(TEXT, bad("one name for two channels", ["a"], ValueError))),
    "rnn_helpers.plots.heatmaps.plot_gate_record": S(
        lambda: {"record": record()},
        record=(NONE, bad("a batch", Lazy(lambda: record(batch=True)), ValueError)),
        axes=(bad("strings", ["a"] * 7, TypeError), bad("too few", Lazy(lambda: [new_ax()]), ValueError)),
        names=(bad("['z']", ["z"], ValueError), bad("'f'", "f", TypeError)),
        highlight=(bad("[99]", [99], ValueError),), input_names=(TEXT,),
        words={"input_names": "names"}),
    "rnn_helpers.plots.heatmaps.plot_gate_saturation": S(
        {"saturation": SAT}, ax=AXES,
        saturation=(NONE, bad("a list", [1], TypeError), bad("{}", {}, ValueError),
                    bad("one array", {"f": (np.ones(2),)}, TypeError),
                    bad("above 1", {"f": (np.ones(2), np.full(2, 2.0))}, ValueError)),
        highlight=(bad("[1.5]", [1.5], TypeError),), min_saturated=NUMBER + (bad("2", 2.0, ValueError),)),
    "rnn_helpers.plots.style.use_course_style": S({"projector": False}, projector=FLAG),
    "rnn_helpers.plots.surfaces.plot_loss_surface": S(
        lambda: {"grid": _grid()}, grid=(NONE, bad("a dict", {}, TypeError)), ax=AXES,
        paths=(TEXT, bad("{'a': 3}", {"a": 3}, TypeError)),
        levels=(bad("0", 0, ValueError), TEXT, BOOL), colorbar=FLAG,
        extra=[X("13 paths", lambda: _m("plots.surfaces").plot_loss_surface(_grid(), paths=_paths(13)), None,
                 "paths")]),

    # exercises
    "rnn_helpers.exercises.core.value_exercise": S(
        {"title": "t", "expected": 1.0, "hint": "h", "solution": "s"},
        expected=(NONE, A_NAN, A_CPLX, A_TEXT), rtol=NUMBER + (bad("-1", -1.0, ValueError),),
        atol=NUMBER + (bad("-1", -1.0, ValueError),), title=(NONE, bad("3", 3, TypeError)), hint=(NONE,)),
    "rnn_helpers.exercises.core.function_exercise": S(
        {"title": "t", "reference": np.sum, "cases": [(np.ones(2),)], "hint": "h", "solution": "s"},
        reference=(NONE, bad("3", 3, TypeError)),
        cases=(NONE, bad("[]", [], ValueError), bad("[3]", [3], TypeError), TEXT),
        rtol=NUMBER + (bad("-1", -1.0, ValueError),)),
    "rnn_helpers.exercises.core.source_of": S(lambda: {"fn": _m("gradcheck").rel_error},
                                              fn=(NONE, bad("3", 3, TypeError))),
    "rnn_helpers.exercises.parameters.parameter_count": S({"kind": "lstm", "input_size": 3, "hidden_size": 4},
                                                          kind=CHOICE, input_size=INT, hidden_size=INT),
    "rnn_helpers.exercises.parameters.dense_parameter_count": S({"inputs": 3, "units": 4}, inputs=INT,
                                                                units=INT),

    # widgets
    "rnn_helpers.widgets._base.slider": S(
        {"name": "sigma", "value": 1.0, "lo": 0.0, "hi": 2.0, "step": 0.1, "description": "σ"},
        value=NUMBER + (bad("outside the range", 3.0, ValueError),), words={"value": "sigma"}),
    "rnn_helpers.widgets._base.dropdown": S(
        {"name": "activation", "value": "tanh", "options": ["tanh", "relu"], "description": "φ"},
        value=CHOICE, words={"value": "activation"}),
    "rnn_helpers.widgets._base.figure": S({"width": 6.5, "height": 3.7}, width=POSITIVE, height=POSITIVE),
    "rnn_helpers.widgets._base.legend_above": S(lambda: {"ax": labelled_ax()}, ax=(NONE,) + AXES, ncol=INT),
    "rnn_helpers.widgets._base.BlitRenderer": S(
        lambda: {"fig": plt.figure()}, fig=(NONE, TEXT), cache_size=INT),
    "rnn_helpers.widgets._base.png_bytes": S(
        {"rgba": np.zeros((2, 2, 4), np.uint8)},
        rgba=(NONE, A_TEXT, bad("2-D", np.zeros((2, 2), np.uint8), ValueError),
                                                      bad("floats", np.zeros((2, 2, 4)), ValueError))),
    "rnn_helpers.widgets.gradient.log_limits": S(
        {}, extra=[X("strings", lambda: _m("widgets.gradient").log_limits(["a"]), TypeError, "curves"),
                   X("no curve", lambda: _m("widgets.gradient").log_limits(), ValueError, "curves"),
                   X("complex", lambda: _m("widgets.gradient").log_limits([1 + 1j]), TypeError, "curves"),
                   X("None", lambda: _m("widgets.gradient").log_limits(None), TypeError, "curves")]),
    "rnn_helpers.widgets.gradient.gradient_explorer": S(
        {"seq_len": 5, "hidden_size": 2}, seed=SEED, sigma=NUMBER + (bad("99", 99.0, ValueError),),
        activation=ACTIVATION, seq_len=INT, hidden_size=INT, input_scale=NUMBER),
    "rnn_helpers.widgets.memory.memory_explorer": S(
        {"hidden_size": 2, "steps": 5}, hidden_size=INT, steps=INT,
        radius=NUMBER + (bad("-1", -1.0, ValueError),),
        activation=ACTIVATION, seed=SEED),
    "rnn_helpers.widgets.gates.gate_explorer": S({}, f=GATE, i=GATE, o=GATE, noise=GATE, seed=SEED),
    # -- 05 text generation: entries below this line --
    "rnn_helpers.models.language.build_stacked_char_model": S(
        {"vocab_size": 5, "layers": 2, "embed_dim": 2, "units": 2}, vocab_size=INT, kind=CHOICE,
        layers=INT + (bad("1", 1, ValueError),), embed_dim=INT, units=INT, seed=SEED, learning_rate=POSITIVE),
    "rnn_helpers.models.language.record_layer_gates": S(
        lambda: {"model": _char_model(), "ids": np.array([0, 1, 2])}, model=CHAR_MODEL,
        ids=(NONE, A_TEXT, bad("floats", np.zeros(3), TypeError),
             bad("id 5 >= V", np.array([0, 5]), ValueError),
             bad("two sequences", np.zeros((2, 3), int), ValueError))),
    "rnn_helpers.datasets.chars.char_features": S(
        {"text": "A:\nab"}, text=(NONE, bad("''", "", ValueError), bad("bytes", b"ab", TypeError))),
    "rnn_helpers.units.unit_correlations": S(
        {"values": np.arange(6.0).reshape(3, 2), "feature": [0.0, 1.0, 2.0]},
        values=ARRAY[:-1] + (bad("1-D", np.zeros(3), ValueError),
                             bad("4-D", np.zeros((1, 1, 3, 2)), ValueError),
                             bad("empty", np.zeros((0, 2)), ValueError)),
        feature=(NONE, A_TEXT, A_NAN, bad("one too few", [0.0, 1.0], ValueError))),
    "rnn_helpers.sweeps.text_generation.baselines": S(
        {}, data=(bad("'text'", "text", TypeError), bad("3", 3, TypeError))),
    "rnn_helpers.sweeps.text_generation.char_run": S(
        {"kind": "lstm", "epochs": 1}, kind=CHOICE + (bad("'simple_rnn'", "simple_rnn", ValueError),),
        seed=SEED, epochs=INT, data=(bad("'text'", "text", TypeError),), layers=INT, units=INT),
    "rnn_helpers.sweeps.text_generation.stacked_run": S(
        {"seed": 0}, seed=SEED, data=(bad("'text'", "text", TypeError),)),
    "rnn_helpers.sweeps.text_generation.char_seeds": S(
        {"seeds": (0,)}, seeds=(NONE, bad("[]", [], ValueError), bad("[-1]", [-1], ValueError),
                                bad("[0, 0]", [0, 0], ValueError))),
    "rnn_helpers.models.language.stateful_char_model": S(lambda: {"model": _char_model()}, model=CHAR_MODEL),
    "rnn_helpers.models.language.reference_step_fn": S(
        lambda: {"model": _char_model()}, model=CHAR_MODEL, extra=[
            X("ids 5 >= V", lambda: _m("models.language").reference_step_fn(_char_model())(np.array([5])),
              ValueError, "ids"),
            X("ids strings", lambda: _m("models.language").reference_step_fn(_char_model())(np.array(["a"])),
              TypeError, "ids")]),
    "rnn_helpers.models.language.train_keras_char_rnn": S(**CHAR_RNN_TRAINER),
    "rnn_helpers.reference.char_rnn.train_char_rnn": S(**CHAR_RNN_TRAINER),
    "rnn_helpers.plots.text.plot_bits_per_char": S(
        {"bits": {"uniform": 5.98, "LSTM": 2.9}},
        bits=(NONE, bad("{}", {}, ValueError), bad("a list", [1.0], TypeError),
              bad("negative", {"a": -1.0}, ValueError), bad("strings", {"a": "x"}, TypeError)),
        spread=(bad("unknown name", {"GRU": (1, 2)}, ValueError), bad("a list", [1], ValueError)),
        reference=(bad("'GRU'", "GRU", ValueError),), ax=AXES),
    "rnn_helpers.plots.text.plot_text_activation": S(
        {"text": "ab\nc", "values": [0.1, -0.2, 0.0, 0.5]},
        text=(NONE, bad("''", "", ValueError), bad("3", 3, TypeError)),
        values=(NONE, A_TEXT, A_NAN, A_NDIM, bad("one too few", [0.1, 0.2, 0.3], ValueError)),
        width=INT, cmap=CHOICE, vmax=POSITIVE[1:], ax=AXES),
    "rnn_helpers.widgets.sampling.char_label": S({"ch": "a"}, ch=(NONE, bad("''", "", TypeError),
                                                                  bad("'ab'", "ab", TypeError))),
    "rnn_helpers.widgets.sampling.entropy_bits": S({"p": [0.5, 0.5]}, p=ARRAY_E),
    "rnn_helpers.widgets.sampling.temperature_explorer": S(
        {"logits": [1.0, 2.0, 0.5], "chars": "abc"},
        logits=(NONE, A_TEXT, A_NAN, A_NDIM, A_EMPTY),
        chars=(NONE, bad("two for three logits", "ab", ValueError),
               bad("'ab' as one", ["ab", "c", "d"], TypeError)),
        temperature=NUMBER + (bad("0", 0.0, ValueError), bad("3 (above the slider)", 3.0, ValueError)),
        top_k=(bad("0", 0, ValueError), bad("4 > V", 4, ValueError), bad("2.5", 2.5, TypeError)),
        shown=INT, prompt=(bad("3", 3, TypeError),),
        extra=[X("prompt ends in 'é'", lambda: _m("widgets.sampling").temperature_explorer(prompt="café"),
                 ValueError, "prompt")]),
    # -- 06 sentiment: entries below this line --
    # the 06 entries share these bad values: a function of them, called at once (so they stay here)
    **(lambda SENT_TEXTS, SENT_VOCAB, SENT_IDS, IDS, LABELS01, SENT_MODEL: {
        "rnn_helpers.datasets.tokens.standardize": S({"text": "Not bad!"},
                                                     text=(NONE, bad("3", 3, TypeError))),
        "rnn_helpers.datasets.tokens.build_vocabulary": S(
            {"texts": ["a b", "b"]}, texts=SENT_TEXTS, min_count=INT, max_words=INT[1:]),
        "rnn_helpers.datasets.tokens.encode": S(
            {"texts": ["a b", "c"], "vocabulary": ["a", "b"], "length": 3}, texts=SENT_TEXTS,
            vocabulary=SENT_VOCAB, length=INT[1:]),
        "rnn_helpers.datasets.tokens.pad_ids": S(
            {"ids": [3, 2], "length": 4}, length=INT + (bad("shorter than ids", 1, ValueError),),
            ids=(NONE, A_TEXT, A_BOOL, A_NDIM, A_EMPTY, bad("floats", [1.5], TypeError),
                 bad("padding inside", [3, 0], ValueError))),
        "rnn_helpers.datasets.tokens.split_sentences": S(
            lambda: {"sentences": _m("datasets.text").load_sentiment_sentences()},
            sentences=(NONE, bad("a list", [["a"], [1], ["amazon"]], TypeError),
                       bad("empty", ([], [], []), ValueError), bad("'abc'", "abc", TypeError)),
            val_fraction=NUMBER + (bad("0", 0.0, ValueError),),
            test_fraction=NUMBER + (bad("1", 1.0, ValueError),),
            seed=SEED,
            extra=[X("labels 0/1/2", lambda: _m("datasets.tokens").split_sentences(
                       (["a", "b", "c"], [0, 1, 2], ["x", "x", "x"])), ValueError, "labels"),
                   X("bool labels", lambda: _m("datasets.tokens").split_sentences(
                       (["a", "b"], [True, False], ["x", "x"])), TypeError, "labels"),
                   X("one label too few", lambda: _m("datasets.tokens").split_sentences(
                       (["a", "b"], [0], ["x", "x"])), ValueError, "labels"),
                   X("one source too few", lambda: _m("datasets.tokens").split_sentences(
                       (["a", "b"], [0, 1], ["x"])), ValueError, "sources"),
                   X("too few to stratify", lambda: _m("datasets.tokens").split_sentences(
                       (["a", "b"], [0, 1], ["x", "x"])), ValueError, "sentences")]),
        "rnn_helpers.bag_of_words.bag_of_words": S(
            {"ids": SENT_IDS, "vocab_size": 6}, ids=IDS, vocab_size=INT + (bad("too small", 3, ValueError),),
            words={"vocab_size": "vocab_size|ids"}),
        "rnn_helpers.bag_of_words.fit_bag_of_words": S(
            {"ids": SENT_IDS, "labels": [0, 1, 0, 1], "vocab_size": 6}, ids=IDS, vocab_size=INT,
            labels=LABELS01 + (bad("one class", [1, 1, 1, 1], ValueError),),
            C=NUMBER + (bad("0", 0.0, ValueError),), words={"vocab_size": "vocab_size|ids"}),
        "rnn_helpers.bag_of_words.bag_of_words_proba": S(
            lambda: {"classifier": _bow_classifier(), "ids": SENT_IDS}, ids=IDS,
            classifier=(NONE, bad("3", 3, TypeError),
                        bad("unfitted", Lazy(lambda: __import__("sklearn.linear_model").linear_model
                                             .LogisticRegression()), TypeError))),
        "rnn_helpers.bag_of_words.majority_accuracy": S(
            {"train_labels": [0, 1, 1, 0], "test_labels": [1, 0, 1, 1]},
            train_labels=LABELS01[:4] + LABELS01[5:] + (bad("[]", [], ValueError),),      # any length
            test_labels=LABELS01[:4] + LABELS01[5:] + (bad("[]", [], ValueError),)),
        "rnn_helpers.models.sentiment.make_vectorizer": S(
            {"vocabulary": ["a", "b"], "length": 3}, vocabulary=SENT_VOCAB, length=INT),
        "rnn_helpers.models.sentiment.build_sentiment_model": S(
            {"vocab_size": 12, "embed_dim": 2, "units": 2}, vocab_size=INT, bidirectional=FLAG,
            kind=CHOICE + (bad("'simple_rnn'", "simple_rnn", ValueError),), embed_dim=INT, units=INT,
            seed=SEED, learning_rate=POSITIVE),
        "rnn_helpers.models.sentiment.train_sentiment_model": S(
            lambda: {"model": _sentiment_model(False), "ids_train": SENT_IDS, "y_train": [0, 1, 0, 1],
                     "ids_val": SENT_IDS, "y_val": [1, 1, 0, 0], "epochs": 1},
            model=SENT_MODEL, ids_train=IDS + (bad("id 12 >= V", [[12]], ValueError),), ids_val=IDS,
            y_train=LABELS01, y_val=LABELS01, epochs=INT, batch_size=INT),
        "rnn_helpers.models.sentiment.predict_positive": S(
            lambda: {"model": _sentiment_model(True), "ids": SENT_IDS}, model=SENT_MODEL,
            ids=IDS + (bad("id 12 >= V", [[12]], ValueError),)),
        "rnn_helpers.models.sentiment.running_predictions": S(
            lambda: {"model": _sentiment_model(False), "ids": SENT_IDS}, ids=IDS,
            model=SENT_MODEL + (bad("bidirectional", Lazy(lambda: _sentiment_model(True)), ValueError),)),
        "rnn_helpers.plots.sentiment.plot_running_prediction": Spec(     # an argument named words: no S()
            {"words": ["not", "bad"], "probabilities": [0.3, 0.8]},
            {"ax": AXES, "words": (NONE, TEXT, bad("[3, 4]", [3, 4], TypeError)),
             "probabilities": (NONE, A_TEXT, A_BOOL, A_NAN, A_INF, A_NDIM, A_EMPTY,
                               bad("above 1", [0.3, 1.5], ValueError), bad("one too few", [0.3], ValueError)),
             "final": NUMBER_OR_NONE + (bad("1.5", 1.5, ValueError),), "title": (bad("3", 3, TypeError),)}),
        "rnn_helpers.sweeps.sentiment.sentiment_data": S({"seed": 0}, seed=SEED),
        "rnn_helpers.sweeps.sentiment.sentiment_run": S({"seed": 0}, seed=SEED),
        "rnn_helpers.sweeps.sentiment.sentiment_models": S(
            {"seeds": (0,)}, seeds=(NONE, bad("[]", [], ValueError), bad("[-1]", [-1], ValueError),
                                   bad("[0, 0]", [0, 0], ValueError), bad("'0'", "0", TypeError))),
    })(SENT_TEXTS=(NONE, TEXT, bad("[]", [], ValueError), bad("[3]", [3], TypeError)),
       SENT_VOCAB=(NONE, TEXT, bad("[]", [], TypeError), bad("['a', 'a']", ["a", "a"], ValueError),
                   bad("['[UNK]']", ["[UNK]"], ValueError)),
       SENT_IDS=np.array([[2, 3, 0], [4, 5, 2], [3, 0, 0], [5, 4, 3]]),   # 4 sentences, V = 6
       IDS=(NONE, A_TEXT, A_BOOL, A_NDIM, A_EMPTY, bad("floats", [[0.5]], TypeError),
            bad("-1", [[-1]], ValueError)),
       LABELS01=(NONE, A_TEXT, A_BOOL, bad("2s", [2, 2, 2, 2], ValueError),
                 bad("one too few", [0, 1, 0], ValueError), bad("NaN", [0.0, NAN, 1.0, 0.0], ValueError)),
       SENT_MODEL=(NONE, bad("a Dense layer", Lazy(dense), TypeError),
                   bad("a character model", Lazy(_char_model), ValueError))),
    # -- 07 translation: entries below this line --
    "rnn_helpers.datasets.dates.format_date": S(
        lambda: {"date": __import__("datetime").date(2014, 3, 3), "fmt": "weekday"},
        date=(NONE, bad("'2014-03-03'", "2014-03-03", TypeError)), fmt=CHOICE),
    "rnn_helpers.datasets.dates.date_pairs": S(
        {"n": 5, "formats": ["us_short"], "seed": 0}, n=INT, seed=SEED,
        formats=(TEXT, bad("[]", [], ValueError), bad("['nope']", ["nope"], ValueError))),
    "rnn_helpers.datasets.dates.date_splits": S(
        {"n_train": 50, "n_test": 10, "seed": 0}, n_train=INT, seed=SEED, n_test=INT),
    "rnn_helpers.datasets.dates.encode_source": S(
        {"texts": ["3 March 2014"]},
        texts=(NONE, bad("[]", [], ValueError), bad("[3]", [3], TypeError),
               bad("'é' unknown", ["3 Mé 2014"], ValueError), bad("31 characters", ["x" * 31], ValueError))),
    "rnn_helpers.datasets.dates.encode_target": S(
        {"isos": ["2014-03-03"]},
        isos=(NONE, bad("[]", [], ValueError), bad("'2014-3-3'", ["2014-3-3"], ValueError),
              bad("'2014/03/03'", ["2014/03/03"], ValueError))),
    "rnn_helpers.datasets.dates.encode_dates": S(
        {"pairs": [("3 March 2014", "2014-03-03")]},
        pairs=(NONE, bad("[]", [], ValueError), bad("[('a',)]", [("a",)], TypeError),
               bad("unknown character", [("3 Mé 2014", "2014-03-03")], ValueError),
               bad("short ISO", [("3 March 2014", "2014-3-3")], ValueError))),
    "rnn_helpers.datasets.dates.decode_target": S(
        {"ids": [1, 2]},
        ids=(NONE, A_TEXT, A_NDIM, bad("[99]", [99], ValueError), bad("[0.5]", [0.5], ValueError))),
    "rnn_helpers.datasets.dates.decode_source": S(
        {"ids": [0, 5]},
        ids=(NONE, A_TEXT, A_NDIM, bad("[99]", [99], ValueError), bad("[-1]", [-1], ValueError))),
    "rnn_helpers.datasets.verses.tokenize": S({"text": "Y dijo Dios"}, text=(NONE, bad("3", 3, TypeError))),
    "rnn_helpers.datasets.verses.WordVocabulary": S(
        {"texts": ["a b", "a"]}, texts=(NONE, bad("[]", [], ValueError), bad("[3]", [3], TypeError)),
        min_count=INT),
    "rnn_helpers.datasets.verses.split_pairs": S(
        {"pairs": [("a", "x"), ("b", "y")], "n_test": 1},
        pairs=(NONE, bad("[]", [], ValueError), bad("[('a',)]", [("a",)], TypeError)),
        n_test=INT + (bad("2 of 2", 2, ValueError),), seed=SEED),
    "rnn_helpers.datasets.verses.encode_verse_pairs": S(
        lambda: {"pairs": [("a b", "x")], "src_vocab": _vocab07(), "tgt_vocab": _vocab07()},
        pairs=(NONE, bad("[]", [], ValueError)), src_vocab=(NONE, TEXT), tgt_vocab=(NONE, TEXT)),
    "rnn_helpers.models.seq2seq.build_translator": S(
        {"src_vocab": 5, "tgt_vocab": 4, "embed_dim": 2, "units": 2}, src_vocab=INT, tgt_vocab=INT,
        attention=FLAG, embed_dim=INT, units=INT, seed=SEED, learning_rate=POSITIVE),
    # 07's bad models and bad id arrays are named once (:=) and reused by the entries after them
    "rnn_helpers.models.seq2seq.has_attention": S(
        lambda: {"model": _translator07(True)},
        model=(MODEL07 := (NONE, bad("a Dense layer", Lazy(dense), TypeError),
                           bad("a classifier", Lazy(lambda: _trained_model().model), ValueError)))),
    "rnn_helpers.models.seq2seq.translator_log_probs": S(
        lambda: {"model": _translator07(False), **_ids07()}, model=MODEL07, last_only=FLAG,
        src=(IDS07 := (NONE, A_TEXT, A_BOOL, A_NAN, A_NDIM, A_EMPTY,
                       bad("floats", np.zeros((2, 3)), TypeError),
                       bad("id 99", np.full((2, 3), 99), ValueError))),
        dec_in=IDS07 + (bad("3 sequences for 2", np.zeros((3, 4), int), ValueError),)),
    "rnn_helpers.models.seq2seq.attention_weights": S(
        lambda: {"model": _translator07(True), **_ids07()},
        model=MODEL07 + (bad("no attention", Lazy(lambda: _translator07(False)), ValueError),), src=IDS07,
        dec_in=IDS07),
    "rnn_helpers.models.seq2seq.source_gradient_norms": S(
        lambda: {"model": _translator07(False), **_ids07(), "target": np.ones((2, 4), int)},
        model=MODEL07, src=IDS07, dec_in=IDS07,
        target=IDS07 + (bad("(2, 3)", np.ones((2, 3), int), ValueError),),
        step=(bad("4", 4, ValueError), bad("-5", -5, ValueError), bad("'last'", "last", TypeError))),
    "rnn_helpers.decoding.greedy_decode": S(
        {"log_prob_fn": (UNIFORM07 := lambda src, dec_in: np.broadcast_to(np.log([0.5, 0.3, 0.2]),
                                                                          (*np.shape(dec_in), 3))),
         "src": np.zeros((2, 3), int), "length": 3},
        log_prob_fn=(NONE, bad("3", 3, TypeError),
                     bad("wrong shape", lambda src, dec_in: np.zeros((1, 2)), ValueError)),
        src=(NONE, A_TEXT, A_NDIM, A_EMPTY, bad("floats", np.zeros((2, 3)), TypeError)), length=INT,
        start_id=(bad("-1", -1, ValueError), TEXT), end_id=(bad("-1", -1, ValueError), TEXT)),
    "rnn_helpers.decoding.beam_search": S(
        {"log_prob_fn": UNIFORM07, "src": np.zeros((2, 3), int), "length": 3, "beam_width": 2},
        log_prob_fn=(NONE, bad("3", 3, TypeError)), src=(NONE, A_TEXT, A_NDIM, A_EMPTY), length=INT,
        beam_width=INT, start_id=(bad("-1", -1, ValueError),), end_id=(bad("-1", -1, ValueError),)),
    "rnn_helpers.translation.corpus_bleu": S(
        {"hypotheses": ["y dijo dios"], "references": ["y dijo dios"]},
        hypotheses=(NONE, bad("[]", [], ValueError), bad("[3]", [3], TypeError), TEXT),
        references=(NONE, bad("two for one", ["a", "b"], ValueError))),
    "rnn_helpers.translation.clipped_precision": S(
        {"hypothesis": "la luz", "reference": "y la luz"}, hypothesis=(NONE, bad("3", 3, TypeError)),
        reference=(NONE, bad("['la']", ["la"], TypeError)), n=INT),
    "rnn_helpers.translation.nearest_translation": S(
        {"train_pairs": [("and god said", "y dijo dios")], "sources": ["god said"]},
        train_pairs=(NONE, bad("[]", [], ValueError), bad("['a']", ["a"], TypeError)),
        sources=(NONE, bad("[]", [], ValueError), bad("[3]", [3], TypeError))),
    "rnn_helpers.plots.attention.plot_attention": S(
        {"weights": np.full((2, 3), 1 / 3), "source": "abc", "output": "xy"}, ax=AXES, colorbar=FLAG,
        weights=(NONE, A_TEXT, A_NAN, A_NDIM, bad("above 1", np.full((2, 3), 2.0), ValueError),
                 bad("negative", np.full((2, 3), -0.1), ValueError)),
        source=(NONE, bad("3", 3, TypeError), bad("'ab' for 3 columns", "ab", ValueError)),
        output=(NONE, bad("'xyz' for 2 rows", "xyz", ValueError)),
        words={"source": "source|weights", "output": "output|weights"}),
    "rnn_helpers.plots.attention.plot_source_gradients": S(
        {"curves": {"a": [1.0, 0.5]}}, ax=AXES,
        curves=(NONE, bad("{}", {}, ValueError), bad("a zero", {"a": [0.0, 1.0]}, ValueError),
                bad("strings", {"a": ["x"]}, TypeError), bad("a list", [1.0], TypeError))),
    "rnn_helpers.sweeps.translation.translator_run": S(
        {"attention": True, "seed": 0, "epochs": 1}, attention=FLAG, seed=SEED, epochs=INT),
    "rnn_helpers.sweeps.translation.attention_comparison": S(
        {"seeds": [0]}, seeds=(NONE, bad("[]", [], ValueError), bad("[-1]", [-1], ValueError))),
    "rnn_helpers.sweeps.translation.verse_run": S({"seed": 0, "epochs": 1}, seed=SEED, epochs=INT),
    "rnn_helpers.sweeps.translation.verse_comparison": S(
        {"seeds": [0]}, seeds=(NONE, bad("[]", [], ValueError), bad("[-1]", [-1], ValueError))),
    # -- 08 forecasting: entries below this line --
    "rnn_helpers.forecasting.chronological_split": S(
        {"n": 100}, n=INT[:-1] + (bad("2", 2, ValueError),),
        val_fraction=NUMBER + (bad("0.6", 0.6, ValueError), bad("0.001", 0.001, ValueError)),
        test_fraction=NUMBER + (bad("-0.1", -0.1, ValueError),),
        words={"val_fraction": "val_fraction", "test_fraction": "test_fraction"}),
    "rnn_helpers.forecasting.fit_scaler": S(
        {"values": [1.0, 2.0, NAN, 4.0]},
        values=(NONE, A_TEXT, A_BOOL, A_CPLX, A_INF, bad("constant", [2.0, 2.0, 2.0], ValueError),
                bad("one value", [1.0, NAN], ValueError))),
    "rnn_helpers.forecasting.difference": S(
        {"y": [1.0, 2.0, 4.0, 7.0], "lag": 1},
        y=ARRAY + (bad("one value", [1.0], ValueError),), lag=INT + (bad("4 >= len", 4, ValueError),),
        extra=[X("negative under log", lambda: _m("forecasting").difference([1.0, -2.0, 3.0], log=True),
                 ValueError, "y")]),
    "rnn_helpers.forecasting.make_windows": S(
        {"z": np.arange(20.0), "window": 4, "horizon": 2, "part": (10, 20)},
        z=(NONE, A_TEXT, A_BOOL, A_CPLX, A_NDIM), window=INT + (bad("30", 30, ValueError),),
        horizon=INT + (bad("0", 0, ValueError), bad("-1", -1, ValueError)),
        part=(bad("3", 3, TypeError), bad("(5, 5)", (5, 5), ValueError), bad("(0, 99)", (0, 99), ValueError)),
        lag=(bad("-1", -1, ValueError), bad("'1'", "1", TypeError))),
    "rnn_helpers.forecasting.fit_linear_ar": S(
        {"x": np.arange(12.0).reshape(4, 3) ** 1.5, "y": np.ones((4, 2))},
        x=ARRAY, y=ARRAY[:-1] + (bad("3 rows", np.ones((3, 2)), ValueError),),
        ridge=NUMBER + (bad("-1", -1.0, ValueError),)),
    "rnn_helpers.forecasting.linear_ar_predict": S(
        {"coef": np.ones((4, 2)), "x": np.ones((5, 3))},
        coef=ARRAY[:-1] + (bad("3 rows", np.ones((3, 2)), ValueError),), x=ARRAY),
    "rnn_helpers.forecasting.recursive_forecast": S(
        {"step": lambda x: x[:, -1], "x": np.ones((5, 3)), "horizon": 4},
        step=(NONE, bad("3", 3, TypeError)), x=ARRAY, horizon=INT + (bad("-2", -2, ValueError),)),
    "rnn_helpers.forecasting.to_levels": S(
        {"y": np.arange(1.0, 11.0), "origins": np.array([5, 6]), "z_pred": np.ones((2, 3)), "lag": 1},
        y=ARRAY, origins=(NONE, A_TEXT, bad("[0, 99]", np.array([0, 99]), ValueError)),
        z_pred=ARRAY[:-1] + (bad("3 rows", np.ones((3, 3)), ValueError),), lag=INT),
    "rnn_helpers.forecasting.naive_forecast": S(
        {"y": np.arange(10.0), "origins": np.array([3, 4]), "horizon": 2},
        y=ARRAY, origins=(NONE, bad("floats", np.array([1.5]), ValueError),
                          bad("[99]", np.array([99]), ValueError)),
        horizon=INT),
    "rnn_helpers.forecasting.seasonal_naive_forecast": S(
        {"y": np.arange(30.0), "origins": np.array([12, 20]), "horizon": 3, "season": 12},
        y=ARRAY, origins=(NONE, bad("[2]: not a season in", np.array([2]), ValueError)), horizon=INT,
        season=INT),
    "rnn_helpers.forecasting.targets": S(
        {"y": np.arange(10.0), "origins": np.array([3, 4]), "horizon": 2},
        y=ARRAY, origins=(NONE, bad("[-1]", np.array([-1]), ValueError)),
        horizon=INT + (bad("9: past the end", 9, ValueError),)),
    "rnn_helpers.forecasting.mae_by_horizon": S(
        {"truth": np.ones((4, 3)), "forecast": np.zeros((4, 3))},
        truth=ARRAY, forecast=ARRAY[:-1] + (bad("(4, 2)", np.zeros((4, 2)), ValueError),)),
    "rnn_helpers.forecasting.residual_band": S(
        {"truth": np.arange(12.0).reshape(4, 3), "forecast": np.zeros((4, 3)), "coverage": 0.9},
        truth=ARRAY, forecast=ARRAY[:-1] + (bad("(4, 2)", np.zeros((4, 2)), ValueError),),
        coverage=NUMBER + (bad("1", 1.0, ValueError), bad("0", 0.0, ValueError),
                           bad("90", 90.0, ValueError))),
    "rnn_helpers.forecasting.band_coverage": S(
        {"truth": np.ones((4, 3)), "forecast": np.zeros((4, 3)), "band": (np.full(3, -1.0), np.ones(3))},
        truth=ARRAY, forecast=ARRAY[:-1] + (bad("(4, 2)", np.zeros((4, 2)), ValueError),),
        band=(NONE, bad("[lo, hi]", [np.zeros(3), np.ones(3)], TypeError),
              bad("2 steps", (np.zeros(2), np.ones(2)), ValueError))),
    "rnn_helpers.models.forecaster.build_forecaster": S(
        {"window": 4, "horizon": 2}, window=INT, horizon=INT + (bad("-1", -1, ValueError),), kind=CHOICE,
        units=INT, seed=SEED, learning_rate=POSITIVE),
    "rnn_helpers.models.forecaster.train_forecaster": S(
        lambda: {"model": _forecaster(), "x_train": np.zeros((8, 4)), "y_train": np.zeros((8, 2)),
                 "x_val": np.zeros((3, 4)), "y_val": np.zeros((3, 2)), "epochs": 1},
        model=(NONE, bad("a layer", Lazy(lambda: layer("gru")), TypeError)),
        x_train=ARRAY + (bad("window 5", np.zeros((8, 5)), ValueError),),
        y_train=ARRAY[:-1] + (bad("horizon 3", np.zeros((8, 3)), ValueError),),
        x_val=(NONE, bad("window 3", np.zeros((3, 3)), ValueError)),
        y_val=(NONE, bad("2 rows", np.zeros((2, 2)), ValueError)), epochs=INT, batch_size=INT),
    "rnn_helpers.models.forecaster.predict_windows": S(
        lambda: {"model": _forecaster(), "x": np.zeros((3, 4))},
        model=(NONE, TEXT), x=ARRAY + (bad("window 5", np.zeros((3, 5)), ValueError),
                                       bad("no windows", np.zeros((0, 4)), ValueError))),
    "rnn_helpers.models.forecaster.input_gradient_by_lag": S(
        lambda: {"model": _forecaster(), "x": np.zeros((3, 4))},
        model=(NONE, TEXT), x=ARRAY + (bad("window 5", np.zeros((3, 5)), ValueError),)),
    "rnn_helpers.plots.forecast.plot_forecast": S(
        {"dates": np.arange(10), "y": np.arange(10.0), "origin": 5, "forecasts": {"a": np.ones(3)},
         "band": (np.full(3, -1.0), np.ones(3))},
        dates=(bad("8 dates", np.arange(8), ValueError),), y=ARRAY,
        origin=(NONE, bad("8: no room for 3 steps", 8, ValueError), bad("-1", -1, ValueError)),
        forecasts=(NONE, bad("{}", {}, ValueError), bad("{'a': [nan]}", {"a": [NAN]}, ValueError),
                   bad("two lengths", {"a": np.ones(3), "b": np.ones(2)}, ValueError)),
        history=INT, ax=AXES, words={"dates": "dates"}),
    "rnn_helpers.plots.forecast.plot_error_by_horizon": S(
        {"errors": {"naive": np.ones(4), "gru": np.ones((3, 4))}},
        errors=(NONE, bad("{}", {}, TypeError), bad("{'a': [nan]}", {"a": [NAN]}, ValueError),
                bad("3-D", {"a": np.ones((2, 2, 2))}, ValueError)), ax=AXES),
    "rnn_helpers.sweeps.forecasting.forecast_data": S({"name": "airline"}, name=CHOICE),
    "rnn_helpers.sweeps.forecasting.forecast_run": S({"name": "airline", "seed": 0}, name=CHOICE, seed=SEED),
    "rnn_helpers.sweeps.forecasting.forecast_models": S(
        {"seeds": [0]}, seeds=(NONE, bad("[]", [], ValueError), bad("[-1]", [-1], ValueError))),
    "rnn_helpers.sweeps.forecasting.mae_table": S(
        lambda: {"sweep": _m("sweeps").load_sweep("forecasting_models")},
        sweep=(NONE, bad("a dict", {}, TypeError))),
    "rnn_helpers.datasets.series.fill_gaps": S(
        {"values": [1.0, NAN, 3.0]},
        values=(NONE, A_TEXT, A_BOOL, A_CPLX, A_INF, A_NDIM, A_EMPTY,
                bad("all NaN", [NAN, NAN], ValueError))),
    # -- 09 speech recognition: entries below this line --
    "rnn_helpers.audio.read_wav": S(
        lambda: {"path": _m("datasets.files").data_dir() / "asterisk_digits" / "3.wav"},
        path=(NONE, bad("3", 3, TypeError), bad("absent", "no/such.wav", ValueError),
              bad("not a WAV", Lazy(lambda: _m("datasets.files").data_dir() / "README.md"), ValueError))),
    "rnn_helpers.audio.resample": S({"x": np.zeros(40), "rate_from": 16000, "rate_to": 8000},
                                    x=ARRAY, rate_from=INT, rate_to=INT),
    "rnn_helpers.audio.mel_filterbank": S(
        {}, n_mels=INT, n_fft=INT, rate=INT, fmax=(bad("above rate / 2", 5000.0, ValueError),)),
    "rnn_helpers.audio.log_mel": S(
        {"x": np.zeros(400)}, x=ARRAY_E + (bad("too short", np.zeros(10), ValueError),),
        rate=INT + (bad("16000", 16000, ValueError),)),
    "rnn_helpers.datasets.speech.quantize": S({"features": np.zeros((2, 3))}, features=ARRAY[:-1]),
    "rnn_helpers.datasets.speech.dequantize": S(
        {"codes": np.zeros(3, np.uint8)},
        codes=(bad("floats", np.zeros(3), TypeError), bad("None", None, TypeError))),
    "rnn_helpers.datasets.speech.speaker_split": S(
        lambda: {"clips": _m("datasets.speech").load_spoken_digits()},
        clips=(NONE, bad("a list", [1, 2], TypeError))),
    "rnn_helpers.datasets.speech.real_digit_string": S(
        {"digits": "314"}, digits=(NONE, bad("314", 314, TypeError), bad("''", "", ValueError),
                                   bad("'3a'", "3a", ValueError)),
        gap=NUMBER + (bad("-1", -1.0, ValueError), bad("5", 5.0, ValueError))),
    "rnn_helpers.audio.trim_silence": S(
        {"x": np.r_[np.zeros(600), 0.5, -1.0, np.zeros(600)]},
        x=ARRAY_E + (bad("only zeros", np.zeros(400), ValueError),),
        threshold=NUMBER + (bad("1.0 (nothing is above the peak)", 1.0, ValueError),
                            bad("-0.1", -0.1, ValueError), bad("1.5", 1.5, ValueError)),
        margin=NUMBER + (bad("-1", -1.0, ValueError), bad("2", 2.0, ValueError)), rate=INT),
    "rnn_helpers.audio.stretch_frames": S(
        {"features": np.zeros((4, 3)), "factor": 0.5}, features=ARRAY_E,
        factor=NUMBER + (bad("0", 0.0, ValueError), bad("-1", -1.0, ValueError),
                         bad("100", 100.0, ValueError))),
    "rnn_helpers.ctc.encode_digits": S(
        {"digits": "314"}, digits=(NONE, bad("314", 314, TypeError), bad("['3']", ["3"], TypeError),
                                   bad("''", "", ValueError), bad("'3a'", "3a", ValueError),
                                   bad("'3.1'", "3.1", ValueError),
                                   bad("an Arabic-Indic 3", "\u0663", ValueError))),
    "rnn_helpers.ctc.decode_ids": S({"ids": [4, 2, 5]},
                                    ids=IDS09_BAD + (bad("a blank", [0, 4], ValueError),)),
    "rnn_helpers.ctc.ctc_collapse": S({"path": [0, 4, 4, 0, 2]},
                                      path=IDS09_BAD + (bad("-1", [-1, 4], ValueError),)),
    "rnn_helpers.ctc.greedy_ctc_decode": S(
        {"probs": PROBS09}, probs=ARRAY + (bad("10 labels", np.ones((2, 4, 10)), ValueError),
                                           bad("no frames", np.ones((2, 0, 11)), ValueError),
                                           bad("(T, 11)", np.ones((4, 11)), ValueError))),
    "rnn_helpers.ctc.edit_distance": S(
        {"hypothesis": "314", "reference": "31"},
        hypothesis=(NONE, bad("314", 314, TypeError), bad("['3']", ["3"], TypeError)),
        reference=(NONE, bad("314", 314, TypeError), bad("encoded ids", np.array([4, 2]), TypeError))),
    "rnn_helpers.ctc.digit_error_rate": S(
        {"hypotheses": ["314", "2"], "references": ["314", "27"]},
        hypotheses=(NONE, bad("one string", "314", TypeError), bad("[]", [], TypeError),
                    bad("one for two references", ["314"], ValueError), bad("[314, 2]", [314, 2], TypeError),
                    bad("['3a', '2']", ["3a", "2"], ValueError)),
        references=(NONE, bad("one string", "314", TypeError), bad("[]", [], TypeError),
                    bad("['', '']: no digit", ["", ""], ValueError), bad("[314, 27]", [314, 27], TypeError),
                    bad("['3a', '2']", ["3a", "2"], ValueError),
                    bad("three for two hypotheses", ["1", "2", "3"], ValueError)),
        words={"references": "references|hypotheses"}),
    "rnn_helpers.models.speech.pad_features": S(
        {"features": [np.zeros((5, 32)), np.zeros((3, 32))]},
        features=(NONE, bad("one array, not a list", np.zeros((5, 32)), TypeError), bad("[]", [], TypeError),
                  bad("[strings]", [np.full((5, 32), "a")], TypeError),
                  bad("[NaN]", [np.full((5, 32), NAN)], ValueError), bad("[1-D]", [np.zeros(32)], ValueError),
                  bad("[(5, 31)]", [np.zeros((5, 31))], ValueError),
                  bad("[no frames]", [np.zeros((0, 32))], ValueError),
                  bad("[1e39]", [np.full((5, 32), 1e39)], ValueError)),
        length=(bad("'8'", "8", TypeError), bad("8.0", 8.0, TypeError), bad("0", 0, ValueError),
                bad("6: not a multiple of 4", 6, ValueError), bad("4 < 5 frames", 4, ValueError)),
        value=NUMBER),
    "rnn_helpers.models.speech.digit_targets": S(
        {"digit_strings": ["314", "27"]},
        digit_strings=(NONE, bad("one string", "314", TypeError), bad("[]", [], TypeError),
                       bad("[314]", [314], TypeError), bad("['']", [""], ValueError),
                       bad("['3a']", ["3a"], ValueError)),
        length=(bad("'5'", "5", TypeError), bad("2.5", 2.5, TypeError), bad("2 < 3 digits", 2, ValueError))),
    "rnn_helpers.models.speech.build_ctc_model": S(
        {"units": 2, "filters": 2}, n_features=INT, units=INT, filters=INT, bidirectional=FLAG, seed=SEED,
        learning_rate=POSITIVE),
    "rnn_helpers.models.speech.train_ctc_model": S(
        lambda: {"model": _ctc_model(), "x": FRAMES09, "y": Y09, "x_val": FRAMES09[:1], "y_val": Y09[:1],
                 "epochs": 1},
        model=CTC_MODEL, x=FRAMES09_BAD, epochs=INT, batch_size=INT,
        y=(NONE, A_TEXT, A_BOOL, A_NAN, bad("floats", Y09 * 1.0, TypeError),
           bad("1-D", Y09[:, 0], ValueError),
           bad("3 rows for 2 clips", np.ones((3, 2), int), ValueError),
           bad("L = 0", np.zeros((2, 0), int), ValueError),
           bad("an empty row", np.array([[2, 3], [0, 0]]), ValueError),
           bad("a 0 inside a string", np.array([[2, 0, 3], [4, 0, 0]]), ValueError),
           bad("id 11", np.array([[2, 11], [4, 0]]), ValueError),
           bad("id -1", np.array([[2, -1], [4, 0]]), ValueError),
           bad("'11' needs 3 of 2 output frames", np.array([[2, 2], [4, 0]]), ValueError)),
        x_val=FRAMES09_BAD[:2] + (bad("31 features", np.zeros((1, 8, 31)), ValueError),),
        y_val=(NONE, bad("2 rows for 1 clip", Y09, ValueError), bad("floats", Y09[:1] * 1.0, TypeError))),
    "rnn_helpers.models.speech.frame_probs": S(
        lambda: {"model": _ctc_model(), "x": FRAMES09}, model=CTC_MODEL, x=FRAMES09_BAD, batch_size=INT),
    "rnn_helpers.models.speech.transcribe": S(
        lambda: {"model": _ctc_model(), "x": FRAMES09}, model=CTC_MODEL, x=FRAMES09_BAD),
    "rnn_helpers.sweeps.speech.real_strings": S({"n": 3}, n=INT, seed=SEED),
    "rnn_helpers.sweeps.speech.speech_run": S(
        {"kind": "bigru", "seed": 0}, kind=CHOICE, seed=SEED,
        data=(bad("'speech'", "speech", TypeError), bad("a list", [1, 2], TypeError),
              bad("{}", {}, ValueError))),
    "rnn_helpers.sweeps.speech.speech_models": S(
        {"seeds": [0]}, seeds=(NONE, bad("3", 3, TypeError), bad("[]", [], ValueError),
                               bad("[-1]", [-1], ValueError), bad("[0, 0]", [0, 0], ValueError),
                               bad("['0']", ["0"], TypeError))),
    # -- 10 music generation: entries below this line --
    "rnn_helpers.music.check_pitches": S({"name": "pitches", "pitches": P10}, pitches=PITCHES_BAD),
    "rnn_helpers.music.check_tokens": S({"name": "tokens", "tokens": np.arange(8)}, tokens=TOKENS_BAD,
                                        size=INT[1:] + (bad("7 <= the largest id", 7, ValueError),),
                                        words={"size": "size|tokens"}),
    "rnn_helpers.music.interleave": S({"pitches": P10}, pitches=PITCHES_BAD),
    "rnn_helpers.music.deinterleave": S({"tokens": np.arange(8)}, tokens=TOKENS_BAD),
    "rnn_helpers.music.PitchVocabulary": S(
        {"low": 60, "high": 64}, low=INT + (bad("128", 128, ValueError),),
        high=(NONE, TEXT, bad("59 < low", 59, ValueError), bad("128", 128, ValueError)), extra=[
            X("encode a pitch above high", lambda: _vocab10().encode([[65, 60, 60, 60]]), ValueError,
              "pitches"),
            X("encode floats", lambda: _vocab10().encode([60.0]), TypeError, "pitches"),
            X("decode id 6 >= size", lambda: _vocab10().decode([6]), ValueError, "ids"),
            X("decode None", lambda: _vocab10().decode(None), TypeError, "ids")]),
    "rnn_helpers.music.pitch_vocabulary": S(
        {"pitches": P10}, pitches=PITCHES_BAD + (bad("only rests", np.zeros((2, 4), int), ValueError),)),
    "rnn_helpers.music.split_chorales": S(
        {"n": 20}, n=INT + (bad("2", 2, ValueError),), seed=SEED,
        val_fraction=NUMBER + (bad("0.6", 0.6, ValueError), bad("-0.1", -0.1, ValueError)),
        test_fraction=NUMBER + (bad("0.6", 0.6, ValueError),)),
    "rnn_helpers.music.repeat_accuracy": S({"tokens": np.arange(8)}, tokens=TOKENS_BAD,
                                           lag=INT + (bad("5", 5, ValueError),)),
    "rnn_helpers.music.fit_voice_ngram": S(
        {"streams": [np.arange(8) % 3], "vocab_size": 3}, streams=STREAMS_BAD,
        vocab_size=INT + (bad("1", 1, ValueError),), lags=LAGS_BAD,
        k=NUMBER + (bad("0", 0.0, ValueError), bad("-1", -1.0, ValueError))),
    "rnn_helpers.music.ngram_probs": S(
        lambda: {"table": _ngram10(), "tokens": np.arange(8) % 3},
        table=ARRAY + (A_NEG, bad("5 rows", np.full((5, 3), 1 / 3), ValueError)),
        tokens=TOKENS_BAD[:-1] + (bad("id 3 >= V", np.arange(8) % 4, ValueError),), lags=LAGS_BAD),
    "rnn_helpers.music.score": S(
        {"probs": np.full((2, 3), 1 / 3), "targets": np.array([0, 2])},
        probs=ARRAY + (A_NEG, bad("0 for a target", np.array([[0.0, 0.5, 0.5], [0.2, 0.4, 0.4]]),
                                  ValueError)),
        targets=(NONE, A_TEXT, bad("floats", np.array([0.0, 2.0]), TypeError),
                 bad("3 targets", np.array([0, 1, 2]), ValueError),
                 bad("id 3 >= V", np.array([0, 3]), ValueError),
                 bad("2-D", np.zeros((2, 1), int), ValueError))),
    "rnn_helpers.harmony.key_pitch_classes": S(
        {"key": "F major"}, key=(NONE, bad("3", 3, TypeError), bad("'H dorian'", "H dorian", ValueError),
                                 bad("'F'", "F", ValueError), bad("'F% major'", "F% major", ValueError))),
    "rnn_helpers.harmony.in_key_fraction": S(
        {"pitches": P10, "key": "C major"},
        pitches=PITCHES_BAD + (bad("only rests", np.zeros((2, 4), int), ValueError),),
        key=(NONE, bad("'H dorian'", "H dorian", ValueError))),
    "rnn_helpers.harmony.voice_ranges": S(
        {"pitches": P10},
        pitches=PITCHES_BAD + (bad("a silent bass", np.array([[60, 55, 52, 0]]), ValueError),)),
    "rnn_helpers.harmony.in_range_fraction": S(
        {"pitches": P10, "ranges": [[57, 81], [53, 74], [48, 69], [36, 64]]}, pitches=PITCHES_BAD,
        ranges=ARRAY[:-1] + (bad("(3, 2)", np.ones((3, 2)), ValueError),
                             bad("low > high", [[81, 57], [53, 74], [48, 69], [36, 64]], ValueError))),
    "rnn_helpers.synth.midi_to_hz": S(
        {"pitch": [60, 69]}, pitch=(NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, bad("128", 128, ValueError),
                                    bad("-1", -1, ValueError))),
    "rnn_helpers.synth.synthesize": S(
        {"pitches": P10, "step_seconds": 0.05}, pitches=PITCHES_BAD,
        rate=INT + (bad("100", 100, ValueError), bad("8000.0", 8000.0, TypeError)),
        step_seconds=POSITIVE + (bad("10", 10.0, ValueError),)),
    "rnn_helpers.models.music.build_music_model": S(
        {"vocab_size": 6, "embed_dim": 2, "units": 2}, vocab_size=INT, embed_dim=INT, units=INT, seed=SEED,
        learning_rate=POSITIVE),
    "rnn_helpers.models.music.token_windows": S(
        {"streams": [np.arange(24) % 5], "length": 8}, streams=STREAMS_BAD[:-2],
        length=INT + (bad("6: not whole steps", 6, ValueError), bad("2", 2, ValueError),
                      bad("24: no stream longer", 24, ValueError)), words={"length": "length|streams"}),
    "rnn_helpers.models.music.train_music_model": S(
        lambda: {"model": _music_model(), "x": np.zeros((3, 8), int), "y": np.ones((3, 8), int),
                 "x_val": np.zeros((2, 8), int), "y_val": np.ones((2, 8), int), "epochs": 1},
        model=CHAR_MODEL, epochs=INT, batch_size=INT,
        x=(NONE, A_TEXT, bad("floats", np.zeros((3, 8)), ValueError),
           bad("1-D", np.zeros(8, int), ValueError),
           bad("id 6 >= V", np.full((3, 8), 6), ValueError)),
        y=(bad("other shape", np.zeros((3, 4), int), ValueError),),
        x_val=(NONE, bad("id -1", np.full((2, 8), -1), ValueError)),
        y_val=(bad("other shape", np.zeros((1, 8), int), ValueError),), words={"y_val": "y|y_val"}),
    "rnn_helpers.models.music.stream_probs": S(
        lambda: {"model": _music_model(), "tokens": np.arange(8) % 6}, model=CHAR_MODEL,
        tokens=TOKENS_BAD[:-1] + (bad("id 6 >= V", np.arange(8), ValueError),)),
    "rnn_helpers.models.music.streams_probs": S(
        lambda: {"model": _music_model(), "streams": [np.arange(8) % 6, np.arange(4)]}, model=CHAR_MODEL,
        streams=STREAMS_BAD[:-1] + (bad("id 6 >= V", [np.arange(8)], ValueError),)),
    "rnn_helpers.models.music.continue_chorale": S(
        lambda: {"model": _music_model(), "vocab": _vocab10(), "opening": OPENING10,
                 "steps": 2},
        model=CHAR_MODEL, steps=INT, temperature=POSITIVE, seed=SEED,
        vocab=(NONE, bad("size 12", Lazy(lambda: _m("music").PitchVocabulary(60, 70)), ValueError)),
        opening=PITCHES_BAD + (bad("pitch 70 outside the vocabulary", np.array([[70, 60, 60, 60]]),
                                   ValueError),),
        top_k=(bad("0", 0, ValueError), bad("7 > V", 7, ValueError), bad("2.5", 2.5, TypeError))),
    "rnn_helpers.music.melody_overlap": S(
        {"pitches": P10, "others": [P10, OPENING10], "n": 2},
        pitches=PITCHES_BAD + (bad("1 step < n", P10[:1], ValueError),),
        others=(NONE, bad("one array, not a list", P10, TypeError), bad("[]", [], TypeError),
                bad("[floats]", [P10 * 1.0], TypeError), bad("[(2, 3)]", [P10[:, :3]], ValueError),
                bad("[pitch 128]", [np.array([[128, 60, 60, 60]])], ValueError)),
        n=INT + (bad("3 > T", 3, ValueError),), words={"n": "n|pitches"}),
    "rnn_helpers.music.ngram_step_fn": S(
        lambda: {"table": _ngram10()},
        table=ARRAY + (A_NEG, bad("5 rows", np.full((5, 3), 1 / 3), ValueError)),
        lags=LAGS_BAD + (bad("(4, 1) for a (4,) table", (4, 1), ValueError),),
        words={"lags": "lags|table"}, extra=[
            X("ids 3 >= V", lambda: _m("music").ngram_step_fn(_ngram10())(np.array([3])), ValueError, "ids"),
            X("two ids", lambda: _m("music").ngram_step_fn(_ngram10())(np.array([0, 1])), ValueError, "ids"),
            X("ids strings", lambda: _m("music").ngram_step_fn(_ngram10())(np.array(["a"])), TypeError,
              "ids")]),
    "rnn_helpers.music.sample_continuation": S(
        lambda: {"step_fn": _six_logits, "vocab": _vocab10(), "opening": OPENING10, "steps": 2},
        step_fn=(NONE, bad("3", 3, TypeError),
                 bad("returns (V,) logits", lambda ids, state: (np.zeros(6), state), ValueError),
                 STEP_OVER_3),
        vocab=(NONE, bad("(60, 64)", (60, 64), TypeError)),
        opening=PITCHES_BAD + (bad("pitch 70 outside the vocabulary", np.array([[70, 60, 60, 60]]),
                                   ValueError),),
        steps=INT, temperature=POSITIVE, seed=SEED,
        top_k=(bad("0", 0, ValueError), bad("7 > V", 7, ValueError), bad("2.5", 2.5, TypeError))),
    "rnn_helpers.plots.music.note_name": S(
        {"pitch": 60}, pitch=(NONE, TEXT, BOOL, bad("60.0", 60.0, TypeError), bad("128", 128, ValueError),
                              bad("-1", -1, ValueError))),
    "rnn_helpers.plots.music.plot_piano_roll": S(
        {"pitches": P10, "opening": 1, "title": "t"}, pitches=PITCHES_BAD, ax=AXES,
        opening=(bad("2 = T", 2, ValueError), bad("0", 0, ValueError), bad("1.5", 1.5, TypeError),
                 bad("'1'", "1", TypeError)),
        title=(bad("3", 3, TypeError), bad("['t']", ["t"], TypeError))),
    "rnn_helpers.sweeps.music.generation_stats": S(
        lambda: {"step_fn": _m("music").ngram_step_fn(_music_data10()["ngram_tables"]["ngram_same_voice"]),
                 "data": _music_data10(), "temperature": 1.0},
        step_fn=(NONE, bad("3", 3, TypeError),
                 STEP_OVER_3),
        data=(NONE, bad("'chorales'", "chorales", TypeError), bad("a list", [1, 2], TypeError),
              bad("{}", {}, ValueError)),
        temperature=POSITIVE, seed=SEED),
    "rnn_helpers.sweeps.music.music_run": S(
        {"seed": 0}, seed=SEED,
        data=(bad("'chorales'", "chorales", TypeError), bad("{}", {}, ValueError))),
    "rnn_helpers.sweeps.music.music_models": S(
        {"seeds": [0]}, seeds=(NONE, bad("3", 3, TypeError), bad("[]", [], ValueError),
                               bad("[-1]", [-1], ValueError), bad("[0, 0]", [0, 0], ValueError))),
    # -- 11 video: entries below this line --
    "rnn_helpers.datasets.video.digit_images": S({"part": "test"}, part=CHOICE),
    "rnn_helpers.datasets.video.render": S(
        {"images": IMAGES11, "positions": POS11},
        images=ARRAY_E + (bad("(2, 7, 7)", IMAGES11[:, :7, :7], ValueError),),
        positions=(NONE, A_TEXT, A_BOOL, A_NAN, A_NDIM, bad("floats", POS11 * 1.0, ValueError),
                   bad("(2, 2, 3)", np.zeros((2, 2, 3), int), ValueError),
                   bad("three clips for two images", np.zeros((3, 2, 2), int), ValueError),
                   bad("no frames", POS11[:, :0], ValueError),
                   bad("corner 9: off the canvas", POS11 + 1, ValueError),
                   bad("corner -1", POS11 - 1, ValueError)),
        canvas=(NONE, TEXT, BOOL, bad("8: no room to move", 8, ValueError), bad("16.0", 16.0, TypeError))),
    "rnn_helpers.datasets.video.bounce_path": S(
        {"start": (0, 2), "velocity": (1, 2), "frames": 6, "high": 3},
        start=(NONE, TEXT, bad("(0, 4) > high", (0, 4), ValueError), bad("(-1, 0)", (-1, 0), ValueError),
               bad("(0.5, 1.0)", (0.5, 1.0), ValueError), bad("three numbers", (0, 1, 2), ValueError),
               bad("[[0, 2]]", [[0, 2]], ValueError), bad("NaN", (NAN, 1), ValueError)),
        velocity=(NONE, bad("(4, 0): faster than high", (4, 0), ValueError),
                  bad("(0, -4)", (0, -4), ValueError), bad("(1.5, 0)", (1.5, 0), ValueError),
                  bad("one number", (1,), ValueError)),
        frames=INT, high=(NONE, TEXT, BOOL, bad("-1", -1, ValueError), bad("2.5", 2.5, TypeError))),
    "rnn_helpers.datasets.video.bouncing_clips": S(
        {"images": IMAGES11, "labels": LABELS11, "n": 2},
        images=ARRAY_E + (bad("(2, 7, 7)", IMAGES11[:, :7, :7], ValueError),
                          bad("pixels up to 16 (not divided by 16)", IMAGES11 * 16, ValueError)),
        labels=(NONE, A_TEXT, A_BOOL, A_NAN, A_NDIM, bad("floats", LABELS11 * 1.0, ValueError),
                bad("one label for two images", LABELS11[:1], ValueError)),
        n=INT, frames=INT[:4] + (bad("1", 1, ValueError), bad("0", 0, ValueError)), seed=SEED,
        canvas=(NONE, bad("8: no room to move", 8, ValueError), bad("16.0", 16.0, TypeError)),
        max_speed=(NONE, bad("0", 0, ValueError), bad("9 > canvas - 8", 9, ValueError),
                   bad("1.5", 1.5, TypeError))),
    "rnn_helpers.datasets.video.moving_clips": S(
        {"images": IMAGES11, "labels": LABELS11, "n": 5},
        images=ARRAY_E + (bad("pixels up to 16 (not divided by 16)", IMAGES11 * 16, ValueError),),
        labels=(NONE, A_TEXT, bad("floats", LABELS11 * 1.0, ValueError),
                bad("three labels for two images", [1, 2, 3], ValueError)),
        n=INT, seed=SEED,
        canvas=(NONE, bad("8: no room to move", 8, ValueError), bad("16.0", 16.0, TypeError)),
        frames=INT[:4] + (bad("1", 1, ValueError),
                          bad("10: the digit would leave the canvas", 10, ValueError))),
    "rnn_helpers.video.check_frames": S(
        {"name": "frames", "frames": CLIPS11}, frames=FRAMES11_BAD,
        min_frames=(NONE, TEXT, BOOL, bad("0", 0, ValueError), bad("1.5", 1.5, TypeError)), extra=[
            X("T = 3 < min_frames = 4", lambda: _m("video").check_frames("x", CLIPS11, min_frames=4),
              ValueError, "x")]),
    "rnn_helpers.video.mse_by_horizon": S(
        {"predicted": CLIPS11, "true": CLIPS11}, predicted=FRAMES11_BAD + (
            bad("another shape", CLIPS11[:, :2], ValueError),), true=FRAMES11_BAD[:8]),
    "rnn_helpers.video.centre_of_mass": S(
        {"frames": CLIPS11},
        frames=FRAMES11_BAD + (bad("blank frames", np.zeros((2, 3, 4, 4)), ValueError),)),
    "rnn_helpers.video.centre_error": S(
        {"predicted": CLIPS11, "true": CLIPS11},
        predicted=FRAMES11_BAD + (bad("another shape", CLIPS11[:1], ValueError),
                                  bad("blank frames", np.zeros_like(CLIPS11), ValueError)),
        true=FRAMES11_BAD[:8] + (bad("blank frames", np.zeros_like(CLIPS11), ValueError),),
        words={"true": "true|frames", "predicted": "predicted|frames"}),
    "rnn_helpers.video.copy_last": S({"observed": CLIPS11, "horizon": 2}, observed=FRAMES11_BAD, horizon=INT),
    "rnn_helpers.video.shift": S(
        {"frame": CLIPS11[0, 0], "dy": 1, "dx": -2},
        frame=(NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, A_INF, A_NDIM, A_EMPTY,
               bad("one clip (T, H, W)", CLIPS11[0], ValueError)),
        dy=(NONE, TEXT, BOOL, bad("1.5", 1.5, TypeError)), dx=(NONE, TEXT, BOOL, bad("1.0", 1.0, TypeError))),
    "rnn_helpers.video.last_motion": S(
        {"observed": CLIPS11}, observed=FRAMES11_BAD + (ONE_FRAME11,),
        max_shift=(NONE, TEXT, BOOL, bad("-1", -1, ValueError), bad("16: the whole frame", 16, ValueError),
                   bad("1.5", 1.5, TypeError))),
    "rnn_helpers.video.constant_shift": S(
        {"observed": CLIPS11, "horizon": 2}, observed=FRAMES11_BAD + (ONE_FRAME11,), horizon=INT,
        max_shift=(NONE, bad("-1", -1, ValueError), bad("16: the whole frame", 16, ValueError)), ink=GATE),
    "rnn_helpers.video.confusion": S(
        {"true": [0, 1, 3], "predicted": [0, 2, 3]},
        true=(NONE, A_TEXT, A_BOOL, A_NAN, A_NDIM, A_EMPTY, bad("floats", [0.0, 1.0, 3.0], ValueError),
              bad("4: there are 4 classes", [0, 1, 4], ValueError), bad("-1", [0, -1, 3], ValueError)),
        predicted=(NONE, bad("two for three", [0, 1], ValueError), bad("4", [0, 1, 4], ValueError),
                   bad("a string", "abc", TypeError)),
        n_classes=INT + (bad("3 <= class 3", 3, ValueError),), words={"n_classes": "n_classes|true"}),
    "rnn_helpers.reference.convlstm.conv_same": S(
        {"x": np.ones((1, 4, 4, 2)), "kernel": np.ones((3, 3, 2, 5))},
        x=ARRAY_E + (bad("(H, W, C): no batch", np.ones((4, 4, 2)), ValueError),
                     bad("no rows", np.ones((1, 0, 4, 2)), ValueError),
                     bad("3 channels for a kernel of 2", np.ones((1, 4, 4, 3)), ValueError)),
        kernel=ARRAY + (bad("even k", np.ones((2, 2, 2, 5)), ValueError),
                        bad("(3, 5): not square", np.ones((3, 5, 2, 5)), ValueError),
                        bad("3 input channels", np.ones((3, 3, 3, 5)), ValueError),
                        bad("no outputs", np.ones((3, 3, 2, 0)), ValueError)),
        words={"x": "x|kernel"}),
    "rnn_helpers.reference.convlstm.convlstm_params_from_keras": S(
        lambda: {"layer": _convlstm11()},
        layer=(NONE, bad("a Dense layer", Lazy(dense), TypeError),
               bad("an LSTM layer", Lazy(lambda: layer("lstm")), TypeError),
               bad("unbuilt", Lazy(lambda: _convlstm11(built=False)), ValueError),
               bad("padding='valid'", Lazy(lambda: _convlstm11(padding="valid")), ValueError),
               bad("kernel_size 2", Lazy(lambda: _convlstm11(kernel_size=2)), ValueError),
               bad("kernel_size (3, 5)", Lazy(lambda: _convlstm11(kernel_size=(3, 5))), ValueError),
               bad("activation='relu'", Lazy(lambda: _convlstm11(activation="relu")), ValueError),
               bad("go_backwards", Lazy(lambda: _convlstm11(go_backwards=True)), ValueError),
               bad("no bias", Lazy(lambda: _convlstm11(use_bias=False)), ValueError))),
    "rnn_helpers.reference.convlstm.convlstm_forward": S(
        lambda: {"frames": np.ones((2, 3, 5, 5, 1)), "params": _convlstm_params11()},
        frames=ARRAY_E + (bad("(B, T, H, W): no channel axis", np.ones((2, 3, 5, 5)), ValueError),
                          bad("2 channels for W_x of 1", np.ones((2, 3, 5, 5, 2)), ValueError),
                          bad("no frames", np.ones((2, 0, 5, 5, 1)), ValueError)),
        params=(NONE, bad("a list", [1, 2], TypeError),
                bad("no 'b'", Lazy(lambda: {k: v for k, v in _convlstm_params11().items() if k != "b"}),
                    ValueError),
                bad("b of 7", Lazy(lambda: {**_convlstm_params11(), "b": np.zeros(7)}), ValueError),
                bad("W_x NaN", Lazy(lambda: {**_convlstm_params11(), "W_x": np.full((3, 3, 1, 8), NAN)}),
                    ValueError),
                bad("W_x of even k", Lazy(lambda: {**_convlstm_params11(), "W_x": np.ones((2, 2, 1, 8))}),
                    ValueError),
                bad("W_h of another k", Lazy(lambda: {**_convlstm_params11(), "W_h": np.ones((5, 5, 2, 8))}),
                    ValueError),
                bad("W_h strings", Lazy(lambda: {**_convlstm_params11(), "W_h": np.full((3, 3, 2, 8), "a")}),
                    TypeError))),
    "rnn_helpers.models.video.build_frame_predictor": S(
        {"canvas": 8, "filters": 2},
        canvas=(NONE, TEXT, BOOL, bad("1", 1, ValueError), bad("8.0", 8.0, TypeError)),
        filters=INT, kernel=INT + (bad("4: even", 4, ValueError),), seed=SEED, learning_rate=POSITIVE),
    "rnn_helpers.models.video.train_frame_predictor": S(
        lambda: {"model": _predictor11(), "frames": CLIPS11, "val_frames": CLIPS11[:1], "epochs": 1},
        model=PREDICTOR11, frames=FRAMES11_BAD + (ONE_FRAME11, SMALL11),
        val_frames=(NONE, A_NAN, ONE_FRAME11, SMALL11), epochs=INT, batch_size=INT),
    "rnn_helpers.models.video.next_frames": S(
        lambda: {"model": _predictor11(), "frames": CLIPS11}, model=PREDICTOR11,
        frames=FRAMES11_BAD + (SMALL11,)),
    "rnn_helpers.models.video.predict_ahead": S(
        lambda: {"model": _predictor11(), "observed": CLIPS11, "horizon": 2}, model=PREDICTOR11,
        observed=FRAMES11_BAD + (SMALL11,), horizon=INT),
    "rnn_helpers.models.video.build_direction_model": S(
        {"mixer": "average", "filters": 2, "features": 2, "units": 2},
        mixer=CHOICE + (bad("'lstm'", "lstm", ValueError),),
        canvas=(NONE, TEXT, bad("1", 1, ValueError), bad("16.0", 16.0, TypeError)),
        filters=INT, features=INT, units=INT, seed=SEED, learning_rate=POSITIVE),
    "rnn_helpers.models.video.train_direction_model": S(
        lambda: {"model": _direction11(), "frames": CLIPS11, "directions": np.array([0, 3]),
                 "val_frames": CLIPS11[:1], "val_directions": np.array([1]), "epochs": 1},
        model=DIRECTION11, frames=FRAMES11_BAD + (SMALL11,), directions=DIRS11_BAD,
        val_frames=(NONE, A_NAN, SMALL11),
        val_directions=(NONE, bad("two for one clip", [1, 2], ValueError), bad("4", [4], ValueError)),
        epochs=INT, batch_size=INT),
    "rnn_helpers.models.video.predict_directions": S(
        lambda: {"model": _direction11(), "frames": CLIPS11}, model=DIRECTION11,
        frames=FRAMES11_BAD + (SMALL11,)),
    "rnn_helpers.models.video.frame_features": S(
        lambda: {"model": _direction11(), "frames": CLIPS11}, model=DIRECTION11,
        frames=FRAMES11_BAD + (SMALL11,)),
    "rnn_helpers.models.video.frame_gradient": S(
        lambda: {"model": _direction11(), "frames": CLIPS11, "directions": np.array([0, 3])},
        model=DIRECTION11, frames=FRAMES11_BAD + (SMALL11,), directions=DIRS11_BAD),
    "rnn_helpers.plots.video.frame_mosaic": S(
        {"rows": {"a": CLIPS11[0], "b": CLIPS11[1, :2]}}, rows=ROWS11_BAD,
        gap=(NONE, TEXT, BOOL, bad("-1", -1, ValueError), bad("1.5", 1.5, TypeError))),
    "rnn_helpers.plots.video.plot_frames": S(
        {"rows": {"a": CLIPS11[0], "b": CLIPS11[1, :2]}, "first_step": 2, "title": "t"}, rows=ROWS11_BAD,
        ax=AXES, first_step=(NONE, TEXT, BOOL, bad("-1", -1, ValueError), bad("1.5", 1.5, TypeError)),
        title=(bad("3", 3, TypeError), bad("['t']", ["t"], TypeError)),
        cmap=(NONE, bad("3", 3, TypeError), bad("'nope'", "nope", ValueError)), vmax=POSITIVE),
    "rnn_helpers.plots.video.plot_confusion": S(
        {"table": [[3, 1], [0, 4]], "labels": ["up", "down"], "title": "t"},
        table=ARRAY + (A_NEG, bad("(3, 3) for 2 labels", np.ones((3, 3)), ValueError),
                       bad("1-D", [3, 1], ValueError)),
        labels=(NONE, bad("'ab'", "ab", TypeError), bad("[1, 2]", [1, 2], TypeError),
                bad("three labels for a (2, 2) table", ["a", "b", "c"], ValueError)),
        ax=AXES, title=(bad("3", 3, TypeError),), words={"labels": "labels|table"}),
    "rnn_helpers.sweeps.video.video_run": S(
        {"model": "gru", "seed": 0}, model=CHOICE, seed=SEED,
        data=(bad("'clips'", "clips", TypeError), bad("a list", [1, 2], TypeError), bad("{}", {}, ValueError),
              bad("no baselines", {"bouncing": {}, "moving": {}}, ValueError))),
    "rnn_helpers.sweeps.video.horizon_errors": S(
        lambda: {"sweep": _m("sweeps").load_sweep("video_models")},
        sweep=(NONE, bad("a dict", {}, TypeError),
               bad("another sweep", Lazy(lambda: _m("sweeps").load_sweep("music_models")), TypeError)),
        measure=CHOICE + (bad("'mae'", "mae", ValueError),)),
    "rnn_helpers.sweeps.video.video_models": S(
        {"seeds": [0]}, seeds=(NONE, bad("3", 3, TypeError), bad("[]", [], ValueError),
                               bad("[-1]", [-1], ValueError), bad("[0, 0]", [0, 0], ValueError),
                               bad("['0']", ["0"], TypeError))),
    # -- 12 beyond RNNs: entries below this line --
    "rnn_helpers.plots.scaling.plot_against_length": S(
        {"values": {"a": [[0.5, 0.6, 0.7], [0.4, 0.6, 0.8]], "b": [1.0, 1.0, 1.0]}, "lengths": [25, 50, 100],
         "live": {"a": (50, 0.6)}, "baseline": 0.25},
        values=(NONE, bad("{}", {}, TypeError), bad("2 lengths", {"a": [0.5, 0.6]}, ValueError),
                bad("{'a': [nan, ...]}", {"a": [NAN, 0.5, 0.6]}, ValueError)),
        lengths=(NONE, bad("[0, 1, 2]", [0, 1, 2], ValueError), bad("[]", [], ValueError)),
        live=(bad("{'c': ...}", {"c": (25, 0.5)}, ValueError), bad("[0.5]", [0.5], ValueError)),
        baseline=NUMBER_OR_NONE, ax=AXES, logy=(bad("'yes'", "yes", TypeError),)),
    "rnn_helpers.attention.softmax": S(
        {"z": [[0.0, 1.0], [2.0, -np.inf]]},
        z=(NONE, A_TEXT, A_BOOL, A_CPLX, A_NAN, bad("+inf", [0.0, INF], ValueError)),
        axis=(bad("2 of a 2-D array", 2, ValueError),)),
    "rnn_helpers.attention.causal_mask": S({"T": 3}, T=INT),
    "rnn_helpers.attention.scaled_dot_product_attention": S(
        {"q": np.ones((2, 3)), "k": np.ones((4, 3)), "v": np.ones((4, 5))},
        q=ARRAY[:-1] + (bad("1-D", np.ones(3), ValueError),),
        k=ARRAY[:-1] + (bad("another d", np.ones((4, 2)), ValueError),),
        v=ARRAY[:-1] + (bad("3 values for 4 keys", np.ones((3, 5)), ValueError),),
        mask=(bad("floats", np.ones((2, 4)), TypeError), bad("(4, 2)", np.ones((4, 2), bool), ValueError))),
    "rnn_helpers.attention.multi_head_attention": S(
        lambda: {"x_q": np.ones((1, 3, 4)), "x_kv": np.ones((1, 2, 4)), "params": _mha_params()},
        x_q=ARRAY + (bad("5 features", np.ones((1, 3, 5)), ValueError),),
        x_kv=ARRAY + (bad("another batch", np.ones((2, 2, 4)), ValueError),
                      bad("5 features", np.ones((1, 2, 5)), ValueError)),
        params=(NONE, bad("no W_o", Lazy(lambda: {k: v for k, v in _mha_params().items() if k != "W_o"}),
                          ValueError),
                bad("W_q (4, 2)", Lazy(lambda: {**_mha_params(), "W_q": np.ones((4, 2))}), ValueError)),
        mask=(bad("(3, 3)", np.ones((3, 3), bool), ValueError),)),
    "rnn_helpers.attention.params_from_keras_mha": S(
        lambda: {"layer": _mha_layer()},
        layer=(NONE, bad("a Dense layer", Lazy(dense), TypeError),
               bad("unbuilt", Lazy(lambda: _mha_layer(built=False)), ValueError))),
    "rnn_helpers.attention.positional_encoding": S({"T": 3, "D": 4}, T=INT, D=INT),
    "rnn_helpers.scan.linear_recurrence": S(
        {"a": np.full((3, 2), 0.5), "b": np.ones((3, 2))}, a=SCAN_A12, b=SCAN_B12,
        h0=(A_TEXT, A_NAN, bad("(3,): not H", np.ones(3), ValueError),
            bad("(2, 2)", np.ones((2, 2)), ValueError))),
    "rnn_helpers.scan.parallel_scan": S(
        {"a": np.full((2, 3, 2), 0.5), "b": np.ones((2, 3, 2))}, a=SCAN_A12, b=SCAN_B12,
        h0=(A_TEXT, A_INF, bad("(2,): no batch", np.ones(2), ValueError))),
    "rnn_helpers.scan.scan_rounds": S({"T": 5}, T=INT),
    "rnn_helpers.scan.init_min_gru": S({"input_size": 3, "hidden_size": 2}, input_size=INT, hidden_size=INT,
                                       seed=SEED),
    "rnn_helpers.scan.min_gru_coefficients": S(
        lambda: {"x": np.ones((2, 4, 3)), "params": _min_gru_params12()}, x=MIN_GRU_X12, params=MIN_GRU_P12),
    "rnn_helpers.scan.min_gru_forward": S(
        lambda: {"x": np.ones((2, 4, 3)), "params": _min_gru_params12()}, x=MIN_GRU_X12, params=MIN_GRU_P12,
        h0=(A_TEXT, A_NAN, bad("(3,): not (B, H)", np.ones(3), ValueError)), parallel=FLAG),
    "rnn_helpers.models.min_gru.scan_linear_recurrence": S(
        {"a": np.full((2, 3, 2), 0.5), "b": np.ones((2, 3, 2))},
        a=(NONE, A_TEXT, A_BOOL, A_CPLX, bad("a list", [[[0.5]]], TypeError),
           bad("(T, H): no batch", np.ones((3, 2)), ValueError)),
        b=(NONE, A_TEXT, bad("(2, 3, 5)", np.ones((2, 3, 5)), ValueError))),
    "rnn_helpers.models.min_gru.MinGRU": S(
        {"units": 2}, units=INT, gate_bias=NUMBER, return_sequences=FLAG,
        kernel_initializer=(bad("'nope'", "nope", ValueError), bad("3", 3, ValueError))),
    "rnn_helpers.models.min_gru.min_gru_params_from_keras": S(
        lambda: {"layer": _min_gru_layer12()},
        layer=(NONE, bad("a Dense layer", Lazy(dense), TypeError),
               bad("a GRU layer", Lazy(lambda: layer("gru")), TypeError),
               bad("unbuilt", Lazy(lambda: _min_gru_layer12(built=False)), ValueError))),
    "rnn_helpers.models.transformer.EncoderBlock": S(
        {"heads": 2, "key_dim": 3, "ff_dim": 4}, heads=INT, key_dim=INT, ff_dim=INT, causal=FLAG),
    "rnn_helpers.models.long_range.build_long_range_model": S(
        {"kind": "gru", "seq_len": 6}, kind=CHOICE, seq_len=INT, features=INT, classes=INT, seed=SEED,
        learning_rate=POSITIVE),
    "rnn_helpers.models.long_range.train_long_range_model": S(
        lambda: {"model": _long_range12("gru"), "x": _order12()[0], "y": _order12()[1],
                 "x_val": _order12()[0], "y_val": _order12()[1], "epochs": 1},
        model=LONG_RANGE12, x=ORDER_X12, y=ORDER_Y12, epochs=INT, batch_size=INT,
        x_val=(NONE, A_NAN, bad("5 steps", np.ones((3, 5, 8)), ValueError)),
        y_val=(NONE, bad("2 labels for 3", [0, 1], ValueError), bad("class 4", [0, 1, 4], ValueError))),
    "rnn_helpers.models.long_range.long_range_accuracy": S(
        lambda: {"model": _long_range12("gru"), "x": _order12()[0], "y": _order12()[1]},
        model=LONG_RANGE12, x=ORDER_X12, y=ORDER_Y12),
    "rnn_helpers.models.long_range.transformer_attention": S(
        lambda: {"model": _long_range12("transformer"), "x": _order12()[0]},
        model=LONG_RANGE12[:2] + (bad("a GRU model", Lazy(lambda: _long_range12("gru")), ValueError),),
        x=ORDER_X12),
    "rnn_helpers.models.long_range.time_forward": S(
        lambda: {"model": _long_range12("gru"), "x": _order12()[0], "repeats": 1},
        model=LONG_RANGE12, x=ORDER_X12, repeats=INT),
    "rnn_helpers.sweeps.long_range.long_range_data": S({"seq_len": 4}, seq_len=SEQ_LEN12),
    "rnn_helpers.sweeps.long_range.long_range_run": S(
        {"model": "gru", "seq_len": 4, "seed": 0}, model=CHOICE, seq_len=SEQ_LEN12, seed=SEED,
        data=(bad("'data'", "data", TypeError), bad("a list", [1, 2], TypeError), bad("{}", {}, ValueError),
              bad("of 5 steps", Lazy(lambda: _m("sweeps.long_range").long_range_data(5)), ValueError),
              bad("test not (x, y)",
                  Lazy(lambda: {**_m("sweeps.long_range").long_range_data(4), "test": "x"}), ValueError))),
    "rnn_helpers.sweeps.long_range.long_range_models": S({"seeds": [0]}, seeds=SEEDS12),
    "rnn_helpers.sweeps.long_range.timing_run": S(
        {"model": "gru", "seq_len": 4, "seed": 0}, model=CHOICE, seq_len=SEQ_LEN12, seed=SEED),
    "rnn_helpers.sweeps.long_range.long_range_timing": S({"seeds": [0]}, seeds=SEEDS12),
    "rnn_helpers.sweeps.long_range.accuracy_by_length": S(
        lambda: {"sweep": _long_range_sweep12()},
        sweep=(NONE, bad("a dict", {"name": "long_range_models"}, TypeError),
               bad("another sweep", Lazy(lambda: _m("sweeps").load_sweep("video_models")), TypeError))),
    "rnn_helpers.widgets.attention.attention_explorer": S(
        {"weights": np.full((1, 2, 3, 3), 1 / 3), "labels": ["E", "X", "B"]},
        weights=(A_TEXT, A_BOOL, A_CPLX, A_NAN, A_NDIM, bad("rows summing to 0.9", np.full((1, 2, 3, 3), 0.3),
                                                          ValueError),
                 bad("negative", np.array([[[[1.5, -0.5], [0.5, 0.5]]]]), ValueError),
                 bad("(1, 2, 3, 2): not square", np.full((1, 2, 3, 2), 0.5), ValueError),
                 bad("(3, 3): no heads", np.full((3, 3), 1 / 3), ValueError)),
        labels=(bad("'EXB'", "EXB", TypeError), bad("two for three", ["E", "B"], ValueError)),
        query=(TEXT, BOOL, bad("2.0", 2.0, TypeError), bad("3", 3, ValueError), bad("-1", -1, ValueError)),
        head=(BOOL, bad("2", 2, ValueError), bad("'head 2'", "head 2", ValueError),
              bad("2.0", 2.0, TypeError)),
        block=(BOOL, bad("1", 1, ValueError), NONE),
        highlight=(NONE, bad("'X'", "X", TypeError), bad("[1]", [1], TypeError)), seed=SEED),
}


def _mha_params(D=4, heads=2, d=3):
    """Multi-head parameters in Keras' layout, as params_from_keras_mha gives them."""
    rng = np.random.default_rng(0)
    shapes = {"W_q": (D, heads, d), "b_q": (heads, d), "W_k": (D, heads, d), "b_k": (heads, d),
              "W_v": (D, heads, d), "b_v": (heads, d), "W_o": (heads, d, D), "b_o": (D,)}
    return {key: rng.normal(size=shape) for key, shape in shapes.items()}


def _mha_layer(built=True):
    import keras

    layer = keras.layers.MultiHeadAttention(num_heads=2, key_dim=3)
    if built:
        x = np.ones((1, 2, 4), dtype="float32")
        layer(x, x)
    return layer


SLOW_12: set[str] = {"build_long_range_model", "train_long_range_model", "long_range_run",
                     "long_range_models", "timing_run", "long_range_timing"}


def _min_gru_params12():
    """minGRU parameters for 3 features and 2 units, as min_gru_params_from_keras gives them."""
    return _m("scan").init_min_gru(3, 2, seed=0)


def _min_gru_layer12(built=True):
    layer = _m("models.min_gru").MinGRU(2)
    if built:
        layer(np.zeros((1, 3, 3), dtype="float32"))
    return layer


@functools.cache
def _long_range12(kind):
    """A long-range model of ``kind`` for sequences of 6 steps (built once per kind, never trained)."""
    return _m("models.long_range").build_long_range_model(kind, 6)


@functools.cache
def _order12():
    """Three temporal order sequences of 6 steps: x (3, 6, 8), y (3,)."""
    return _m("datasets.synthetic").temporal_order_problem(3, 6)


def _long_range_sweep12():
    """A hand-made long_range_models sweep: one model, two lengths, one seed."""
    Sweep = _m("sweeps").Sweep
    runs = ({"model": "gru", "seq_len": 5, "seed": 0, "accuracy": 0.5},
            {"model": "gru", "seq_len": 8, "seed": 0, "accuracy": 0.25})
    return Sweep("long_range_models", "test", 0.0, {"lengths": [5, 8], "models": ["gru"]}, {}, runs)


@functools.cache
def _forecaster():
    from rnn_helpers.models.forecaster import build_forecaster

    return build_forecaster(4, 2, units=3)


def _stateful():
    import keras

    lay = keras.layers.GRU(H, stateful=True)
    lay(np.zeros((B, T, D), dtype="float32"))
    return lay


# Public callables that take no argument, or are plain records built by a checked function.
EXCLUDED = {
    "rnn_helpers.environment.quiet_tensorflow": "takes no arguments",
    "rnn_helpers.environment.versions": "takes no arguments",
    "rnn_helpers.datasets.digits.load_digit_sequences": "takes no arguments",
    "rnn_helpers.datasets.files.data_dir": "takes no arguments",
    "rnn_helpers.datasets.text.Sentences": "a plain record returned by load_sentiment_sentences (checked)",
    "rnn_helpers.exercises.bank.all_exercises": "takes no arguments",
    "rnn_helpers.sweeps.memory.first_value_data": "takes no arguments",
    "rnn_helpers.sweeps.adding.adding_data": "takes no arguments",
    "rnn_helpers.sweeps.clipping.adding_data": "takes no arguments",
    "rnn_helpers.sweeps.Sweep": "a plain record returned by load_sweep (checked)",
    "rnn_helpers.sweeps.__main__.main": "the command line: argparse reports bad arguments and exits",
    "rnn_helpers.models.callbacks.EpochTimer": "takes no arguments (a Keras callback)",
    "rnn_helpers.reference.loop.Cell": "the internal record of CELLS, never built by a student",
    "rnn_helpers.cliff.LossGrid": "a plain record returned by loss_grid (checked)",
    "rnn_helpers.cliff.DescentPath": "a plain record returned by descent_path (checked)",
    "rnn_helpers.gates.MemoryUnits": "a plain record returned by find_memory_units (checked)",
    "rnn_helpers.models.classifiers.TrainedModel": "a plain record returned by train_classifier (checked)",
    "rnn_helpers.exercises.core.Result": "a plain record returned by Exercise.check",
    "rnn_helpers.exercises.core.Exercise": "built by value_exercise / function_exercise (checked)",
    "rnn_helpers.widgets._base.Explorer": "abstract base of the explorers; built by the *_explorer builders",
    "rnn_helpers.widgets._base.projector_scale": "takes no arguments",
    "rnn_helpers.plots.style.projector_on": "takes no arguments",
    "rnn_helpers.widgets.gates.GateExplorer": "built by gate_explorer (checked)",
    "rnn_helpers.widgets.gradient.GradientExplorer": "built by gradient_explorer (checked)",
    "rnn_helpers.widgets.memory.MemoryExplorer": "built by memory_explorer (checked)",
    "rnn_helpers.exercises.hidden_state.my_rnn_step": "an exercise's worked solution, shown to the "
                                                       "student as it is (source_of)",
    "rnn_helpers.exercises.lstm.my_lstm_step": "an exercise's worked solution, shown to the student",
    "rnn_helpers.exercises.bptt.clip_global": "an exercise's worked solution, shown to the student",
    "rnn_helpers.exercises.bptt.my_rnn_step_backward": "an exercise's worked solution, shown to the student",
    "rnn_helpers.exercises.keras_weights.pack_lstm_for_keras": "an exercise's worked solution, shown to "
                                                                "the student",
    # -- 05 text generation: exclusions below this line --
    "rnn_helpers.sweeps.text_generation.char_data": "takes no arguments",
    "rnn_helpers.sweeps.text_generation.CharData": "a plain record returned by char_data",
    "rnn_helpers.widgets.sampling.TemperatureExplorer": "built by temperature_explorer (checked)",
    # -- 06 sentiment: exclusions below this line --
    "rnn_helpers.datasets.tokens.SentenceSplits": "a plain record returned by split_sentences (checked)",
    "rnn_helpers.datasets.contrast.load_contrast_set": "takes no arguments",
    "rnn_helpers.datasets.contrast.ContrastSet": "a plain record returned by load_contrast_set",
    # -- 07 translation: exclusions below this line --
    "rnn_helpers.datasets.dates.DateArrays": "a plain record returned by encode_dates (checked)",
    "rnn_helpers.datasets.verses.VerseArrays": "a plain record returned by encode_verse_pairs (checked)",
    "rnn_helpers.decoding.Beams": "a plain record returned by beam_search (checked)",
    "rnn_helpers.sweeps.translation.date_data": "takes no arguments",
    "rnn_helpers.sweeps.translation.verse_data": "takes no arguments",
    # -- 08 forecasting: exclusions below this line --
    "rnn_helpers.forecasting.Split": "a plain record returned by chronological_split (checked)",
    "rnn_helpers.forecasting.Scaler": "a plain record returned by fit_scaler (checked)",
    "rnn_helpers.forecasting.Windows": "a plain record returned by make_windows (checked)",
    "rnn_helpers.sweeps.forecasting.Setting": "the constant settings of SERIES, never built by a student",
    "rnn_helpers.datasets.series.load_co2": "takes no arguments",
    "rnn_helpers.datasets.series.load_airline": "takes no arguments",
    "rnn_helpers.datasets.series.Series": "a plain record returned by load_co2 / load_airline (checked)",
    # -- 09 speech recognition: exclusions below this line --
    "rnn_helpers.datasets.speech.load_spoken_digits": "takes no arguments",
    "rnn_helpers.datasets.speech.SpokenDigits": "a plain record returned by load_spoken_digits (checked)",
    "rnn_helpers.sweeps.speech.speech_data": "takes no arguments",
    # -- 10 music generation: exclusions below this line --
    "rnn_helpers.datasets.music.load_chorales": "takes no arguments",
    "rnn_helpers.datasets.music.Chorale": "a plain record returned by load_chorales (checked)",
    "rnn_helpers.sweeps.music.music_data": "takes no arguments",
    # -- 11 video: exclusions below this line --
    "rnn_helpers.datasets.video.Clips": "a plain record returned by bouncing_clips / moving_clips (checked)",
    "rnn_helpers.reference.convlstm.ConvLSTMRecord": "a plain record returned by convlstm_forward (checked)",
    "rnn_helpers.sweeps.video.video_data": "takes no arguments",
    "rnn_helpers.exercises.video.copy_last": "an exercise's worked solution, shown to the student",
    # -- 12 beyond RNNs: exclusions below this line --
    "rnn_helpers.models.transformer.PositionalEncoding": "a Keras layer without arguments of its own (it "
                                                          "checks its input's shape when called)",
    "rnn_helpers.widgets.attention.AttentionExplorer": "built by attention_explorer (checked)",
    "rnn_helpers.exercises.beyond.causal_mask": "an exercise's worked solution, shown to the student",
}

# Failing cases in modules owned by others: marked xfail until their owners land their checks.
OWNERS = {"cliff": "cliff", "plots.surfaces": "cliff/surfaces", "models.regressors": "regressors",
          "models.layers": "layers", "datasets.synthetic": "synthetic datasets", "exercises": "exercises",
          "widgets": "widgets", "gates.find_memory_units": "gates.find_memory_units",
          "gradients.clip_by_global_norm": "gradients.clip_by_global_norm"}
PENDING: set[str] = set()   # every owner has landed their checks


# ---------------------------------------------------------------------------------------------

def public_callables() -> dict[str, object]:
    """{"module.name": object} for every public callable defined (not re-exported) in the package."""
    found = {}
    for info in pkgutil.walk_packages(rnn_helpers.__path__, "rnn_helpers."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if not name.startswith("_") and callable(obj) and getattr(obj, "__module__", None) == info.name:
                found[f"{info.name}.{name}"] = obj
    return found


FOUND = public_callables()


class Case(NamedTuple):
    key: str
    label: str
    prepare: Callable          # () -> the bad call, ready to make (building it must not raise)
    error: type | None
    words: str


def _swap_call(fn, spec, arg, b):
    """A function that builds the bad call's arguments and returns the call, not yet made."""
    def prepare():
        good = spec.good() if callable(spec.good) else dict(spec.good)
        kwargs = {**good, arg: b.make(good.get(arg))}
        return lambda: fn(**kwargs)
    return prepare


def cases() -> list[Case]:
    out = []
    for key, spec in TABLE.items():
        fn = FOUND.get(key)
        if fn is None:
            continue                                   # reported by test_table_names_existing_functions
        for arg, bads in spec.bad.items():
            for b in bads:
                out.append(Case(key, f"{arg}={b.label}", _swap_call(fn, spec, arg, b), b.error,
                                spec.words.get(arg, arg)))
        out += [Case(key, x.label, (lambda call=x.call: call), x.error, x.words) for x in spec.extra]
    return out


def _owner(key):
    rest = key.removeprefix("rnn_helpers.")
    return next((area for prefix, area in OWNERS.items() if rest == prefix or rest.startswith(prefix + ".")),
                None)


def _params():
    for c in cases():
        case_id = f"{c.key.removeprefix('rnn_helpers.')}[{c.label}]"
        marks = [pytest.mark.xfail(reason=f"owned by {_owner(c.key)}, pending", strict=False)] \
            if case_id in PENDING else []
        yield pytest.param(c, id=case_id, marks=marks)


def _names_the_argument(message, words):
    head = message.split(": ")[0]
    return any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", head) for w in words.split("|"))


@pytest.mark.parametrize("case", list(_params()))
def test_bad_call_raises_a_clear_error(case):
    call = case.prepare()
    try:
        result = call()
    except Exception as exc:  # noqa: BLE001 - the type is what is tested
        assert type(exc) in (ValueError, TypeError), f"raised {type(exc).__name__}: {exc}"
        assert case.error is None or type(exc) is case.error, \
            f"expected {case.error.__name__}, raised {type(exc).__name__}: {exc}"
        assert _names_the_argument(str(exc), case.words), \
            f"the message does not name {case.words!r} before its first colon: {exc}"
    else:
        assert case.error is None, f"returned {result!r:.120} instead of raising {case.error.__name__}"


def test_every_public_function_has_bad_input_cases():
    missing = sorted(set(FOUND) - set(TABLE) - set(EXCLUDED))
    assert not missing, f"public functions without bad-input cases in TABLE (or a reason in EXCLUDED): " \
                        f"{missing}"
    empty = sorted(key for key, spec in TABLE.items() if not spec.bad and not spec.extra)
    assert not empty, f"TABLE entries without a single bad call: {empty}"


def test_table_names_existing_functions():
    stale = sorted((set(TABLE) | set(EXCLUDED)) - set(FOUND))
    assert not stale, f"TABLE/EXCLUDED name functions that no longer exist: {stale}"
    assert not set(TABLE) & set(EXCLUDED)


# Slow valid calls (training, widgets) of the use-case notebooks' modules, by function name.
SLOW_05: set[str] = {"char_run", "char_seeds", "train_keras_char_rnn", "temperature_explorer", "baselines",
                     "stacked_run"}
SLOW_06: set[str] = {"build_sentiment_model", "train_sentiment_model", "sentiment_run", "sentiment_models"}


@functools.cache
def _sentiment_model(bidirectional):
    """A tiny untrained sentence classifier, V = 12 (built once per direction)."""
    return _m("models.sentiment").build_sentiment_model(12, bidirectional=bidirectional, embed_dim=2, units=2)


@functools.cache
def _bow_classifier():
    return _m("bag_of_words").fit_bag_of_words(np.array([[2, 3, 0], [4, 5, 2], [3, 0, 0], [5, 4, 3]]),
                                               [0, 1, 0, 1], 6)


SLOW_07: set[str] = {"build_translator", "translator_run", "attention_comparison", "verse_run",
                     "verse_comparison"}


@functools.cache
def _translator07(attention):
    """A tiny untrained date translator, 5 source and 4 target ids (built once per kind)."""
    return _m("models.seq2seq").build_translator(5, 4, attention=attention, embed_dim=2, units=2)


def _ids07():
    return {"src": np.array([[0, 1, 2], [3, 4, 1]]), "dec_in": np.array([[0, 1, 2, 3], [0, 3, 3, 1]])}


def _vocab07():
    return _m("datasets.verses").WordVocabulary(["a b", "a b x"])


SLOW_09: set[str] = {"build_ctc_model", "train_ctc_model", "speech_run", "speech_models"}


@functools.cache
def _ctc_model():
    """A tiny untrained digit-string recogniser, D = 32 (built once)."""
    return _m("models.speech").build_ctc_model(units=2, filters=2)


SLOW_10: set[str] = {"build_music_model", "train_music_model", "music_run", "music_models"}


@functools.cache
def _music_model():
    """A tiny untrained next-note model, V = 6 (built once)."""
    return _m("models.music").build_music_model(6, embed_dim=2, units=2)


def _vocab10():
    return _m("music").PitchVocabulary(60, 64)


def _ngram10():
    return _m("music").fit_voice_ngram([np.arange(8) % 3], 3)


def _six_logits(ids, state):
    """A step function for sample_continuation with _vocab10() (V = 6): the same logits whatever it reads."""
    return np.array([[0.5, 1.0, 2.0, 0.0, 1.5, 1.0]]), state


@functools.cache
def _music_data10():
    """The music sweep's data (about 1 s, built once): generation_stats reads it, never changes it."""
    return _m("sweeps.music").music_data()


SLOW_11: set[str] = {"build_frame_predictor", "train_frame_predictor", "build_direction_model",
                     "train_direction_model", "video_run", "video_models"}


@functools.cache
def _predictor11():
    """A tiny untrained ConvLSTM frame predictor for 16 x 16 frames (built once)."""
    return _m("models.video").build_frame_predictor(filters=2)


@functools.cache
def _direction11():
    """A tiny untrained direction model (the average mixer) for 16 x 16 frames (built once)."""
    return _m("models.video").build_direction_model("average", filters=2, features=2)


def _convlstm11(kernel_size=3, built=True, **kw):
    """A ConvLSTM2D layer, 'same' padding unless told, built on 1-channel 5 x 5 frames unless told."""
    import keras

    lay = keras.layers.ConvLSTM2D(2, kernel_size, **{"padding": "same", **kw})
    if built:
        lay(np.zeros((1, 2, 5, 5, 1), dtype="float32"))
    return lay


def _convlstm_params11():
    """ConvLSTM parameters for 1 channel, 2 filters, 3 x 3 kernels, as convlstm_params_from_keras gives."""
    rng = np.random.default_rng(0)
    return {"W_x": rng.normal(size=(3, 3, 1, 8)), "W_h": rng.normal(size=(3, 3, 2, 8)), "b": np.zeros(8)}



def test_the_valid_calls_are_valid():
    """Each entry's ``good`` call runs (cheap ones only): the bad calls differ from it in one argument."""
    slow = {"train_classifier", "compare_architectures", "digit_sequence_splits", "gradient_explorer",
            "memory_explorer", "gate_explorer", "setup_notebook", "build_classifier", "build_adding_model",
            "build_sequence_regressor", "run_sweep", "architectures", "pixels", "pixel_run",
            "build_first_value_model", "initialisation_run", "initialisations", "classifier_record",
            "rows_run", "rows_activation",
            "clipping_run", "clipping", "steps_to_nan",
            "plot_loss_surface", "BlitRenderer", "find_wall", "comparison_table"}
    slow |= SLOW_05 | SLOW_06 | SLOW_07 | SLOW_09 | SLOW_10 | SLOW_11 | SLOW_12
    failures = []
    for key, spec in TABLE.items():
        if key.rsplit(".", 1)[1] in slow or not spec.bad or key not in FOUND:
            continue
        good = spec.good() if callable(spec.good) else dict(spec.good)
        try:
            FOUND[key](**good)
        except Exception as exc:  # noqa: BLE001
            failures.append(f"{key}: {type(exc).__name__}: {exc}")
    assert not failures, "\n".join(failures)


def test_pending_cases_exist_and_belong_to_other_areas():
    ids = {f"{c.key.removeprefix('rnn_helpers.')}[{c.label}]": c.key for c in cases()}
    assert not PENDING - set(ids), f"PENDING names cases that no longer exist: {sorted(PENDING - set(ids))}"
    mine = sorted(i for i in PENDING if _owner(ids[i]) is None)
    assert not mine, f"PENDING cases in modules without another owner: {mine}"
