"""The temperature explorer: the next-character distribution of one prompt, reshaped live by the
temperature and by top-k (``rnn_helpers.sampling.next_char_distribution``).

    logits = step logits after the prompt, (V,)   # e.g. the character model read "ROMEO:\\nO"
    explorer = temperature_explorer(logits, vocab.chars, prompt="ROMEO:\\nO"); display(explorer.widget)
    explorer.sliders["temperature"].value = 0.5   # redraws at once; read explorer.probs, .entropy

The bars are the ``shown`` characters with the largest logits, in that fixed order (a bar never
moves), and one more for the probability of every other character together. top-k = V keeps all.
Without logits, ``temperature_explorer()`` shows the bigram model's distribution after a prompt.
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection

from rnn_helpers._checks import as_array, check_nonempty, check_positive_int
from rnn_helpers.plots.style import BLUE
from rnn_helpers.sampling import next_char_distribution
from rnn_helpers.widgets._base import Explorer, figure, slider

TEMPERATURE_RANGE = (0.05, 2.0, 0.05)               # (min, max, step) of the temperature slider
VISIBLE = {"\n": "↵", " ": "␣", "\t": "⇥"}


def char_label(ch) -> str:
    """How a character is written under its bar: a newline as ↵, a space as ␣."""
    if not isinstance(ch, str) or len(ch) != 1:
        raise TypeError(f"ch: expected one character (a str of length 1), got {ch!r:.20}")
    return VISIBLE.get(ch, ch)


def entropy_bits(p) -> float:
    """-Σ p log2 p over the nonzero probabilities: 0 for a certain choice, log2 V for uniform."""
    p = as_array("p", p, ndim=1)
    check_nonempty("p", p)
    q = p[p > 0]
    return float(-(q * np.log2(q)).sum()) + 0.0                  # + 0.0: never -0.0


def _bar_verts(heights, width=0.7):
    """One rectangle per bar, (n, 4, 2) corners, bar i centred on x = i."""
    x = np.arange(len(heights))[:, None]
    h = np.asarray(heights, dtype=float)[:, None]
    xs = np.hstack([x - width / 2, x - width / 2, x + width / 2, x + width / 2])          # (n, 4)
    ys = np.hstack([0 * h, h, h, 0 * h])                                                  # (n, 4)
    return np.stack([xs, ys], axis=-1)


def _figure(labels, title):
    """The persistent figure: fixed axes and labels; the bars (one PolyCollection) are animated."""
    fig = figure(7.5, 3.4)
    fig.subplots_adjust(left=0.09, right=0.98, bottom=0.14, top=0.88)       # fixed: no layout per draw
    ax = fig.add_subplot()
    n = len(labels)
    bars = PolyCollection(_bar_verts(np.zeros(n)), facecolors=[BLUE] * (n - 1) + ["#999999"],
                          edgecolors="none", animated=True, zorder=3)                # one artist: fast
    ax.add_collection(bars)
    ax.set(xticks=np.arange(n), ylim=(0, 1.05), xlim=(-0.6, n - 0.4), ylabel="P(next character)")
    ax.set_xticklabels(labels, family="monospace")
    ax.grid(axis="x", visible=False)
    ax.set_title(title, fontsize="medium")
    return fig, ax, bars


class TemperatureExplorer(Explorer):
    """Move ``sliders["temperature"]`` or ``sliders["top_k"]``; read ``probs`` (V,), the
    distribution, ``entropy`` (bits), ``shown_probs`` (the bars' heights, the last one the rest)."""

    def __init__(self, sliders, logits, chars, order, title):
        self.logits, self.chars, self.order = logits, tuple(chars), order
        labels = [char_label(chars[i]) for i in order] + ["rest"]
        self.probs, self.entropy, self.shown_probs = np.zeros(logits.size), 0.0, np.zeros(order.size + 1)
        fig, ax, self.bars = _figure(labels, title)
        super().__init__(sliders, fig, (ax,), readout=True)

    def compute(self, v):
        self.probs = next_char_distribution(self.logits, v["temperature"], v["top_k"])    # (V,)
        self.entropy = entropy_bits(self.probs)
        shown = self.probs[self.order]
        self.shown_probs = np.append(shown, max(0.0, 1.0 - shown.sum()))                  # + the rest

    def draw(self, v):
        self.bars.set_verts(_bar_verts(self.shown_probs))
        k = v["top_k"]
        kept = "all" if k == self.logits.size else str(k)
        self.readout.value = (f"temperature {v['temperature']:.2f}, top-k {kept}: entropy {self.entropy:.2f} "
                              f"bits (uniform over {self.logits.size}: {np.log2(self.logits.size):.2f}); "
                              f"most likely character {char_label(self.chars[self.order[0]])!r} with "
                              f"P = {self.probs.max():.3f}; characters that can be drawn: "
                              f"{int((self.probs > 0).sum())}")


DEFAULT_PROMPT = "HAMLET:\nTo be, or not to be, that is the"


def _bigram_example(prompt):
    """(logits (V,), chars): log P(next | the prompt's last character) of the add-one bigram model of
    ``load_shakespeare()``: a distribution to explore without a trained model."""
    from rnn_helpers.datasets.chars import CharVocabulary
    from rnn_helpers.datasets.text import load_shakespeare
    from rnn_helpers.ngrams import bigram_probs

    text = load_shakespeare()
    vocab = CharVocabulary(text)
    if prompt[-1] not in vocab.chars:
        raise ValueError(f"prompt: its last character {prompt[-1]!r} is not in Shakespeare's vocabulary")
    P = bigram_probs(vocab.encode(text), vocab.size)                                # (V, V)
    return np.log(P[vocab.encode(prompt[-1])[0]]), vocab.chars


def temperature_explorer(logits=None, chars=None, temperature=1.0, top_k=None, shown=20,
                         prompt=None) -> TemperatureExplorer:
    """An explorer of ``next_char_distribution(logits, temperature, top_k)`` for one prompt.

    logits: (V,) the model's next-character logits; chars: the V characters (``vocab.chars``);
    both None: the bigram model of ``load_shakespeare()`` after ``prompt``'s last character (prompt
    default ``DEFAULT_PROMPT``). temperature in the slider's range [0.05, 2]; top_k None (= V, all)
    or 1..V; shown: how many of the most likely characters get a bar (the rest share one); prompt:
    the text the logits follow, for the title. Returns a ``TemperatureExplorer``.
    """
    if prompt is not None and not isinstance(prompt, str):
        raise TypeError(f"prompt: expected a str (the text the logits follow), got {type(prompt).__name__}")
    title = f"the next character after {(prompt or '')[-24:]!r}"
    if logits is None and chars is None:
        prompt = DEFAULT_PROMPT if not prompt else prompt
        logits, chars = _bigram_example(prompt)
        title = f"the bigram model's next character after {prompt[-1]!r} (the end of {prompt[-16:]!r})"
    elif logits is None or chars is None:
        missing = "logits" if logits is None else "chars"
        raise TypeError(f"{missing}: expected both logits and chars, or neither (the bigram example), "
                        f"got {missing}=None")
    logits = as_array("logits", logits, ndim=1)
    check_nonempty("logits", logits)
    if not isinstance(chars, (str, list, tuple)):
        raise TypeError(f"chars: expected a str or a list of the {logits.size} characters, "
                        f"got {type(chars).__name__}")
    if len(chars) != logits.size:
        raise ValueError(f"chars: expected {logits.size} characters (one per logit), got {chars!r:.40}")
    if not all(isinstance(c, str) and len(c) == 1 for c in chars):
        raise TypeError(f"chars: expected single characters, got {list(chars)!r:.60}")
    V = logits.size
    shown = check_positive_int("shown", shown)
    order = np.argsort(-logits, kind="stable")[:min(shown, V)]                            # fixed bars
    sliders = {"temperature": slider("temperature", temperature, *TEMPERATURE_RANGE, "temperature"),
               "top_k": slider("top_k", V if top_k is None else top_k, 1, V, 1, "top-k (V = all)")}
    explorer = TemperatureExplorer(sliders, logits, chars, order, title)
    explorer.update()
    return explorer
