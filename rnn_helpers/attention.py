"""Attention in numpy: scaled dot-product attention, the causal mask, multiple heads, positional encoding.

    out, w = scaled_dot_product_attention(q, k, v, mask=causal_mask(T))   # q (..., Tq, d), k, v (..., Tk, .)
    params = params_from_keras_mha(layer)                                   # keras.layers.MultiHeadAttention
    y, w = multi_head_attention(x, x, params, mask=causal_mask(T))          # y (B, T, D), w (B, heads, T, T)
    pe = positional_encoding(T, D)                                          # (T, D) sines and cosines

    attention(Q, K, V) = softmax(Q K^T / sqrt(d)) V,   row i of the softmax: how much query i reads key j

``mask`` is boolean, True where a query may attend to a key (Keras' convention), broadcastable to
(..., Tq, Tk). The multi-head parameters use Keras' layout: W_q, W_k, W_v (D, heads, d), b_q, b_k, b_v
(heads, d), W_o (heads, d_v, D_out), b_o (D_out,). No TensorFlow here except in ``params_from_keras_mha``.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_positive_int

MHA_KEYS = ("W_q", "b_q", "W_k", "b_k", "W_v", "b_v", "W_o", "b_o")


def softmax(z, axis=-1) -> np.ndarray:
    """exp(z) / sum exp(z) along ``axis``, computed stably; a row of -inf only gives NaN-free zeros."""
    z = as_array("z", z, dtype=np.float64, finite=False)
    if np.isnan(z).any() or np.isposinf(z).any():
        raise ValueError(f"z: expected finite scores or -inf (masked), got {int(np.isnan(z).sum())} NaN and "
                         f"{int(np.isposinf(z).sum())} +inf in shape {z.shape}")
    if z.ndim == 0 or not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis: expected an axis of an array with shape {z.shape}, got {axis}")
    top = np.max(z, axis=axis, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    e = np.exp(z - top)
    total = e.sum(axis=axis, keepdims=True)
    return e / np.where(total == 0, 1.0, total)


def causal_mask(T) -> np.ndarray:
    """(T, T) boolean: query t may attend to keys 0..t only (True on and below the diagonal)."""
    T = check_positive_int("T", T)
    return np.tril(np.ones((T, T), dtype=bool))


def _check_mask(mask, Tq, Tk) -> np.ndarray | None:
    if mask is None:
        return None
    m = np.asarray(mask)
    if m.dtype != bool:
        raise TypeError(f"mask: expected a boolean array (True = may attend), got dtype {m.dtype}")
    if m.ndim < 2 or m.shape[-2:] != (Tq, Tk):
        raise ValueError(f"mask: expected shape (..., {Tq}, {Tk}) for {Tq} queries and {Tk} keys, "
                         f"got {m.shape}")
    return m


def scaled_dot_product_attention(q, k, v, mask=None) -> tuple[np.ndarray, np.ndarray]:
    """softmax(q k^T / sqrt(d)) v for q (..., Tq, d), k (..., Tk, d), v (..., Tk, d_v).

    Returns (output (..., Tq, d_v), weights (..., Tq, Tk)); masked pairs get weight 0.
    """
    q, k, v = (as_array(n, a, dtype=np.float64) for n, a in (("q", q), ("k", k), ("v", v)))
    for name, a in (("q", q), ("k", k), ("v", v)):
        if a.ndim < 2 or 0 in a.shape[-2:]:
            raise ValueError(f"{name}: expected (..., T, d) with T >= 1 and d >= 1, got shape {a.shape}")
    if q.shape[-1] != k.shape[-1]:
        raise ValueError(f"k: expected the query size d = {q.shape[-1]} in its last axis, "
                         f"got shape {k.shape}")
    if k.shape[-2] != v.shape[-2]:
        raise ValueError(f"v: expected one value per key ({k.shape[-2]}), got shape {v.shape}")
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])          # (..., Tq, Tk)
    mask = _check_mask(mask, q.shape[-2], k.shape[-2])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights @ v, weights


def _check_mha_params(params) -> dict:
    if not isinstance(params, dict):
        raise TypeError(f"params: expected a dict with {list(MHA_KEYS)}, got {type(params).__name__}")
    missing = [key for key in MHA_KEYS if key not in params]
    if missing:
        raise ValueError(f"params: expected the keys {list(MHA_KEYS)}, missing {missing}")
    p = {key: as_array(f"params[{key!r}]", params[key], dtype=np.float64) for key in MHA_KEYS}
    heads, d = p["W_q"].shape[1:] if p["W_q"].ndim == 3 else (None, None)
    want = {"W_q": (None, heads, d), "b_q": (heads, d), "W_k": (None, heads, d), "b_k": (heads, d),
            "W_v": (None, heads, None), "b_v": (heads, p["W_v"].shape[-1] if p["W_v"].ndim == 3 else None),
            "W_o": (heads, p["W_v"].shape[-1] if p["W_v"].ndim == 3 else None, None), "b_o": (None,)}
    for key, shape in want.items():
        a = p[key]
        if a.ndim != len(shape) or any(s is not None and s != n for s, n in zip(shape, a.shape)):
            raise ValueError(f"params[{key!r}]: expected shape {shape} (None: any), got {a.shape}")
    return p


def multi_head_attention(x_q, x_kv, params, mask=None) -> tuple[np.ndarray, np.ndarray]:
    """Keras' MultiHeadAttention in numpy: queries from x_q (B, Tq, D), keys and values from x_kv
    (B, Tk, D_kv), ``params`` as from ``params_from_keras_mha``. Returns (output (B, Tq, D_out),
    weights (B, heads, Tq, Tk))."""
    x_q = as_array("x_q", x_q, ndim=3, dtype=np.float64)
    x_kv = as_array("x_kv", x_kv, ndim=3, dtype=np.float64)
    if 0 in x_q.shape or 0 in x_kv.shape:
        raise ValueError(f"x_q, x_kv: expected at least one example, step and feature, "
                         f"got {x_q.shape}, {x_kv.shape}")
    if x_kv.shape[0] != x_q.shape[0]:
        raise ValueError(f"x_kv: expected the batch size of x_q ({x_q.shape[0]}), got shape {x_kv.shape}")
    p = _check_mha_params(params)
    if p["W_q"].shape[0] != x_q.shape[-1]:
        raise ValueError(f"x_q: expected {p['W_q'].shape[0]} features for the query weights, "
                         f"got shape {x_q.shape}")
    if p["W_k"].shape[0] != x_kv.shape[-1] or p["W_v"].shape[0] != x_kv.shape[-1]:
        raise ValueError(f"x_kv: expected {p['W_k'].shape[0]} features for the key and value weights, "
                         f"got shape {x_kv.shape}")
    q = np.einsum("btd,dhk->bhtk", x_q, p["W_q"]) + p["b_q"][None, :, None, :]
    k = np.einsum("btd,dhk->bhtk", x_kv, p["W_k"]) + p["b_k"][None, :, None, :]
    v = np.einsum("btd,dhk->bhtk", x_kv, p["W_v"]) + p["b_v"][None, :, None, :]
    if mask is not None:
        mask = _check_mask(mask, x_q.shape[1], x_kv.shape[1])
        mask = mask[:, None] if mask.ndim == 3 else mask                  # (B, Tq, Tk) -> per head
    heads_out, weights = scaled_dot_product_attention(q, k, v, mask)     # (B, h, Tq, d_v)
    out = np.einsum("bhtk,hkd->btd", heads_out, p["W_o"]) + p["b_o"]
    return out, weights


def params_from_keras_mha(layer) -> dict:
    """The weights of a built ``keras.layers.MultiHeadAttention`` (with biases) in the layout above."""
    import keras

    if not isinstance(layer, keras.layers.MultiHeadAttention):
        raise TypeError(f"layer: expected a keras.layers.MultiHeadAttention, got {type(layer).__name__}")
    if not layer.built:
        raise ValueError("layer: expected a built layer (call it once on data first), got an unbuilt one")
    dense = {"q": layer.query_dense, "k": layer.key_dense, "v": layer.value_dense, "o": layer.output_dense}
    params = {}
    for name, d in dense.items():
        if d.bias is None:
            raise ValueError("layer: expected use_bias=True (the reference has biases), got use_bias=False")
        params[f"W_{name}"] = np.asarray(d.kernel, dtype=np.float64)
        params[f"b_{name}"] = np.asarray(d.bias, dtype=np.float64)
    return params


def positional_encoding(T, D) -> np.ndarray:
    """The sinusoids of Vaswani et al. (2017): PE[t, 2i] = sin(t / 10000^(2i/D)), PE[t, 2i+1] = cos(...)."""
    T, D = check_positive_int("T", T), check_positive_int("D", D)
    t = np.arange(T)[:, None]
    i = np.arange(D)[None, :]
    angle = t / np.power(10000.0, (2 * (i // 2)) / D)
    return np.where(i % 2 == 0, np.sin(angle), np.cos(angle))
