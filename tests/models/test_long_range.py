"""The five models of the long-range comparison: each builds to a similar number of weights, trains
one short epoch on the temporal order problem, and is scored; the Transformer's attention is read
block by block; bad models, shapes and labels are named."""

import keras
import numpy as np
import pytest

from rnn_helpers.datasets.synthetic import temporal_order_problem
from rnn_helpers.models.long_range import (
    KINDS,
    LABELS,
    build_long_range_model,
    long_range_accuracy,
    time_forward,
    train_long_range_model,
    transformer_attention,
)
from rnn_helpers.models.min_gru import MinGRU
from rnn_helpers.models.transformer import EncoderBlock

T = 8                                       # tiny: the sweep's shortest length is 25


@pytest.fixture(scope="module")
def data():
    return temporal_order_problem(12, T, seed=0), temporal_order_problem(4, T, seed=1)


@pytest.fixture(scope="module")
def models():
    return {kind: build_long_range_model(kind, T, seed=0) for kind in KINDS}


def test_every_kind_builds_to_a_similar_number_of_weights(models):
    counts = {kind: model.count_params() for kind, model in models.items()}
    print(counts)
    assert set(counts) == set(KINDS) == set(LABELS)
    assert all(12_000 <= n <= 19_000 for n in counts.values()), counts
    assert max(counts.values()) / min(counts.values()) < 1.1                  # within 10 % of each other
    for kind, model in models.items():
        assert model.name == f"long_range_{kind}"
        assert model.input_shape == (None, T, 8) and model.output_shape == (None, 4)
        assert model.get_layer("logits").units == 4
    assert sum(isinstance(layer, EncoderBlock) for layer in models["transformer"].layers) == 2
    min_grus = [layer for layer in models["min_gru"].layers if isinstance(layer, MinGRU)]
    assert [layer.return_sequences for layer in min_grus] == [True, False]
    assert all(layer.gate_bias == -3.0 for layer in min_grus)


def test_the_same_seed_gives_the_same_weights(models):
    for kind in ("min_gru", "transformer"):
        again = build_long_range_model(kind, T, seed=0)
        assert all(np.array_equal(a, b) for a, b in zip(models[kind].get_weights(), again.get_weights()))
    other = build_long_range_model("gru", T, seed=1)
    assert not np.array_equal(other.get_weights()[0], models["gru"].get_weights()[0])


@pytest.mark.parametrize("kind", KINDS)
def test_one_epoch_returns_its_history_and_seconds(kind, data):
    (x, y), (x_val, y_val) = data
    model = build_long_range_model(kind, T, seed=0)
    history, seconds = train_long_range_model(model, x, y, x_val, y_val, epochs=1, batch_size=4)
    assert set(history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 1 and isinstance(v[0], float) and np.isfinite(v[0]) for v in history.values())
    assert len(seconds) == 1 and seconds[0] > 0
    accuracy = long_range_accuracy(model, x_val, y_val)
    assert isinstance(accuracy, float) and 0 <= accuracy <= 1
    assert accuracy in {k / 4 for k in range(5)}                               # 4 sequences
    assert accuracy == pytest.approx(history["val_accuracy"][0])               # the same model, scored


def test_accuracy_is_the_share_of_argmax_hits(models, data):
    (x, y), _ = data
    model = models["lstm"]
    logits = np.asarray(model(x))
    assert long_range_accuracy(model, x, y) == np.mean(logits.argmax(axis=1) == y)
    assert long_range_accuracy(model, x, logits.argmax(axis=1)) == 1.0


def test_transformer_attention_is_every_blocks_rows_of_weights(models, data):
    (x, _), _ = data
    model = models["transformer"]
    scores = transformer_attention(model, x[:3])
    assert scores.shape == (2, 3, 2, T, T)                                     # (blocks, B, heads, T, T)
    assert scores.min() >= 0
    np.testing.assert_allclose(scores.sum(axis=-1), 1.0, atol=1e-5)
    h = model.get_layer("positions")(model.get_layer("embed")(x[:3]))          # block 0 reads the embedding
    np.testing.assert_allclose(scores[0], model.get_layer("block0").attention_scores(h), atol=1e-6)
    h = model.get_layer("block0")(h)
    np.testing.assert_allclose(scores[1], model.get_layer("block1").attention_scores(h), atol=1e-6)


def test_time_forward_is_a_positive_number_of_seconds(models, data):
    (x, _), _ = data
    seconds = time_forward(models["min_gru"], x[:4], repeats=2)
    assert isinstance(seconds, float) and 0 < seconds < 10


def test_wrong_models_shapes_and_labels_are_named(models, data):
    (x, y), _ = data
    lstm = models["lstm"]
    dense = keras.Sequential([keras.Input((T, 8)), keras.layers.Dense(4)], name="dense")
    with pytest.raises(TypeError, match=r"model: expected a model of build_long_range_model\(\)"):
        long_range_accuracy(dense, x, y)
    with pytest.raises(TypeError, match="model"):
        time_forward("lstm", x)
    with pytest.raises(ValueError, match=r"model: expected the Transformer"):
        transformer_attention(lstm, x)
    with pytest.raises(ValueError, match=r"x: expected sequences of shape \(N, 8, 8\)"):
        long_range_accuracy(lstm, x[:, :5], y)
    with pytest.raises(ValueError, match="x: expected sequences"):
        transformer_attention(models["transformer"], x[..., :7])
    with pytest.raises(ValueError, match="x: expected sequences"):
        time_forward(lstm, x[:0])                                                # no sequence
    with pytest.raises(ValueError, match="x: expected 3 dimensions"):
        time_forward(lstm, x[0])
    with pytest.raises(ValueError, match=r"y: expected 12 class indices in 0..3"):
        long_range_accuracy(lstm, x, y + 4)                                      # labels out of range
    with pytest.raises(ValueError, match="y: expected 12 class indices"):
        long_range_accuracy(lstm, x, y * 1.0)                                    # floats
    with pytest.raises(ValueError, match="y_val: expected 4 class indices"):
        train_long_range_model(lstm, x, y, x[:4], y[:3], epochs=1)
    with pytest.raises(ValueError, match="x_val: expected sequences"):
        train_long_range_model(lstm, x, y, x[:4, :4], y[:4], epochs=1)
    with pytest.raises(ValueError, match="epochs"):
        train_long_range_model(lstm, x, y, x, y, epochs=0)
    with pytest.raises(ValueError, match="kind: expected one of"):
        build_long_range_model("rnn", T)
    with pytest.raises(ValueError, match="seq_len"):
        build_long_range_model("gru", 0)
