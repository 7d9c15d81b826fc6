"""rnn_helpers.audio: WAV reading, resampling and the log-mel spectrogram, against known signals."""

import wave

import numpy as np
import pytest

from rnn_helpers.audio import (
    FMAX,
    HOP,
    N_MELS,
    RATE,
    WINDOW,
    log_mel,
    mel_filterbank,
    read_wav,
    resample,
    trim_silence,
)


def _write(path, x, rate=RATE, channels=1):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.asarray(x) * 32767).round().astype("<i2").tobytes())


def test_read_wav_gives_back_what_was_written(tmp_path):
    x = 0.5 * np.sin(2 * np.pi * 440 * np.arange(800) / RATE)
    _write(tmp_path / "a.wav", x)
    got, rate = read_wav(tmp_path / "a.wav")
    assert rate == RATE and got.dtype == np.float32 and got.shape == (800,)
    np.testing.assert_allclose(got, x, atol=1 / 32767)


def test_resample_keeps_a_tone_and_changes_the_length():
    t = np.arange(22050) / 22050
    y = resample(np.sin(2 * np.pi * 500 * t), 22050, RATE)             # 1 s at 22.05 kHz -> 8 kHz
    assert y.shape == (RATE,)
    spectrum = np.abs(np.fft.rfft(y))
    assert np.argmax(spectrum) == 500                                   # 1 Hz bins over 1 s


def test_the_mel_filters_are_triangles_that_cover_the_band():
    fb = mel_filterbank()
    assert fb.shape == (N_MELS, WINDOW // 2 + 1) and fb.min() == 0 and fb.max() <= 1
    freqs = np.linspace(0, RATE / 2, WINDOW // 2 + 1)
    peaks = freqs[fb.argmax(axis=1)]
    assert np.all(np.diff(peaks) > 0)                                   # ordered low to high
    assert np.all(np.diff(np.diff(peaks)) > -32)                        # widening (bins are 31.25 Hz)
    inside = (freqs > 100) & (freqs < FMAX - 100)
    assert (fb[:, inside].sum(axis=0) > 0.4).all()                      # no hole in the band


def test_log_mel_finds_a_tone_in_the_right_band_and_silence_at_the_floor():
    n = RATE // 2
    tone = 0.5 * np.sin(2 * np.pi * 1000 * np.arange(n) / RATE)
    feats = log_mel(tone)
    assert feats.shape == (1 + (n - WINDOW) // HOP, N_MELS) and feats.dtype == np.float32
    band = feats.mean(axis=0).argmax()
    fb = mel_filterbank()
    assert fb[band, round(1000 / (RATE / WINDOW))] > 0.5                # the band that holds 1 kHz
    silent = log_mel(np.zeros(n))
    np.testing.assert_allclose(silent, np.log(1e-6), rtol=1e-6)


@pytest.mark.parametrize("call, error, words", [
    (lambda: log_mel(np.zeros(4000), rate=16000), ValueError, "rate: expected 8000 Hz"),
    (lambda: log_mel(np.zeros(100)), ValueError, "at least 256 samples"),
    (lambda: log_mel(np.zeros((2, 400))), ValueError, "x: expected 1 dimensions"),
    (lambda: log_mel([np.nan] * 400), ValueError, "x"),
    (lambda: resample(np.zeros(10), 0, 8000), ValueError, "rate_from"),
    (lambda: read_wav(3), TypeError, "path"),
    (lambda: read_wav("no/such.wav"), ValueError, "no such file"),
    (lambda: mel_filterbank(fmax=5000.0), ValueError, "fmax"),
])
def test_bad_input_says_what_it_got(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_read_wav_refuses_stereo_and_non_wav_files(tmp_path):
    _write(tmp_path / "s.wav", np.zeros(200), channels=2)
    with pytest.raises(ValueError, match="mono 16-bit"):
        read_wav(tmp_path / "s.wav")
    (tmp_path / "t.wav").write_text("not audio")
    with pytest.raises(ValueError, match="not a readable WAV"):
        read_wav(tmp_path / "t.wav")


def _trimmed(x):
    """tools/data/build_spoken_digits.py's ``trimmed``, copied (that script needs espeak-ng to import)."""
    loud = np.flatnonzero(np.abs(x) > 0.01 * np.abs(x).max())
    keep = int(0.06 * RATE)
    return x[max(0, loud[0] - keep): loud[-1] + keep]


def test_trim_silence_is_how_the_synthesised_clips_were_trimmed():
    rng = np.random.default_rng(0)
    for n, start, stop in [(8000, 2000, 6000), (8000, 100, 7950), (4000, 0, 4000), (9000, 3000, 3001)]:
        x = (0.001 * rng.normal(size=n)).astype(np.float32)          # hiss below 1 % of the peak
        x[start:stop] += np.sin(2 * np.pi * 440 * np.arange(stop - start) / RATE).astype(np.float32)
        x[start] = 0.9                                                # the first loud sample, for sure
        got = trim_silence(x)
        assert got.dtype == np.float32 and np.array_equal(got, _trimmed(x))


def test_trim_silence_keeps_the_margin_on_each_side():
    x = np.zeros(8000)
    x[3000], x[5000] = 0.5, -1.0                                      # the first and last loud samples
    keep = int(0.06 * RATE)                                            # 480 samples
    got = trim_silence(x)
    assert got.size == 5000 + keep - (3000 - keep)                      # [2520, 5480)
    assert got[keep] == 0.5 and got[keep + 2000] == -1.0
    assert trim_silence(x, margin=0.0).size == 2000                    # [3000, 5000): as the builder slices
    assert np.array_equal(trim_silence(x, margin=0.5), x)             # 4000 samples: clipped at both ends
    assert np.array_equal(trim_silence(x, margin=0.01, rate=16000), x[3000 - 160: 5160])
    assert np.array_equal(trim_silence(x, threshold=0.6), x[5000 - keep: 5000 + keep])   # 0.5 is not loud


def test_trim_silence_refuses_silence_and_a_threshold_of_the_peak():
    with pytest.raises(ValueError, match="^x: expected some sound"):
        trim_silence(np.zeros(800))
    with pytest.raises(ValueError, match="^x: expected at least one value"):
        trim_silence(np.zeros(0))
    with pytest.raises(ValueError, match="^threshold"):
        trim_silence(np.ones(10), threshold=1.0)
