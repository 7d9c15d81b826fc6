"""Audio in numpy and scipy: read a WAV, resample it, and its log-mel spectrogram.

    x, rate = read_wav("data/asterisk_digits/3.wav")     # (N,) float32 in [-1, 1], 8000
    x = resample(x, rate, RATE)                           # any rate -> the course's 8 kHz
    feats = log_mel(x)                                    # (frames, N_MELS): one row every 20 ms

The course hears speech at 8 kHz, the telephone band (the real recordings are 8 kHz): a frame is a
32 ms Hann window (256 samples) every 20 ms (160 samples), its power spectrum pooled by 32 triangular
mel filters from 50 Hz to 4 kHz, then ``ln(power + 1e-6)``. No TensorFlow here.
"""

from __future__ import annotations

import wave
from math import gcd
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly

from rnn_helpers._checks import as_array, check_nonempty, check_number, check_positive_int

RATE = 8000                 # samples per second
WINDOW = 256                # samples per frame (32 ms)
HOP = 160                   # samples between frames (20 ms)
N_MELS = 32
FMIN, FMAX = 50.0, 4000.0
FLOOR = 1e-6                # added to the mel power before the log (silence -> ln 1e-6 = -13.8)


def read_wav(path) -> tuple[np.ndarray, int]:
    """A mono 16-bit PCM WAV file as ((N,) float32 in [-1, 1], sample rate)."""
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path: expected a file path (str or Path), got {type(path).__name__}")
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path: no such file {path}")
    try:
        with wave.open(str(path), "rb") as w:
            channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
            raw = w.readframes(w.getnframes())
    except (wave.Error, EOFError) as exc:
        raise ValueError(f"path: {path.name} is not a readable WAV file ({exc})") from exc
    if channels != 1 or width != 2:
        raise ValueError(f"path: expected a mono 16-bit WAV, got {channels} channel(s) of {8 * width}-bit "
                         f"samples in {path.name}")
    return np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0, rate


def resample(x, rate_from, rate_to) -> np.ndarray:
    """``x`` (N,) sampled at ``rate_from`` Hz, resampled to ``rate_to`` Hz (polyphase, scipy)."""
    x = as_array("x", x, ndim=1)
    rate_from, rate_to = check_positive_int("rate_from", rate_from), check_positive_int("rate_to", rate_to)
    g = gcd(rate_from, rate_to)
    return resample_poly(x, rate_to // g, rate_from // g).astype(np.float32)


def _hz_to_mel(f):
    return 2595.0 * np.log10(1.0 + np.asarray(f) / 700.0)


def mel_filterbank(n_mels=N_MELS, n_fft=WINDOW, rate=RATE, fmin=FMIN, fmax=FMAX) -> np.ndarray:
    """(n_mels, n_fft // 2 + 1) triangular filters, equally spaced on the mel scale, each peaking at 1."""
    n_mels, n_fft, rate = (check_positive_int(k, v) for k, v in
                           (("n_mels", n_mels), ("n_fft", n_fft), ("rate", rate)))
    if not 0 <= fmin < fmax <= rate / 2:
        raise ValueError(f"fmin, fmax: expected 0 <= fmin < fmax <= rate / 2 = {rate / 2:g}, "
                         f"got {fmin}, {fmax}")
    edges = 700.0 * (10 ** (np.linspace(_hz_to_mel(fmin), _hz_to_mel(fmax), n_mels + 2) / 2595.0) - 1.0)
    freqs = np.linspace(0.0, rate / 2, n_fft // 2 + 1)                  # (F,) the FFT bins in Hz
    lo, mid, hi = edges[:-2, None], edges[1:-1, None], edges[2:, None]  # (M, 1) each
    return np.maximum(0.0, np.minimum((freqs - lo) / (mid - lo), (hi - freqs) / (hi - mid)))


_FILTERS = mel_filterbank()


def log_mel(x, rate=RATE) -> np.ndarray:
    """The log-mel spectrogram of ``x`` (N,) sampled at ``rate`` (must be ``RATE``, 8000 Hz: call
    ``resample`` first): (frames, N_MELS) float32, frames = 1 + (N - WINDOW) // HOP."""
    x = as_array("x", x, ndim=1)
    check_nonempty("x", x)
    rate = check_positive_int("rate", rate)
    if rate != RATE:
        raise ValueError(f"rate: expected {RATE} Hz (resample(x, {rate}, {RATE}) first), got {rate}")
    if x.size < WINDOW:
        raise ValueError(f"x: expected at least {WINDOW} samples ({1000 * WINDOW / RATE:g} ms), got {x.size}")
    frames = 1 + (x.size - WINDOW) // HOP
    idx = np.arange(WINDOW)[None, :] + HOP * np.arange(frames)[:, None]    # (frames, WINDOW)
    spectrum = np.abs(np.fft.rfft(x[idx] * np.hanning(WINDOW), axis=1)) ** 2   # (frames, F)
    return np.log(spectrum @ _FILTERS.T + FLOOR).astype(np.float32)      # (frames, N_MELS)


def trim_silence(x, threshold=0.01, margin=0.06, rate=RATE) -> np.ndarray:
    """``x`` (N,) cut to its first and last sample above ``threshold`` x its peak, keeping ``margin``
    seconds on each side: how every synthesised clip of ``data/spoken_digits.npz`` was trimmed
    (``tools/data/build_spoken_digits.py``), so real recordings can be treated the same way."""
    x = as_array("x", x, ndim=1)
    check_nonempty("x", x)
    threshold = check_number("threshold", threshold, low=0.0, high=1.0)
    if threshold == 1.0:
        raise ValueError("threshold: expected a fraction of the peak in [0, 1) (no sample is above the "
                         "peak itself), got 1.0")
    margin = check_number("margin", margin, low=0.0, high=1.0)
    rate = check_positive_int("rate", rate)
    peak = np.abs(x).max()
    if peak == 0:
        raise ValueError("x: expected some sound, got only zeros (silence cannot be trimmed)")
    loud = np.flatnonzero(np.abs(x) > threshold * peak)
    keep = int(margin * rate)
    return x[max(0, loud[0] - keep): loud[-1] + keep]


def stretch_frames(features, factor) -> np.ndarray:
    """Feature frames (T, D) resampled in time to round(T · factor) frames by linear interpolation
    between neighbouring frames: ``factor`` < 1 makes the speech faster without changing its pitch
    (the spectrum of each frame is kept), > 1 slower."""
    f = as_array("features", features, ndim=2)
    check_nonempty("features", f)
    factor = check_number("factor", factor, low=0.05, high=20.0)
    n = max(1, int(round(f.shape[0] * factor)))
    pos = np.linspace(0, f.shape[0] - 1, n)                  # where each new frame falls among the old
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, f.shape[0] - 1)
    w = (pos - lo)[:, None]
    return ((1 - w) * f[lo] + w * f[hi]).astype(np.float32)
