"""Which environment settings change this machine's floating-point results?

    python tools/perturbation_probe.py              # every candidate setting (about 2.5 minutes)
    python tools/perturbation_probe.py --only 2 8   # some rows of the table (by number; 0 always runs)

Each setting runs in a fresh subprocess that seeds everything (``keras.utils.set_random_seed(0)``,
``tf.config.experimental.enable_op_determinism()``), trains the course's seed model
(``SimpleRNN(64, relu)`` + ``Dense`` softmax on ``np.random.rand(1000, 10, 8)``, 5 epochs, batch
32) and computes a numpy BLAS/LAPACK checksum (float64 and float32 matmul chains, a QR, a long dot
product). The trained loss, the sum of the trained weights and the checksum are printed with 17
significant digits and compared with row 0, the same script with none of the candidate variables
set. A setting that changes a digit is one under which saved outputs that print trained (or
BLAS-computed) digits cannot be compared verbatim: ``make test-perturbed`` runs the notebooks so.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (label, extra environment); row 0 is the baseline, row 1 repeats it to show the run is repeatable.
CANDIDATES = [
    ("baseline (none set)", {}),
    ("baseline, again", {}),
    ("TF_ENABLE_ONEDNN_OPTS=1", {"TF_ENABLE_ONEDNN_OPTS": "1"}),
    ("TF_NUM_INTRAOP_THREADS=1", {"TF_NUM_INTRAOP_THREADS": "1"}),
    ("TF_NUM_INTRAOP_THREADS=8", {"TF_NUM_INTRAOP_THREADS": "8"}),
    ("TF_NUM_INTEROP_THREADS=1", {"TF_NUM_INTEROP_THREADS": "1"}),
    ("OMP_NUM_THREADS=1", {"OMP_NUM_THREADS": "1"}),
    ("OPENBLAS_NUM_THREADS=1", {"OPENBLAS_NUM_THREADS": "1"}),
    ("OPENBLAS_CORETYPE=Haswell", {"OPENBLAS_CORETYPE": "Haswell"}),
    ("OPENBLAS_CORETYPE=Zen", {"OPENBLAS_CORETYPE": "Zen"}),
    ("OPENBLAS_CORETYPE=Sandybridge", {"OPENBLAS_CORETYPE": "Sandybridge"}),
    ("OPENBLAS_CORETYPE=Prescott", {"OPENBLAS_CORETYPE": "Prescott"}),
    ("TF_ENABLE_ONEDNN_OPTS=1 TF_NUM_INTRAOP_THREADS=1",
     {"TF_ENABLE_ONEDNN_OPTS": "1", "TF_NUM_INTRAOP_THREADS": "1"}),
    ("TF_ENABLE_ONEDNN_OPTS=1 OPENBLAS_CORETYPE=Haswell",
     {"TF_ENABLE_ONEDNN_OPTS": "1", "OPENBLAS_CORETYPE": "Haswell"}),
]
VARIABLES = sorted({key for _, extra in CANDIDATES for key in extra})


def numpy_checksum() -> float:
    """Sum of a few BLAS/LAPACK results on seeded data: float64 and float32 matmul chains, QR, dot."""
    import numpy as np

    rng = np.random.default_rng(0)
    a = rng.standard_normal((300, 300)) / np.sqrt(300)          # (300, 300), spectral radius ~1
    chain = a
    for _ in range(8):                                           # 9 matmuls: rounding accumulates
        chain = chain @ a
    a32 = a.astype(np.float32)
    chain32 = a32 @ a32 @ a32 @ a32                              # float32, as the notebooks' numpy
    r = np.linalg.qr(rng.standard_normal((400, 200)))[1]         # LAPACK dgeqrf (blocked, on GEMM)
    x, y = rng.standard_normal(200_000), rng.standard_normal(200_000)
    return float(chain.sum() + chain32.astype(np.float64).sum() + np.abs(r).sum() + x @ y)


def train_seed_model() -> tuple[float, float]:
    """(final training loss, sum of the trained weights) of the seed model, seeded, op determinism on.

    The loss is an epoch mean in float32 and can hide a change in the last digits of the weights;
    the weight sum (float64 over every kernel, recurrent kernel and bias) does not."""
    sys.path.insert(0, str(ROOT))                                # this checkout's rnn_helpers
    from rnn_helpers.environment import quiet_tensorflow

    quiet_tensorflow()                                           # keeps an external TF_ENABLE_ONEDNN_OPTS
    import keras
    import numpy as np
    import tensorflow as tf

    keras.utils.set_random_seed(0)
    tf.config.experimental.enable_op_determinism()
    x = np.random.rand(1000, 10, 8)                              # noqa: NPY002 (seeded above, as the seed code)
    y = np.random.randint(0, 2, 1000)                            # noqa: NPY002
    model = keras.Sequential([keras.Input(shape=(10, 8)),
                              keras.layers.SimpleRNN(64, activation="relu"),     # (B, 64)
                              keras.layers.Dense(2, activation="softmax")])      # (B, 2)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    history = model.fit(x, y, epochs=5, batch_size=32, verbose=0).history
    return float(history["loss"][-1]), float(sum(w.astype(np.float64).sum() for w in model.get_weights()))


def blas_core() -> str:
    """The OpenBLAS kernel numpy uses (threadpoolctl, installed with scikit-learn), or "?"."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "?"
    cores = [i.get("architecture", "?") for i in threadpool_info() if i.get("internal_api") == "openblas"]
    return cores[0] if cores else "?"


def child() -> None:
    """One setting: print one JSON line (loss, weights, checksum, kernel) on stdout."""
    checksum = numpy_checksum()
    loss, weights = train_seed_model()
    print(json.dumps({"loss": loss, "weights": weights, "numpy": checksum, "blas_core": blas_core(),
                      "onednn": os.environ.get("TF_ENABLE_ONEDNN_OPTS")}))


def run_setting(extra: dict) -> dict:
    """Run ``child()`` in a subprocess with only ``extra`` of the candidate variables set."""
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES} | extra
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--child"], env=env, capture_output=True, text=True)
    if proc.returncode:
        tail = proc.stderr.strip().splitlines()[-3:]
        raise RuntimeError(f"probe subprocess with {extra or 'no extra variables'} failed "
                           f"(exit {proc.returncode}): {' | '.join(tail)}")
    row = json.loads(proc.stdout.strip().splitlines()[-1])
    return row | {"seconds": time.perf_counter() - start, "stderr_lines": len(proc.stderr.splitlines())}


def table(rows: list[tuple[str, dict]]) -> str:
    """Markdown: each setting's numbers (17 significant digits), and whether they differ from row 0."""
    base = rows[0][1]
    def differs(r, *keys):
        return "yes" if any(r[k] != base[k] for k in keys) else "no"
    lines = ["| setting | trained loss | trained weights sum | numpy checksum | trained numbers differ "
             "| numpy differs | OpenBLAS core |", "|---|---:|---:|---:|---|---|---|"]
    for label, r in rows:
        lines.append(f"| `{label}` | {r['loss']:.17g} | {r['weights']:.17g} | {r['numpy']:.17g} | "
                     f"{differs(r, 'loss', 'weights')} | {differs(r, 'numpy')} | {r['blas_core']} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", type=int, default=None, help="row numbers (0 = baseline)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child()
        return 0
    picked = sorted({0, *(args.only if args.only is not None else range(len(CANDIDATES)))})
    if picked[-1] >= len(CANDIDATES):
        parser.error(f"--only: rows are 0-{len(CANDIDATES) - 1}, got {picked[-1]}")
    rows = []
    for i in picked:
        label, extra = CANDIDATES[i]
        rows.append((label, run_setting(extra)))
        r = rows[-1][1]
        print(f"  {i:2d} {label}: loss {r['loss']:.17g}, weights {r['weights']:.17g}, "
              f"numpy {r['numpy']:.17g} ({r['seconds']:.1f} s"
              + (f", {r['stderr_lines']} stderr lines" if r["stderr_lines"] else "") + ")", flush=True)
    print("\n" + table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
