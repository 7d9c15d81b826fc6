"""Recording gates from Keras LSTM/GRU layers, saturation, memory units, cell-path gradient, plots."""

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest

from rnn_helpers.gates import (
    GateRecord,
    cell_path_gradient,
    find_memory_units,
    gate_saturation,
    record_gates,
)
from rnn_helpers.plots.curves import plot_forget_products
from rnn_helpers.plots.heatmaps import (
    plot_gate_heatmap,
    plot_gate_record,
    plot_gate_saturation,
    plot_input,
)
from rnn_helpers.reference import lstm_step_backward


def _x(B=3, T=9, D=2, seed=0):
    return np.random.default_rng(seed).normal(size=(B, T, D)).astype("float32")   # (B, T, D)


def _layer(cls, H=5, **kw):
    keras.utils.set_random_seed(1)
    layer = cls(H, return_sequences=True, return_state=True,
                bias_initializer=keras.initializers.RandomNormal(0.0, 0.5), **kw)
    layer.build((None, None, 2))
    return layer


def test_lstm_record_matches_keras_outputs():
    layer, x = _layer(keras.layers.LSTM), _x()
    hs, h_T, c_T = (np.asarray(a) for a in layer(x))
    rec = record_gates(layer, x)
    assert rec.kind == "lstm" and rec.names == ("i", "f", "o", "g", "c", "h")
    for k in rec.names:
        assert rec[k].shape == (3, 9, 5)
    np.testing.assert_allclose(rec.h, hs, atol=1e-5)            # Keras' return_sequences output
    np.testing.assert_allclose(rec.c[:, -1], c_T, atol=1e-5)    # and its final cell state
    np.testing.assert_allclose(rec.h, rec.o * np.tanh(rec.c), atol=1e-12)
    c_prev = np.concatenate([np.zeros((3, 1, 5)), rec.c[:, :-1]], axis=1)
    np.testing.assert_allclose(rec.c, rec.f * c_prev + rec.i * rec.g, atol=1e-12)
    for k in rec.sigmoid_gates:
        assert 0 < rec[k].min() and rec[k].max() < 1
    assert rec.z is None and rec.r is None


def test_gru_record_matches_keras_outputs():
    layer, x = _layer(keras.layers.GRU), _x()
    hs, h_T = (np.asarray(a) for a in layer(x))
    rec = record_gates(layer, x)
    assert rec.kind == "gru" and rec.names == ("z", "r", "g", "h") and rec.f is None
    np.testing.assert_allclose(rec.h, hs, atol=1e-5)
    h_prev = np.concatenate([np.zeros((3, 1, 5)), rec.h[:, :-1]], axis=1)
    np.testing.assert_allclose(rec.h, rec.z * h_prev + (1 - rec.z) * rec.g, atol=1e-12)


def test_single_sequence_gives_T_by_H_and_equals_the_batch_row():
    layer, x = _layer(keras.layers.LSTM), _x()
    one = record_gates(layer, x[1])
    batch = record_gates(layer, x)
    assert one.h.shape == (9, 5) and one.x.shape == (9, 2)
    for k in one.names:
        np.testing.assert_allclose(one[k], batch.sequence(1)[k], atol=1e-12)
    with pytest.raises(ValueError, match="one sequence already"):
        one.sequence(0)
    with pytest.raises(IndexError, match="below the batch size 3"):
        batch.sequence(3)
    with pytest.raises(KeyError, match="'z'"):
        one["z"]


def test_trained_style_weights_unit_forget_bias_shows_in_the_forget_gate():
    keras.utils.set_random_seed(0)
    for bias, expected in ((True, 1.0), (False, 0.0)):
        layer = keras.layers.LSTM(4, unit_forget_bias=bias, kernel_initializer="zeros",
                                  recurrent_initializer="zeros")
        layer.build((None, None, 2))
        rec = record_gates(layer, _x())
        np.testing.assert_allclose(rec.f, 1 / (1 + np.exp(-expected)), atol=1e-7)   # f = σ(b_f)


@pytest.mark.parametrize("bad, error, match", [
    (lambda: keras.layers.SimpleRNN(3), TypeError, "SimpleRNN has no gates"),
    (lambda: keras.layers.Dense(3), TypeError, "expected a keras.layers.SimpleRNN, LSTM or GRU"),
    (lambda: keras.layers.LSTM(3, go_backwards=True), ValueError, "go_backwards=False"),
    (lambda: keras.layers.LSTM(3, activation="softplus"), ValueError, "layer.activation"),
])
def test_bad_layers(bad, error, match):
    layer = bad()
    layer.build((None, 4, 2))
    with pytest.raises(error, match=match):
        record_gates(layer, _x(T=4))


def test_unbuilt_layer():
    with pytest.raises(ValueError, match="no weights yet"):
        record_gates(keras.layers.LSTM(3), _x())


def test_bad_inputs():
    layer = _layer(keras.layers.LSTM)
    with pytest.raises(ValueError, match=r"expected shape \(T, D\) or \(B, T, D\), got \(5,\)"):
        record_gates(layer, np.zeros(5))
    with pytest.raises(ValueError, match="input size D=2"):
        record_gates(layer, np.zeros((2, 4, 3)))
    x = _x()
    x[0, 2, 1] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        record_gates(layer, x)
    with pytest.raises(TypeError, match="expected an array"):
        record_gates(layer, None)


def _record(f, c, i=None, o=None):
    """A hand-made LSTM record with the given forget gates and cells, (T, H)."""
    i = np.full_like(f, 0.5) if i is None else i
    o = np.full_like(f, 0.5) if o is None else o
    return GateRecord("lstm", x=np.zeros((f.shape[0], 2)), h=o * np.tanh(c), g=np.zeros_like(f),
                      i=i, f=f, o=o, c=c)


def test_gate_saturation_counts_steps_per_unit():
    f = np.array([[0.05, 0.5], [0.95, 0.5], [0.99, 0.5], [0.5, 0.08]])      # (T=4, H=2)
    rec = _record(f, np.zeros_like(f))
    sat = gate_saturation(rec)
    assert set(sat) == {"i", "f", "o"}
    left, right = sat["f"]
    np.testing.assert_allclose(left, [0.25, 0.25])
    np.testing.assert_allclose(right, [0.5, 0.0])
    np.testing.assert_allclose(sat["i"][0], 0.0)
    with pytest.raises(ValueError, match="0 < low < high < 1"):
        gate_saturation(rec, low=0.9, high=0.1)
    with pytest.raises(TypeError, match="GateRecord"):
        gate_saturation({"f": f})


def _memory_batch(B=64, T=30, H=5, seed=0):
    """A hand-made batch record: unit 1 is a perfect memory of the marked sum, the rest noise."""
    from rnn_helpers.datasets.synthetic import adding_problem, marked_sum_so_far

    rng = np.random.default_rng(seed)
    x, _ = adding_problem(B, T, seed=seed)
    target = marked_sum_so_far(x)                                            # (B, T)
    c = rng.normal(size=(B, T, H))                                           # noise
    c[..., 1] = -0.4 * target                                               # holds it (sign is free)
    c[..., 3] = np.linspace(0, 1, T)[None, :] + 0.1 * rng.normal(size=(B, T))   # a trend in time only
    c[..., 4] = 2.0 * target                                                 # tracks it, but forgets
    f = rng.uniform(0.3, 0.8, size=(B, T, H))
    f[..., 1] = f[..., 3] = 0.99
    rec = GateRecord("lstm", x=x, h=0.5 * np.tanh(c), g=np.zeros_like(c), i=np.full_like(c, 0.5),
                     f=f, o=np.full_like(c, 0.5), c=c)
    return rec, target


def test_find_memory_units_picks_the_perfect_memory_and_not_noise_or_trend():
    rec, target = _memory_batch()
    mem = find_memory_units(rec, target)
    np.testing.assert_array_equal(mem.units, [1])
    assert mem.correlation[1] == pytest.approx(-1.0) and mem.correlation[4] == pytest.approx(1.0)
    assert np.abs(mem.correlation[[0, 2]]).max() < 0.2                       # noise
    assert abs(mem.correlation[3]) < 0.2                                     # the trend is centred out
    pooled = np.corrcoef(rec.c[..., 3].ravel(), target.ravel())[0, 1]
    assert pooled > 0.5                                                      # which pooling would count
    np.testing.assert_allclose(mem.mean_forget, rec.f.mean(axis=(0, 1)))
    assert (mem.min_forget, mem.min_correlation) == (0.9, 0.8)
    both = find_memory_units(rec, target, min_forget=0.5)                    # now the forgetful one too
    np.testing.assert_array_equal(np.sort(both.units), [1, 4])


def test_find_memory_units_finds_nothing_in_an_untrained_lstm():
    from rnn_helpers.datasets.synthetic import adding_problem, marked_sum_so_far
    from rnn_helpers.models.regressors import build_adding_model

    x, _ = adding_problem(256, 50, seed=2)
    layer = build_adding_model("lstm", 50, units=16, seed=0).get_layer("lstm")
    mem = find_memory_units(record_gates(layer, x), marked_sum_so_far(x))
    assert mem.units.size == 0
    assert np.abs(mem.correlation).max() < 0.5 and mem.mean_forget.max() < 0.85


def test_find_memory_units_checks_its_arguments():
    rec, target = _memory_batch(B=4, T=6)
    with pytest.raises(ValueError, match=r"target \(B, T\).*expected shape"):
        find_memory_units(rec, target[:, :-1])
    with pytest.raises(ValueError, match="target: expected a quantity that varies between sequences"):
        find_memory_units(rec, np.tile(np.arange(6.0), (4, 1)))              # varies in time only
    with pytest.raises(ValueError, match="record: expected a batch of at least 2 sequences"):
        find_memory_units(rec.sequence(0), target[0])
    with pytest.raises(ValueError, match="min_forget: expected a finite number in"):
        find_memory_units(rec, target, min_forget=1.5)
    with pytest.raises(TypeError, match="min_correlation: expected a number"):
        find_memory_units(rec, target, min_correlation="0.8")


def test_cell_path_gradient_is_the_reference_backward_along_c_only():
    rng = np.random.default_rng(2)
    H, T = 3, 6
    f = rng.uniform(0.3, 1.0, size=(T, H))
    # chain lstm_step_backward from dc_T = 1, dropping dh_prev each step: only the cell path remains
    dc, got = np.ones((1, H)), [np.ones(H)]
    for t in reversed(range(1, T)):
        cache = {k: np.full((1, H), 0.5) for k in ("x", "h_prev", "c_prev", "i", "o", "g", "tc", "h")}
        cache |= {"f": f[t][None], "c": np.zeros((1, H)), "x": np.zeros((1, 1)), "dphi": lambda a: 1 - a**2,
                  "params": {f"W_{k}{s}": np.zeros((H, 1 if s == "x" else H)) for k in "ifgo" for s in "xh"}}
        _, (_, dc), _ = lstm_step_backward(np.zeros((1, H)), (np.zeros((1, H)), dc), cache)
        got.append(dc[0])
    np.testing.assert_allclose(cell_path_gradient(f), np.array(got), rtol=1e-12)
    batch = cell_path_gradient(np.stack([f, f]))
    assert batch.shape == (2, T, H)
    np.testing.assert_allclose(cell_path_gradient(np.full((21, 1), 0.95))[20, 0], 0.95**20)
    with pytest.raises(ValueError, match=r"lie in \[0, 1\]"):
        cell_path_gradient(f + 1)
    with pytest.raises(ValueError, match=r"\(T, H\) or \(B, T, H\)"):
        cell_path_gradient(np.ones(4))


def test_plot_gate_heatmap_draws_into_the_given_axes():
    values = np.random.default_rng(0).uniform(size=(12, 4))      # (T, H)
    fig, ax = plt.subplots()
    assert plot_gate_heatmap(values, ax=ax, name="f", highlight=[1, 3]) is ax
    np.testing.assert_array_equal(ax.images[0].get_array(), values.T)      # units on y
    assert ax.images[0].get_clim() == (0.0, 1.0)
    assert [t.get_text() for t in ax.texts] == ["unit 1", "unit 3"]
    assert ax.images[0].get_extent()[:2] == [0.5, 12.5]                   # columns at t = 1..T
    assert ax.texts[0].xy == (12.5, 1)                                     # labels right of t = T
    new = plot_gate_heatmap(values - 0.5, name="c")
    assert isinstance(new, plt.Axes) and new is not ax
    vmin, vmax = new.images[0].get_clim()
    assert vmin == pytest.approx(-vmax)
    with pytest.raises(ValueError, match=r"highlight: expected unit indices in \[0, 4\)"):
        plot_gate_heatmap(values, highlight=[4])
    with pytest.raises(TypeError, match="ax: expected a matplotlib Axes"):
        plot_gate_heatmap(values, ax="left")


def test_plot_gate_record_and_input():
    layer = _layer(keras.layers.LSTM)
    x = _x(B=1, T=8)[0]
    x[:, 1] = 0.0
    x[[2, 6], 1] = 1.0                                            # a marker channel
    rec = record_gates(layer, x)
    axes = plot_gate_record(rec, highlight=[0])
    assert len(axes) == 7 and all(isinstance(a, plt.Axes) for a in axes)
    assert len(axes[0].lines) == 3                                # 1 value line + 2 marker lines
    assert "forget" in axes[2].get_title()
    assert [m.get_xdata()[0] for m in axes[0].lines[1:]] == [3, 7]     # the markers' steps t
    assert axes[-1].get_xlabel() == "time step t"
    for a in axes[1:]:                                            # every column centred on t = 1..8
        assert a.images[0].get_extent()[:2] == [0.5, 8.5] and a.get_xlim() == (0.5, 8.5)
    fig, two = plt.subplots(3, 1)
    assert list(plot_gate_record(rec, axes=two, names=["f", "c"])) == list(two)
    with pytest.raises(ValueError, match="expected 3 Axes"):
        plot_gate_record(rec, axes=two[:2], names=["f", "c"])
    with pytest.raises(ValueError, match="record.sequence"):
        plot_gate_record(record_gates(layer, x[None]))
    with pytest.raises(ValueError, match=r"names\[...\]: expected one of \['i', 'f', .*, got 'z'"):
        plot_gate_record(rec, names=["z"])
    assert isinstance(plot_input(x), plt.Axes)


def test_plot_gate_saturation_and_forget_products():
    f = np.random.default_rng(1).uniform(size=(30, 5))
    sat = gate_saturation(_record(f, np.zeros_like(f)))
    fig, ax = plt.subplots()
    assert plot_gate_saturation(sat, ax=ax, highlight=[2]) is ax
    assert len(ax.collections) == 3                               # one scatter per gate
    np.testing.assert_allclose(ax.collections[1].get_offsets()[:, 0], sat["f"][0])
    z = np.zeros(3)
    made = {"i": (np.array([0.0, 0.0, 0.9]), np.array([0.0, 0.0, 0.05])),   # unit 2: i shut,
            "f": (z, np.array([0.0, 0.0, 0.99])), "o": (z, z)}               # f open, o soft
    ax = plot_gate_saturation(made, highlight=[2])
    assert sorted(t.get_text() for t in ax.texts) == ["f, unit 2", "i, unit 2"]
    ax = plot_gate_saturation(made, highlight=[2], min_saturated=0.0)
    assert len(ax.texts) == 3
    with pytest.raises(TypeError, match="gate_saturation"):
        plot_gate_saturation([])
    ax2 = plot_forget_products({"bias 1": 0.73 ** np.arange(10), "zero": np.zeros(4)})
    assert ax2.get_yscale() == "log" and len(ax2.lines) == 2
    with pytest.raises(ValueError, match="curves: expected a non-empty dict"):
        plot_forget_products({})
