"""The chorale token stream and its counting baselines, the key and range checks, and the synthesizer:
round trips exact, the n-gram counts equal to a hand count, bits equal to the definition, a synthesized
A4 at 440 Hz."""

import numpy as np
import pytest

from rnn_helpers.datasets.music import load_chorales
from rnn_helpers.harmony import in_key_fraction, in_range_fraction, key_pitch_classes, voice_ranges
from rnn_helpers.music import (
    PitchVocabulary,
    deinterleave,
    fit_voice_ngram,
    interleave,
    melody_overlap,
    ngram_probs,
    ngram_step_fn,
    pitch_vocabulary,
    repeat_accuracy,
    sample_continuation,
    score,
    split_chorales,
)
from rnn_helpers.synth import midi_to_hz, synthesize


@pytest.fixture(scope="module")
def chorales():
    return load_chorales()


def test_interleave_is_time_step_by_time_step_and_undone_exactly(chorales):
    p = chorales[0].pitches
    s = interleave(p)
    assert s.shape == (4 * len(p),) and s[:8].tolist() == [65, 60, 57, 53, 65, 60, 57, 53]
    assert np.array_equal(deinterleave(s), p)


def test_the_vocabulary_covers_every_pitch_and_round_trips(chorales):
    allp = np.concatenate([c.pitches for c in chorales])
    vocab = pitch_vocabulary(allp)
    assert (vocab.low, vocab.high, vocab.size) == (36, 81, 47)       # rest + B lowest .. S highest
    ids = vocab.encode(allp)
    assert ids.min() == 0 and ids.max() == vocab.size - 1
    assert np.array_equal(vocab.decode(ids), allp)
    assert vocab.encode([0, 36, 81]).tolist() == [0, 1, 46]
    with pytest.raises(ValueError, match=r"pitches: expected rests \(0\) or pitches in \[36, 81\], got 30"):
        vocab.encode([30, 40])


def test_whole_chorales_are_held_out_and_every_one_is_used():
    train, val, test = split_chorales(403, seed=0)
    assert (len(train), len(val), len(test)) == (323, 40, 40)
    assert sorted(np.concatenate([train, val, test]).tolist()) == list(range(403))
    again = split_chorales(403, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip((train, val, test), again))
    assert not np.array_equal(split_chorales(403, seed=1)[2], test)


def test_repeat_accuracy_counts_the_same_voice_four_tokens_back():
    p = np.array([[60, 55, 50, 40], [60, 57, 50, 41], [62, 57, 50, 41]])
    s = interleave(p)
    # targets: step 1 (S same, A new, T same, B new), step 2 (S new, A same, T same, B same)
    assert repeat_accuracy(s, lag=4) == pytest.approx(5 / 8)
    assert repeat_accuracy(s, lag=1) == pytest.approx(np.mean(s[4:] == s[3:-1]))


def test_the_ngram_table_is_the_smoothed_hand_count():
    V = 4
    streams = [np.array([1, 2, 3, 1, 1, 2, 3, 2, 1, 3, 3, 2])]
    table = fit_voice_ngram(streams, V, lags=(4,), k=0.5)
    assert table.shape == (4 * V, V) and np.allclose(table.sum(axis=1), 1)
    # soprano (voice 0) after a soprano 1: targets 1 (t=4) and 1 (t=8): counts [0, 2, 0, 0] + 0.5
    assert np.allclose(table[0 * V + 1], np.array([0.5, 2.5, 0.5, 0.5]) / 4)
    # bass (voice 3) after a bass 1 (t=3 -> t=7 is 2) and after a bass 2 (t=7 -> t=11 is 2)
    assert np.allclose(table[3 * V + 1], np.array([0.5, 0.5, 1.5, 0.5]) / 3)
    assert np.allclose(table[3 * V + 2], np.array([0.5, 0.5, 1.5, 0.5]) / 3)
    probs = ngram_probs(table, streams[0], lags=(4,))
    assert probs.shape == (8, V) and np.allclose(probs[0], table[0 * V + 1])


def test_score_is_accuracy_and_mean_bits():
    probs = np.array([[0.5, 0.25, 0.25], [0.125, 0.125, 0.75]])
    out = score(probs, np.array([1, 2]))
    assert out["accuracy"] == 0.5 and out["bits"] == pytest.approx((2 + -np.log2(0.75)) / 2)
    with pytest.raises(ValueError, match="probability 0"):
        score(np.array([[1.0, 0.0]]), np.array([1]))


def test_on_real_chorales_the_second_lag_lowers_the_bits(chorales):
    vocab = pitch_vocabulary(np.concatenate([c.pitches for c in chorales]))
    train, _, test = split_chorales(len(chorales), seed=0)
    streams = [vocab.encode(interleave(c.pitches)) for c in chorales]
    test_y = np.concatenate([streams[i][4:] for i in test])
    bits = {}
    for lags in [(4,), (4, 1)]:
        table = fit_voice_ngram([streams[i] for i in train], vocab.size, lags=lags)
        bits[lags] = score(np.concatenate([ngram_probs(table, streams[i], lags) for i in test]), test_y)
    # counted from the training pieces, scored on unseen ones: the voice above is worth ~0.3 bit a note
    assert 2.0 < bits[(4,)]["bits"] < 2.3 and 1.7 < bits[(4, 1)]["bits"] < 1.95
    assert bits[(4, 1)]["accuracy"] > bits[(4,)]["accuracy"]
    repeat = np.mean([repeat_accuracy(streams[i]) for i in test])
    assert 0.5 < repeat < 0.65


def test_key_pitch_classes_in_music21_spelling():
    assert key_pitch_classes("C major") == (0, 2, 4, 5, 7, 9, 11)
    assert key_pitch_classes("F major") == (0, 2, 4, 5, 7, 9, 10)                  # B flat
    assert key_pitch_classes("a minor") == (0, 2, 4, 5, 7, 8, 9, 11)               # G sharp leading tone
    assert key_pitch_classes("B- major") == key_pitch_classes("A# major")
    with pytest.raises(ValueError, match="key: expected '<tonic> major'"):
        key_pitch_classes("H dorian")


def test_real_chorales_are_mostly_in_key_and_inside_their_ranges(chorales):
    fractions = [in_key_fraction(c.pitches, c.key) for c in chorales]
    assert 0.9 < np.median(fractions) < 1.0                    # chromatic notes and modulations exist
    ranges = voice_ranges(np.concatenate([c.pitches for c in chorales]))
    assert ranges.tolist() == [[57, 81], [53, 74], [48, 69], [36, 64]]
    assert all(in_range_fraction(c.pitches, ranges) == 1.0 for c in chorales)
    swapped = chorales[0].pitches[:, ::-1]                     # bass in the soprano's place
    assert in_range_fraction(swapped, ranges) < 0.6


def test_midi_to_hz_is_equal_temperament():
    assert np.allclose(midi_to_hz([69, 81, 60]), [440.0, 880.0, 261.6256], atol=1e-4)


def test_a_synthesized_a4_sounds_at_440_hz_for_its_whole_length():
    p = np.array([[69, 0, 0, 0]] * 4)                           # one A4 held for 4 steps, three rests
    wave = synthesize(p, rate=8000, step_seconds=0.25)
    assert wave.shape == (8000,) and wave.dtype == np.float32 and np.abs(wave).max() == pytest.approx(0.9)
    spectrum = np.abs(np.fft.rfft(wave))
    assert np.fft.rfftfreq(wave.size, 1 / 8000)[spectrum.argmax()] == pytest.approx(440.0)
    # a held note starts once: no new attack at the step boundaries
    assert np.abs(wave[1990:2010]).max() > 0.8 * np.abs(wave[1900:1990]).max()


def test_a_repeated_note_after_a_rest_starts_again_and_silence_is_silent():
    p = np.array([[69, 0, 0, 0], [0, 0, 0, 0], [69, 0, 0, 0]])
    wave = synthesize(p, rate=8000, step_seconds=0.1)
    assert np.all(wave[800:1600] == 0) and np.abs(wave[1600:]).max() > 0.5
    assert np.all(synthesize(np.zeros((2, 4), dtype=int)) == 0)


# --- melody overlap, the n-gram as a step function, sampled continuations --------------------------

def _with_soprano(soprano, lower=(55, 52, 48)):
    """(T, 4) pitches: ``soprano`` over three held lower voices."""
    return np.array([[s, *lower] for s in soprano])


def test_melody_overlap_counts_the_sopranos_phrases_heard_elsewhere(chorales):
    p = chorales[0].pitches
    assert melody_overlap(p, [p]) == 1.0
    assert melody_overlap(p, [chorales[1].pitches, p]) == 1.0          # found in any of the others
    up = p.copy()
    up[:, 0] = np.where(p[:, 0] > 0, p[:, 0] + 1, 0)                    # the tune a semitone higher
    assert melody_overlap(p, [up]) == 0.0
    # only the soprano counts: other alto, tenor and bass leave the tune a known one
    assert melody_overlap(_with_soprano(p[:, 0]), [_with_soprano(p[:, 0], (50, 47, 40))]) == 1.0


def test_melody_overlap_by_hand():
    # phrases of 2 steps: (60, 62) (62, 64) (64, 65) (65, 67); the other sings the first two only
    tune = _with_soprano([60, 62, 64, 65, 67])
    other = _with_soprano([60, 62, 64, 70])
    assert melody_overlap(tune, [other], n=2) == 0.5
    assert melody_overlap(tune, [other], n=3) == pytest.approx(1 / 3)    # (60, 62, 64) of three
    assert melody_overlap(tune, [other[:1]], n=2) == 0.0                # too short to hold a phrase
    assert melody_overlap(tune, [other], n=5) == 0.0
    with pytest.raises(ValueError, match="pitches: expected at least n=6 steps"):
        melody_overlap(tune, [other], n=6)


@pytest.mark.parametrize("lags", [(4,), (4, 1)])
def test_the_ngram_step_fn_fed_a_stream_gives_the_tables_distributions(lags):
    V = 5
    rng = np.random.default_rng(0)
    streams = [rng.integers(0, V, size=40), rng.integers(0, V, size=24)]
    table = fit_voice_ngram(streams, V, lags=lags, k=0.3)
    tokens = rng.integers(0, V, size=32)                                 # a stream it was not fitted on
    step = ngram_step_fn(table, lags)
    state, predicted = None, []
    for token in tokens[:-1]:
        logits, state = step(np.array([token]), state)
        assert logits.shape == (1, V)
        predicted.append(logits[0])
    predicted = np.array(predicted)                                      # row t: after reading tokens[:t + 1]
    assert np.all(predicted[:3] == 0)                                    # uniform until a whole step is read
    # after tokens[:t] the step function predicts tokens[t]: the same rows as ngram_probs for tokens[4:]
    assert np.allclose(np.exp(predicted[3:]), ngram_probs(table, tokens, lags))


def test_the_ngram_step_fn_reads_the_same_voice_four_tokens_back():
    V = 3
    table = np.full((4 * V, V), 0.1)
    table[np.arange(4 * V), (np.arange(4 * V) % V + 1) % V] = 0.8       # context (voice, x) -> x + 1 mod 3
    step = ngram_step_fn(table)
    state = None
    for token in [0, 1, 2, 0]:                                           # soprano 0, alto 1, tenor 2, bass 0
        logits, state = step(np.array([token]), state)
    assert logits[0].argmax() == 1                                       # the next soprano: after 0, 1
    logits, state = step(np.array([2]), state)                           # the soprano sings 2
    assert logits[0].argmax() == 2                                       # the next alto: after 1, 2
    with pytest.raises(ValueError, match="ids"):
        step(np.array([3]), state)


def _always(idx, V=6):
    """A step function whose logits put (almost) all the mass on ``idx``, whatever it reads."""
    def step(ids, state=None):
        logits = np.zeros((1, V))
        logits[0, idx] = 1e3
        return logits, state
    return step


def _copy_last_step(ids, state=None):
    """A step function that predicts the token 4 back (the same voice holds its note), V = 6."""
    recent = ((state or ()) + (int(ids[0]),))[-4:]
    logits = np.zeros((1, 6))
    logits[0, recent[0]] = 1e3
    return logits, recent


def test_a_certain_step_function_sings_one_pitch_everywhere():
    vocab = PitchVocabulary(60, 64)                                      # id 3 is pitch 62
    opening = np.array([[64, 62, 60, 0], [64, 63, 61, 60]])
    out = sample_continuation(_always(3), vocab, opening, steps=5, temperature=1.5)
    assert out.shape == (5, 4) and out.dtype == np.int64 and np.all(out == 62)
    assert np.all(sample_continuation(_always(0), vocab, opening, steps=2) == 0)   # id 0 is a rest


def test_the_continuation_reads_the_opening_step_by_step_and_keeps_the_state():
    vocab = PitchVocabulary(60, 64)
    opening = np.array([[60, 61, 62, 63], [64, 62, 0, 60]])
    out = sample_continuation(_copy_last_step, vocab, opening, steps=3)
    assert out.tolist() == [[64, 62, 0, 60]] * 3                         # the last step held by each voice


def test_sampling_is_deterministic_for_a_seed():
    vocab = PitchVocabulary(60, 64)
    rng = np.random.default_rng(0)
    table = fit_voice_ngram([rng.integers(0, vocab.size, size=400)], vocab.size, lags=(4, 1))
    step, opening = ngram_step_fn(table, (4, 1)), np.array([[64, 62, 60, 0]])
    a = sample_continuation(step, vocab, opening, steps=32, seed=3)
    assert np.array_equal(a, sample_continuation(step, vocab, opening, steps=32, seed=3))
    assert not np.array_equal(a, sample_continuation(step, vocab, opening, steps=32, seed=4))
    assert set(np.unique(a)) <= {0, 60, 61, 62, 63, 64}


def test_an_opening_outside_the_vocabulary_is_refused():
    vocab = PitchVocabulary(60, 64)
    with pytest.raises(ValueError, match=r"opening: expected rests \(0\) or pitches in \[60, 64\]"):
        sample_continuation(_always(1), vocab, np.array([[65, 60, 60, 60]]))
    with pytest.raises(TypeError, match="vocab"):
        sample_continuation(_always(1), (60, 64), np.array([[60, 60, 60, 60]]))


def test_a_step_function_over_another_vocabulary_is_refused():
    # an n-gram of 3 ids with a vocabulary of 6 would only ever sample rests, 60 and 61
    step = ngram_step_fn(fit_voice_ngram([np.arange(8) % 3], 3))
    message = r"step_fn: expected logits over the vocabulary's 6 ids, got shape \(1, 3\)"
    with pytest.raises(ValueError, match=message):
        sample_continuation(step, PitchVocabulary(60, 64), np.array([[60, 60, 60, 60]]))
    message = r"step_fn: failed on id 5 of the vocabulary's 6 ids \(ids: expected"       # 64 is id 5
    with pytest.raises(ValueError, match=message):
        sample_continuation(step, PitchVocabulary(60, 64), np.array([[64, 60, 60, 60]]))
