"""unit_correlations finds the unit that tracks a feature; char_features marks what a reader sees."""

import numpy as np
import pytest

from rnn_helpers.datasets.chars import char_features
from rnn_helpers.units import unit_correlations


def test_correlations_known_values():
    f = np.arange(10.0)
    values = np.stack([f, -2 * f + 1, np.ones(10), np.sin(f)], axis=1)          # (T, H)
    corr = unit_correlations(values, f)
    np.testing.assert_allclose(corr[:3], [1.0, -1.0, 0.0], atol=1e-12)
    assert np.isclose(corr[3], np.corrcoef(np.sin(f), f)[0, 1])
    np.testing.assert_allclose(unit_correlations(values[None], f[None]), corr)  # a batch of one
    with pytest.raises(ValueError, match="feature"):
        unit_correlations(values, f[:-1])


def test_char_features_of_a_speech():
    text = "HAMLET:\nTo be.\n\nLORD POLONIUS:\nAy."
    f = char_features(text)
    assert f["in_speaker_name"][:7].tolist() == [1] * 7 and f["in_speaker_name"][7] == 0
    assert f["in_speaker_name"][16:30].tolist() == [1] * 14 and f["in_speaker_name"][8:16].sum() == 0
    assert f["position_in_line"][:9].tolist() == [0, 1, 2, 3, 4, 5, 6, 7, 0]
    assert f["after_newline"].nonzero()[0].tolist() == [8, 15, 16, 31]
    assert all(v.shape == (len(text),) for v in f.values())
    with pytest.raises(ValueError, match="text"):
        char_features("")
