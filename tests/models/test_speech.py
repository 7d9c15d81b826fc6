"""The CTC digit-string recogniser: padding and targets, the output frame rate and the counted
parameters, probabilities equal to the model's own softmax, and a tiny model that learns to read
digits off a synthetic feature band."""

import numpy as np
import pytest

from rnn_helpers.audio import N_MELS
from rnn_helpers.ctc import N_LABELS, greedy_ctc_decode
from rnn_helpers.models.speech import (
    DOWNSAMPLE,
    SILENCE,
    build_ctc_model,
    digit_targets,
    frame_probs,
    pad_features,
    train_ctc_model,
    transcribe,
)


def test_pad_features_puts_each_clip_first_then_silence_up_to_a_multiple_of_4():
    clips = [np.full((5, N_MELS), 1.0), np.full((9, N_MELS), 2.0, dtype=np.float32), np.full((1, N_MELS), 3)]
    x = pad_features(clips)
    assert x.shape == (3, 12, N_MELS) and x.dtype == np.float32          # 9 frames -> 12
    for row, clip in zip(x, clips):
        n = clip.shape[0]
        assert np.array_equal(row[:n], clip) and np.all(row[n:] == SILENCE)
    assert SILENCE == -14.0
    assert pad_features(clips, length=16).shape == (3, 16, N_MELS)
    assert np.all(pad_features(clips, value=0.0)[2, 1:] == 0.0)
    assert pad_features([np.zeros((8, N_MELS))]).shape == (1, 8, N_MELS)     # already a multiple
    for frames, length in ((1, 4), (4, 4), (5, 8), (137, 140)):
        assert pad_features([np.zeros((frames, N_MELS))]).shape[1] == length
    with pytest.raises(ValueError, match="^length: expected a multiple of 4"):
        pad_features(clips, length=10)
    with pytest.raises(ValueError, match="^length: expected a multiple of 4 of at least the longest"):
        pad_features(clips, length=8)


def test_digit_targets_are_ids_then_zeros():
    y = digit_targets(["314", "0", "99999"])
    assert y.dtype == np.int32 and y.tolist() == [[4, 2, 5, 0, 0], [1, 0, 0, 0, 0], [10] * 5]
    assert digit_targets(np.array(["12", "3"])).tolist() == [[2, 3], [4, 0]]
    assert digit_targets(["12"], length=4).tolist() == [[2, 3, 0, 0]]
    with pytest.raises(ValueError, match="^length"):
        digit_targets(["123"], length=2)
    with pytest.raises(ValueError, match="^digit_strings: digits: expected only the digits"):
        digit_targets(["12", "1x"])


def _gru_params(inputs, units):
    return 3 * units * (inputs + units + 2)       # kernel, recurrent kernel, two biases (reset_after)


@pytest.mark.parametrize("bidirectional", [True, False])
def test_the_output_is_one_distribution_every_4_frames_and_the_parameters_are_counted(bidirectional):
    D, F, H = N_MELS, 16, 12
    model = build_ctc_model(units=H, filters=F, bidirectional=bidirectional, seed=0)
    for T in (40, 8):
        assert model(np.zeros((3, T, D), dtype="float32")).shape == (3, T // DOWNSAMPLE, N_LABELS)
    directions = 2 if bidirectional else 1
    convs = (5 * D * F + F) + (3 * F * F + F)
    assert model.count_params() == convs + directions * _gru_params(F, H) + (directions * H * N_LABELS
                                                                             + N_LABELS)
    assert model.layers[3].count_params() == directions * _gru_params(F, H)     # the (Bidirectional) GRU
    assert model.name == ("ctc_bigru" if bidirectional else "ctc_gru")
    again = build_ctc_model(units=H, filters=F, bidirectional=bidirectional, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(model.get_weights(), again.get_weights()))


def test_frame_probs_are_the_softmax_of_the_logits_and_transcribe_decodes_them():
    model = build_ctc_model(units=4, filters=4, seed=3)
    x = np.random.default_rng(0).normal(size=(5, 16, N_MELS)).astype(np.float32)
    probs = frame_probs(model, x, batch_size=2)                         # three batches: 2, 2, 1
    assert probs.shape == (5, 4, N_LABELS) and probs.dtype == np.float64
    assert np.allclose(probs.sum(axis=-1), 1) and probs.min() > 0
    z = np.asarray(model(x), dtype=np.float64)
    softmax = np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)
    assert np.allclose(probs, softmax, atol=1e-6)
    assert transcribe(model, x) == greedy_ctc_decode(probs) == greedy_ctc_decode(z)


# A synthetic task: digit d "sounds" as feature band 8 * k : 8 * k + 8 (k its index in DIGITS) lit for
# 6 frames, 5 silent frames before each word (more than the 4 frames of one output: a repeated digit
# has room for a blank between), then silence up to 40 frames; strings of 1 to 3 of three digits.
DIGITS = "158"


def _synthetic_clips(n, seed):
    rng = np.random.default_rng(seed)
    strings, clips = [], []
    for _ in range(n):
        s = "".join(rng.choice(list(DIGITS), size=rng.integers(1, 4)))
        clip = np.zeros((5 + 11 * len(s), N_MELS), dtype=np.float32)
        for w, d in enumerate(s):
            k = DIGITS.index(d)
            clip[5 + 11 * w: 11 + 11 * w, 8 * k: 8 * k + 8] = 2.0
        strings.append(s)
        clips.append(clip + 0.1 * rng.normal(size=clip.shape).astype(np.float32))
    return pad_features(clips, length=40, value=0.0), strings


def test_a_tiny_model_learns_to_read_digits_off_a_feature_band():
    x, strings = _synthetic_clips(256, seed=0)
    x_val, val_strings = _synthetic_clips(40, seed=1)
    assert x.shape == (256, 40, N_MELS) and {len(s) for s in strings} == {1, 2, 3}
    assert any(a == b for s in strings for a, b in zip(s, s[1:]))        # repeated digits included
    model = build_ctc_model(units=8, filters=8, seed=0, learning_rate=1e-2)
    untrained = transcribe(model, x_val)
    history = train_ctc_model(model, x, digit_targets(strings), x_val, digit_targets(val_strings),
                              epochs=20, batch_size=16)                # about 6 s
    assert len(history["loss"]) == 20 and history["val_loss"][-1] < history["val_loss"][0] / 4
    hyps = transcribe(model, x_val)
    correct = np.mean([h == r for h, r in zip(hyps, val_strings)])
    assert correct >= 0.8 > np.mean([h == r for h, r in zip(untrained, val_strings)])


def test_targets_must_fit_the_output_frames_and_have_no_gaps():
    model = build_ctc_model(units=2, filters=2, seed=0)
    x = np.zeros((1, 8, N_MELS), dtype=np.float32)                     # 2 output frames
    fits = digit_targets(["12"])
    with pytest.raises(ValueError, match="^y: a string needs 3 output frames"):
        train_ctc_model(model, x, digit_targets(["11"]), x, fits, epochs=1)   # 1, blank, 1
    with pytest.raises(ValueError, match="^y_val: expected each row digit ids"):
        train_ctc_model(model, x, fits, x, np.array([[2, 0, 3]]), epochs=1)
    with pytest.raises(TypeError, match="^y: expected integer digit ids"):
        train_ctc_model(model, x, fits * 1.0, x, fits, epochs=1)
