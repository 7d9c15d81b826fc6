"""The numpy reference against literal numbers that Keras computed once (float64): no TensorFlow here.

As in Keras' own layer tests: the weights, inputs and loss are fixed formulas (no random numbers),
and the expected outputs and gradients are written below as literals. They come from
``tools/make_reference_literals.py``, which runs Keras on these same fixtures (it imports the
formulas from this module, so they are written once) and prints FORWARD and BACKWARD to paste here.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rnn_helpers.reference import backward, forward

B, T, D, H = 2, 3, 2, 3
GATES = {"simple_rnn": ("h",), "lstm": ("i", "f", "g", "o"), "gru": ("z", "r", "g")}
CASES = {  # name: (kind, activation, starts from a given state0 rather than zeros)
    "simple_rnn-tanh": ("simple_rnn", "tanh", True),
    "simple_rnn-relu": ("simple_rnn", "relu", False),
    "lstm-tanh": ("lstm", "tanh", True),
    "gru-tanh": ("gru", "tanh", True),
}
WITH_BACKWARD = [name for name, (kind, _, _) in CASES.items() if kind != "gru"]  # no GRU backward


def wave(shape, phase, scale):
    """scale · sin(1.3 n + phase) over the flat index n: fixed, and different in every entry."""
    n = np.arange(np.prod(shape), dtype=np.float64)
    return scale * np.sin(1.3 * n + phase).reshape(shape)


def fixture_params(kind):
    """W_kx (H, D), W_kh (H, H) and the bias(es) of every gate k, each parameter with its own phase."""
    params = {}
    for k in GATES[kind]:
        params[f"W_{k}x"] = wave((H, D), 1 + len(params), 0.8)
        params[f"W_{k}h"] = wave((H, H), 1 + len(params), 0.5)
        for b in ([f"b_{k}x", f"b_{k}h"] if kind == "gru" else [f"b_{k}"]):  # GRU: input and recurrent
            params[b] = wave((H,), 1 + len(params), 0.3)
    return params


def fixture(name):
    """Case ``name``: x, state0 (None: zeros), params, and G, G_state of L = Σ G ⊙ hs + Σ G_s ⊙ state_T."""
    kind, _, with_state = CASES[name]
    n_states = 2 if kind == "lstm" else 1
    return {
        "x": wave((B, T, D), 20, 1.0),                                          # (B, T, D)
        "state0": tuple(wave((B, H), 21 + j, 0.5) for j in range(n_states)) if with_state else None,
        "params": fixture_params(kind),
        "G": wave((B, T, H), 23, 1.0),                                          # (B, T, H)
        "G_state": tuple(wave((B, H), 24 + j, 1.0) for j in range(n_states)),
    }


# Keras 3.15.1, TensorFlow 2.21.0, float64; from tools/make_reference_literals.py
FORWARD = {
    "simple_rnn-tanh": {
        "hs": [[[0.9028813247940507, -0.8930978221323663, 0.2622761274173343],
                [-0.504143602376744, 0.24549805564677665, -0.5387096511785231],
                [0.5985680099829734, -0.7975309557123812, 0.5049793715870415]],
               [[-0.33579699898896737, 0.4430890658836674, -0.7602804229721386],
                [-0.17082947022660294, -0.25350776349375226, -0.018419528546395045],
                [0.6744527064248681, -0.7187360158307239, 0.09388196974645775]]],
        "state": [[[0.5985680099829734, -0.7975309557123812, 0.5049793715870415],
                   [0.6744527064248681, -0.7187360158307239, 0.09388196974645775]]],
    },
    "simple_rnn-relu": {
        "hs": [[[1.0371730356290951, 0.0, 0.2282570523955753],
                [0.0, 0.5663418145677508, 0.0],
                [0.6271596047054929, 0.0, 0.2594341841950379]],
               [[0.0, 0.1411365109459808, 0.0],
                [0.0, 0.0, 0.007248133248210775],
                [0.8637866085743633, 0.0, 0.0]]],
        "state": [[[0.6271596047054929, 0.0, 0.2594341841950379],
                   [0.8637866085743633, 0.0, 0.0]]],
    },
    "lstm-tanh": {
        "hs": [[[0.11924734214660032, -0.3798056363319122, -0.04029320753539978],
                [0.20190378710709292, 0.01582909302060349, -0.12075572404640748],
                [0.13862269715826075, -0.12297636839484556, 0.06026699554763105]],
               [[0.03647359342834994, 0.1561221837760321, -0.22432970863247204],
                [0.01745129918688077, 0.07365187562286207, -0.03205171110292428],
                [0.14205487515299942, -0.04733991949507176, -0.13705829330811545]]],
        "state": [[[0.13862269715826075, -0.12297636839484556, 0.06026699554763105],
                   [0.14205487515299942, -0.04733991949507176, -0.13705829330811545]],
                  [[0.6212452133424294, -0.16572563867277904, 0.14209907835234026],
                   [0.5042687112160406, -0.07828356260457911, -0.22059141664696466]]],
    },
    "gru-tanh": {
        "hs": [[[0.22917660739034185, -0.09764186686182601, 0.025101253458578998],
                [0.03590304924447857, 0.00629560491252542, -0.15288549221541484],
                [-0.25596883014015714, 0.24829752801915994, 0.06554355446455706]],
               [[0.020889948747084205, 0.03744024406454163, 0.5568630798531974],
                [-0.4943002023492745, 0.2987894741683812, 0.2307205388938217],
                [-0.37034497555751, -0.3228595751370223, 0.5448447424521526]]],
        "state": [[[-0.25596883014015714, 0.24829752801915994, 0.06554355446455706],
                   [-0.37034497555751, -0.3228595751370223, 0.5448447424521526]]],
    },
}
BACKWARD = {
    "simple_rnn-tanh": {
        "W_hx": [[-1.1349879803994487, -1.1533716022489755],
                 [-1.061790845959472, 0.9912800661111599],
                 [0.8141868881955447, 1.9092261002626398]],
        "W_hh": [[0.40621436883294226, 0.0666664210255109, 0.14886368128886884],
                 [-0.6331857137608836, 0.6092810871486563, -0.782746173484057],
                 [-0.7987199511217372, 0.333917684982095, -0.7427284189080872]],
        "b_h": [-0.4450877497533752, -0.7066451826335494, 0.8272713705710768],
        "x": [[[-0.03818499915273814, 0.20806679832665026],
               [0.28651110739169056, 0.18059022518190054],
               [-0.8382455804203686, 0.2717983558217235]],
              [[0.2723926955460827, 0.3218394629741521],
               [0.28363405842059014, -0.3179101238150214],
               [-0.07055605921605312, 0.24627262342395972]]],
        "state0": [[[-0.06278892140833564, -0.15573264946309756, -0.02052768121162857],
                    [0.18481876506617176, -0.11311836695302131, -0.24533682637789067]]],
    },
    "simple_rnn-relu": {
        "W_hx": [[-1.3731260031785055, -2.0622214525104274],
                 [-0.010314180199650413, 1.4307484526555898],
                 [0.29569198762592264, 1.9542844286167698]],
        "W_hh": [[0.0, -0.8400510793466074, -0.004569468786989278],
                 [-0.7869723127604098, 0.0, -0.17319383965537102],
                 [0.0, 1.0765524517130312, 0.0]],
        "b_h": [-2.8181051206723255, -1.7314567746909295, 2.0195757032784583],
        "x": [[[-0.48397588044164974, -0.30951665273535983],
               [0.2686158044918942, 0.5963618244398478],
               [-1.1255095014098426, 0.5487252293274517]],
              [[0.3443482110937903, 0.7644975611131155],
               [0.0025516137976070424, -0.028805282042411316],
               [-0.4243934561976748, -0.37609426589147066]]],
        "state0": [[[-0.34727375768341756, -0.017795895567787677, 0.33775299524600016],
                    [0.18183306931740736, -0.3859964455599549, -0.388340263398492]]],
    },
    "lstm-tanh": {
        "W_ix": [[-0.04964623897752224, -0.009637883383201588],
                 [0.0052062825211831795, -0.20272925068794373],
                 [0.021079042281511053, 0.06711709873642685]],
        "W_ih": [[-0.011520832608409526, 0.011686757287631022, 0.00015729970539354703],
                 [-0.026223312415707623, -0.05002914841219584, -0.01362775286272894],
                 [0.02099718482021306, 0.02030547351226284, 0.0023954358340555655]],
        "b_i": [-0.2109968606795219, 0.000741331599520223, 0.17368145850092445],
        "W_fx": [[-0.04985153556190584, -0.09420559417962762],
                 [0.055949125170603166, 0.13999355868068641],
                 [-0.02987784888472164, -0.08981261761750986]],
        "W_fh": [[0.0035520659344631745, -0.027482177464714624, 0.0003291289161796733],
                 [-0.01294122358592769, 0.010015023673247699, 0.0038287742055343535],
                 [-0.024541657286151507, 0.005505259635803424, 0.02196252253301482]],
        "b_f": [0.045913884583945894, -0.2943408409180935, -0.08313923471565765],
        "W_gx": [[-0.3342726255030221, -0.22390812048823228],
                 [-0.5543271887728397, -0.3130723301543937],
                 [0.3268982677769714, 0.9484463873181318]],
        "W_gh": [[-0.004286739394191665, -0.04574306742587389, -0.004667125749233902],
                 [0.10284594758724705, -0.35966541584755723, -0.06791713708063092],
                 [0.24637475162596587, -0.02438176771049889, -0.20604301269883668]],
        "b_g": [-0.2141558489029572, -0.17478427155054962, 0.9673195499984977],
        "W_ox": [[-0.2097087154707591, -0.2870643919670273],
                 [-0.0070798258230116776, 0.0929641818174795],
                 [-0.04141084124606702, -0.015957634306800493]],
        "W_oh": [[-0.06969205632147028, -0.012254909807853948, 0.06990055466902638],
                 [0.025462188621065078, -0.04582952112077428, -0.05960378279351287],
                 [0.010112415722850012, -0.006249208821774108, 0.0057383785986788016]],
        "b_o": [-0.2597423769689339, -0.04884652807136061, 0.12852891856208842],
        "x": [[[0.010741822760963905, 0.31916991857601795],
               [-0.17947609767463196, -0.6962000354872184],
               [-0.17256251305861478, 0.681952126612472]],
              [[0.06270391747213817, 0.13937865947011774],
               [0.02680666688115774, 0.09486689259994588],
               [-0.2216983819831868, -0.04887041022834693]]],
        "state0": [[[0.08088186986034776, -0.12484891885024116, -0.14767574895531932],
                    [0.0341252677510055, -0.0561054412662273, -0.06414154738736826]],
                   [[0.034997316409627686, 0.08835010033253689, 0.17240060366915858],
                    [0.009950580253057192, -0.21484906004779714, -0.25714860462417166]]],
    },
}

# Measured (Keras 3.15, TF 2.21, x86-64): worst relative difference 6.6e-15 forward, 2.2e-14 for the
# gradients (an LSTM entry of 1.6e-4), worst absolute 2.2e-16; 1e-10 leaves room for other BLAS and
# CPUs and still fails any real bug. ATOL only matters for the exact zeros of relu's dead units.
RTOL, ATOL = 1e-10, 1e-14


@pytest.mark.parametrize("name", CASES)
def test_forward_matches_keras_literals(name):
    kind, activation, _ = CASES[name]
    f = fixture(name)
    hs, state, _ = forward(kind, f["x"], f["params"], f["state0"], activation)
    np.testing.assert_allclose(hs, FORWARD[name]["hs"], rtol=RTOL, atol=ATOL)          # (B, T, H)
    assert len(state) == len(FORWARD[name]["state"])                                  # (h_T,) or (h_T, c_T)
    np.testing.assert_allclose(state, FORWARD[name]["state"], rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("name", WITH_BACKWARD)
def test_backward_matches_gradient_tape_literals(name):
    kind, activation, _ = CASES[name]
    f = fixture(name)
    _, _, caches = forward(kind, f["x"], f["params"], f["state0"], activation)
    dx, dstate0, grads = backward(kind, f["G"], f["G_state"], caches)  # dL/dhs = G, dL/dstate_T = G_state
    ours = {**grads, "x": dx, "state0": dstate0}
    assert set(ours) == set(BACKWARD[name])
    for key, expected in BACKWARD[name].items():
        np.testing.assert_allclose(ours[key], expected, rtol=RTOL, atol=ATOL, err_msg=key)


NO_TF = "RNN_HELPERS_TEST_NO_TF"  # set inside the run below, so that it does not start itself again
BLOCK_TF = """
import sys

class RefuseTensorFlow:  # a meta-path finder: importing tensorflow, keras or tf_keras raises ImportError
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("tensorflow", "keras", "tf_keras"):
            raise ModuleNotFoundError(f"{name} is blocked: this test must run without TensorFlow")

sys.meta_path.insert(0, RefuseTensorFlow())
import pytest
sys.exit(pytest.main([sys.argv[1], "-p", "no:nbval", "-o", "addopts=", "-q", "-p", "no:cacheprovider"]))
"""


@pytest.mark.skipif(os.environ.get(NO_TF) == "1", reason="this is the run without TensorFlow")
def test_runs_without_tensorflow_in_seconds():
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", BLOCK_TF, __file__], cwd=Path(__file__).parents[2],
                         env={**os.environ, NO_TF: "1"}, capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - start
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{len(CASES) + len(WITH_BACKWARD)} passed, 1 skipped" in run.stdout, run.stdout
    # measured 2.3-2.5 s on 2 cores (load ~2), almost all of it Python, pytest and matplotlib starting;
    # the same run with TensorFlow importable takes 12.5 s, because conftest then imports it
    assert seconds < 30, f"took {seconds:.1f} s"
