"""Task shapes: each draws into the given Axes only, in mathtext, with the outputs its shape has."""

import re

import matplotlib.pyplot as plt
import pytest

from rnn_helpers.plots.task_shapes import SHAPES, plot_task_shape


def texts(ax):
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("shape", SHAPES)
def test_draws_into_the_given_axes_only(shape):
    fig, ax = plt.subplots()
    size, figures = tuple(fig.get_size_inches()), plt.get_fignums()
    assert plot_task_shape(shape, ax=ax) is ax
    assert plt.get_fignums() == figures and fig.axes == [ax] and tuple(fig.get_size_inches()) == size
    assert not ax.axison
    assert {"$h_0$", "$x_1$", "$h_1$"} <= set(texts(ax))


def test_each_shape_has_its_outputs():
    many_to_one, many_to_many, enc_dec = (texts(plot_task_shape(s, steps=4)) for s in SHAPES)
    assert r"$\hat{y}$" in many_to_one and not any(t.startswith("$y_") for t in many_to_one)
    assert {"$y_1$", "$y_2$", "$y_3$", "$y_4$"} <= set(many_to_many)
    assert {"$s_1$", "$s_4$", "$y_0$", "$y_4$", "$h_T$", "$x_4$"} <= set(enc_dec)   # y_0 the start symbol
    assert "return_sequences=False: (B, H)" in plot_task_shape("many_to_one").get_title()
    assert "(B, T, H)" in plot_task_shape("many_to_many").get_title()


@pytest.mark.parametrize("shape", SHAPES)
def test_subscripts_only_inside_mathtext(shape):
    ax = plot_task_shape(shape, steps=5)
    for text in texts(ax):
        assert text.count("$") % 2 == 0, text
        assert "_" not in re.sub(r"\$[^$]*\$", "", text), text


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="^shape: expected one of"):
        plot_task_shape("one_to_many")
    with pytest.raises(ValueError, match="^steps: expected at most 5"):
        plot_task_shape("many_to_one", steps=6)
