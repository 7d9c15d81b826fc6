"""Time the gate explorer: move each slider through its range, report update times.

    python bench/gate_explorer_bench.py [--repeats N]

One update = setting a slider's value, which synchronously reruns the constant-gate cell and
redraws the persistent two-panel figure to PNG (what the kernel does; the browser's own latency
is not included). Prints a Markdown table of the median and 95th percentile per slider and overall.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import matplotlib
import numpy as np

matplotlib.use("Agg")

from rnn_helpers.gate_explorer import gate_explorer  # noqa: E402

SWEEPS = {name: list(np.round(np.linspace(0.0, 1.0, 21), 2)) for name in ("f", "i", "o", "noise")}


def sweep(explorer, name, values):
    """Set ``sliders[name]`` to each value in turn; return (wall, CPU) update times in ms."""
    times = []
    for value in values:
        if explorer.sliders[name].value == value:
            continue                                 # no change, no update
        t0, c0 = time.perf_counter(), time.process_time()
        explorer.sliders[name].value = float(value)
        times.append((1000 * (time.perf_counter() - t0), 1000 * (time.process_time() - c0)))
    return times


def main(repeats=1):
    explorer = gate_explorer()
    explorer.update()                                # warm-up render
    rows, everything = [], []
    for name, values in SWEEPS.items():
        times = [t for _ in range(repeats) for t in sweep(explorer, name, values)]
        everything += times
        rows.append((name, times))
    rows.append(("all", everything))
    cpu = platform.processor() or platform.machine()
    print(f"Gate explorer update time (compute + redraw to PNG), {cpu}, {len(everything)} updates\n")
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
