"""The Keras notebook's models: parameter formulas, named layers, masking, training runs and the table."""

import numpy as np
import pytest

from rnn_helpers.datasets.splits import SequenceSplits
from rnn_helpers.models.classifiers import (
    KINDS,
    TrainedModel,
    build_classifier,
    compare_architectures,
    comparison_table,
    expected_param_count,
    recurrent_param_count,
    train_classifier,
)


def test_formulas_give_the_known_counts():
    # SimpleRNN(64) on 8 features is notebook 00's exercise: 4672; the head adds 10 * 65 = 650.
    assert recurrent_param_count("simple_rnn", 8, 64) == 4672
    assert expected_param_count("simple_rnn", 8, 64, 10) == 5322
    assert recurrent_param_count("lstm", 8, 64) == 4 * 4672
    assert recurrent_param_count("gru", 8, 32) == 4032                       # 3H(D+H+2)
    assert recurrent_param_count("bidirectional_lstm", 8, 64) == 2 * 4 * 4672
    assert recurrent_param_count("stacked_lstm", 3, 5) == 4 * 5 * 9 + 4 * 5 * 11
    assert expected_param_count("bidirectional_lstm", 8, 64, 10) == 2 * 4 * 4672 + 10 * 129


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("D, H, C", [(8, 64, 10), (3, 5, 2)])
def test_formulas_match_keras_count_params(kind, D, H, C):
    model = build_classifier(kind, (7, D), C, units=H)
    assert model.count_params() == expected_param_count(kind, D, H, C)


@pytest.mark.parametrize("kind, names", [
    ("simple_rnn", ["rnn", "head"]), ("bidirectional_lstm", ["rnn", "head"]),
    ("stacked_lstm", ["rnn_1", "rnn_2", "head"]),
])
def test_layers_are_named_and_shapes_follow(kind, names):
    model = build_classifier(kind, (8, 8), 10, units=16, activation="relu")
    assert [layer.name for layer in model.layers[1:]] == names
    assert model.name == f"{kind}_relu"
    out = np.asarray(model(np.zeros((3, 8, 8), np.float32)))
    assert out.shape == (3, 10)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-5)               # softmax
    first = model.get_layer(names[0])
    cell = first.forward_layer if kind == "bidirectional_lstm" else first
    assert cell.activation.__name__ == "relu"


def test_same_seed_same_weights():
    a = build_classifier("gru", (8, 8), 10, units=8, seed=3).get_weights()
    b = build_classifier("gru", (8, 8), 10, units=8, seed=3).get_weights()
    c = build_classifier("gru", (8, 8), 10, units=8, seed=4).get_weights()
    assert all(np.array_equal(u, v) for u, v in zip(a, b))
    assert not np.array_equal(a[0], c[0])


def test_masked_model_ignores_padding():
    model = build_classifier("lstm", (None, 4), 3, units=6, mask_value=-1.0)
    assert model.get_layer("masking").mask_value == -1.0
    x = np.random.default_rng(0).random((2, 3, 4)).astype(np.float32)          # (B, T=3, D)
    padded = np.concatenate([x, np.full((2, 5, 4), -1.0, np.float32)], axis=1)  # (B, T=8, D)
    np.testing.assert_allclose(np.asarray(model(padded)), np.asarray(model(x)), atol=1e-6)
    unmasked = build_classifier("lstm", (None, 4), 3, units=6)
    assert not np.allclose(np.asarray(unmasked(padded)), np.asarray(unmasked(x)), atol=1e-4)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"kind": "rnn"}, ValueError, "kind: expected one of"),
    ({"activation": "elu"}, ValueError, "activation: expected one of"),
    ({"input_shape": (8,)}, ValueError, "input_shape: expected \\(timesteps, features\\)"),
    ({"input_shape": (8, 0)}, ValueError, "features"),
    ({"num_classes": 0}, ValueError, "num_classes"),
    ({"units": 2.0}, TypeError, "units"),
])
def test_build_rejects_bad_arguments(kwargs, error, match):
    args = {"kind": "lstm", "input_shape": (8, 8), "num_classes": 10} | kwargs
    kind, shape, C = args.pop("kind"), args.pop("input_shape"), args.pop("num_classes")
    with pytest.raises(error, match=match):
        build_classifier(kind, shape, C, **args)


def _tiny_data():
    rng = np.random.default_rng(0)
    y = np.arange(60) % 3
    x = (rng.normal(size=(60, 5, 2)) * 0.1 + y[:, None, None]).astype(np.float32)  # easy classes
    return SequenceSplits(x[:40], y[:40], x[40:50], y[40:50], x[50:], y[50:])


def test_train_classifier_returns_a_deterministic_run():
    data = _tiny_data()
    run = train_classifier("simple_rnn", data, epochs=3, batch_size=8, units=4, seed=0)
    assert isinstance(run, TrainedModel) and run.kind == "simple_rnn" and run.activation == "tanh"
    assert set(run.history) >= {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert len(run.history["loss"]) == 3 and run.seconds_per_epoch > 0
    assert 0.0 <= run.test_accuracy <= 1.0
    loss, acc = run.model.evaluate(data.x_test, data.y_test, verbose=0)
    assert run.test_loss == pytest.approx(loss) and run.test_accuracy == pytest.approx(acc)
    again = train_classifier("simple_rnn", data, epochs=3, batch_size=8, units=4, seed=0)
    assert again.history["loss"] == run.history["loss"]


def test_train_classifier_learns_an_easy_task():
    run = train_classifier("gru", _tiny_data(), epochs=20, batch_size=8, units=8, seed=0)
    assert run.history["loss"][-1] < run.history["loss"][0]
    assert run.test_accuracy == 1.0                           # three well-separated classes


def test_train_classifier_checks_its_data():
    with pytest.raises(TypeError, match="data: expected a SequenceSplits"):
        train_classifier("lstm", (np.zeros((4, 2, 2)), np.zeros(4)))
    with pytest.raises(ValueError, match="epochs"):
        train_classifier("lstm", _tiny_data(), epochs=0)


def test_compare_reuses_runs_and_the_table_lists_every_model():
    data = _tiny_data()
    first = train_classifier("simple_rnn", data, epochs=1, batch_size=20, units=4)
    runs = compare_architectures(data, ("simple_rnn", "gru"), done=[first], epochs=1, batch_size=20,
                                 units=4)
    assert runs[0] is first and runs[1].kind == "gru"
    relu = compare_architectures(data, ("simple_rnn",), done=[first], activation="relu", epochs=1,
                                 units=4)
    assert relu[0] is not first and relu[0].activation == "relu"   # another activation: retrained
    table = comparison_table(runs).splitlines()
    assert len(table) == 2 + 2
    assert table[2].startswith("| SimpleRNN | H(D+H+1) | 43 | 43 |")   # 4(2+4+1) + 3(4+1)
    with pytest.raises(ValueError, match="runs: expected a non-empty list"):
        comparison_table([])
    with pytest.raises(ValueError, match="kinds"):
        compare_architectures(data, ("transformer",))
