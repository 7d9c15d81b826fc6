"""Generated dates: every format writes the same date as expected, encoding shifts the target by one."""

import datetime

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from rnn_helpers.datasets.dates import (
    FORMATS,
    SOURCE_LEN,
    SOURCE_VOCAB,
    TARGET_VOCAB,
    date_pairs,
    decode_source,
    decode_target,
    encode_dates,
    encode_source,
    format_date,
)

MARCH_3 = {"day_month_year": "3 March 2014", "us_short": "03/03/14", "weekday": "Monday, March 3, 2014",
           "mon_day_year": "mar 3 2014", "dotted_iso": "2014.03.03", "european": "03.03.2014",
           "month_day_year": "March 3, 2014", "ordinal": "the 3rd of March 2014"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_writes_march_3(fmt):
    assert format_date(datetime.date(2014, 3, 3), fmt) == MARCH_3[fmt]


def test_ordinals_and_weekdays():
    for d, text in ((1, "1st"), (2, "2nd"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
                    (22, "22nd"), (23, "23rd"), (30, "30th")):
        assert format_date(datetime.date(2001, 1, d), "ordinal").startswith(f"the {text} of")
    assert format_date(datetime.date(2049, 9, 29), "weekday") == "Wednesday, September 29, 2049"


def test_pairs_seeded_in_range_and_every_char_known():
    pairs = date_pairs(3000, seed=0)
    assert pairs == date_pairs(3000, seed=0) and pairs != date_pairs(3000, seed=1)
    years = [int(iso[:4]) for _, iso in pairs]
    assert 1950 <= min(years) and max(years) <= 2049
    assert all(datetime.date.fromisoformat(iso) for _, iso in pairs)
    assert max(len(text) for text, _ in pairs) <= SOURCE_LEN
    assert set("".join(t for t, _ in pairs)) <= set(SOURCE_VOCAB[1:])
    two_digit = [(t, iso) for t, iso in date_pairs(500, formats=["us_short"], seed=3)]
    assert all(iso[2:4] == t[-2:] and iso[5:7] == t[:2] and iso[8:] == t[3:5] for t, iso in two_digit)


def test_encoding_left_pads_and_shifts_the_target():
    data = encode_dates([("3 March 2014", "2014-03-03"), ("2014.03.03", "2014-03-03")])
    assert data.src.shape == (2, SOURCE_LEN) and data.target.shape == data.dec_in.shape == (2, 10)
    assert decode_source(data.src[0]) == "3 March 2014" and (data.src[0, :SOURCE_LEN - 12] == 0).all()
    assert decode_target(data.target[0]) == "2014-03-03"
    assert decode_target(data.dec_in[0]) == "^2014-03-0"                    # start token, then shifted
    assert_array_equal(data.dec_in[:, 1:], data.target[:, :-1])
    assert TARGET_VOCAB[0] == "^" and SOURCE_VOCAB[0] == "·"


def test_unknown_characters_are_named():
    with pytest.raises(ValueError, match="'é'"):
        encode_source(["3 Mé 2014"])
    with pytest.raises(ValueError, match="at most 30"):
        encode_source(["x" * 31])
    assert np.asarray(encode_source(["1"]))[0, -1] == SOURCE_VOCAB.index("1")


def test_splits_hold_out_dates():
    from rnn_helpers.datasets.dates import date_splits

    train, test = date_splits(3000, 500, seed=0)
    assert len(train) == 3000 and len(test) == 500
    assert not {iso for _, iso in train} & {iso for _, iso in test}
    assert date_splits(3000, 500, seed=0) == (train, test)
