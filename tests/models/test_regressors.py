"""build_adding_model: names, seeding with initializer objects, the optimizer, refused arguments."""

import random

import keras
import numpy as np
import pytest

from rnn_helpers.datasets.synthetic import adding_problem
from rnn_helpers.models.regressors import DEFAULT_LEARNING_RATE, build_adding_model, build_optimizer


def _same_weights(m1, m2):
    w1, w2 = m1.get_weights(), m2.get_weights()
    return len(w1) == len(w2) and all(np.array_equal(a, b) for a, b in zip(w1, w2))


def test_adding_model_is_named_and_seeded():
    m1 = build_adding_model("lstm", 6, units=3, seed=4)
    m2 = build_adding_model("lstm", 6, units=3, seed=4)
    assert [layer.name for layer in m1.layers] == ["lstm", "readout"]
    assert isinstance(m1.get_layer("lstm"), keras.layers.LSTM)
    assert _same_weights(m1, m2)
    x, _ = adding_problem(2, 6, seed=0)
    assert m1(x).shape == (2, 1)
    rnn = build_adding_model("simple_rnn", 6, units=3, recurrent_initializer=keras.initializers.Zeros())
    np.testing.assert_array_equal(rnn.get_layer("simple_rnn").get_weights()[1], 0.0)


def _options():
    """Initializer objects created now, each with a seed Keras draws from Python's random."""
    return {"recurrent_initializer": keras.initializers.RandomNormal(stddev=0.1),
            "kernel_initializer": keras.initializers.Orthogonal(),
            "bias_initializer": keras.initializers.RandomUniform(-0.1, 0.1)}


@pytest.mark.parametrize("kind", ["simple_rnn", "lstm", "gru"])
def test_same_weights_whatever_ran_before(kind):
    first = build_adding_model(kind, 5, units=4, seed=np.int64(7), **_options())
    random.random(), np.random.rand(3)  # noqa: NPY002 (unrelated draws from the global states)
    keras.random.normal((2,))
    build_adding_model("gru", 5, units=3, seed=1)                        # another build in between
    second = build_adding_model(kind, 5, units=4, seed=7, **_options())
    assert _same_weights(first, second)
    other = build_adding_model(kind, 5, units=4, seed=8, **_options())
    assert not np.array_equal(first.get_weights()[1], other.get_weights()[1])


def test_initializer_objects_are_honoured():
    init = keras.initializers.RandomNormal(stddev=1e-3)
    w = build_adding_model("simple_rnn", 5, units=32, recurrent_initializer=init).get_weights()[1]
    assert w.shape == (32, 32) and 0.5e-3 < w.std() < 1.5e-3             # the stddev was kept
    ident = build_adding_model("simple_rnn", 5, units=4, recurrent_initializer=keras.initializers.Identity())
    np.testing.assert_array_equal(ident.get_weights()[1], np.eye(4))
    seeded = keras.initializers.RandomNormal(seed=3)                      # a user's own seed is kept
    a = build_adding_model("lstm", 5, units=3, seed=0, recurrent_initializer=seeded).get_weights()[1]
    b = build_adding_model("lstm", 5, units=3, seed=1, recurrent_initializer=seeded).get_weights()[1]
    np.testing.assert_array_equal(a, b)


def test_default_optimizer_is_adam():
    opt = build_adding_model("gru", 4, units=2).optimizer
    assert isinstance(opt, keras.optimizers.Adam)
    assert float(opt.learning_rate) == pytest.approx(DEFAULT_LEARNING_RATE)
    assert opt.clipnorm is None and opt.global_clipnorm is None


def test_optimizer_choice_is_honoured():
    sgd = build_adding_model("lstm", 4, units=2, optimizer="sgd", learning_rate=0.1, global_clipnorm=1.0)
    assert isinstance(sgd.optimizer, keras.optimizers.SGD)
    assert float(sgd.optimizer.learning_rate) == pytest.approx(0.1) and sgd.optimizer.global_clipnorm == 1.0
    per_var = build_adding_model("lstm", 4, units=2, optimizer="rmsprop", clipnorm=0.5).optimizer
    assert isinstance(per_var, keras.optimizers.RMSprop) and per_var.clipnorm == 0.5
    mine = keras.optimizers.SGD(0.3, momentum=0.9)
    assert build_adding_model("lstm", 4, units=2, optimizer=mine).optimizer is mine


def test_global_clipnorm_limits_the_update():
    # one SGD step from the same weights: with lr 1 and global_clipnorm c, the change has norm <= c
    x, y = adding_problem(64, 8, seed=0)
    model = build_adding_model("simple_rnn", 8, units=4, seed=0, optimizer="sgd", learning_rate=1.0,
                               global_clipnorm=1e-3)
    before = model.get_weights()
    model.train_on_batch(x, 100.0 * y)                                   # a huge gradient
    change = np.sqrt(sum(np.sum((a - b) ** 2) for a, b in zip(model.get_weights(), before)))
    assert 0.5e-3 < change <= 1e-3 * (1 + 1e-4)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"kind": "transformer"}, ValueError, "kind: expected one of"),
    ({"return_sequences": True}, ValueError, "return_sequences: not accepted by a sequence regressor"),
    ({"return_state": True}, ValueError, "return_state: not accepted"),
    ({"name": "rnn"}, ValueError, "name: not accepted"),
    ({"seq_len": 0}, ValueError, "seq_len: expected a positive integer, got 0"),
    ({"seed": -1}, ValueError, "seed: expected a non-negative integer, got -1"),
    ({"seed": 1.0}, TypeError, "seed: expected a non-negative integer"),
    ({"optimizer": "nadamx"}, ValueError, "optimizer: expected a Keras optimizer name"),
    ({"optimizer": 3}, TypeError, "optimizer: expected None, a name"),
    ({"learning_rate": -0.1}, ValueError, "learning_rate: expected a positive number, got -0.1"),
    ({"global_clipnorm": 0}, ValueError, "global_clipnorm: expected a positive number"),
    ({"clipnorm": 1.0, "global_clipnorm": 1.0}, ValueError, "clipnorm, global_clipnorm: expected at most"),
    ({"optimizer": "OBJ", "clipnorm": 1.0}, ValueError, "clipnorm: expected None with an optimizer instance"),
])
def test_bad_arguments(kwargs, error, match):
    args = {"kind": "lstm", "seq_len": 6} | kwargs
    if args.get("optimizer") == "OBJ":
        args["optimizer"] = keras.optimizers.Adam()
    with pytest.raises(error, match=match):
        build_adding_model(args.pop("kind"), args.pop("seq_len"), **args)


def test_build_optimizer_alone():
    opt = build_optimizer(None, np.float32(0.5), global_clipnorm=np.float32(2.0))
    assert isinstance(opt, keras.optimizers.Adam) and float(opt.learning_rate) == pytest.approx(0.5)
    assert opt.global_clipnorm == 2.0
