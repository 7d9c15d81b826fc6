"""The two video models: the ConvLSTM predictor's layers, counted weights and recursive forecast; the
direction model's per-frame CNN and mixers (the average blind to the order); one short fit of each."""

import numpy as np
import pytest

from rnn_helpers.datasets.video import CANVAS, bouncing_clips, digit_images, moving_clips
from rnn_helpers.models.video import (
    build_direction_model,
    build_frame_predictor,
    frame_features,
    frame_gradient,
    next_frames,
    predict_ahead,
    predict_directions,
    train_direction_model,
    train_frame_predictor,
)


@pytest.fixture(scope="module")
def clips():
    return bouncing_clips(*digit_images("val"), 6, seed=0)


@pytest.fixture(scope="module")
def moves():
    return moving_clips(*digit_images("val"), 8, seed=0)


@pytest.fixture(scope="module")
def predictor():
    return build_frame_predictor(filters=8, kernel=3, seed=0)


@pytest.fixture(scope="module")
def directions():
    return {mixer: build_direction_model(mixer, seed=0) for mixer in ("gru", "average")}


def test_the_predictor_has_its_named_layers_and_counted_weights(predictor):
    convlstm, readout = predictor.get_layer("convlstm"), predictor.get_layer("readout")
    assert convlstm.count_params() == 4 * 8 * (3 * 3 * 1 + 3 * 3 * 8 + 1) == 2624
    assert readout.count_params() == 3 * 3 * 8 + 1 and predictor.count_params() == 2624 + 73
    small = build_frame_predictor(canvas=8, filters=2, kernel=5, seed=1)
    assert small.get_layer("convlstm").count_params() == 4 * 2 * (25 * 1 + 25 * 2 + 1)
    again = build_frame_predictor(filters=8, kernel=3, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(predictor.get_weights(), again.get_weights()))
    with pytest.raises(ValueError, match="kernel: expected an odd size"):
        build_frame_predictor(kernel=4)


def test_next_frames_are_the_models_sigmoid_output_one_per_step(predictor, clips):
    out = next_frames(predictor, clips.frames)
    assert out.shape == clips.shape and out.dtype == np.float32
    assert 0 < out.min() and out.max() < 1
    assert np.allclose(out, np.asarray(predictor(clips.frames[..., None]))[..., 0], atol=1e-6)
    # causal: the prediction after frame t reads frames 0..t only
    assert np.allclose(next_frames(predictor, clips.frames[:, :4]), out[:, :4], atol=1e-6)


def test_predict_ahead_feeds_the_model_its_own_predictions(predictor, clips):
    observed = clips.frames[:, :5]
    future = predict_ahead(predictor, observed, 3)
    assert future.shape == (6, 3, CANVAS, CANVAS) and future.dtype == np.float32
    assert np.allclose(future[:, 0], next_frames(predictor, observed)[:, -1], atol=1e-6)
    grown = np.concatenate([observed, future[:, :1]], axis=1)
    assert np.allclose(future[:, 1], next_frames(predictor, grown)[:, -1], atol=1e-6)
    # not the true frame: step 2 reads the prediction, not what happened
    truth = np.concatenate([observed, clips.frames[:, 5:6]], axis=1)
    assert not np.allclose(future[:, 1], next_frames(predictor, truth)[:, -1], atol=1e-3)
    assert np.allclose(predict_ahead(predictor, observed, 1), future[:, :1], atol=1e-6)


def test_a_short_fit_of_the_predictor_returns_its_history(clips):
    model = build_frame_predictor(filters=2, seed=0)
    history = train_frame_predictor(model, clips.frames[:4], clips.frames[4:], epochs=1, batch_size=4)
    assert set(history) == {"loss", "mse", "val_loss", "val_mse"}
    assert all(len(v) == 1 and isinstance(v[0], float) and np.isfinite(v[0]) for v in history.values())


def test_the_direction_models_layers_and_counted_weights(directions):
    cnn = 3 * 3 * 1 * 8 + 8 + (8 * 8 * 8) * 32 + 32                     # conv, pool to 8 x 8, dense
    gru = 3 * 32 * (32 + 32) + 2 * 3 * 32                                 # Keras' GRU: two biases
    logits = 32 * 4 + 4
    gru_model, average = directions["gru"], directions["average"]
    assert [layer.name for layer in gru_model.layers] == ["frames", "frame_cnn", "rnn", "logits"]
    assert [layer.name for layer in average.layers] == ["frames", "frame_cnn", "average", "logits"]
    assert gru_model.get_layer("frame_cnn").count_params() == cnn
    assert gru_model.count_params() == cnn + gru + logits and average.count_params() == cnn + logits
    with pytest.raises(ValueError, match="mixer"):
        build_direction_model("lstm")


def test_directions_are_the_softmax_of_the_logits(directions, moves):
    for model in directions.values():
        probs = predict_directions(model, moves.frames)
        assert probs.shape == (8, 4) and probs.dtype == np.float64
        assert np.allclose(probs.sum(axis=1), 1) and probs.min() > 0
        z = np.asarray(model(moves.frames[..., None]), dtype=np.float64)
        assert np.allclose(np.log(probs) - np.log(probs[:, :1]), z - z[:, :1], atol=1e-5)


def test_frame_features_are_the_cnn_on_each_frame(directions, moves):
    model = directions["gru"]
    features = frame_features(model, moves.frames)
    assert features.shape == (8, moves.frames.shape[1], 32) and features.dtype == np.float32
    assert features.min() >= 0                                             # after a relu
    one = frame_features(model, moves.frames[:, 2:3])                     # a frame on its own
    assert np.allclose(one[:, 0], features[:, 2], atol=1e-6)


def test_the_average_cannot_tell_a_clip_from_its_reverse_and_the_gru_can(directions, moves):
    forwards, backwards = moves.frames, moves.frames[:, ::-1]
    average, gru = directions["average"], directions["gru"]
    assert np.allclose(predict_directions(average, forwards), predict_directions(average, backwards),
                       atol=1e-6)
    shuffled = moves.frames[:, [3, 0, 5, 1, 4, 2]]
    assert np.allclose(predict_directions(average, forwards), predict_directions(average, shuffled),
                       atol=1e-6)
    assert not np.allclose(predict_directions(gru, forwards), predict_directions(gru, backwards), atol=1e-4)


def test_frame_gradient_is_one_non_negative_norm_per_frame(directions, moves):
    for model in directions.values():
        g = frame_gradient(model, moves.frames, moves.directions)
        assert g.shape == (moves.frames.shape[1],) and g.dtype == np.float64
        assert np.all(g >= 0) and np.all(np.isfinite(g)) and g.sum() > 0
    # the average reads each frame alike: a clip of one frame repeated gets one gradient for every frame
    still = np.repeat(moves.frames[:, :1], 4, axis=1)
    g = frame_gradient(directions["average"], still, moves.directions)
    assert np.allclose(g, g[0], rtol=1e-5)


def test_a_short_fit_of_the_direction_model_returns_its_history(moves):
    model = build_direction_model("average", filters=2, features=4, seed=0)
    history = train_direction_model(model, moves.frames, moves.directions, moves.frames[:2],
                                    moves.directions[:2], epochs=1, batch_size=8)
    assert set(history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 1 and isinstance(v[0], float) for v in history.values())
    assert 0 <= history["val_accuracy"][0] <= 1


def test_models_and_frames_that_do_not_fit_are_named(predictor, directions, clips, moves):
    with pytest.raises(ValueError, match=r"model: expected the model of build_frame_predictor\(\)"):
        next_frames(directions["gru"], clips.frames)
    with pytest.raises(ValueError, match=r"model: expected the model of build_direction_model\(\)"):
        predict_directions(predictor, moves.frames)
    with pytest.raises(TypeError, match="model"):
        predict_ahead("convlstm", clips.frames, 2)
    with pytest.raises(ValueError, match=r"observed: expected frames of 16 x 16 pixels"):
        predict_ahead(predictor, clips.frames[:, :, :8, :8], 2)
    with pytest.raises(ValueError, match=r"frames: expected frames of 16 x 16 pixels"):
        frame_features(directions["average"], clips.frames[:, :, :12, :12])
    with pytest.raises(ValueError, match="directions: expected 8 direction indices"):
        frame_gradient(directions["gru"], moves.frames, moves.directions[:4])
    with pytest.raises(ValueError, match="frames: expected clips"):
        train_frame_predictor(predictor, clips.frames[:, :1], clips.frames, epochs=1)   # T = 1: no target
