"""The kind -> layer map and the re-seeding of initializer objects; determinism of the builders."""

import random

import keras
import numpy as np
import pytest

from rnn_helpers.models.classifiers import KINDS, build_classifier
from rnn_helpers.models.layers import (
    RECURRENT_LAYERS,
    derived_seed,
    recurrent_layer,
    seeded_initializers,
)


@pytest.mark.parametrize("kind", RECURRENT_LAYERS)
def test_kind_gives_its_layer(kind):
    layer = recurrent_layer(kind, 3, name="rnn")
    assert isinstance(layer, RECURRENT_LAYERS[kind]) and layer.units == 3 and layer.name == "rnn"


def test_derived_seed_depends_only_on_its_arguments():
    a = derived_seed(3, "kernel_initializer")
    random.random()
    assert derived_seed(np.int64(3), "kernel_initializer") == a
    assert derived_seed(3, "recurrent_initializer") != a and derived_seed(4, "kernel_initializer") != a
    assert 0 <= a < 2**31


def test_seeded_initializers_reseeds_only_unseeded_objects():
    unseeded, own = keras.initializers.RandomNormal(stddev=0.2), keras.initializers.GlorotUniform(seed=5)
    kwargs = {"kernel_initializer": unseeded, "recurrent_initializer": own,
              "bias_initializer": "zeros", "unroll": True, "identity": keras.initializers.Identity()}
    out = seeded_initializers(kwargs, 0)
    assert out["recurrent_initializer"] is own and out["bias_initializer"] == "zeros" and out["unroll"]
    assert out["identity"] is kwargs["identity"]                          # not random: untouched
    new = out["kernel_initializer"]
    assert new is not unseeded and new.get_config() == {**unseeded.get_config(),
                                                        "seed": derived_seed(0, "kernel_initializer")}
    assert kwargs["kernel_initializer"] is unseeded                       # the input is not changed


@pytest.mark.parametrize("kwargs, seed, error, match", [
    (None, 0, TypeError, "layer_kwargs: expected a dict"), ([1], 0, TypeError, "layer_kwargs: expected"),
    ({}, -1, ValueError, "seed: expected a non-negative integer"), ({}, True, TypeError, "seed"),
    ({}, 1.5, TypeError, "seed"), ({}, None, TypeError, "seed"), ({}, "0", TypeError, "seed"),
])
def test_seeded_initializers_checks_its_arguments(kwargs, seed, error, match):
    with pytest.raises(error, match=match):
        seeded_initializers(kwargs, seed)


def test_recurrent_layer_checks_its_arguments():
    with pytest.raises(ValueError, match="kind: expected one of"):
        recurrent_layer("rnn", 3)
    with pytest.raises(ValueError, match="units: expected a positive integer, got 0"):
        recurrent_layer("lstm", 0)
    with pytest.raises(TypeError, match="seed: expected a non-negative integer"):
        recurrent_layer("lstm", 2, seed=0.5)


@pytest.mark.parametrize("kind", KINDS)
def test_build_classifier_gives_the_same_weights_whatever_ran_before(kind):
    first = build_classifier(kind, (5, 3), 4, units=4, seed=2).get_weights()
    random.random(), np.random.rand(2)  # noqa: NPY002 (the global state on purpose)
    keras.random.normal((3,))
    build_classifier("gru", (5, 3), 4, units=4, seed=9)                  # another build in between
    second = build_classifier(kind, (5, 3), 4, units=4, seed=np.int64(2)).get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(first, second))


@pytest.mark.parametrize("seed, error", [(-1, ValueError), (1.5, TypeError), (np.nan, TypeError)])
def test_build_classifier_refuses_bad_seeds(seed, error):
    with pytest.raises(error, match="seed: expected a non-negative integer"):
        build_classifier("lstm", (5, 3), 4, seed=seed)
