"""Hear the pitch arrays: four voices of sines with a few harmonics, in numpy.

    wave = synthesize(pitches, rate=8000, step_seconds=0.25)   # (T, 4) MIDI -> (N,) float32 in [-1, 1]
    IPython.display.Audio(wave, rate=8000)                      # embedded in the saved notebook

A note held over several grid steps (the same pitch step after step in one voice) sounds once, for
its whole length: the eighth-note grid cannot tell a held note from a repeated one, and holding is
what Bach wrote far more often. Each note: harmonics 1, 2, 3 with amplitudes 1, 1/2, 1/4, a 10 ms
attack, an exponential decay and a 20 ms release (no clicks). numpy only.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_numbers, check_int, check_number
from rnn_helpers.datasets.music import REST
from rnn_helpers.music import check_pitches

A4_MIDI, A4_HZ = 69, 440.0
HARMONICS = (1.0, 0.5, 0.25)
ATTACK, RELEASE, DECAY = 0.01, 0.02, 0.8          # seconds


def midi_to_hz(pitch) -> np.ndarray:
    """Equal temperament: 440 · 2^((m - 69) / 12) Hz for MIDI numbers m (any shape, 0-127)."""
    m = as_numbers("pitch", pitch)
    if m.size and (m.min() < 0 or m.max() > 127):
        raise ValueError(f"pitch: expected MIDI numbers in [0, 127], got {m.min()}..{m.max()}")
    return A4_HZ * 2.0 ** ((np.asarray(m, dtype=np.float64) - A4_MIDI) / 12)


def _notes(voice):
    """(start step, length in steps, pitch) of each held note of one voice (T,), rests dropped."""
    change = np.flatnonzero(np.diff(voice) != 0) + 1
    starts = np.concatenate([[0], change])
    lengths = np.diff(np.concatenate([starts, [voice.size]]))
    return [(s, n, voice[s]) for s, n in zip(starts, lengths) if voice[s] != REST]


def synthesize(pitches, rate=8000, step_seconds=0.25) -> np.ndarray:
    """(T, 4) MIDI pitches on the grid -> (T · step_seconds · rate,) float32 waveform, peak 0.9."""
    p = check_pitches("pitches", pitches)
    rate = check_int("rate", rate, low=2000, high=96000)
    step_seconds = check_number("step_seconds", step_seconds, low=0.01, high=5.0)
    step = int(round(step_seconds * rate))                                   # samples per grid step
    wave = np.zeros(p.shape[0] * step)
    for voice in p.T:
        for start, length, pitch in _notes(voice):
            n = length * step
            t = np.arange(n) / rate                                          # (n,) seconds into the note
            f = midi_to_hz(pitch)
            tone = sum(a * np.sin(2 * np.pi * f * (k + 1) * t) for k, a in enumerate(HARMONICS))
            env = np.minimum(1.0, t / ATTACK) * np.exp(-t / DECAY) * np.minimum(1.0, (n / rate - t) / RELEASE)
            wave[start * step:start * step + n] += tone * env
    peak = np.abs(wave).max()
    return (0.9 * wave / peak if peak > 0 else wave).astype(np.float32)
