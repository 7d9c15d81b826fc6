"""python -m rnn_helpers.sweeps NAME [NAME ...] | --all [--seeds 0 1 2]: run sweeps, write their results."""

from __future__ import annotations

import argparse
import sys


def main(argv=None) -> int:
    from rnn_helpers.sweeps import SWEEPS

    parser = argparse.ArgumentParser(prog="python -m rnn_helpers.sweeps", description=__doc__)
    parser.add_argument("names", nargs="*", choices=[[], *SWEEPS], metavar="NAME",
                        help=f"one of {', '.join(SWEEPS)}")
    parser.add_argument("--all", action="store_true", help="run every sweep")
    parser.add_argument("--seeds", nargs="+", type=int, help="only these seeds (default: the sweep's own)")
    args = parser.parse_args(argv)
    names = list(SWEEPS) if args.all else args.names
    if not names:
        parser.error(f"expected a sweep name ({', '.join(SWEEPS)}) or --all, got none")

    from rnn_helpers import setup_notebook

    setup_notebook(seed=0)                      # quiet TensorFlow, seeds, deterministic ops
    from rnn_helpers.sweeps import load_sweep, run_sweep

    for name in names:
        print(f"{name}: {SWEEPS[name][2]} ({SWEEPS[name][3]}) ...", flush=True)
        path = run_sweep(name, args.seeds)
        print(f"  wrote {path.name} in {load_sweep(name).seconds:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
