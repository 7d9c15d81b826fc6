"""Spoken digit strings for the speech notebook: log-mel features from ``data/``, and real recordings.

    clips = load_spoken_digits()              # 2,020 synthesised clips, 101 voices
    feats, digits = clips.features[0], clips.digits[0]   # (frames, 32) float32, "314"
    train, val, test = speaker_split(clips)   # whole voices held out for validation and testing
    x, rate = real_digit_string("314")        # real recordings (one human speaker) joined, 8 kHz

The features are ``rnn_helpers.audio.log_mel`` of each clip, stored as uint8 on a fixed scale
(``quantize``; 0.086 nats a step). How the clips were made: ``tools/data/build_spoken_digits.py`` and
``data/README.md``. No TensorFlow here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers._checks import as_array, check_number
from rnn_helpers.datasets.files import checked_file

SPOKEN_DIGITS = ("spoken_digits.npz", "9b4c7922f72d3764628666e1c631294a0575e009721ac5837581194c7a0944d5",
                 "python tools/data/build_spoken_digits.py")
DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
LOW, HIGH = -14.0, 8.0                    # the log-mel range stored (ln 1e-6 = -13.8 is silence)
VAL_VARIANTS, TEST_VARIANTS = ("m3",), ("m6", "f4")         # espeak-ng voice variants held out
VAL_FLITE, TEST_FLITE = ("flite:rms",), ("flite:slt",)      # flite voices held out


def quantize(features) -> np.ndarray:
    """Log-mel features (any shape) as uint8 on the fixed scale [LOW, HIGH] (values outside clipped)."""
    f = as_array("features", features)
    return np.rint((np.clip(f, LOW, HIGH) - LOW) / (HIGH - LOW) * 255).astype(np.uint8)


def dequantize(codes) -> np.ndarray:
    """The float32 log-mel features that ``quantize`` stored as ``codes`` (uint8)."""
    codes = np.asarray(codes)
    if codes.dtype != np.uint8:
        raise TypeError(f"codes: expected a uint8 array (from quantize), got dtype {codes.dtype}")
    return (LOW + codes.astype(np.float32) * np.float32((HIGH - LOW) / 255)).astype(np.float32)


class SpokenDigits(NamedTuple):
    """Clips: ``features`` list of (frames_i, 32) float32; ``digits`` (N,) str ("314"); ``speakers``
    (N,) str (espeak-ng "en-gb+f3" or "flite:awb"); ``speeds`` (N,) relative; ``pitches`` (N,)."""

    features: list
    digits: np.ndarray
    speakers: np.ndarray
    speeds: np.ndarray
    pitches: np.ndarray


def load_spoken_digits() -> SpokenDigits:
    """The 2,020 synthesised clips (20 per voice, 101 voices) in the order they were made."""
    with np.load(checked_file(*SPOKEN_DIGITS), allow_pickle=False) as f:
        feats, starts = dequantize(f["features"]), f["starts"]
        return SpokenDigits([feats[a:b] for a, b in zip(starts[:-1], starts[1:])], f["digits"],
                            f["speakers"], f["speeds"], f["pitches"])


def _role(speaker: str) -> str:
    variant = speaker.split("+")[-1]
    if variant in TEST_VARIANTS or speaker in TEST_FLITE:
        return "test"
    if variant in VAL_VARIANTS or speaker in VAL_FLITE:
        return "val"
    return "train"


def speaker_split(clips) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Indices (train, val, test) of ``clips`` (a SpokenDigits) with whole voices held out: espeak-ng's
    variant m3 and flite's rms for validation, variants m6 and f4 (every accent) and flite's slt for
    testing."""
    if not isinstance(clips, SpokenDigits):
        raise TypeError(f"clips: expected the SpokenDigits of load_spoken_digits(), "
                        f"got {type(clips).__name__}")
    roles = np.array([_role(str(s)) for s in clips.speakers])
    return tuple(np.flatnonzero(roles == r) for r in ("train", "val", "test"))


REAL_DIGITS = {  # data/asterisk_digits/<d>.wav -> sha256 (Allison Smith, CC BY-SA 3.0: see its LICENSE.md)
    0: "62debe1daf11756460c0de78d0e1ac7fe28b12fb51a30df3364ce74b90f05d31",
    1: "fb38aca5558d50f7bd4d7986adeea19b97eba894c574fc92acc3b33b480eb701",
    2: "6ef0a6b67a1741e950c491ef664bbfb424b63fab314d616d6f0e467cc0838dee",
    3: "4ec0371d15f721c61be36fe6ca54d0de29d9b9a48062634969556c50ff81faed",
    4: "f1c007fbd2eefa235ea10260b79527b89b88f6d2182008e86221572ad92f204f",
    5: "412b4b7729a8bae7b2b13ad8af9f6989abba8a4b9d5fc1c499b13a3b986653a5",
    6: "89c80e3c120f90112159d911568d2ca4a13f369a864ee26e882802385fab2474",
    7: "125c9acb8b5b6549079233c922782bfdf585d8c438906467921329669c6939fe",
    8: "854114f9f3bb94d36490b2951957a662e75212648a5e2330f1f3c56184d30488",
    9: "535d4117923ad8bac20185eb0746b421479ddec4f4acd2329285096a573d6e34",
}
REAL_REBUILD = "python tools/data/build_asterisk_digits.py"


def _check_digits(digits) -> str:
    if not isinstance(digits, str):
        raise TypeError(f"digits: expected a string of digits like '314', got {type(digits).__name__}")
    if not digits or not digits.isdigit() or not digits.isascii():
        raise ValueError(f"digits: expected a non-empty string of the digits 0-9, got {digits!r}")
    return digits


def real_digit_string(digits, gap=0.1) -> tuple[np.ndarray, int]:
    """The real recordings of ``digits`` ("314"), one after another with ``gap`` seconds of silence
    between them: ((N,) float32, 8000). One human speaker (Allison Smith, Asterisk prompts)."""
    from rnn_helpers.audio import RATE, read_wav  # audio sits above datasets: import on use

    digits = _check_digits(digits)
    gap = check_number("gap", gap, low=0.0, high=2.0)
    pieces = []
    for d in digits:
        path = checked_file(f"asterisk_digits/{d}.wav", REAL_DIGITS[int(d)], REAL_REBUILD)
        x, rate = read_wav(path)
        if rate != RATE:
            raise ValueError(f"{path.name}: expected a {RATE} Hz recording, got {rate} Hz")
        pieces += [x, np.zeros(int(round(gap * RATE)), np.float32)]
    return np.concatenate(pieces[:-1]), RATE
