"""Time the gradient explorer: move each slider through its range, report update times.

    python bench/widget_bench.py [--repeats N]

One update = setting a slider's value, which synchronously recomputes the norms and redraws the
persistent figure to PNG (what the kernel does; the browser's own latency is not included).
Prints a Markdown table of the median and 95th percentile per slider and overall.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import matplotlib
import numpy as np

matplotlib.use("Agg")

from rnn_helpers.explorer import gradient_explorer  # noqa: E402

SWEEPS = {
    "sigma": list(np.round(np.linspace(0.1, 3.0, 30), 2)),
    "activation": ["sigmoid", "relu", "linear", "tanh"] * 5,
    "seq_len": list(range(10, 201, 10)),
    "hidden_size": list(range(2, 97, 6)),
    "input_scale": list(np.round(np.linspace(0.0, 5.0, 20), 1)),
}


def sweep(explorer, name, values):
    """Set ``sliders[name]`` to each value in turn; return (wall, CPU) update times in ms.

    CPU time (this process) is shown too: on a shared machine the wall time includes waiting
    for other processes.
    """
    times = []
    for value in values:
        if explorer.sliders[name].value == value:
            continue                                 # no change, no update
        t0, c0 = time.perf_counter(), time.process_time()
        explorer.sliders[name].value = value
        times.append((1000 * (time.perf_counter() - t0), 1000 * (time.process_time() - c0)))
    return times


def main(repeats=1):
    explorer = gradient_explorer()
    explorer.update()                                # warm-up render
    rows, everything = [], []
    for name, values in SWEEPS.items():
        times = [t for _ in range(repeats) for t in sweep(explorer, name, values)]
        everything += times
        rows.append((name, times))
    rows.append(("all", everything))
    cpu = platform.processor() or platform.machine()
    print(f"Gradient explorer update time (compute + redraw to PNG), {cpu}, "
          f"{len(everything)} updates\n")
    print("| slider | updates | median (ms) | 95th percentile (ms) | median CPU (ms) |")
    print("|---|---:|---:|---:|---:|")
    for name, times in rows:
        wall, cpu = np.array(times).T
        print(f"| {name} | {len(times)} | {np.median(wall):.1f} | {np.percentile(wall, 95):.1f} "
              f"| {np.median(cpu):.1f} |")
    print(f"\n(load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return float(np.median(np.array(everything)[:, 0]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1, help="sweeps per slider (default 1)")
    main(parser.parse_args().repeats)
