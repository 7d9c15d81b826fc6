"""The attention explorer: the query, head and block controls pick one row of the weights, the bars
and the readout show it, and weights or labels that do not fit are named."""

import io

import ipywidgets as widgets
import numpy as np
import PIL.Image
import pytest

from rnn_helpers.widgets._base import Explorer
from rnn_helpers.widgets.attention import AttentionExplorer, attention_explorer


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(PIL.Image.open(io.BytesIO(png)).convert("RGBA"))


def _weights(blocks=2, heads=3, T=6, seed=0):
    """Random attention weights (blocks, heads, T, T): each row non-negative, summing to 1."""
    w = np.random.default_rng(seed).random((blocks, heads, T, T)) ** 4
    return w / w.sum(axis=-1, keepdims=True)


def test_the_default_explorer_shows_an_untrained_layer_over_a_temporal_order_sequence():
    ex = attention_explorer()
    assert isinstance(ex, AttentionExplorer) and isinstance(ex, Explorer) and "update" not in vars(ex)
    assert ex.weights.shape == (1, 2, 40, 40) and len(ex.labels) == 40
    assert ex.labels[0] == "E" and ex.labels[-1] == "B"                   # start symbol and trigger
    assert sum(label in ("X", "Y") for label in ex.labels) == 2
    assert {n: s.description for n, s in ex.sliders.items()} == \
        {"query": "query position", "head": "head", "block": "block"}
    assert ex.sliders["query"].value == 39 and not ex.sliders["query"].continuous_update
    assert isinstance(ex.widget, widgets.VBox) and ex.image.value[:4] == b"\x89PNG"
    np.testing.assert_allclose(ex.row.sum(), 1.0)
    assert ex.row.max() < 0.2                                               # untrained: spread out
    assert attention_explorer(seed=1).labels != ex.labels


def test_the_row_is_the_chosen_query_head_and_block():
    w = _weights()
    ex = attention_explorer(w, labels=list("EabXYB"), query=2, head=1, block=1)
    np.testing.assert_array_equal(ex.row, w[1, 1, 2])
    for control, value, index in (("query", 5, (1, 1, 5)), ("head", "head 2", (1, 2, 5)),
                                  ("block", "block 0", (0, 2, 5)), ("query", 0, (0, 2, 0))):
        ex.sliders[control].value = value                                   # fires the observer
        np.testing.assert_array_equal(ex.row, w[index])
        np.testing.assert_allclose([bar.get_height() for bar in ex.bars], w[index])
        assert ex.marker.get_xdata()[0] == index[2]


def test_moving_the_query_changes_row_and_top():
    w = _weights(blocks=1, heads=1, T=5)
    ex = attention_explorer(w[0], labels=["a", "b", "c", "d", "e"])        # (heads, T, T): one block
    first_row, first_top, first_png = ex.row.copy(), list(ex.top), ex.image.value
    ex.sliders["query"].value = 1
    assert not np.array_equal(ex.row, first_row) and ex.top != first_top
    assert ex.image.value != first_png
    best = np.argsort(w[0, 0, 1])[::-1][:3]
    assert ex.top == [(int(s), "abcde"[s], pytest.approx(w[0, 0, 1, s])) for s in best]
    assert [weight for _, _, weight in ex.top] == sorted((weight for _, _, weight in ex.top), reverse=True)
    assert ex.readout.value.startswith(f"reads most: position {best[0]} ('{'abcde'[best[0]]}')")
    assert "query position 1 ('b')" in ex.ax.title.get_text()


def test_labels_default_to_the_positions_and_highlight_shades_them():
    ex = attention_explorer(_weights(T=4))
    assert ex.labels == ["0", "1", "2", "3"] and ex.sliders["query"].value == 3
    plain = attention_explorer(_weights(T=4), labels=["X", "a", "Y", "b"], highlight=())
    shaded = attention_explorer(_weights(T=4), labels=["X", "a", "Y", "b"])
    assert len(shaded.ax.patches) == len(plain.ax.patches) + 2                # one span per X or Y
    assert [t.get_text() for t in shaded.ax.texts] == ["X", "Y"]


def test_blitted_png_equals_a_full_redraw():
    ex = attention_explorer(_weights(), labels=list("XabYcd"))
    np.testing.assert_array_equal(_pixels(ex.image.value), ex.renderer.full_redraw())
    for control, value in (("query", 1), ("head", "head 2"), ("block", "block 0"), ("query", 4)):
        ex.sliders[control].value = value
        np.testing.assert_array_equal(_pixels(ex.image.value), ex.renderer.full_redraw())


def test_the_background_is_rendered_once():
    ex = attention_explorer(_weights(T=6))
    for q in range(6):
        ex.sliders["query"].value = q
    ex.sliders["head"].value = "head 1"
    assert ex.renderer.full_draws == 1                                      # only animated artists change


@pytest.mark.parametrize("kw, error, words", [
    ({"weights": np.full((1, 2, 4, 4), 0.3)}, ValueError, "weights: expected attention weights (each row"),
    ({"weights": np.ones((1, 2, 4, 3)) / 3}, ValueError, "weights: expected self-attention weights"),
    ({"weights": np.ones((4, 4)) / 4}, ValueError, "weights: expected self-attention weights"),
    ({"weights": np.ones((1, 0, 4, 4)) / 4}, ValueError, "weights: expected self-attention weights"),
    ({"weights": np.full((1, 1, 2, 2), np.nan)}, ValueError, "weights: "),
    ({"weights": np.array([[[[1.5, -0.5], [0.5, 0.5]]]])}, ValueError, "weights: expected attention weights"),
    ({"weights": "weights"}, TypeError, "weights: "),
    ({"weights": np.ones((1, 1, 3, 3)) / 3, "labels": ["a", "b"]}, ValueError,
     "labels: expected 3 labels, one per position, got 2"),
    ({"weights": np.ones((1, 1, 3, 3)) / 3, "labels": "abc"}, TypeError, "labels: expected a list or tuple"),
    ({"labels": ["E"]}, ValueError, "labels: expected 40 labels"),
    ({"query": 40}, ValueError, "query: expected an integer in [0, 39]"),
    ({"query": 1.0}, TypeError, "query: expected an integer"),
    ({"head": 2}, ValueError, "head: expected one of ['head 0', 'head 1']"),
    ({"head": True}, TypeError, "head: expected one of"),
    ({"block": "block 1"}, ValueError, "block: expected one of ['block 0']"),
    ({"highlight": None}, TypeError, "highlight: expected a list or tuple"),
    ({"highlight": [1]}, TypeError, "highlight: expected a list or tuple"),
    ({"seed": -1}, ValueError, "seed: expected a non-negative integer"),
    ({"weights": np.ones((1, 1, 3, 3)) / 3, "seed": 0.5}, TypeError, "seed: expected a non-negative integer"),
])
def test_bad_arguments_name_the_argument(kw, error, words):
    with pytest.raises(error) as info:
        attention_explorer(**kw)
    assert words in str(info.value)


def test_numpy_integers_and_float32_weights_are_accepted():
    w = _weights(T=4).astype(np.float32)
    ex = attention_explorer(w, query=np.int64(1), head=np.int64(2), block=np.int32(1))
    assert ex.sliders["head"].value == "head 2" and ex.sliders["block"].value == "block 1"
    np.testing.assert_allclose(ex.row, w[1, 2, 1], rtol=1e-6)
