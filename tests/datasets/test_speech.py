"""The shipped spoken digits in data/ and their loaders: checksums, counts, the voice split, the real
recordings, the uint8 scale, clear errors."""

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

import rnn_helpers
from rnn_helpers.audio import N_MELS, RATE, log_mel, read_wav
from rnn_helpers.datasets import speech
from rnn_helpers.datasets.files import DATA_DIR_ENV, data_dir
from rnn_helpers.datasets.speech import (
    HIGH,
    LOW,
    REAL_DIGITS,
    dequantize,
    load_spoken_digits,
    quantize,
    real_digit_string,
    speaker_split,
)

REPO_DATA = Path(rnn_helpers.__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def clips():
    return load_spoken_digits()


def test_the_shipped_files_have_their_checksums_and_are_listed():
    readme = (REPO_DATA / "README.md").read_text()
    name, sha256, rebuild = speech.SPOKEN_DIGITS
    path = data_dir() / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256 and sha256 in readme
    assert path.stat().st_size < 5_000_000                              # "at most a few MB"
    assert (REPO_DATA.parent / rebuild.removeprefix("python ")).is_file()
    for d, sha in REAL_DIGITS.items():
        assert hashlib.sha256((data_dir() / "asterisk_digits" / f"{d}.wav").read_bytes()).hexdigest() == sha
        assert sha in readme
    assert "CC BY-SA 3.0" in (REPO_DATA / "asterisk_digits" / "LICENSE.md").read_text()
    examples = sorted((REPO_DATA / "spoken_digits_examples").glob("*.wav"))
    assert len(examples) == 4 and all(hashlib.sha256(p.read_bytes()).hexdigest() in readme for p in examples)


def test_2020_clips_of_3_to_5_digits_from_101_voices(clips):
    assert len(clips.features) == 2020 and len(set(clips.speakers)) == 101
    assert all(f.ndim == 2 and f.shape[1] == N_MELS and f.dtype == np.float32 for f in clips.features)
    assert sum(len(f) for f in clips.features) == 149_184
    assert {len(d) for d in clips.digits} == {3, 4, 5} and all(d.isdigit() for d in clips.digits)
    assert clips.digits[0] == "65230" and clips.speakers[0] == "en-us+m1"
    lengths = np.array([len(f) for f in clips.features])
    assert 30 <= lengths.min() and lengths.max() <= 150                 # 0.6 to 3 s at 20 ms a frame


def test_the_split_holds_whole_voices_out(clips):
    train, val, test = speaker_split(clips)
    assert (len(train), len(val), len(test)) == (1500, 180, 340)
    voices = [set(clips.speakers[i]) for i in (train, val, test)]
    assert not (voices[0] & voices[1]) and not (voices[0] & voices[2]) and not (voices[1] & voices[2])
    assert "flite:slt" in voices[2] and "flite:rms" in voices[1]
    assert {v.split("+")[-1] for v in voices[2] if "+" in v} == {"m6", "f4"}


def test_an_example_wav_gives_the_features_shipped_for_its_clip(clips):
    path = next((REPO_DATA / "spoken_digits_examples").glob("0700_*.wav"))
    x, rate = read_wav(path)
    assert rate == RATE
    np.testing.assert_array_equal(dequantize(quantize(log_mel(x))), clips.features[700])
    assert path.stem.endswith(clips.digits[700])


def test_quantize_round_trips_within_half_a_step():
    f = np.linspace(LOW, HIGH, 1000)
    step = (HIGH - LOW) / 255
    assert np.abs(dequantize(quantize(f)) - f).max() <= step / 2 + 1e-6
    assert quantize([LOW - 5, HIGH + 5]).tolist() == [0, 255]


def test_real_digit_strings_join_the_recordings():
    x, rate = real_digit_string("31", gap=0.2)
    three, _ = read_wav(data_dir() / "asterisk_digits" / "3.wav")
    one, _ = read_wav(data_dir() / "asterisk_digits" / "1.wav")
    assert rate == RATE and x.shape == (len(three) + int(0.2 * RATE) + len(one),)
    np.testing.assert_array_equal(x[:len(three)], three)


@pytest.mark.parametrize("call, error, words", [
    (lambda: real_digit_string("3a"), ValueError, "digits"),
    (lambda: real_digit_string(""), ValueError, "digits"),
    (lambda: real_digit_string(314), TypeError, "digits"),
    (lambda: real_digit_string("3", gap=-1.0), ValueError, "gap"),
    (lambda: speaker_split([1, 2]), TypeError, "clips"),
    (lambda: dequantize(np.zeros(3)), TypeError, "codes"),
    (lambda: quantize("abc"), TypeError, "features"),
])
def test_bad_input_says_what_it_got(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_a_missing_file_names_itself_and_the_rebuild_command(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    with pytest.raises(ValueError, match="spoken_digits.npz: missing.*build_spoken_digits"):
        load_spoken_digits()
    with pytest.raises(ValueError, match="asterisk_digits/3.wav: missing.*build_asterisk_digits"):
        real_digit_string("3")
    (tmp_path / "asterisk_digits").mkdir()
    shutil.copy(REPO_DATA / "asterisk_digits" / "3.wav", tmp_path / "asterisk_digits" / "3.wav")
    assert real_digit_string("3")[0].size > 0
