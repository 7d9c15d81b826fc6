"""The "things to try" of each widget, with their answers (the notebooks show the questions only).

``THINGS_TO_TRY[builder]`` is a list of ``(question, answer)``, keyed by the widget's builder name.
Every number in an answer was measured by moving the widget's sliders from code, and
tests/test_things_to_try.py measures it again; ``tools/answer_sheet.py`` prints the answers.
"""

from __future__ import annotations

THINGS_TO_TRY: dict[str, list[tuple[str, str]]] = {
    "memory_explorer": [
        ("With φ = `tanh`, raise ρ from 0.5 in steps of 0.05: at which ρ does the pulse's influence stop "
         "fading, so that after 49 steps it is larger than at the start?",
         "At ρ = 1.05, the first step above 1 (r_49 ≈ 1.3 r_0). At ρ = 1 about half is left after 49 "
         "steps (r_49 ≈ 0.52 r_0), at ρ = 0.95 only 6 %. Above 1 the zero state is unstable: the pulse "
         "pushes the network into a different state that it keeps, and tanh keeps that bounded "
         "(r_49 ≈ 3.5 r_0 at ρ = 1.5)."),
        ("Compare `linear` and `tanh` at ρ = 0.5: why do the two curves nearly coincide, and how do "
         "they differ at ρ = 1.2?",
         "At ρ = 0.5 the difference halves at every step, so both runs stay near h = 0, where "
         "tanh z ≈ z: the tanh curve is the linear one, 0.5^k, times a factor between 0.94 and 0.97 "
         "(mostly the squashing of the first step: r_0 = 0.97 against 1). At ρ = 1.2 they part: the "
         "linear influence grows exactly like 1.2^k, to about 7.6e3 at k = 49, while tanh's levels off "
         "near 2.3. tanh keeps every unit within ±1, so two states can never differ by more than "
         "2√H ≈ 11."),
        ("Push `linear` to ρ = 1.5: what happens, and what does the plot do?",
         "The influence grows exactly like 1.5^k: about 58 at k = 10 and 4e8 at k = 49. From k = 35 "
         "(1.5^35 ≈ 1.5e6) it is above the plot's top, 1e6, so the curve is clipped from there and the "
         "title says that the state explodes."),
        ("Pick `sigmoid` and move ρ over the whole slider: why does the influence vanish so fast, "
         "even at ρ = 1.5?",
         "σ' ≤ 1/4, so each step shrinks a difference at least by the factor ρ/4 ≤ 0.375: "
         "r_k ≤ r_0 (ρ/4)^k. Even at ρ = 1.5 the influence is below the plot's bottom, 1e-15, from "
         "k = 31; at ρ = 1 from k = 23. (What is left below about 1e-15 is float64 rounding.)"),
    ],
    "gradient_explorer": [
        ("With `tanh`, set the input scale to 0 and move ρ from 0.5 to 3: how do the measured curve "
         "and the bound compare, and why?",
         "They are the same curve at every ρ. Without input the state stays at h = 0, where "
         "tanh' = 1, so every Jacobian is ρQ (Q orthogonal) and a product of k of them has norm "
         "exactly ρ^k: the bound is reached. At lag 59 the gradient is 1.7e-18 at ρ = 0.5 and "
         "1.4e28 at ρ = 3."),
        ("Back at input scale 1 and ρ = 1, how far below the bound does the gradient at lag 59 end, "
         "and what happens as you raise the input scale to 5?",
         "At input scale 1 it ends near 1e-11, though the bound is 1. Stronger inputs push the units "
         "into saturation, where tanh' = 1 − h² is small, and every saturated step shrinks the "
         "gradient: about 3.5e-2 at input scale 0.1, 1e-6 at 0.5, 1e-11 at 1, 3e-19 at 2 and 3e-33 at 5."),
        ("With `tanh` at input scale 1, raise ρ from 1 to 3: from which ρ on is the gradient at "
         "lag 59 larger than the one at lag 0?",
         "From ρ = 1.9 (about 2.4 against 1). At 1.5 it is still below 1e-3, though the bound there "
         "is 2.5e10: saturation pulls the product back, so a bound above 1 allows an explosion but does "
         "not cause one. Above 1.9 it grows, unevenly, to about 5e4 at ρ = 3."),
        ("Switch to `sigmoid` (and compare with the table in section 1): can the gradient grow "
         "anywhere on the ρ slider, which ends at 4?",
         "No. With γ = 1/4 the bound (ρ/4)^k is below 1 on the whole slider and flat at ρ = 4, "
         "so the gradient cannot grow; the measured one vanishes fast: at ρ = 4 the gradient at "
         "lag 59 is about 8e-11. A sigmoid RNN needs ρ > 4 before its gradient can grow at all."),
        ("With `relu` at ρ = 1.2, lengthen the sequence from 60 to 200; then do the same at "
         "ρ = 1.5. Does the gradient from the far past vanish, explode, or overflow?",
         "At ρ = 1.2 it vanishes, and more so with length: about 3e-6 at lag 59 (T = 60) and 4e-19 "
         "at lag 199 (T = 200), while the bound grows to 5.7e15, because inactive units zero their rows "
         "of the Jacobian. At ρ = 1.5 it grows instead: about 4 at lag 59 and 400 at lag 199. "
         "Nothing overflows on these sliders: float64 overflows above 1.8e308, and even ρ = 4 with "
         "T = 200 gives about 3e88."),
    ],
    "gate_explorer": [
        ("Set f = 1 and i = 1, then raise the distractors from 0 to 1: what happens to the cell?",
         "Without distractors the cell holds what the pulse wrote, tanh(1) = 0.762, unchanged to the "
         "end (c_T = 0.762). With them every step also writes its tanh(x_t) and nothing is forgotten, "
         "so the cell becomes a random walk, the sum of every tanh(x_t): at distractors 1, c_T = 2.64, "
         "of which the pulse is only 0.76."),
        ("Keep f = 1 and the distractors at 1, and lower i to 0.1: does the pulse stand out better?",
         "No. With constant gates c_T = i · Σ_t tanh(x_t): lowering i shrinks the pulse and the "
         "distractors alike (c_T = 0.264, exactly a tenth of 2.64), and the pulse's share of the cell "
         "stays the same. To keep the pulse and shut the noise out, the input gate must change with the "
         "input, open at the marker and shut elsewhere, as the trained LSTM's memory unit does earlier "
         "in this notebook. A constant gate cannot."),
        ("Set the distractors back to 0 and move f from 1 down to 0.9: how much of the gradient 44 steps "
         "back (to the pulse) survives, and how much of the pulse does the cell keep?",
         "f^44 survives: 1 at f = 1, 0.64 at f = 0.99, 0.10 at f = 0.95 and 0.0097 at f = 0.9. The cell "
         "keeps the same fraction of what the pulse wrote: c_T = i·tanh(1)·f^44, 0.0074 at f = 0.9."),
        ("Lower o to 0: what changes in the cell, in the hidden state and in the gradient?",
         "Only the hidden state: h_t = o·tanh(c_t) is 0 at every step, while the cell and the cell-path "
         "gradient f^k do not depend on o. The unit still remembers the pulse but does not show it: "
         "the output gate decides when the memory is read."),
    ],
    "temperature_explorer": [
        ("Set top-k to 1 and move the temperature over the whole slider: what does the distribution "
         "become, and does the temperature still matter?",
         "One bar of height 1, the most likely character, and the entropy is 0 bits at every "
         "temperature: dividing the logits by T never changes which one is largest. Sampling with "
         "top-k = 1 is greedy decoding, and every sample from this prompt would be the same text."),
        ("With top-k at V (all characters kept), lower the temperature to 0.05 and raise it to 2: how does "
         "the entropy move, and between which limits?",
         "It rises steadily with the temperature, never above log2 V = 5.98 bits (the uniform model). "
         "At T = 1 the bars are the model's own distribution; at 0.05 nearly all of the probability is on "
         "the most likely character (entropy well below 1 bit unless the two best logits are almost equal); "
         "at 2 the grey bar of the other characters grows, because flattening moves probability "
         "to the many unlikely ones."),
        ("Set the temperature to 2 and top-k to 5: how many characters can be drawn now, and what is the "
         "largest the entropy can be?",
         "Exactly five (the readout counts them) and at most log2 5 = 2.32 bits: the five kept characters "
         "share all the probability (the grey bar is 0), and the higher the temperature the closer they "
         "come to 1/5 each. top-k cuts the unlikely tail that a high temperature would otherwise inflate."),
    ],
}
