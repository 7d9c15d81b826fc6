"""The course style: the Okabe-Ito palette in the colour cycle, a projector mode, set in one call."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

from rnn_helpers.plots.style import BASE, PALETTE, PROJECTOR, use_course_style

OKABE_ITO = {"#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}


@pytest.fixture(autouse=True)
def _restore_rcparams():
    with matplotlib.rc_context():
        yield


def test_palette_is_okabe_ito():
    assert isinstance(PALETTE, tuple) and {c.lower() for c in PALETTE} == OKABE_ITO
    assert PALETTE[-1] == "#000000"                                 # black last: reference lines


def test_default_style_cycles_the_palette_and_returns_what_it_set():
    params = use_course_style()
    assert params == BASE and params is not BASE
    for key, value in params.items():
        assert matplotlib.rcParams[key] == (list(value) if isinstance(value, tuple) else value), key
    assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"] == list(PALETTE)
    assert (matplotlib.rcParams["figure.dpi"], matplotlib.rcParams["savefig.format"]) == (100, "png")
    _, ax = plt.subplots()
    colors = [to_hex(ax.plot([0, 1])[0].get_color()) for _ in range(3)]
    assert colors == [c.lower() for c in PALETTE[:3]]


def test_projector_is_larger_thicker_sharper_and_switches_back():
    params = use_course_style(projector=True)
    assert set(PROJECTOR) <= set(BASE) and set(params) == set(BASE)   # same keys: switching is clean
    assert matplotlib.rcParams["font.size"] == 14 and matplotlib.rcParams["lines.linewidth"] == 2.5
    assert matplotlib.rcParams["figure.dpi"] == matplotlib.rcParams["savefig.dpi"] == 150
    use_course_style(projector=False)
    assert matplotlib.rcParams["font.size"] == 10 and matplotlib.rcParams["figure.dpi"] == 100


def test_plot_helpers_follow_the_style_without_setting_it():
    from rnn_helpers.plots.curves import plot_gradient_norm_history

    use_course_style(projector=True)
    before = dict(matplotlib.rcParams)
    ax = plot_gradient_norm_history(([0, 1], {"rnn": [1.0, 0.5]}))
    assert ax.get_lines()[0].get_linewidth() == 2.5
    assert dict(matplotlib.rcParams) == before                      # nothing global changed


@pytest.mark.parametrize("bad", ["yes", 1, None])
def test_projector_must_be_a_bool(bad):
    with pytest.raises(TypeError, match="projector"):
        use_course_style(projector=bad)
