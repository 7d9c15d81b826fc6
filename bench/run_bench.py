"""Measure the course: each notebook's wall time and peak memory, each widget's update time.

    python bench/run_bench.py                  # everything; JSON in bench/results/, table in README.md
    python bench/run_bench.py --only 02 03     # some notebooks (widgets still timed)
    python bench/run_bench.py --no-notebooks --no-readme --moves 20

Notebooks: each runs top to bottom in a fresh kernel (nbclient, as ``make notebooks`` does, but
nothing is saved), from its own worker process. Wall time includes starting the kernel. Peak
memory is the larger of (a) the summed RSS of the worker's process tree below it (the kernel and
anything it starts), sampled by psutil every 50 ms in a thread, and (b) the kernel's own peak RSS
as the OS accounted it once it exited (``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of the worker),
which cannot miss a short spike between samples. A cgroup's ``memory.peak`` would be exact but
needs root and cgroup v2 delegation, so it is not used.

Widgets: every function named ``*_explorer`` in an ``rnn_helpers`` module is built with its
defaults under the non-interactive Agg backend; each of its sliders and dropdowns is moved through
``--moves`` values (default 50) and each move is timed: setting ``.value`` runs the observer
synchronously, so the time is compute plus redraw to PNG (not the browser's round trip).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import platform
import resource
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"
MARKERS = ("<!-- bench:start -->", "<!-- bench:end -->")
GB = 1e9
# Budgets on this 2-core machine kind, with a factor-two margin for slower machines (bench/README.md).
LIMITS = {"notebook_s": 60.0, "notebook_bytes": 1.5 * GB, "series_s": 780.0, "widget_median_ms": 25.0}
BUSY_LOAD_PER_CORE = 0.75      # 1-minute load average at the start >= this x logical cores: a busy machine


class TreeSampler(threading.Thread):
    """Peak of the summed RSS (bytes) of every descendant of this process, sampled every ``interval`` s."""

    def __init__(self, interval=0.05):
        super().__init__(daemon=True)
        import psutil

        self.psutil, self.me, self.interval = psutil, psutil.Process(), interval
        self.peak, self.samples, self._done = 0, 0, threading.Event()

    def run(self):
        while not self._done.wait(self.interval):
            total = 0
            for p in self.me.children(recursive=True):
                try:
                    total += p.memory_info().rss
                except (self.psutil.NoSuchProcess, self.psutil.AccessDenied):
                    pass
            self.peak, self.samples = max(self.peak, total), self.samples + 1

    def stop(self):
        self._done.set()
        self.join()


def run_one_notebook(path: Path, timeout: int = 1800) -> dict:
    """Execute ``path`` in a fresh kernel (this process's child); return time, memory, error."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    sampler = TreeSampler()
    sampler.start()
    start, error = time.perf_counter(), None
    try:
        client.execute()
    except CellExecutionError as exc:
        error = (str(exc).strip().splitlines() or ["error"])[-1][:200]
    wall = time.perf_counter() - start
    sampler.stop()
    unit = 1 if sys.platform == "darwin" else 1024            # ru_maxrss: bytes on macOS, KiB on Linux
    kernel_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit
    return {"notebook": path.stem, "wall_s": wall, "peak_bytes": max(sampler.peak, kernel_peak),
            "sampled_tree_peak_bytes": sampler.peak, "kernel_maxrss_bytes": kernel_peak,
            "samples": sampler.samples, "error": error}


def measure_notebooks(paths) -> list[dict]:
    """Each notebook in its own worker process, one after another."""
    rows = []
    for path in paths:
        proc = subprocess.run([sys.executable, __file__, "--worker", str(path)],
                              capture_output=True, text=True)
        if proc.returncode:
            row = {"notebook": path.stem, "wall_s": None, "peak_bytes": None,
                   "error": f"worker failed: {proc.stderr.strip().splitlines()[-1:]}"}
        else:
            row = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"  {row['notebook']}: {_fmt_s(row['wall_s'])}, {_fmt_gb(row['peak_bytes'])}"
              + (f", ERROR {row['error']}" if row["error"] else ""), flush=True)
        rows.append(row)
    return rows


def discover_builders() -> tuple[dict, dict]:
    """{"module.function": function} for every ``*_explorer`` function defined in rnn_helpers;
    and {module: error} for modules that failed to import (reported, not hidden)."""
    import rnn_helpers

    builders, failed = {}, {}
    for info in pkgutil.walk_packages(rnn_helpers.__path__, "rnn_helpers."):
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:  # noqa: BLE001 - a half-written module must not stop the bench
            failed[info.name] = f"{type(exc).__name__}: {exc}"
            continue
        for name, obj in vars(module).items():
            if name.endswith("_explorer") and inspect.isfunction(obj) and obj.__module__ == info.name:
                builders[f"{info.name}.{name}"] = obj
    return builders, failed


def controls_of(widget):
    """Every slider and dropdown inside ``widget`` (depth first)."""
    import ipywidgets as widgets

    kinds = (widgets.IntSlider, widgets.FloatSlider, widgets.FloatLogSlider, widgets.SelectionSlider,
             widgets.Dropdown)
    if isinstance(widget, kinds):
        yield widget
    for child in getattr(widget, "children", ()):
        yield from controls_of(child)


def move_indices(n_choices: int, current: int, moves: int) -> list[int]:
    """``moves`` indices into ``n_choices`` grid points, each different from the one before:
    spread over the whole grid when it is large enough, else bouncing end to end."""
    if n_choices < 2:
        return []
    def path(k):                                            # k grid indices, consecutive ones differ
        if n_choices > moves:                               # spread: the first and last point included
            return list(np.round(np.linspace(0, n_choices - 1, k)).astype(int))
        bounce = list(range(n_choices)) + list(range(n_choices - 2, 0, -1))
        return [bounce[i % len(bounce)] for i in range(k)]
    first = path(moves)
    return first if first[0] != current else path(moves + 1)[1:]


def grid_of(control) -> tuple[str, list]:
    """(trait to set, values it can take) for a slider or dropdown."""
    if hasattr(control, "index") and hasattr(control, "options"):   # dropdown, selection slider
        return "index", list(range(len(control.options)))
    lo, hi, step = control.min, control.max, control.step
    values = np.round(np.arange(lo, hi + step / 2, step), 10)
    return "value", [v if isinstance(control.value, float) else int(v) for v in np.clip(values, lo, hi)]


def time_control(control, moves: int, cpu_ms: list | None = None) -> list[float]:
    """Move one control through ``moves`` values (ms per move), then put it back.

    ``cpu_ms``, if given, receives this thread's CPU time per move (ms): less sensitive than the
    wall time to other processes sharing the cores."""
    trait, grid = grid_of(control)
    start = getattr(control, trait)
    current = int(np.argmin([abs(g - start) for g in grid]))
    times = []
    for i in move_indices(len(grid), current, moves):
        t0, c0 = time.perf_counter(), time.thread_time()
        setattr(control, trait, grid[i])
        times.append(1000 * (time.perf_counter() - t0))
        if cpu_ms is not None:
            cpu_ms.append(1000 * (time.thread_time() - c0))
    setattr(control, trait, start)
    return times


def measure_widget(builder, moves: int) -> dict:
    """Build with defaults, move every control; median and 95th percentile over all moves (wall
    time), median CPU time of this thread per move, and how often the widget's renderer had to
    draw its static background again (``renderer.full_draws``, when it has one)."""
    t0 = time.perf_counter()
    handle = builder()
    build_ms = 1000 * (time.perf_counter() - t0)
    per_control, everything, all_cpu = {}, [], []
    renderer = getattr(handle, "renderer", None)
    for control in controls_of(handle.widget):
        if len(grid_of(control)[1]) < 2:                 # one option (a model with one block): cannot move
            continue
        label = control.description or type(control).__name__
        draws, cpu = getattr(renderer, "full_draws", None), []
        times = time_control(control, moves, cpu)
        per_control[label] = {"moves": len(times), "median_ms": float(np.median(times)),
                              "p95_ms": float(np.percentile(times, 95)), "times_ms": times,
                              "cpu_median_ms": float(np.median(cpu)) if cpu else None, "cpu_ms": cpu,
                              "background_draws": None if draws is None else renderer.full_draws - draws}
        everything += times
        all_cpu += cpu
    return {"build_ms": build_ms, "moves": len(everything), "controls": per_control,
            "median_ms": float(np.median(everything)) if everything else None,
            "p95_ms": float(np.percentile(everything, 95)) if everything else None,
            "cpu_median_ms": float(np.median(all_cpu)) if all_cpu else None}


def measure_widgets(moves: int) -> dict:
    from rnn_helpers.environment import quiet_tensorflow

    quiet_tensorflow()                                   # before a module imports TensorFlow
    builders, failed = discover_builders()
    results = {name: {"error": f"import failed: {err}"} for name, err in failed.items()}
    for name, builder in sorted(builders.items()):
        try:
            results[name] = measure_widget(builder, moves)
        except Exception as exc:  # noqa: BLE001 - reported in the table
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
        r = results[name]
        print(f"  {name}: " + (f"median {r['median_ms']:.1f} ms (CPU {r['cpu_median_ms']:.1f} ms), p95 "
                               f"{r['p95_ms']:.1f} ms over {r['moves']} moves" if "error" not in r
                               else f"ERROR {r['error']}"))
    return results


def machine() -> dict:
    import psutil

    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines()
                 if ln.startswith("model name")]
        cpu = names[0] if names else cpu
    def ver(pkg):
        try:
            return version(pkg)
        except PackageNotFoundError:
            return "not installed"
    return {"cpu": cpu, "logical_cores": psutil.cpu_count(), "physical_cores": psutil.cpu_count(False),
            "ram_bytes": psutil.virtual_memory().total, "python": platform.python_version(),
            "tensorflow": ver("tensorflow"), "keras": ver("keras"), "os": platform.platform(),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load_average_start": list(np.round(psutil.getloadavg(), 2))}


def _fmt_s(s):
    return "—" if s is None else (f"{s:.1f} s" if s < 120 else f"{s / 60:.1f} min")


def _fmt_gb(b):
    return "—" if b is None else f"{b / GB:.2f} GB"


def _over(value, limit, label):
    return "" if value is None or value <= limit else f" **OVER** {label}"


def _limit_min(seconds):
    return f"{seconds / 60:g} min"


def _limit_gb(nbytes):
    return f"{nbytes / GB:g} GB"


def _limit_ms(ms):
    return f"{ms:g} ms"


def was_busy(m: dict) -> bool:
    """True when the 1-minute load average at the start was at least BUSY_LOAD_PER_CORE x logical cores."""
    return m["load_average_start"][0] >= BUSY_LOAD_PER_CORE * m["logical_cores"]


def _load_note(m: dict) -> str:
    loads = ", ".join(f"{x:.2f}" for x in m["load_average_start"])
    if not was_busy(m):
        return f"Load average at start (1, 5, 15 min): {loads}."
    return (f"Load average at start (1, 5, 15 min): {loads}; the 1-minute figure is at least "
            f"{BUSY_LOAD_PER_CORE:g} x the {m['logical_cores']} logical cores, so other work shared "
            "the CPU and the times are inflated.")


def _machine_line(m: dict) -> str:
    return (f"Measured {m['date']} on {m['cpu']}, {m['logical_cores']} logical cores "
            f"({m['physical_cores']} physical), {m['ram_bytes'] / GB:.1f} GB RAM; Python {m['python']}, "
            f"TensorFlow {m['tensorflow']}, Keras {m['keras']}. " + _load_note(m))


def _notebook_rows(nbs: list[dict]) -> list[str]:
    wall, peak, series = (_limit_min(LIMITS["notebook_s"]), _limit_gb(LIMITS["notebook_bytes"]),
                          _limit_min(LIMITS["series_s"]))
    lines = [f"| notebook | wall time (limit {wall}) | peak memory (limit {peak}) | result |",
             "|---|---:|---:|---|"]
    for r in nbs:
        lines.append(f"| `{r['notebook']}` | {_fmt_s(r['wall_s'])}"
                     f"{_over(r['wall_s'], LIMITS['notebook_s'], wall)} | {_fmt_gb(r['peak_bytes'])}"
                     f"{_over(r['peak_bytes'], LIMITS['notebook_bytes'], peak)} | "
                     + (f"**ERROR** {r['error']}" if r["error"] else "ran") + " |")
    total = sum(r["wall_s"] or 0 for r in nbs)
    return lines + [f"| **series** ({len(nbs)} notebooks) | {_fmt_s(total)}"
                    f"{_over(total, LIMITS['series_s'], series)} (limit {series}) | | |", ""]


def _widget_rows(wid: dict) -> list[str]:
    limit = _limit_ms(LIMITS["widget_median_ms"])
    lines = [f"| widget | moves | update median (limit {limit}) | 95th percentile |", "|---|---:|---:|---:|"]
    for name, r in wid.items():
        if "error" in r:
            lines.append(f"| `{name}` | — | **ERROR** {r['error'][:120]} | — |")
            continue
        over = _over(r["median_ms"], LIMITS["widget_median_ms"], limit)
        lines.append(f"| `{name}` | {r['moves']} ({len(r['controls'])} controls) | "
                     f"{r['median_ms']:.1f} ms{over} | {r['p95_ms']:.1f} ms |")
    return lines + [""]


def table(results: dict) -> str:
    """The Markdown the README shows: machine, then notebooks and widgets with their limits."""
    lines = [_machine_line(results["machine"]), ""]
    if results.get("notebooks"):
        lines += _notebook_rows(results["notebooks"])
    if results.get("widgets"):
        lines += _widget_rows(results["widgets"])
    lines.append("Notebook: fresh kernel, Run All, wall time including kernel start; memory: peak RSS of "
                 "the kernel's process tree. Widget: setting a slider or dropdown value, compute plus "
                 "redraw to PNG under Agg (no browser). Method and raw numbers: `bench/README.md`, "
                 "`bench/results/`.")
    return "\n".join(lines)


def replace_block(text: str, block: str) -> str:
    """``text`` with everything between the bench markers replaced by ``block``."""
    start, end = MARKERS
    if text.count(start) != 1 or text.count(end) != 1 or text.index(start) > text.index(end):
        raise ValueError(f"README.md: expected one {start} before one {end}")
    head, rest = text.split(start)
    return head + start + "\n" + block.strip() + "\n" + end + rest.split(end, 1)[1]


def over_limits(results: dict) -> list[str]:
    """Names of the figures over their limit, and of the runs that failed."""
    bad = [f"{r['notebook']}: {r['error'] or 'over limit'}" for r in results.get("notebooks", [])
           if r["error"] or (r["wall_s"] or 0) > LIMITS["notebook_s"]
           or (r["peak_bytes"] or 0) > LIMITS["notebook_bytes"]]
    if sum(r["wall_s"] or 0 for r in results.get("notebooks", [])) > LIMITS["series_s"]:
        bad.append(f"series: over {_limit_min(LIMITS['series_s'])}")
    slow = f"median over {_limit_ms(LIMITS['widget_median_ms'])}"
    bad += [f"{name}: {r.get('error', slow)}" for name, r in results.get("widgets", {}).items()
            if "error" in r or (r["median_ms"] or 0) > LIMITS["widget_median_ms"]]
    return bad


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="notebook name prefixes, e.g. 00 02")
    parser.add_argument("--moves", type=int, default=50, help="timed moves per control (default 50)")
    parser.add_argument("--no-notebooks", action="store_true")
    parser.add_argument("--no-widgets", action="store_true")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite README.md's table")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(run_one_notebook(args.worker)))
        return 0
    results = {"machine": machine(), "limits": LIMITS}
    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    paths = [p for p in paths if not args.only or p.name.startswith(tuple(args.only))]
    if not args.no_notebooks:
        print(f"notebooks ({len(paths)}), each in a fresh kernel:", flush=True)
        results["notebooks"] = measure_notebooks(paths)
    if not args.no_widgets:
        print(f"widgets, {args.moves} moves per control:", flush=True)
        results["widgets"] = measure_widgets(args.moves)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=1))
    block = table(results)
    print("\n" + block + f"\n\nraw numbers: {out.relative_to(ROOT)}")
    if not args.no_readme:
        README.write_text(replace_block(README.read_text(), block))
        print("README.md: table updated")
    bad = over_limits(results)
    print(f"{len(bad)} over limit or failed" + "".join(f"\n  {b}" for b in bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
