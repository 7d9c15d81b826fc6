"""min-char-rnn (Karpathy 2015) on the reference loop: a character SimpleRNN trained by numpy BPTT.

    losses, params = train_char_rnn(ids, vocab_size, steps=300, hidden_size=64, seed=0)

x_t is the one-hot of character t, h_t = tanh(W_hx x_t + W_hh h_{t-1} + b_h) (``loop.forward``),
logits y_t = W_yh h_t + b_y, loss = mean over the window of -ln softmax(y_t)[target]. The text is
read in consecutive windows of ``seq_len`` characters, the last state of one window starting the
next (as min-char-rnn does), and from the start again at the end. Gradients by ``loop.backward``,
each clipped to [-5, 5], Adagrad with ``learning_rate``. numpy only.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_positive_int, check_positive_number, check_seed
from rnn_helpers.datasets.chars import _check_ids
from rnn_helpers.reference.loop import backward, forward
from rnn_helpers.reference.weights import init_params

CLIP = 5.0


def _window_loss(ids_in, ids_out, h_prev, params, V):
    """Forward and backward over one window: (loss in nats per char, grads, last state)."""
    x = np.eye(V)[ids_in][None]                                           # (1, T, V) one-hot
    hs, (h_T,), caches = forward("simple_rnn", x, {k: params[k] for k in ("W_hx", "W_hh", "b_h")}, (h_prev,))
    y = hs[0] @ params["W_yh"].T + params["b_y"]                          # (T, V) logits
    p = np.exp(y - y.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)                                     # softmax
    T = len(ids_out)
    loss = -np.log(p[np.arange(T), ids_out]).mean()
    dy = p.copy()
    dy[np.arange(T), ids_out] -= 1.0                                      # backprop through softmax + CE
    dy /= T                                                               # the mean over the window
    grads = {"W_yh": dy.T @ hs[0], "b_y": dy.sum(axis=0)}
    _, _, g = backward("simple_rnn", (dy @ params["W_yh"])[None], None, caches)   # BPTT
    grads.update(g)
    return loss, grads, h_T


def _check_char_rnn_args(ids, vocab_size, steps, hidden_size, seq_len, learning_rate):
    """The checked (ids, V, steps, H, T, learning_rate) of a min-char-rnn trainer (numpy or Keras)."""
    V = check_positive_int("vocab_size", vocab_size)
    ids = _check_ids("ids", ids, V)
    steps, H = check_positive_int("steps", steps), check_positive_int("hidden_size", hidden_size)
    T = check_positive_int("seq_len", seq_len)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    if ids.size < T + 1:
        raise ValueError(f"ids: expected at least seq_len + 1 = {T + 1} ids, got {ids.size}")
    return ids, V, steps, H, T, learning_rate


def train_char_rnn(ids, vocab_size, steps=300, hidden_size=64, seq_len=25, learning_rate=0.1, seed=0):
    """Train min-char-rnn on ``ids`` (L,) for ``steps`` windows. Returns (losses (steps,), params)."""
    ids, V, steps, H, T, learning_rate = _check_char_rnn_args(ids, vocab_size, steps, hidden_size, seq_len,
                                                             learning_rate)
    params = init_params("simple_rnn", V, H, scale=0.01, seed=check_seed(seed))
    rng = np.random.default_rng(seed)
    params["b_h"] = np.zeros(H)
    params.update(W_yh=rng.normal(0.0, 0.01, (V, H)), b_y=np.zeros(V))
    memory = {k: np.zeros_like(v) for k, v in params.items()}            # Adagrad's sum of squares
    h, pos, losses = np.zeros((1, H)), 0, np.empty(steps)
    for step in range(steps):
        if pos + T + 1 > ids.size:
            h, pos = np.zeros((1, H)), 0                                 # back to the start
        losses[step], grads, h = _window_loss(ids[pos:pos + T], ids[pos + 1:pos + T + 1], h, params, V)
        for k, g in grads.items():
            g = np.clip(g, -CLIP, CLIP)
            memory[k] += g * g
            params[k] -= learning_rate * g / np.sqrt(memory[k] + 1e-8)    # Adagrad
        pos += T
    return losses, params
