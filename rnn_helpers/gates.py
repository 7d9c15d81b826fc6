"""Read the gates of a Keras LSTM or GRU: record them, measure saturation, find the memory units.

    rec = record_gates(model.get_layer("lstm"), x)          # x (T, D) or (B, T, D)
    rec.f                                                   # forget gate, (T, H) or (B, T, H)
    sat = gate_saturation(rec)                              # {gate: (left (H,), right (H,))}
    mem = find_memory_units(rec, target)                    # units whose c_t tracks the target
    cell_path_gradient(rec.f)                               # ∂c_T/∂c_{T-k} = ∏ f along the cell path
    c, h, grad = constant_gate_cell(f=0.95, i=1.0, o=1.0, x=pulse_input())   # one unit, gates by hand

The gates come from the numpy reference (``rnn_helpers.reference``) run with the layer's own
weights, so they are the gates Keras computes: the recorded h equals the layer's
``return_sequences`` output (the tests check it within 1e-5).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from rnn_helpers._checks import (
    as_array,
    check_choice,
    check_int,
    check_nonempty,
    check_number,
    check_positive_int,
    check_seed,
    check_shape,
)
from rnn_helpers.reference import forward, layer_activation, layer_kind, params_from_keras

STEPS, PULSE_AT = 50, 5           # the constant-gate cell's run: length T, the pulse's index (t = 6)
FLOOR = 1e-12                     # the gate explorer's gradient axis shows values down to here
RANGES = {"f": (0.0, 1.0, 0.01), "i": (0.0, 1.0, 0.01), "o": (0.0, 1.0, 0.01),
          "noise": (0.0, 1.0, 0.05)}
GATE_NAMES = {"lstm": ("i", "f", "o", "g", "c", "h"), "gru": ("z", "r", "g", "h")}
SIGMOID_GATES = {"lstm": ("i", "f", "o"), "gru": ("z", "r")}


@dataclass
class GateRecord:
    """Gate activations of one LSTM or GRU layer over an input.

    Every array is (T, H) for one sequence or (B, T, H) for a batch. LSTM: i, f, o (gates),
    g (candidate), c (cell), h (hidden state). GRU: z (update), r (reset), g (candidate), h.
    Fields that the cell does not have are None. ``x`` is the input, (T, D) or (B, T, D).
    """

    kind: str
    x: np.ndarray
    h: np.ndarray
    g: np.ndarray
    i: np.ndarray | None = None
    f: np.ndarray | None = None
    o: np.ndarray | None = None
    c: np.ndarray | None = None
    z: np.ndarray | None = None
    r: np.ndarray | None = None

    def __post_init__(self):
        check_choice("kind", self.kind, GATE_NAMES)
        self.h = as_array("h", self.h)
        if self.h.ndim not in (2, 3) or 0 in self.h.shape:
            raise ValueError(f"h: expected a non-empty (T, H) or (B, T, H) array, got shape {self.h.shape}")
        self.x = as_array("x", self.x, ndim=self.h.ndim)
        check_shape("x (the steps of h)", self.x, (*self.h.shape[:-1], None))
        for name in ("i", "f", "o", "g", "c", "z", "r"):
            setattr(self, name, _checked_field(self, name, getattr(self, name)))

    @property
    def names(self) -> tuple[str, ...]:
        """Names of the recorded arrays, in the order of the equations."""
        return GATE_NAMES[self.kind]

    @property
    def sigmoid_gates(self) -> tuple[str, ...]:
        """The gates that are sigmoids, with values in (0, 1): i, f, o or z, r."""
        return SIGMOID_GATES[self.kind]

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self.names:
            raise KeyError(f"{name!r}: a {self.kind} record holds {list(self.names)}")
        return getattr(self, name)

    def sequence(self, b: int) -> GateRecord:
        """The record of sequence ``b`` of a batch, with (T, H) arrays."""
        if self.h.ndim != 3:
            raise ValueError(f"sequence: this record holds one sequence already (h {self.h.shape})")
        b = check_int("b", b)
        if not -self.h.shape[0] <= b < self.h.shape[0]:
            raise IndexError(f"b: expected an index below the batch size {self.h.shape[0]}, got {b}")
        return GateRecord(**{fl.name: (v[b] if isinstance(v, np.ndarray) else v)
                             for fl in fields(self) for v in [getattr(self, fl.name)]})


def _checked_field(record, name, value):
    """``value`` as an array of h's shape if the record's cell has ``name`` (None otherwise)."""
    if name not in record.names:
        if value is not None:
            raise ValueError(f"{name}: a {record.kind} record has no {name!r}, got an array")
        return None
    arr = as_array(name, value)
    check_shape(f"{name} (the shape of h)", arr, record.h.shape)
    if name in record.sigmoid_gates and (arr.min() < 0 or arr.max() > 1):
        raise ValueError(f"{name}: a sigmoid gate lies in [0, 1], got values in "
                         f"[{arr.min():.3g}, {arr.max():.3g}]")
    return arr


def record_gates(layer, x) -> GateRecord:
    """Record every gate of a Keras ``LSTM`` or ``GRU`` layer on input x (T, D) or (B, T, D).

    The layer must be built (trained or not), run forwards (``go_backwards=False``) and use the
    default sigmoid gates. Returns a ``GateRecord`` of (T, H) arrays, or (B, T, H) for a batch.
    """
    kind = layer_kind(layer)                                   # TypeError for other layers
    if kind not in GATE_NAMES:
        raise TypeError(f"layer: expected a keras.layers.LSTM or GRU (a SimpleRNN has no gates), "
                        f"got {type(layer).__name__}")
    if layer.go_backwards:
        raise ValueError(f"layer {layer.name!r}: expected go_backwards=False, got True")
    x = as_array("x", x, dtype=np.float64)
    if x.ndim not in (2, 3):
        raise ValueError(f"x: expected shape (T, D) or (B, T, D), got {x.shape}")
    single = x.ndim == 2
    xb = x[None] if single else x                              # (B, T, D)
    params = params_from_keras(layer)
    D = next(iter(params.values())).shape[1]                   # W_.x is (H, D)
    check_shape(f"x (input size D={D} from layer {layer.name!r})", xb, (None, None, D))
    _, _, caches = forward(kind, xb, params, activation=layer_activation(layer))
    arrays = {k: np.stack([cache[k] for cache in caches], axis=1) for k in GATE_NAMES[kind]}  # (B, T, H)
    if single:
        arrays = {k: v[0] for k, v in arrays.items()}           # (T, H)
    return GateRecord(kind=kind, x=x, **arrays)


def _check_record(record) -> GateRecord:
    if not isinstance(record, GateRecord):
        raise TypeError(f"record: expected a GateRecord from record_gates, got {type(record).__name__}")
    return record


def _flat(a: np.ndarray) -> np.ndarray:
    return a.reshape(-1, a.shape[-1])                          # (B·T, H)


def gate_saturation(record, low=0.1, high=0.9) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per unit, the fraction of steps (over the whole batch) each sigmoid gate is saturated.

    Returns {gate: (left (H,), right (H,))}: left = fraction of steps with gate < ``low``,
    right = fraction with gate > ``high`` (Karpathy, Johnson & Fei-Fei 2015, Fig. 3).
    """
    record = _check_record(record)
    low, high = check_number("low", low), check_number("high", high)
    if not 0.0 < low < high < 1.0:
        raise ValueError(f"low, high: expected 0 < low < high < 1, got low={low}, high={high}")
    return {k: ((_flat(record[k]) < low).mean(axis=0), (_flat(record[k]) > high).mean(axis=0))
            for k in record.sigmoid_gates}


@dataclass
class MemoryUnits:
    """Which units hold a remembered quantity: ``units`` (indices, best first) and the evidence."""

    units: np.ndarray          # (K,) selected unit indices, highest |correlation| first
    mean_forget: np.ndarray    # (H,) mean forget gate per unit (GRU: mean update gate z)
    correlation: np.ndarray    # (H,) within-step correlation of c_t (GRU: h_t) with the target
    min_forget: float
    min_correlation: float


def find_memory_units(record, target, min_forget=0.9, min_correlation=0.8) -> MemoryUnits:
    """Units whose forget gate stays near 1 and whose cell state carries ``target`` from sequence
    to sequence: selected when mean f ≥ ``min_forget`` and |correlation| ≥ ``min_correlation``.

    record: a ``GateRecord`` of a batch, (B, T, H) with B ≥ 2; target (B, T): the quantity to be
    remembered at every step (e.g. ``datasets.synthetic.marked_sum_so_far(x)``). For a GRU, z
    (the weight of the old state) and h are used.

    The correlation is taken WITHIN each step: c_t and target_t are centred over the B sequences
    at every t, then correlated over all (b, t): "at the same step, does a sequence with a larger
    target have a larger (or smaller) cell?", which is what holding a value means. Pooled over
    steps, the trend in time of a running sum dominates (an untrained LSTM reached 0.53).
    Measured on 16-unit LSTMs (notebook 03's setting, 256 validation sequences, 3 seeds each):
    every one trained to solve the adding problem at T = 50 or 100 (validation MSE 0.0014-0.0085)
    has a unit with mean f ≥ 0.93 and |correlation| ≥ 0.88 (pooled, two of them reached only 0.69
    and 0.77); untrained ones have mean f ≤ 0.77 and |correlation| ≤ 0.35. Domain: a target that
    differs between sequences at most steps. Units that hold the value only through h (refreshed
    from the integrating unit every step, mean f well below 0.9) are not counted.
    """
    record = _check_record(record)
    min_forget = check_number("min_forget", min_forget, low=0.0, high=1.0)
    min_correlation = check_number("min_correlation", min_correlation, low=0.0, high=1.0)
    keep, state = ("f", "c") if record.kind == "lstm" else ("z", "h")
    target = as_array("target", target)
    check_shape("target (B, T), the shape of a gate without the unit axis", target, record.h.shape[:-1])
    if record.h.ndim != 3 or record.h.shape[0] < 2:
        raise ValueError(f"record: expected a batch of at least 2 sequences (B, T, H): memory is "
                         f"measured across sequences at each step, got shape {record.h.shape}")
    s = record[state] - record[state].mean(axis=0)             # (B, T, H) centred per step
    t = target - target.mean(axis=0)                           # (B, T)
    if not t.any():
        raise ValueError("target: expected a quantity that varies between sequences, got the same "
                         "value for every sequence at every step")
    s, t = _flat(s), t.reshape(-1)                             # (B·T, H), (B·T,)
    denom = np.sqrt((s**2).sum(axis=0) * (t**2).sum())         # (H,)
    corr = np.divide(s.T @ t, denom, out=np.zeros(s.shape[1]), where=denom > 0)   # (H,)
    mean_f = _flat(record[keep]).mean(axis=0)                  # (H,)
    chosen = np.flatnonzero((mean_f >= min_forget) & (np.abs(corr) >= min_correlation))
    chosen = chosen[np.argsort(-np.abs(corr[chosen]))]
    return MemoryUnits(chosen, mean_f, corr, min_forget, min_correlation)


def cell_path_gradient(f) -> np.ndarray:
    """∂c_T/∂c_{T-k} along the cell path alone: the product of the last k forget gates.

    c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t gives ∂c_t/∂c_{t-1} = diag(f_t) on the direct path, so
    ∂c_T/∂c_{T-k} = f_T ⊙ f_{T-1} ⊙ ... ⊙ f_{T-k+1}. f (T, H) or (B, T, H) with values in [0, 1].
    Returns the same shape: entry k along the time axis is the product over lag k (lag 0 gives 1).
    """
    f = as_array("f", f, dtype=np.float64)
    if f.ndim not in (2, 3) or f.shape[-2] == 0:
        raise ValueError(f"f: expected shape (T, H) or (B, T, H) with T ≥ 1, got {f.shape}")
    if f.min() < 0 or f.max() > 1:
        raise ValueError(f"f: forget gates lie in [0, 1], got values in [{f.min():.3g}, {f.max():.3g}]")
    rev = np.flip(f, axis=-2)                                  # f_T, f_{T-1}, ...
    ones = np.ones_like(rev[..., :1, :])
    return np.concatenate([ones, np.cumprod(rev, axis=-2)[..., :-1, :]], axis=-2)


def check_gate_value(name, value) -> float:
    """``value`` as a float if it lies in ``RANGES[name]`` (a gate in [0, 1], or the noise level)."""
    lo, hi, _ = RANGES[check_choice("name", name, RANGES)]
    return check_number(name, value, low=lo, high=hi)


def pulse_input(steps=STEPS, pulse_at=PULSE_AT, noise=0.0, seed=0) -> np.ndarray:
    """x (steps,): 1 at index ``pulse_at`` (step t = pulse_at + 1), elsewhere ``noise`` · U(-1, 1)
    distractors (fixed by seed)."""
    steps = check_positive_int("steps", steps)
    pulse_at = check_int("pulse_at", pulse_at, low=0, high=steps - 1)
    rng = np.random.default_rng(check_seed(seed))
    x = check_gate_value("noise", noise) * rng.uniform(-1.0, 1.0, steps)     # (T,)
    x[pulse_at] = 1.0
    return x


def constant_gate_cell(f, i, o, x):
    """Run one LSTM unit with constant gates over x (T,). Returns (c, h, grad), each (T,).

    c_t = f c_{t-1} + i φ(x_t) for t = 1..T from c_0 = 0 (array index t - 1 holds step t),
    h_t = o φ(c_t) with φ = tanh, and grad[k] = ∂c_T/∂c_{T-k} = f^k, the gradient along the cell
    path k steps back (lag k).
    """
    f, i, o = (check_gate_value(n, v) for n, v in (("f", f), ("i", i), ("o", o)))
    x = as_array("x", x, ndim=1, dtype=np.float64)            # (T,)
    check_nonempty("x", x)
    g = np.tanh(x)                                            # (T,) candidate
    c = np.empty_like(g)
    c_prev = 0.0
    for t, g_t in enumerate(g):
        c[t] = c_prev = f * c_prev + i * g_t                  # memory cell
    h = o * np.tanh(c)                                        # (T,) hidden state
    grad = f ** np.arange(x.size, dtype=np.float64)           # (T,) ∏ of k forget gates
    return c, h, grad
