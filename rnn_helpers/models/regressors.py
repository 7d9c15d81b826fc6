"""Recurrent regressors for the synthetic tasks: one recurrent layer and a linear readout.

    model = build_adding_model("lstm", seq_len=50, units=16, seed=0)
    model = build_adding_model("simple_rnn", 50, optimizer="sgd", learning_rate=0.1, global_clipnorm=1.0)
    model = build_sequence_regressor("simple_rnn", (40, 1), 32, activation="relu", learning_rate=3e-4)

Every call with the same arguments gives the same initial weights, bit for bit, whatever was
drawn or built before it (initializer objects included, see ``models.layers``).
"""

from __future__ import annotations

import keras

from rnn_helpers._checks import check_choice, check_number, check_positive_int, check_seed
from rnn_helpers.models.layers import RECURRENT_LAYERS, recurrent_layer

DEFAULT_LEARNING_RATE = 0.01
REFUSED_LAYER_KWARGS = {"return_sequences": "the readout maps h_T to one number per sequence",
                        "return_state": "the model has one output, the prediction",
                        "name": "the layer is named after its kind"}


def build_optimizer(optimizer=None, learning_rate=None, *, clipnorm=None, global_clipnorm=None):
    """A Keras optimizer: ``optimizer`` None (Adam) or a name ("adam", "sgd", "rmsprop", ...)
    with ``learning_rate`` (None: DEFAULT_LEARNING_RATE = 0.01) and optional clipping, or a
    ``keras.optimizers.Optimizer`` instance returned as it is (then set its learning rate and
    clipping on it, not here).

    ``clipnorm`` rescales each variable's gradient separately; ``global_clipnorm`` rescales the
    whole gradient when its global norm exceeds it, the clipping of Pascanu et al. 2013.
    """
    if isinstance(optimizer, keras.optimizers.Optimizer):
        given = [k for k, v in {"learning_rate": learning_rate, "clipnorm": clipnorm,
                                "global_clipnorm": global_clipnorm}.items() if v is not None]
        if given:
            raise ValueError(f"{', '.join(given)}: expected None with an optimizer instance "
                             f"(set them on the instance), got {optimizer.__class__.__name__} and {given}")
        return optimizer
    name = "adam" if optimizer is None else optimizer
    if not isinstance(name, str):
        raise TypeError(f"optimizer: expected None, a name or a keras.optimizers.Optimizer, "
                        f"got {optimizer!r} ({type(optimizer).__name__})")
    if clipnorm is not None and global_clipnorm is not None:
        raise ValueError(f"clipnorm, global_clipnorm: expected at most one of them, "
                         f"got {clipnorm} and {global_clipnorm}")
    config = {"learning_rate": DEFAULT_LEARNING_RATE if learning_rate is None else _positive(
        "learning_rate", learning_rate)}
    for key, value in (("clipnorm", clipnorm), ("global_clipnorm", global_clipnorm)):
        if value is not None:
            config[key] = _positive(key, value)
    try:
        return keras.optimizers.get({"class_name": name, "config": config})
    except ValueError as exc:
        raise ValueError(f"optimizer: expected a Keras optimizer name such as 'adam', 'sgd' or "
                         f"'rmsprop', got {name!r}") from exc


def _positive(name, value) -> float:
    value = check_number(name, value)
    if value <= 0:
        raise ValueError(f"{name}: expected a positive number, got {value}")
    return value


def build_sequence_regressor(kind, input_shape, units=16, *, seed=0, optimizer=None, learning_rate=None,
                             clipnorm=None, global_clipnorm=None, name=None, **layer_kwargs) -> keras.Model:
    """A compiled Keras regressor: Input (T, D) -> one recurrent layer (h_T) -> Dense(1), loss MSE.

    kind: "simple_rnn", "lstm" or "gru" (the recurrent layer is named after it, the readout
    "readout"); ``input_shape`` = (T, D). ``layer_kwargs`` go to the recurrent layer (e.g.
    ``activation=``, ``recurrent_initializer=``); it returns only h_T, so ``return_sequences``/
    ``return_state`` are refused. The optimizer comes from ``build_optimizer(optimizer,
    learning_rate, clipnorm=, global_clipnorm=)``: Adam(0.01) by default. The seed is set first
    and initializer objects are re-seeded from it, so the same call gives the same weights.
    """
    kind = check_choice("kind", kind, RECURRENT_LAYERS)
    if not isinstance(input_shape, (tuple, list)):
        raise TypeError(f"input_shape: expected a pair (timesteps, features), got "
                        f"{type(input_shape).__name__}")
    if len(input_shape) != 2:
        raise ValueError(f"input_shape: expected a pair (timesteps, features), got {input_shape!r}")
    T = check_positive_int("input_shape[0] (timesteps)", input_shape[0])
    D = check_positive_int("input_shape[1] (features)", input_shape[1])
    seed = check_seed(seed)
    if name is not None and not isinstance(name, str):
        raise TypeError(f"name: expected a str or None, got {type(name).__name__}")
    for key, why in REFUSED_LAYER_KWARGS.items():
        if layer_kwargs.get(key, False) is not False:                       # False is the default
            raise ValueError(f"{key}: not accepted by a sequence regressor ({why}), got {key}="
                             f"{layer_kwargs[key]!r}")
    opt = build_optimizer(optimizer, learning_rate, clipnorm=clipnorm, global_clipnorm=global_clipnorm)
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(T, D), name="x"),
                              recurrent_layer(kind, units, seed=seed, name=kind, **layer_kwargs),
                              keras.layers.Dense(1, name="readout")], name=name or f"regressor_{kind}")
    model.compile(optimizer=opt, loss="mse")
    return model


def build_adding_model(kind, seq_len, units=16, **kwargs) -> keras.Model:
    """``build_sequence_regressor`` for the adding problem: input (seq_len, 2), model "adding_<kind>".

    Every keyword of ``build_sequence_regressor`` is accepted (seed, optimizer, learning_rate,
    clipnorm, global_clipnorm, and the recurrent layer's own, e.g. ``recurrent_initializer=``).
    """
    if "name" in kwargs:
        raise ValueError(f"name: not accepted by build_adding_model (the model is named after its kind), "
                         f"got name={kwargs['name']!r}")
    kind = check_choice("kind", kind, RECURRENT_LAYERS)
    T = check_positive_int("seq_len", seq_len)
    return build_sequence_regressor(kind, (T, 2), units, name=f"adding_{kind}", **kwargs)
