"""The stacked character model and its gates read layer by layer."""

import numpy as np
import pytest

from rnn_helpers.gates import record_gates
from rnn_helpers.models.language import (
    build_char_model,
    build_stacked_char_model,
    keras_step_fn,
    model_bits_per_char,
    record_layer_gates,
)

V, T = 6, 7


@pytest.fixture(scope="module")
def stacked():
    return build_stacked_char_model(V, "lstm", layers=2, embed_dim=3, units=4, seed=0)


def test_two_named_layers_between_the_embedding_and_the_logits(stacked):
    names = [layer.name for layer in stacked.layers]
    assert names == ["ids", "embedding", "rnn_1", "rnn_2", "logits"]
    ids = np.arange(T)[None] % V
    assert np.asarray(stacked(ids)).shape == (1, T, V)
    again = build_stacked_char_model(V, "lstm", layers=2, embed_dim=3, units=4, seed=0)
    for a, b in zip(stacked.get_weights(), again.get_weights()):
        np.testing.assert_array_equal(a, b)                                # the same call, the same weights


def test_bits_per_char_reads_a_stacked_model(stacked):
    x = np.arange(2 * T).reshape(2, T) % V
    bits = model_bits_per_char(stacked, x, (x + 1) % V)
    assert abs(bits - np.log2(V)) < 0.1                                    # untrained: close to uniform


def test_each_layer_is_recorded_on_its_own_input(stacked):
    ids = np.arange(T) % V
    records = record_layer_gates(stacked, ids)
    assert len(records) == 2 and all(r.f.shape == (1, T, 4) for r in records)
    emb = np.asarray(stacked.get_layer("embedding")(ids[None]))
    first = np.asarray(stacked.get_layer("rnn_1")(emb))                    # (1, T, H)
    np.testing.assert_allclose(records[1].x, first, atol=1e-6)             # layer 2 reads layer 1's outputs
    np.testing.assert_allclose(records[0].f, record_gates(stacked.get_layer("rnn_1"), emb).f)
    one = build_char_model(V, "lstm", embed_dim=3, units=4)
    assert len(record_layer_gates(one, ids)) == 1                          # a one-layer model: one record


def test_bad_input_names_what_it_got(stacked):
    with pytest.raises(ValueError, match="layers: expected at least 2"):
        build_stacked_char_model(V, layers=1)
    with pytest.raises(ValueError, match="model: expected the layers embedding, rnn, logits"):
        keras_step_fn(stacked)                                             # one-step sampling: one layer only
    with pytest.raises(ValueError, match="ids: expected ids in"):
        record_layer_gates(stacked, np.array([0, V]))
    with pytest.raises(ValueError, match="ids: expected one sequence"):
        record_layer_gates(stacked, np.zeros((2, T), int))
    gru = build_stacked_char_model(V, "simple_rnn", layers=2, embed_dim=3, units=4)
    with pytest.raises(TypeError, match="layer"):
        record_layer_gates(gru, np.arange(T) % V)                          # a SimpleRNN has no gates
