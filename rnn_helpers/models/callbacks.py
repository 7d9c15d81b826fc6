"""Keras callbacks: gradient norms per layer while a model trains, and seconds per epoch.

    probe = GradientNormHistory(x_train[:64], y_train[:64], every=10)
    model.fit(x_train, y_train, epochs=5, callbacks=[probe], verbose=0)
    plot_gradient_norm_history(probe)

Importing this module imports Keras (and TensorFlow): call ``setup_notebook()`` first.
"""

from __future__ import annotations

import time

import keras
import numpy as np
import tensorflow as tf

from rnn_helpers._checks import as_array, as_numbers, check_bool, check_positive_int, check_shape
from rnn_helpers.reference.keras_io import forward_from_keras


class GradientNormHistory(keras.callbacks.Callback):
    """Gradient norms per layer, measured on a FIXED probe batch every ``every`` training steps.

    The gradient is that of the model's compiled loss (``model.compute_loss``, which includes
    regularisation losses) on ``(x_probe, y_probe)``, computed with ``tf.GradientTape`` in
    inference mode (no dropout). Measuring on the same batch at every step removes the batch to
    batch noise of the training gradients, so the curves are comparable across steps; they are not
    the gradients the optimizer applied. For a multi-output model Keras' per-output loss trackers
    also see the probe loss. Overhead: one forward and backward pass on the probe batch per record.

    Attributes after ``fit``:
        steps: list[int], the training step (optimizer updates so far, counted across epochs) of
            each record; norms: dict[str, list[float]], per layer with trainable weights (keyed
            by ``layer.name``), the global L2 norm of that layer's gradients; total: list[float],
            the global norm over all trainable weights; nonfinite_steps: list[int], steps where the
            loss or a gradient was NaN or inf (those norms are recorded as they are).
    """

    def __init__(self, x_probe, y_probe, every=1, *, at_start=False):
        super().__init__()
        self.x_probe = as_array("x_probe", x_probe)
        if self.x_probe.ndim == 0 or 0 in self.x_probe.shape:
            raise ValueError(f"x_probe: expected a non-empty batch of examples, "
                             f"got shape {self.x_probe.shape}")
        self.y_probe = as_numbers("y_probe", y_probe)                    # integer labels stay integers
        if self.y_probe.ndim == 0 or len(self.y_probe) != len(self.x_probe):
            raise ValueError(f"y_probe: expected {len(self.x_probe)} targets (one per probe example),"
                             f" got shape {self.y_probe.shape}")
        self.every = check_positive_int("every", every)
        self.at_start = check_bool("at_start", at_start)
        self.steps, self.norms, self.total, self.nonfinite_steps = [], {}, [], []
        self._step, self._grad_fn, self._traced_for = 0, None, None

    def _layers(self):
        return [layer for layer in self.model.layers if layer.trainable_weights]

    def _build_grad_fn(self):
        model, layers = self.model, self._layers()
        if getattr(model, "_compile_loss", None) is None and not model.losses:
            raise ValueError("model: expected a compiled model with a loss (model.compile(loss=...))"
                             " so the callback knows which gradient to measure")
        expected = tuple(model.inputs[0].shape[1:]) if getattr(model, "inputs", None) else None
        if expected is not None and len(model.inputs) == 1:
            check_shape(f"x_probe (examples of the model's input {expected})", self.x_probe,
                        (None, *expected))
        variables = [v for layer in layers for v in layer.trainable_weights]
        sizes = [len(layer.trainable_weights) for layer in layers]

        @tf.function(reduce_retracing=True)
        def grad_norms(x, y):
            with tf.GradientTape() as tape:
                y_pred = model(x, training=False)
                loss = model.compute_loss(x=x, y=y, y_pred=y_pred, training=False)
            grads = tape.gradient(loss, variables)
            sq = [tf.reduce_sum(tf.cast(g, tf.float64) ** 2) if g is not None
                  else tf.constant(0.0, tf.float64) for g in grads]
            per_layer, start = [], 0
            for n in sizes:                                   # global norm of each layer's grads
                per_layer.append(tf.sqrt(tf.add_n(sq[start:start + n])))
                start += n
            return loss, tf.stack(per_layer), tf.sqrt(tf.add_n(sq))

        return [layer.name for layer in layers], grad_norms

    def probe(self):
        """Return ``(loss, {layer name: norm}, total)`` at the model's current weights."""
        key = (id(self.model), id(getattr(self.model, "_compile_loss", None)))
        if self._grad_fn is None or key != self._traced_for:   # new model or recompiled:
            self._grad_fn, self._traced_for = self._build_grad_fn(), key   # trace once (~0.5 s)
        names, fn = self._grad_fn
        loss, per_layer, total = fn(self.x_probe, self.y_probe)
        return float(loss), dict(zip(names, per_layer.numpy().tolist())), float(total)

    def _record(self):
        loss, per_layer, total = self.probe()
        self.steps.append(self._step)
        for name, value in per_layer.items():
            self.norms.setdefault(name, []).append(value)
        self.total.append(total)
        if not (np.isfinite(loss) and np.isfinite(total)):
            self.nonfinite_steps.append(self._step)

    def on_train_begin(self, logs=None):
        if self.at_start and self._step == 0:
            self._record()

    def on_train_batch_end(self, batch, logs=None):
        self._step += 1
        if self._step % self.every == 0:
            self._record()

    def as_arrays(self):
        """``(steps (N,), {layer name: norms (N,)})`` as numpy arrays (the total is ``self.total``)."""
        return (np.asarray(self.steps, dtype=np.int64),
                {name: np.asarray(v, dtype=np.float64) for name, v in self.norms.items()})


class EpochTimer(keras.callbacks.Callback):
    """Wall-clock seconds of each training epoch (the first one includes tracing the graph)."""

    def on_train_begin(self, logs=None):
        self.seconds = []

    def on_epoch_begin(self, epoch, logs=None):
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds.append(time.perf_counter() - self._start)


class DeadUnitHistory(keras.callbacks.Callback):
    """After every epoch, how many units of a recurrent layer output exactly 0 on EVERY example of ``x``.

    A relu unit whose output is 0 for every input passes no gradient back: it is "dead", and
    training cannot revive it through that path. ``layer`` names the recurrent layer (the
    classifiers' is "rnn"); its output h_T (N, H) is computed on ``x`` at the end of each epoch.
    Attribute after ``fit``: ``dead``, a list of ints, one per epoch.
    """

    def __init__(self, x, layer="rnn"):
        super().__init__()
        self.x = as_array("x", x, ndim=3).astype(np.float32)               # (N, T, D)
        if 0 in self.x.shape:
            raise ValueError(f"x: expected a non-empty batch of sequences, got shape {self.x.shape}")
        if not isinstance(layer, str):
            raise TypeError(f"layer: expected the name of a layer (a str), got {type(layer).__name__}")
        self.layer, self.dead = layer, []

    def on_epoch_end(self, epoch, logs=None):
        names = [layer.name for layer in self.model.layers]
        if self.layer not in names:
            raise ValueError(f"layer: expected one of the model's layers {names}, got {self.layer!r}")
        h_T = np.asarray(self.model.get_layer(self.layer)(self.x))          # (N, H)
        self.dead.append(int(np.all(h_T == 0, axis=0).sum()))


class StateHistory(keras.callbacks.Callback):
    """After every ``every`` training steps: the loss on a FIXED probe batch, the largest |h_t| of a
    recurrent layer on it, and that layer's ‖W_hh‖₂.

    Keras' per-batch ``logs["loss"]`` is the running mean since the epoch began, so one huge batch
    hides in it; the probe loss is the model's compiled loss on ``(x_probe, y_probe)`` after each
    recorded step, in inference mode, so a spike shows at the step it happens. ``max_abs_h`` is
    max over examples, steps and units of |h_t| (the numpy reference run with the layer's weights,
    ``reference.forward_from_keras``): the size of the state that the output layer reads.
    ``layer`` names a SimpleRNN, LSTM or GRU layer of the model (the classifiers' is "rnn").

    Attributes after ``fit`` (lists, one entry per record): ``steps`` (optimizer updates so far,
    across epochs), ``loss``, ``max_abs_h`` and ``recurrent_norm`` (the largest singular value of
    the layer's recurrent kernel, ‖W_hh‖₂ for a SimpleRNN). Non-finite weights give NaN entries.
    """

    def __init__(self, x_probe, y_probe, layer="rnn", every=1):
        super().__init__()
        self.x_probe = as_array("x_probe", x_probe, ndim=3).astype(np.float32)   # (B, T, D)
        if 0 in self.x_probe.shape:
            raise ValueError(f"x_probe: expected a non-empty batch of sequences, "
                             f"got shape {self.x_probe.shape}")
        self.y_probe = as_numbers("y_probe", y_probe)
        if self.y_probe.ndim == 0 or len(self.y_probe) != len(self.x_probe):
            raise ValueError(f"y_probe: expected {len(self.x_probe)} targets (one per probe example),"
                             f" got shape {self.y_probe.shape}")
        if not isinstance(layer, str):
            raise TypeError(f"layer: expected the name of a layer (a str), got {type(layer).__name__}")
        self.layer, self.every = layer, check_positive_int("every", every)
        self.steps, self.loss, self.max_abs_h, self.recurrent_norm = [], [], [], []
        self._step, self._loss_fn = 0, None

    def on_train_begin(self, logs=None):
        names = [layer.name for layer in self.model.layers]
        if self.layer not in names:
            raise ValueError(f"layer: expected one of the model's layers {names}, got {self.layer!r}")
        model = self.model

        @tf.function(reduce_retracing=True)
        def probe_loss(x, y):
            return model.compute_loss(x=x, y=y, y_pred=model(x, training=False), training=False)

        self._loss_fn = probe_loss

    def _state_size(self, layer):
        """(max |h_t| on the probe batch, ‖recurrent kernel‖₂), NaN for non-finite weights."""
        R = np.asarray(layer.cell.recurrent_kernel, dtype=np.float64)
        if not np.all(np.isfinite(R)) or not all(np.all(np.isfinite(w)) for w in layer.get_weights()):
            return np.nan, np.nan
        with np.errstate(over="ignore", invalid="ignore"):
            hs, _ = forward_from_keras(layer, self.x_probe)             # (B, T, H), numpy: no tracing
            top = float(np.max(np.abs(hs)))
        return (top if np.isfinite(top) else np.inf), float(np.linalg.norm(R, 2))

    def on_train_batch_end(self, batch, logs=None):
        self._step += 1
        if self._step % self.every:
            return
        top, norm = self._state_size(self.model.get_layer(self.layer))
        self.steps.append(self._step)
        self.loss.append(float(self._loss_fn(self.x_probe, self.y_probe)))
        self.max_abs_h.append(top)
        self.recurrent_norm.append(norm)
