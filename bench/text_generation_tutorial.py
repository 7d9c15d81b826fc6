"""TensorFlow's "Text generation with an RNN" tutorial against the course's character model, same CPU time.

    python bench/text_generation_tutorial.py              # 60 s of training each; prints, writes JSON
    python bench/text_generation_tutorial.py --seconds 30

The tutorial's configuration: Embedding(V, 256) -> GRU(1024) -> Dense(V), sequences of 100
characters, batches of 64, Adam (its default learning rate 1e-3). The course's (notebook 05,
``rnn_helpers.sweeps.text_generation``): Embedding(V, 32) -> LSTM(128) -> Dense(V), windows of 64,
batches of 32, Adam(1e-2). Both see the same training characters (the first 256,001 of
``split_text(load_shakespeare(), 0.1, 0.1)``'s training part, as the notebook's model) in shuffled
windows, train for the same wall-clock seconds (``train_on_batch`` until the budget is spent, the
first step's tracing included), and are scored on the same held-out windows (the notebook's 20,001
validation characters, in windows of 100, every window from the zero state).
Writes bench/results/text_generation_tutorial.json. A bench, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results" / "text_generation_tutorial.json"
CONFIGS = {
    "tensorflow_tutorial": {"kind": "gru", "embed_dim": 256, "units": 1024, "seq_len": 100, "batch_size": 64,
                            "learning_rate": 1e-3},
    "course_notebook_05": {"kind": "lstm", "embed_dim": 32, "units": 128, "seq_len": 64, "batch_size": 32,
                           "learning_rate": 1e-2},
}
EVAL_SEQ_LEN = 100


def train_for(config, data, seconds, seed=0):
    """Build one configuration, train it on shuffled windows for ``seconds`` of wall time."""
    from rnn_helpers.datasets.chars import char_windows
    from rnn_helpers.models.language import build_char_model, model_bits_per_char

    model = build_char_model(data.vocab.size, config["kind"], embed_dim=config["embed_dim"],
                             units=config["units"], seed=seed, learning_rate=config["learning_rate"])
    x, y = char_windows(data.train_ids, config["seq_len"])
    rng = np.random.default_rng(seed)
    order, at, steps, epochs, losses = rng.permutation(len(x)), 0, 0, 0, []
    b = config["batch_size"]
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if at + b > len(x):                                   # a new epoch, reshuffled
            order, at, epochs = rng.permutation(len(x)), 0, epochs + 1
        idx = order[at:at + b]
        losses.append(float(model.train_on_batch(x[idx], y[idx])))
        at, steps = at + b, steps + 1
    trained = time.perf_counter() - start
    x_val, y_val = char_windows(data.val_ids, EVAL_SEQ_LEN)
    bits = model_bits_per_char(model, x_val, y_val, batch_size=64)
    return {**config, "parameters": int(model.count_params()), "train_seconds": round(trained, 1),
            "steps": steps, "windows_seen": steps * config["batch_size"],
            "epochs_completed": epochs, "last_train_loss_nats": round(float(np.mean(losses[-10:])), 4),
            "val_loss_nats": round(bits * float(np.log(2)), 4), "val_bits_per_char": round(bits, 4)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="wall seconds of training per model")
    args = parser.parse_args(argv)
    if not args.seconds > 0:
        parser.error(f"--seconds: expected a number > 0, got {args.seconds}")

    from rnn_helpers import setup_notebook

    setup_notebook(seed=0)
    import keras
    import tensorflow as tf

    from rnn_helpers.sweeps import text_generation as tg

    data = tg.char_data()
    load = [round(v, 2) for v in os.getloadavg()]
    runs = {}
    for name, config in CONFIGS.items():
        runs[name] = train_for(config, data, args.seconds)
        r = runs[name]
        print(f"{name}: {r['parameters']:,} parameters, {r['steps']} steps ({r['windows_seen']:,} windows) "
              f"in {r['train_seconds']} s -> validation {r['val_loss_nats']:.3f} nats = "
              f"{r['val_bits_per_char']:.3f} bits per character", flush=True)
    baselines = tg.baselines(data)
    print("baselines (bits per character):", {k: round(v, 3) for k, v in baselines.items()})
    out = {"command": "python bench/text_generation_tutorial.py" + ("" if args.seconds == 60 else
                                                                   f" --seconds {args.seconds:g}"),
           "seconds_per_model": args.seconds, "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
           "load_average_at_start": load,
           "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} logical cores",
           "versions": {"tensorflow": tf.__version__, "keras": keras.__version__, "numpy": np.__version__},
           "data": f"the first {len(data.train_ids):,} training characters of split_text(load_shakespeare(), "
                   f"0.1, 0.1); validation: its first {len(data.val_ids):,} validation characters in windows "
                   f"of {EVAL_SEQ_LEN}",
           "baselines_bits_per_char": {k: round(v, 4) for k, v in baselines.items()}, "runs": runs}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {RESULTS.relative_to(RESULTS.parents[2])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
