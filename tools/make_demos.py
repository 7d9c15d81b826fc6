"""The live classroom demos: one small notebook per widget in demos/, written from the table below.

    python tools/make_demos.py            # (re)write demos/*.ipynb
    python tools/make_demos.py --check    # exit 1, naming the demo, if one differs from what is written

Each demo is a Markdown title with what to try (from the notebook's "Things to try" and TEACHERS.md),
the course's setup cell and the widget cell, called with the same settings as in its notebook
(tests/test_demos.py checks that the call appears in the notebook). No outputs: Voilà runs the demo
when it is opened (tools/serve_demos.py) and hides the code. The Markdown has no maths ($...$), so
the page needs no MathJax. The output is deterministic: same table, same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NamedTuple

import nbformat

ROOT = Path(__file__).resolve().parents[1]
DEMOS_DIR = ROOT / "demos"
SETUP = "from rnn_helpers import setup_notebook\n\nsetup_notebook(seed=0, show_versions=False)"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


class Demo(NamedTuple):
    name: str           # demos/<name>.ipynb
    notebook: str       # the notebook whose widget it is (notebooks/<notebook>.ipynb)
    widget: str         # the builder, module.function under rnn_helpers.widgets
    call: str           # the builder's call exactly as the notebook writes it
    title: str
    text: str           # what it shows and what to try (Markdown, no maths)
    code: str           # the widget cell


DEMOS = (
    Demo("01_memory", "01_hidden_state", "memory.memory_explorer",
         'memory_explorer(hidden_size=32, steps=50, radius=0.9, activation="tanh")',
         "The memory explorer · notebook 01, the hidden state",
         "How long a pulse lasts in the hidden state of a simple RNN whose W_hh has spectral radius ρ: "
         "the solid line is the pulse's influence r_k, k steps later; dotted, r_0 ρ^k.\n\n"
         "- Drag ρ from 0.5 to 1.2 with φ = tanh, then switch φ to linear: fading, lasting, exploding. "
         "Ask the room to predict each curve before you let go of the slider.\n"
         "- Pick sigmoid and move ρ over the whole slider: why does the influence vanish so fast?",
         "from rnn_helpers.widgets.memory import memory_explorer\n\n"
         'explorer = memory_explorer(hidden_size=32, steps=50, radius=0.9, activation="tanh")\n'
         "explorer.widget"),
    Demo("02_gradient", "02_backprop_through_time", "gradient.gradient_explorer",
         'gradient_explorer(seed=0, sigma=1.0, activation="tanh")',
         "The gradient explorer · notebook 02, backpropagation through time",
         "The norm of the gradient dL/dh reaching k steps back through a simple RNN with W_hh = ρQ "
         "(Q orthogonal), against the bound (γ·ρ)^k, on a log axis.\n\n"
         "- Move ρ through 1 and switch tanh and relu: the gradient leaves the plot at the bottom "
         "(vanishing) or at the top (exploding).\n"
         "- With relu at ρ = 1.2, lengthen the sequence from 60 to 200; then the same at ρ = 1.5.",
         "from rnn_helpers.widgets.gradient import gradient_explorer\n\n"
         'explorer = gradient_explorer(seed=0, sigma=1.0, activation="tanh")\n'
         "explorer.widget"),
    Demo("03_gates", "03_lstm", "gates.gate_explorer", "gate_explorer(f=0.95, i=1.0, o=1.0)",
         "The gate explorer · notebook 03, the LSTM",
         "One LSTM unit with its gates f, i, o held constant by hand; a pulse at step 6 is written "
         "into the cell. Left: the cell and the hidden state; right: the cell-path gradient f^k.\n\n"
         "- Hold f near 1 and watch the cell keep the pulse's value; then lower f to 0.9 and count "
         "the steps until half is gone.\n"
         "- Set f = 1 and i = 1, then raise the distractors from 0 to 1: what happens to the cell?",
         "from rnn_helpers.widgets.gates import gate_explorer\n\n"
         "explorer = gate_explorer(f=0.95, i=1.0, o=1.0)\n"
         "explorer.widget"),
    Demo("05_temperature", "05_text_generation", "sampling.temperature_explorer",
         "temperature_explorer(", "The temperature explorer · notebook 05, text generation",
         "The next-character distribution after \"HAMLET: To be, or not to be, that is the\", reshaped "
         "by the temperature and by top-k. Here it is the bigram model of the course's Shakespeare "
         "text (how often each character follows an \"e\"), ready at once; notebook 05 shows the same "
         "widget on its trained LSTM.\n\n"
         "- Slide the temperature from 0.2 to 2 and watch the distribution flatten; set top-k to 3 "
         "and ask what can never be sampled now.\n"
         "- Set top-k to 1 and move the temperature over the whole slider: does it still matter?",
         "from rnn_helpers.widgets.sampling import temperature_explorer\n\n"
         "explorer = temperature_explorer(temperature=1.0)   # the bigram model of load_shakespeare()\n"
         "explorer.widget"),
    Demo("12_attention", "12_beyond_rnns", "attention.attention_explorer",
         "attention_explorer(scores[:, 0], labels=labels, block=1)",
         "The attention explorer · notebook 12, beyond RNNs",
         "Whom each position of a trained Transformer reads: the two-block Transformer of notebook "
         "12, §4, trained here as there on the temporal order problem (T = 50, seed 0; about 20 s "
         "on two cores, before the page shows). The shaded positions hold X and Y, the two symbols "
         "that decide the class.\n\n"
         "- Put the query at the last position (B) and switch heads and blocks: which head reads X "
         "and Y?\n"
         "- Move the query to a distractor and ask what it reads.",
         "from rnn_helpers.datasets.synthetic import SYMBOLS\n"
         "from rnn_helpers.models.long_range import transformer_attention\n"
         "from rnn_helpers.sweeps.long_range import long_range_data, long_range_run\n"
         "from rnn_helpers.widgets.attention import attention_explorer\n\n"
         "data_50 = long_range_data(50)\n"
         'live, transformer = long_range_run("transformer", 50, seed=0, data=data_50)   # as in notebook 12\n'
         'x_test, y_test = data_50["test"]\n'
         "scores = transformer_attention(transformer, x_test[:200])  # (blocks, sequences, heads, T, T)\n"
         "labels = [SYMBOLS[i] for i in x_test[0].argmax(axis=1)]\n"
         'print(f"the trained Transformer: test accuracy {live[\'accuracy\']:.3f} (chance 0.25)")\n'
         "explorer = attention_explorer(scores[:, 0], labels=labels, block=1)\n"
         "explorer.widget"),
)


def demo_notebook(demo: Demo) -> nbformat.NotebookNode:
    """The demo as a notebook: title and what to try, the setup cell, the widget cell; no outputs."""
    if not isinstance(demo, Demo):
        raise TypeError(f"demo: expected a Demo of DEMOS, got {type(demo).__name__}")
    v4 = nbformat.v4
    cells = [v4.new_markdown_cell(f"# {demo.title}\n\n{demo.text}", id="title"),
             v4.new_code_cell(SETUP, id="setup"),
             v4.new_code_cell(demo.code, id="widget")]
    metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    return v4.new_notebook(cells=cells, metadata=metadata)


def render(demo: Demo) -> str:
    """The demo's file contents (nbformat's JSON, one final newline)."""
    return nbformat.writes(demo_notebook(demo)) + "\n"


def outdated(folder: Path = DEMOS_DIR) -> list[str]:
    """Names of the demo files in ``folder`` that differ from ``render`` or are missing, or that no
    entry of DEMOS writes."""
    written = {f"{d.name}.ipynb": render(d) for d in DEMOS}
    present = {p.name for p in folder.glob("*.ipynb")}
    wrong = [name for name, text in written.items()
             if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text]
    return sorted(wrong + sorted(present - set(written)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that demos/ is up to date")
    args = parser.parse_args(argv)
    if args.check:
        wrong = outdated()
        for name in wrong:
            print(f"demos/{name} is not what tools/make_demos.py writes: run python tools/make_demos.py",
                  file=sys.stderr)
        return 1 if wrong else 0
    DEMOS_DIR.mkdir(exist_ok=True)
    for demo in DEMOS:
        (DEMOS_DIR / f"{demo.name}.ipynb").write_text(render(demo), encoding="utf-8")
    for name in outdated():                        # a demo DEMOS no longer lists
        print(f"demos/{name}: not written by tools/make_demos.py (remove it?)", file=sys.stderr)
    print(f"wrote {len(DEMOS)} demos to {DEMOS_DIR.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
