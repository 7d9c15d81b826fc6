"""How the gradient shrinks or grows with the distance in time (the lag), measured three ways.

Backpropagation through time multiplies one Jacobian per step (Pascanu, Mikolov & Bengio 2013)::

    dL/dh_{t-1} = W_hh^T (φ'(a_t) ⊙ dL/dh_t)           # a vector-Jacobian product
    ‖dL/dh_{T-k}‖ ≤ ‖dL/dh_T‖ (γ_φ ‖W_hh‖₂)^k         # γ_φ = sup φ', ‖W_hh‖₂ = largest singular value

``backprop_norms`` runs that product for one sequence; ``jacobian_bound`` draws the bound;
``gradient_norms_by_lag`` (numpy reference), ``keras_gradient_norms_by_lag`` (tf.GradientTape) and
``finite_difference_norms_by_lag`` (central differences) measure ‖∂L/∂x_{T-1-k}‖ and must agree.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_choice, check_nonempty, check_number, check_shape
from rnn_helpers.activations import ACTIVATIONS, get_activation
from rnn_helpers.gradcheck import numerical_gradient
from rnn_helpers.reference import backward, forward, layer_kind

ACTIVATION_DERIVATIVE_BOUND = {"tanh": 1.0, "sigmoid": 0.25, "relu": 1.0, "linear": 1.0}
_OUTPUT_RANGE = {"tanh": (-1.0, 1.0), "sigmoid": (0.0, 1.0), "relu": (0.0, np.inf)}


def safe_norm(v) -> float:
    """‖v‖₂ over all elements without overflow or underflow of the squares (inf if v holds inf)."""
    v = as_array("v", v, dtype=np.float64, finite=False)
    scale = float(np.max(np.abs(v))) if v.size else 0.0
    if scale == 0.0 or not np.isfinite(scale):
        return scale                                  # 0, inf or nan, honestly
    return scale * float(np.sqrt(np.sum((v / scale) ** 2)))


def _check_hidden_states(hs, H, activation):
    hs = as_array("hs", hs, ndim=2, dtype=np.float64)          # (T, H)
    check_shape("hs (T, H) with H from W_hh", hs, (None, H))
    if hs.shape[0] == 0:
        raise ValueError("hs: expected at least one time step, got shape (0, H)")
    lo, hi = _OUTPUT_RANGE.get(activation, (-np.inf, np.inf))
    if hs.min() < lo or hs.max() > hi:
        raise ValueError(f"hs: {activation} outputs lie in [{lo}, {hi}], got values in "
                         f"[{hs.min():.3g}, {hs.max():.3g}]; pass the hidden states h_t = φ(a_t), "
                         "not the pre-activations a_t")
    return hs


def backprop_norms(W_hh, hs, activation="tanh", dh_T=None) -> np.ndarray:
    """‖dL/dh_{T-k}‖ for lag k = 0..T-1, for ONE sequence of a simple RNN.

    W_hh (H, H): recurrent matrix; hs (T, H): hidden states h_1..h_T = φ(a_t) of that sequence;
    dh_T (H,): dL/dh_T (default ones(H)/sqrt(H), a unit vector). Each step applies the true
    transposed Jacobian, dL/dh_{t-1} = W_hh^T (φ'(a_t) ⊙ dL/dh_t), with φ'(a_t) computed from
    h_t. The vector is renormalised every step and its log-norm accumulated, so entries are inf
    only when the true norm exceeds the float64 range (about 1.8e308) and 0 only when it is below
    the smallest float64 (about 5e-324) or the product is exactly zero (e.g. dead ReLU units).
    Returns an array (T,) of float64; no numpy warnings are emitted.
    """
    W_hh, hs, dh = _check_backprop_args(W_hh, hs, activation, dh_T)
    _, dphi = get_activation(activation)
    T = hs.shape[0]
    log_norms = np.full(T, -np.inf)                              # (T,) log ‖dL/dh_{T-k}‖
    v, log_n = dh, 0.0                                           # v: unit direction, log_n its log scale
    for k in range(T):
        if k > 0:
            v = W_hh.T @ (dphi(hs[T - k]) * v)                   # one transposed Jacobian (H,)
        n = safe_norm(v)
        if n == 0:
            break                                                # exactly zero from here on
        log_n += np.log(n)
        log_norms[k], v = log_n, v / n
    with np.errstate(over="ignore", under="ignore"):
        return np.exp(log_norms)                                 # (T,) inf/0 beyond float range


def _check_square(name, W) -> np.ndarray:
    W = as_array(name, W, ndim=2, dtype=np.float64)
    check_shape(f"{name} (square)", W, (W.shape[0], W.shape[0]))
    check_nonempty(name, W)
    return W


def _check_backprop_args(W_hh, hs, activation, dh_T):
    """Checked float64 ``(W_hh (H, H), hs (T, H), dh_T (H,))`` for ``backprop_norms``."""
    W_hh = _check_square("W_hh", W_hh)                           # (H, H)
    H = W_hh.shape[0]
    check_choice("activation", activation, ACTIVATIONS)
    hs = _check_hidden_states(hs, H, activation)                 # (T, H)
    dh = _loss_direction(H) if dh_T is None else as_array("dh_T", dh_T, ndim=1, dtype=np.float64)
    check_shape("dh_T", dh, (H,))
    return W_hh, hs, dh


def _check_lags(lags) -> np.ndarray:
    if isinstance(lags, (int, np.integer)) and not isinstance(lags, bool):
        if lags < 0:
            raise ValueError(f"lags: expected a non-negative count or an array of lags, got {lags}")
        return np.arange(int(lags), dtype=np.float64)
    arr = as_array("lags", lags, dtype=np.float64)
    if arr.ndim != 1 or (arr < 0).any():
        raise ValueError(f"lags: expected a 1-D array of non-negative lags, got shape {arr.shape} "
                         f"with minimum {arr.min() if arr.size else 'n/a'}")
    return arr


def jacobian_bound(W_hh, activation, lags, start=1.0, *, sigma_max=None) -> np.ndarray:
    """start · (γ_φ ‖W_hh‖₂)^k for each lag k (Pascanu, Mikolov & Bengio 2013).

    W_hh (H, H); activation names γ_φ = ACTIVATION_DERIVATIVE_BOUND[activation]; lags: an int n
    (meaning lags 0..n-1) or a 1-D array of non-negative lags; start ≥ 0: the norm at lag 0.
    sigma_max: ‖W_hh‖₂, the largest singular value, when already known (skips the SVD), e.g. ρ for
    W_hh = ρQ with Q orthogonal. (The keyword keeps its old name; the series writes ‖W_hh‖₂.)
    Returns an array shaped like the lags; overflow gives inf and underflow 0, without warnings.
    """
    W_hh = _check_square("W_hh", W_hh)                           # (H, H)
    gamma = ACTIVATION_DERIVATIVE_BOUND[check_choice("activation", activation, ACTIVATIONS)]
    k = _check_lags(lags)                                        # (K,)
    start = check_number("start", start, low=0.0)                # a norm
    if sigma_max is None:
        sigma_max = np.linalg.norm(W_hh, 2)                      # largest singular value
    rate = check_number("sigma_max", sigma_max, low=0.0) * gamma                              # ‖W_hh‖₂ · γ
    with np.errstate(over="ignore", under="ignore", divide="ignore"):
        if start == 0 or rate == 0:
            return np.where(k == 0, start, 0.0)                  # 0^0 = 1
        return np.exp(np.log(start) + k * np.log(rate))          # (K,)


def _loss_direction(H):
    return np.ones(H) / np.sqrt(H)                               # u: L = Σ_b h_T · u


def _check_kind(kind, allowed):
    check_choice("kind", kind, ("simple_rnn", "lstm", "gru"))
    if kind not in allowed:
        raise ValueError(f"kind: expected one of {list(allowed)} here, got {kind!r}; for GRU use "
                         "keras_gradient_norms_by_lag or finite_difference_norms_by_lag")
    return kind


def _norms_by_lag(dx) -> np.ndarray:
    T = dx.shape[1]
    return np.array([safe_norm(dx[:, T - 1 - k]) for k in range(T)])   # (T,)


def gradient_norms_by_lag(kind, x, params, activation="tanh") -> np.ndarray:
    """‖∂L/∂x_{T-1-k}‖ for lag k = 0..T-1 with the numpy reference's BPTT.

    kind: "simple_rnn" or "lstm"; x (B, T, D); params as from reference.init_params.
    L = Σ over the batch of h_T · u with u = ones(H)/sqrt(H) (nothing on c_T). The norm is taken
    over batch and features (Frobenius). Returns an array (T,).
    """
    _check_kind(kind, ("simple_rnn", "lstm"))
    hs, state, caches = forward(kind, x, params, activation=activation)   # hs (B, T, H)
    B, _, H = hs.shape
    dh_T = np.tile(_loss_direction(H), (B, 1)).astype(hs.dtype)          # (B, H) dL/dh_T
    dstate = (dh_T,) + tuple(np.zeros_like(s) for s in state[1:])        # nothing on c_T
    dx, _, _ = backward(kind, np.zeros_like(hs), dstate, caches)         # (B, T, D)
    return _norms_by_lag(dx)


def finite_difference_norms_by_lag(kind, x, params, activation="tanh", eps=1e-6) -> np.ndarray:
    """The same quantity as ``gradient_norms_by_lag`` by central differences (small cases only).

    kind may also be "gru" (only the forward pass is needed). Costs 2·B·T·D forward passes.
    """
    _check_kind(kind, ("simple_rnn", "lstm", "gru"))
    x = as_array("x", x, ndim=3, dtype=np.float64).copy()   # (B, T, D), changed in place
    forward(kind, x, params, activation=activation)                      # validate once, loudly

    def loss():
        _, state, _ = forward(kind, x, params, activation=activation)
        return float(np.sum(state[0] @ _loss_direction(state[0].shape[1])))

    return _norms_by_lag(numerical_gradient(loss, x, eps=eps))


def _final_hidden_state(layer, out):
    """h_T from whatever the layer returns (sequences and/or states)."""
    if layer.return_state:
        return out[1]                                    # [output, h_T(, c_T)]
    if layer.return_sequences:
        return out[:, -1]                                # last processed step (B, H)
    return out                                           # (B, H)


def _check_stateless_recurrent_layer(layer):
    """Raise unless ``layer`` is a Keras SimpleRNN, LSTM or GRU with ``stateful=False``."""
    if layer_kind(layer) and getattr(layer, "stateful", False):   # layer_kind: TypeError for others
        raise ValueError(f"layer {layer.name!r}: expected stateful=False (a stateful layer starts "
                         "from its stored state and changes it), got stateful=True")


def keras_gradient_norms_by_lag(layer, x) -> np.ndarray:
    """The same quantity for a Keras SimpleRNN, LSTM or GRU layer, with tf.GradientTape.

    Any return_sequences / return_state configuration: the loss is built from the final hidden
    state. With ``go_backwards=True`` lag k counts from the last *processed* step, x_0. The layer
    is called in inference mode (no dropout). x (B, T, D) is cast to the layer's compute dtype.
    Returns an array (T,).
    """
    _check_stateless_recurrent_layer(layer)
    x = as_array("x", x, ndim=3)                          # (B, T, D)
    check_nonempty("x", x)
    if layer.built and layer.weights:                     # kernel (D, nH): check D before TF does
        check_shape(f"x (input size D={layer.weights[0].shape[0]} of layer {layer.name!r})", x,
                    (None, None, layer.weights[0].shape[0]))
    import tensorflow as tf

    x_t = tf.constant(x, dtype=layer.compute_dtype)
    with tf.GradientTape() as tape:
        tape.watch(x_t)
        h_T = _final_hidden_state(layer, layer(x_t, training=False))   # (B, H)
        u = tf.constant(_loss_direction(h_T.shape[-1]), dtype=h_T.dtype)
        loss = tf.reduce_sum(h_T * u)
    dx = tape.gradient(loss, x_t).numpy().astype(np.float64)            # (B, T, D)
    if layer.go_backwards:
        dx = dx[:, ::-1]
    return _norms_by_lag(dx)


def clip_by_global_norm(grads, max_norm):
    """Rescale a whole gradient when its global norm exceeds ``max_norm`` (Pascanu et al. 2013).

    ``grads``: a list, tuple or dict of arrays (one per parameter). With the global norm
    ``N = sqrt(Σ_i ‖g_i‖²)`` over every element of every array::

        g_i ← g_i · max_norm / N    if N > max_norm,   else g_i unchanged

    so the direction is kept and the clipped gradient has norm min(N, max_norm). Returns
    ``(clipped, N)``: ``clipped`` has the structure of ``grads`` (same keys or order, each array its
    own shape and floating dtype) and N is a float, the norm BEFORE clipping. N is computed without
    overflow (as ``safe_norm``). The same as ``tf.clip_by_global_norm`` for finite gradients; NaN
    or inf entries are refused (TensorFlow would return NaN everywhere).
    """
    if isinstance(grads, dict):
        names, values = [f"grads[{k!r}]" for k in grads], list(grads.values())
    elif isinstance(grads, (list, tuple)):
        names, values = [f"grads[{i}]" for i in range(len(grads))], list(grads)
    else:
        raise TypeError(f"grads: expected a list, tuple or dict of arrays, got {type(grads).__name__} "
                        "(wrap a single array in a list)")
    arrays = [as_array(name, g) for name, g in zip(names, values)]            # each its own shape
    c = check_number("max_norm", max_norm)
    if c <= 0:
        raise ValueError(f"max_norm: expected a positive number, got {c}")
    norms = np.array([safe_norm(g) for g in arrays])                           # ‖g_i‖, (n,)
    top = float(norms.max()) if norms.size else 0.0
    N = top * float(np.sqrt(np.sum((norms / top) ** 2))) if top > 0 else 0.0   # sqrt(Σ ‖g_i‖²)
    scale = c / N if N > c else 1.0                                            # rescale, keep direction
    clipped = [g.copy() if scale == 1.0 else (g * scale).astype(g.dtype) for g in arrays]
    if isinstance(grads, dict):
        return dict(zip(grads, clipped)), N
    return type(grads)(clipped), N
