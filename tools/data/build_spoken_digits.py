"""Build data/spoken_digits.npz (log-mel features of 2,020 synthesised digit strings, 101 voices) and
data/spoken_digits_examples/*.wav (four of the clips, to listen to), from Debian espeak-ng and flite.

    apt-get install -y espeak-ng flite        # the versions below (Debian 12)
    python tools/data/build_spoken_digits.py  # about 2 minutes

Each clip says 3 to 5 digits as words ("three one four"), seeded (numpy default_rng(0)). The voices:
espeak-ng's 8 English accents x 12 voice variants (m1-m7, f1-f5), 96 voices, and flite's kal, kal16, awb,
rms and slt; 20 clips each, every clip at its own speed and pitch (espeak-ng ``-s`` 130-210 words a
minute, ``-p`` 20-80, ``-g`` 0-4 gap; flite ``duration_stretch`` 0.8-1.3, ``int_f0_target_mean`` +-20 %
of the voice's). Each WAV is resampled to 8 kHz, trimmed to the first and last sample above 1 % of its
peak with 60 ms kept on each side, rounded to 16-bit samples (as a WAV holds them), and turned into
log-mel features by ``rnn_helpers.audio.log_mel``
(32 mel bands every 20 ms), stored as uint8 on a fixed scale (``rnn_helpers.datasets.speech`` undoes it).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fetch import DATA, sha256  # noqa: E402
from _npz import write_npz  # noqa: E402

from rnn_helpers.audio import RATE, log_mel, read_wav, resample  # noqa: E402
from rnn_helpers.datasets.speech import DIGIT_WORDS, quantize  # noqa: E402

VERSIONS = {"espeak-ng": "1.51+dfsg-10+deb12u2", "espeak-ng-data": "1.51+dfsg-10+deb12u2", "flite": "2.2-5"}
ACCENTS = ("en-us", "en-gb", "en-gb-scotland", "en-gb-x-gbclan", "en-gb-x-rp", "en-gb-x-gbcwmd", "en-029",
           "en-us-nyc")
VARIANTS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5")
FLITE = {"kal": 100, "kal16": 100, "awb": 100, "rms": 100, "slt": 160}    # voice -> its mean F0 in Hz
CLIPS_PER_VOICE = 20
EXAMPLES = (0, 700, 1500, 1960)                                         # clip indices kept as WAV


def check_versions() -> None:
    for package, wanted in VERSIONS.items():
        got = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
        if got.stdout != wanted:
            raise SystemExit(f"{package}: expected Debian version {wanted}, "
                             f"got {got.stdout or 'not installed'} "
                             f"(apt-get install -y {package}={wanted})")


def synthesise(voice: str, words: str, rng, out: Path) -> dict:
    if voice.startswith("flite:"):
        name = voice.split(":")[1]
        stretch, f0 = rng.uniform(0.8, 1.3), FLITE[name] * rng.uniform(0.8, 1.2)
        subprocess.run(["flite", "-voice", name, "--setf", f"duration_stretch={stretch:.3f}", "--setf",
                        f"int_f0_target_mean={f0:.1f}", "-t", words, "-o", str(out)], check=True)
        return {"speed": 1.0 / stretch, "pitch": f0}
    speed, pitch, gap = int(rng.integers(130, 211)), int(rng.integers(20, 81)), int(rng.integers(0, 5))
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-g", str(gap), "-w",
                    str(out), words], check=True)
    return {"speed": speed / 170.0, "pitch": float(pitch)}


def trimmed(x: np.ndarray) -> np.ndarray:
    loud = np.flatnonzero(np.abs(x) > 0.01 * np.abs(x).max())
    keep = int(0.06 * RATE)
    return x[max(0, loud[0] - keep): loud[-1] + keep]


def as_16_bit(x: np.ndarray) -> np.ndarray:
    """``x`` rounded to 16-bit samples and read back as ``read_wav`` reads them."""
    return (np.clip(x, -1, 1) * 32767).round().astype("<i2").astype(np.float32) / 32768.0


def main() -> None:
    check_versions()
    voices = [f"{a}+{v}" for a in ACCENTS for v in VARIANTS] + [f"flite:{n}" for n in FLITE]
    rng = np.random.default_rng(0)
    feats, digits, speakers, speeds, pitches, examples = [], [], [], [], [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for voice in voices:
            for _ in range(CLIPS_PER_VOICE):
                ds = "".join(str(d) for d in rng.integers(0, 10, size=int(rng.integers(3, 6))))
                out = Path(tmp) / "clip.wav"
                info = synthesise(voice, " ".join(DIGIT_WORDS[int(d)] for d in ds), rng, out)
                x, rate = read_wav(out)
                x = as_16_bit(trimmed(resample(x, rate, RATE)))   # what the WAV of the clip holds
                if len(digits) in EXAMPLES:
                    examples[f"{len(digits):04d}_{voice.replace(':', '-').replace('+', '-')}_{ds}.wav"] = x
                feats.append(quantize(log_mel(x)))
                digits.append(ds)
                speakers.append(voice)
                speeds.append(info["speed"])
                pitches.append(info["pitch"])
    lengths = [len(f) for f in feats]
    out = DATA / "spoken_digits.npz"
    write_npz(out, {"features": np.concatenate(feats), "starts": np.concatenate([[0], np.cumsum(lengths)]),
                    "digits": np.array(digits), "speakers": np.array(speakers),
                    "speeds": np.round(speeds, 4), "pitches": np.round(pitches, 2)})
    print(f"{out.relative_to(ROOT)}: {len(digits)} clips, {sum(lengths)} frames, "
          f"{out.stat().st_size:,} bytes, "
          f"sha256 {sha256(out)}")
    folder = DATA / "spoken_digits_examples"
    folder.mkdir(exist_ok=True)
    for name, x in examples.items():
        with wave.open(str(folder / name), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes((x * 32768.0).round().astype("<i2").tobytes())     # exactly as_16_bit's samples
        print(f"{(folder / name).relative_to(ROOT)}: sha256 {sha256(folder / name)}")


if __name__ == "__main__":
    main()
