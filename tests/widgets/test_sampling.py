"""The temperature explorer: sliders reshape the distribution exactly as next_char_distribution does."""

import io
import time

import numpy as np
import PIL.Image
import pytest

from rnn_helpers.sampling import next_char_distribution
from rnn_helpers.widgets._base import Explorer
from rnn_helpers.widgets.sampling import char_label, entropy_bits, temperature_explorer

CHARS = [chr(c) for c in range(97, 97 + 26)] + [" ", "\n", "."]
LOGITS = np.random.default_rng(0).normal(size=len(CHARS)) * 2.0


@pytest.fixture()
def ex():
    return temperature_explorer(LOGITS, CHARS, prompt="HAMLET:\nTo")


def test_builder_returns_an_explorer_with_two_sliders(ex):
    assert isinstance(ex, Explorer) and set(ex.sliders) == {"temperature", "top_k"}
    assert ex.sliders["top_k"].max == len(CHARS) and ex.sliders["top_k"].value == len(CHARS)
    assert ex.image.value[:4] == b"\x89PNG" and "entropy" in ex.readout.value
    np.testing.assert_allclose(ex.probs, next_char_distribution(LOGITS))


def test_moving_the_sliders_reshapes_the_distribution(ex):
    ex.sliders["temperature"].value = 0.5
    np.testing.assert_allclose(ex.probs, next_char_distribution(LOGITS, 0.5))
    ex.sliders["top_k"].value = 3
    np.testing.assert_allclose(ex.probs, next_char_distribution(LOGITS, 0.5, 3))
    assert (ex.probs > 0).sum() == 3 and np.isclose(ex.shown_probs.sum(), 1.0)
    assert ex.shown_probs[-1] == 0.0                      # nothing left for the rest
    assert "top-k 3" in ex.readout.value and "HAMLET" in ex.ax.title.get_text()


def test_entropy_rises_with_temperature_up_to_log2_V(ex):
    entropies = []
    for t in np.arange(0.05, 2.0001, 0.05):
        ex.sliders["temperature"].value = round(float(t), 2)
        entropies.append(ex.entropy)
    assert np.all(np.diff(entropies) > 0) and entropies[-1] < np.log2(len(CHARS))


def test_the_bars_are_the_largest_logits_and_blitting_equals_a_full_redraw(ex):
    order = np.argsort(-LOGITS)[:20]
    assert [t.get_text() for t in ex.ax.get_xticklabels()] == [char_label(CHARS[i]) for i in order] + ["rest"]
    ex.sliders["temperature"].value = 1.5
    png = np.asarray(PIL.Image.open(io.BytesIO(ex.image.value)).convert("RGBA"))
    np.testing.assert_array_equal(png, ex.renderer.full_redraw())


def test_median_update_is_fast(ex):
    times = []
    for n in range(50):
        start = time.perf_counter()
        ex.sliders["temperature"].value = round(0.1 + 0.035 * n, 2)
        times.append(time.perf_counter() - start)
    assert np.median(times) < 0.1                         # 25 ms on a quiet machine; slack for load


def test_entropy_bits_known_values():
    assert entropy_bits([0.25] * 4) == 2.0 and entropy_bits([1.0, 0.0]) == 0.0
    with pytest.raises(ValueError, match="p"):
        entropy_bits([])


@pytest.mark.parametrize("kw, error", [
    ({"logits": [[1.0, 2.0]]}, ValueError), ({"chars": "ab"}, ValueError),
    ({"chars": ["ab"] * 29}, TypeError),
    ({"temperature": 0.0}, ValueError), ({"top_k": 0}, ValueError), ({"prompt": 3}, TypeError),
    ({"shown": 0}, ValueError)])
def test_bad_arguments_name_the_argument(kw, error):
    args = {"logits": LOGITS, "chars": CHARS, **kw}
    with pytest.raises(error, match=next(iter(kw))):
        temperature_explorer(**args)


def test_without_logits_it_shows_the_bigram_model_after_the_prompt():
    from rnn_helpers.datasets.chars import CharVocabulary
    from rnn_helpers.datasets.text import load_shakespeare
    from rnn_helpers.ngrams import bigram_probs

    ex = temperature_explorer(prompt="ROMEO:\nO")
    text = load_shakespeare()
    vocab = CharVocabulary(text)
    P = bigram_probs(vocab.encode(text), vocab.size)[vocab.encode("O")[0]]
    np.testing.assert_allclose(ex.probs, P, rtol=1e-12)                 # temperature 1: the model itself
    with pytest.raises(TypeError, match="chars"):
        temperature_explorer(LOGITS)
