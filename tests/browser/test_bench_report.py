"""bench/run_bench.py: the moves it times are real updates, and the table hides no figure over its limit.

(Here beside the browser tests because both measure what a reader sees; no browser is needed.)
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import ipywidgets as widgets
import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("run_bench", REPO / "bench" / "run_bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

MACHINE = {"date": "2026-01-01 00:00 UTC", "cpu": "Test CPU", "logical_cores": 2, "physical_cores": 2,
           "ram_bytes": 8e9, "python": "3.11.0", "tensorflow": "2.21.0", "keras": "3.15.0",
           "load_average_start": [0.1, 0.1, 0.1]}


def results(wall_s, peak_gb, median_ms, error=None):
    return {"machine": MACHINE,
            "notebooks": [{"notebook": "00_start_here", "wall_s": wall_s, "peak_bytes": peak_gb * 1e9,
                           "error": error}],
            "widgets": {"rnn_helpers.x.x_explorer": {"moves": 50, "controls": {"a": {}},
                                                     "median_ms": median_ms, "p95_ms": 2 * median_ms}}}


@pytest.mark.parametrize("n_choices, current, moves", [(80, 20, 50), (200, 0, 50), (51, 0, 50),
                                                       (4, 0, 50), (2, 1, 50), (4, 3, 7)])
def test_every_move_changes_the_value(n_choices, current, moves):
    path = bench.move_indices(n_choices, current, moves)
    assert len(path) == moves and all(0 <= i < n_choices for i in path)
    assert all(a != b for a, b in zip([current] + path, path))     # else no observer fires
    if n_choices > moves:
        visited = {current, *path}                                     # spread over the whole range
        assert min(visited) == 0 and max(visited) == n_choices - 1


@pytest.mark.parametrize("make", [
    lambda: widgets.IntSlider(value=60, min=2, max=200),
    lambda: widgets.FloatSlider(value=1.0, min=0.05, max=4.0, step=0.05),
    lambda: widgets.FloatSlider(value=0.9, min=0.0, max=1.5, step=0.05),
    lambda: widgets.Dropdown(options=["tanh", "sigmoid", "relu", "linear"], value="relu"),
])
def test_time_control_fires_one_update_per_move_and_restores(make):
    control, seen = make(), []
    start = control.value
    control.observe(lambda change: seen.append(change["new"]), names="value")
    times = bench.time_control(control, 50)
    assert len(times) == 50 and all(t >= 0 for t in times)
    assert len(seen) == 51 and seen[-1] == start and control.value == start   # 50 moves + the restore
    if not isinstance(control, widgets.Dropdown):
        assert min(seen) == control.min and max(seen) == pytest.approx(control.max)


def test_the_course_widgets_are_discovered_and_timed():
    builders, failed = bench.discover_builders()
    assert {"rnn_helpers.widgets.gradient.gradient_explorer",
            "rnn_helpers.widgets.memory.memory_explorer"} <= set(builders)
    r = bench.measure_widget(builders["rnn_helpers.widgets.memory.memory_explorer"], moves=3)
    assert r["moves"] == 3 * len(r["controls"]) >= 6
    assert 0 < r["median_ms"] <= r["p95_ms"]


def test_figures_over_their_limits_are_marked_not_hidden():
    text = bench.table(results(wall_s=61.0, peak_gb=1.6, median_ms=26.0))
    for mark in ("61.0 s **OVER** 1 min", "1.60 GB **OVER** 1.5 GB", "26.0 ms **OVER** 25 ms", "Test CPU"):
        assert mark in text
    assert len(bench.over_limits(results(wall_s=61.0, peak_gb=1.6, median_ms=26.0))) == 2
    series = {"machine": MACHINE, "notebooks": results(59.0, 1.0, 1.0)["notebooks"] * 14}    # 826 s
    assert "**OVER** 13 min" in bench.table(series) and bench.over_limits(series) == ["series: over 13 min"]


def test_the_headers_name_the_limits():
    text = bench.table(results(wall_s=30.0, peak_gb=0.7, median_ms=20.0))
    for header in ("wall time (limit 1 min)", "peak memory (limit 1.5 GB)", "(limit 13 min)",
                   "update median (limit 25 ms)"):
        assert header in text


@pytest.mark.parametrize("load, busy", [([0.1, 0.2, 0.3], False), ([1.49, 3.0, 3.0], False),
                                        ([1.5, 0.5, 0.5], True), ([2.19, 2.91, 2.65], True)])
def test_the_machine_line_says_busy_only_when_the_load_was_high(load, busy):
    text = bench.table({"machine": MACHINE | {"load_average_start": load}})   # 2 cores: busy from 1.5
    assert "Load average at start (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in load) in text
    assert ("other work shared the CPU and the times are inflated" in text) is busy
    assert bench.was_busy(MACHINE | {"load_average_start": load}) is busy


def test_figures_within_limits_and_errors():
    assert "OVER" not in bench.table(results(wall_s=60.0, peak_gb=1.5, median_ms=25.0))   # at the limits
    assert bench.over_limits(results(wall_s=60.0, peak_gb=1.5, median_ms=25.0)) == []
    failed = results(wall_s=3.0, peak_gb=0.7, median_ms=20.0, error="ValueError: boom")
    assert "**ERROR** ValueError: boom" in bench.table(failed) and bench.over_limits(failed)


def test_the_readme_block_is_replaced_and_nothing_else():
    readme = (REPO / "README.md").read_text()
    new = bench.replace_block(readme, "| a | b |")
    start, end = bench.MARKERS
    assert new.split(start)[0] == readme.split(start)[0] and new.split(end)[1] == readme.split(end)[1]
    assert f"{start}\n| a | b |\n{end}" in new
    with pytest.raises(ValueError, match="bench:start"):
        bench.replace_block("no markers here", "x")
