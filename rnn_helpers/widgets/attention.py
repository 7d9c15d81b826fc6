"""The attention explorer: pick a query position, a head and a block; see whom that query reads.

    scores = transformer_attention(model, x[:1])[:, 0]          # (blocks, heads, T, T), one sequence
    explorer = attention_explorer(scores, labels=["E", "a", ..., "B"]); display(explorer.widget)
    explorer.sliders["query"].value = 99                      # redraws; read explorer.row, .top

Each bar is the weight softmax(q_t . k_s / sqrt(d)) that query position t gives key position s; a
row sums to 1. Positions whose label is in ``highlight`` (the symbols that decide the answer) are
shaded. Without ``weights`` the explorer shows a numpy multi-head attention layer with random
weights (``rnn_helpers.attention``, seed 0) over a temporal order sequence: an untrained layer,
which spreads its weight almost evenly.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_seed
from rnn_helpers.widgets._base import Explorer, dropdown, figure, projector_scale, slider


def _untrained_example(seed):
    """(weights (1, heads, T, T), labels) of a random-weight two-head layer over one 40-step sequence."""
    from rnn_helpers.attention import multi_head_attention, positional_encoding
    from rnn_helpers.datasets.synthetic import SYMBOLS, temporal_order_problem

    x, _ = temporal_order_problem(1, 40, seed=seed)                    # (1, 40, 8) one-hot
    D, heads, d = 16, 2, 8
    rng = np.random.default_rng(seed)
    h = x @ rng.normal(size=(8, D)) + positional_encoding(40, D)       # embedded, with positions
    params = {"W_q": rng.normal(size=(D, heads, d)) / np.sqrt(D), "b_q": np.zeros((heads, d)),
              "W_k": rng.normal(size=(D, heads, d)) / np.sqrt(D), "b_k": np.zeros((heads, d)),
              "W_v": rng.normal(size=(D, heads, d)) / np.sqrt(D), "b_v": np.zeros((heads, d)),
              "W_o": rng.normal(size=(heads, d, D)) / np.sqrt(d), "b_o": np.zeros(D)}
    _, w = multi_head_attention(h, h, params)                          # (1, heads, T, T)
    return w, [SYMBOLS[i] for i in x[0].argmax(axis=1)]


def _check_weights(weights):
    w = as_array("weights", weights, dtype=np.float64)
    if w.ndim == 3:
        w = w[None]                                                     # one block
    if w.ndim != 4 or w.shape[-1] != w.shape[-2] or 0 in w.shape:
        raise ValueError(f"weights: expected self-attention weights (blocks, heads, T, T) or (heads, T, T), "
                         f"got shape {np.shape(weights)}")
    if (w < -1e-6).any() or not np.allclose(w.sum(axis=-1), 1.0, atol=1e-3):
        raise ValueError("weights: expected attention weights (each row non-negative, summing to 1), "
                         "got rows "
                         f"summing to {w.sum(axis=-1).min():.3g}..{w.sum(axis=-1).max():.3g}")
    return w


def _figure(T, labels, highlight):
    fig = figure(8.0, 3.2)
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.17, top=0.80)
    ax = fig.add_subplot()
    ax.set_title(" ", pad=18 * projector_scale(), fontsize="medium")   # above the shaded symbols' labels
    for s, label in enumerate(labels):
        if label in highlight:
            ax.axvspan(s - 0.5, s + 0.5, color="#F0E442", alpha=0.6, lw=0)
            ax.text(s, 1.02, label, ha="center", va="bottom", fontsize=9 * projector_scale(),
                    transform=ax.get_xaxis_transform())
    bars = ax.bar(np.arange(T), np.zeros(T), width=0.8, color="#0072B2")
    marker = ax.axvline(0, color="#D55E00", lw=1.5, ls="--")
    ax.set(xlim=(-0.5, T - 0.5), ylim=(0, 1), xlabel="key position s", ylabel="attention weight")
    for artist in (*bars, marker, ax.title):
        artist.set_animated(True)
        artist.set_zorder(3)
    return fig, ax, bars, marker


class AttentionExplorer(Explorer):
    """Move ``sliders["query"]``, ``["head"]`` or ``["block"]``; read ``row`` (T,), the weights of
    that query over the keys, and ``top``, the three keys it reads most [(position, label, weight)]."""

    def __init__(self, sliders, weights, labels, highlight):
        self.weights, self.labels = weights, labels
        self.row, self.top = np.zeros(weights.shape[-1]), []
        fig, ax, self.bars, self.marker = _figure(weights.shape[-1], labels, highlight)
        super().__init__(sliders, fig, (ax,), readout=True)

    def compute(self, v):
        block, head = int(v["block"].split()[-1]), int(v["head"].split()[-1])
        self.row = self.weights[block, head, v["query"]]                       # (T,) sums to 1
        best = np.argsort(self.row)[::-1][:3]
        self.top = [(int(s), self.labels[s], float(self.row[s])) for s in best]

    def draw(self, v):
        for bar, h in zip(self.bars, self.row):
            bar.set_height(h)
        self.marker.set_xdata([v["query"], v["query"]])
        self.ax.title.set_text(f"{v['block']}, {v['head']}: what query position {v['query']} "
                               f"('{self.labels[v['query']]}') reads")
        self.readout.value = "reads most: " + ", ".join(f"position {s} ('{lab}') {w:.2f}"
                                                        for s, lab, w in self.top)


def _option(name, value):
    """A head or block number as its dropdown option ("head 1"); an option name passes as it is."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return f"{name} {int(value)}"
    return value


def attention_explorer(weights=None, labels=None, query=None, head=0, block=0, highlight=("X", "Y"),
                       seed=0) -> AttentionExplorer:
    """An explorer of self-attention weights (blocks, heads, T, T) for one sequence, with a label per
    position (``labels``, T strings; default the position numbers). ``query`` defaults to the last
    position. Without ``weights``: an untrained random-weight layer (see the module's docstring)."""
    seed = check_seed(seed)
    if not isinstance(highlight, (list, tuple)) or not all(isinstance(h, str) for h in highlight):
        raise TypeError(f"highlight: expected a list or tuple of labels (strings), got {highlight!r}")
    if weights is None:
        weights, default_labels = _untrained_example(seed)
        labels = default_labels if labels is None else labels
    w = _check_weights(weights)
    blocks, heads, T, _ = w.shape
    labels = [str(s) for s in range(T)] if labels is None else labels
    if not isinstance(labels, (list, tuple)):
        raise TypeError(f"labels: expected a list or tuple of {T} labels, got {type(labels).__name__}")
    if len(labels) != T:
        raise ValueError(f"labels: expected {T} labels, one per position, got {len(labels)}")
    labels = [str(s) for s in labels]
    query = T - 1 if query is None else query
    sliders = {"query": slider("query", query, 0, T - 1, 1, "query position"),
               "head": dropdown("head", _option("head", head), [f"head {i}" for i in range(heads)], "head"),
               "block": dropdown("block", _option("block", block), [f"block {i}" for i in range(blocks)],
                                 "block")}
    for name in ("head", "block"):
        sliders[name].disabled = len(sliders[name].options) == 1      # nothing to choose
    explorer = AttentionExplorer(sliders, w, labels, tuple(highlight))
    explorer.update()
    return explorer
