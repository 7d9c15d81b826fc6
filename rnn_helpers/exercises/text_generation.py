"""Exercises on character language models: bits per character, perplexity, temperature, top-k.

The expected values come from the course's own functions (``ngrams.uniform_bits``,
``sampling.next_char_distribution``) on the numbers the questions give.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import value_exercise
from rnn_helpers.ngrams import uniform_bits
from rnn_helpers.sampling import next_char_distribution

uniform_bits_exercise = value_exercise(
    "bits per character of the uniform model over 63 characters",
    expected=uniform_bits(63), rtol=1e-3,
    question="The Shakespeare vocabulary has V = 63 characters. A model that knows nothing gives each "
             "of them probability 1/63 at every step. What is its cross-entropy in bits per character? "
             "(A number, 3 significant digits are enough.)",
    hint="Every target costs -log2 P(target) bits, and P is the same 1/V for every character.",
    solution="-log2(1/63) = log2 63 ≈ 5.977 bits per character (np.log2(63)). In nats it would be "
             "ln 63 ≈ 4.143: bits = nats / ln 2.",
    reference_solution=float(np.log2(63)),
    wrong_answer=float(np.log(63)),                          # nats, not bits
)

perplexity_exercise = value_exercise(
    "perplexity from bits per character",
    expected=2.0 ** 2.5, rtol=1e-3,
    question="A character model scores 2.5 bits per character on held-out text. Its perplexity is the "
             "number of equally likely characters it is, on average, choosing between: 2 to the power of "
             "the cross-entropy in bits (e to the power of it in nats). What is the perplexity?",
    hint="perplexity = 2 ** (bits per character) = exp(nats per character).",
    solution="2 ** 2.5 ≈ 5.66: as uncertain as a fair choice among about 5.7 characters (the uniform "
             "model's perplexity is V = 63).",
    reference_solution=float(2.0 ** 2.5),
    wrong_answer=float(np.exp(2.5)),                         # e ** bits mixes the two units
)

LOGITS = np.array([2.0, 1.0, 0.0])                           # three characters' logits

temperature_exercise = value_exercise(
    "apply temperature 0.5 to three logits",
    expected=next_char_distribution(LOGITS, temperature=0.5), rtol=1e-3,
    question="A model gives three characters the logits z = [2.0, 1.0, 0.0]. What probabilities does "
             "sampling at temperature 0.5 use? Answer with an array of three probabilities.",
    hint="Divide the logits by the temperature first, then take the softmax: "
         "exp(z_i / T) / Σ_j exp(z_j / T).",
    solution="z / 0.5 = [4, 2, 0]; softmax = [e^4, e^2, 1] / (e^4 + e^2 + 1) ≈ [0.867, 0.117, 0.016]. "
             "At T = 1 it would be [0.665, 0.245, 0.090]: a temperature below 1 sharpens.",
    reference_solution=next_char_distribution(LOGITS, temperature=0.5).tolist(),
    wrong_answer=next_char_distribution(LOGITS * 0.5).tolist(),          # multiplied by T, not divided
)

TOP_K_LOGITS = np.array([1.0, 3.0, 0.5, 2.0])
_TOP_2 = next_char_distribution(TOP_K_LOGITS, top_k=2)                 # the two largest, renormalised
_CUT_ONLY = np.where(_TOP_2 > 0, next_char_distribution(TOP_K_LOGITS), 0.0)   # cut, not renormalised

top_k_exercise = value_exercise(
    "a top-k filter on four logits",
    expected=_TOP_2, rtol=1e-3, atol=1e-4,
    question="A model gives four characters the logits z = [1.0, 3.0, 0.5, 2.0]. What probabilities does "
             "`next_char_distribution(z, temperature=1.0, top_k=2)` return? Answer with an array of four "
             "probabilities, in the order of the logits.",
    hint="Keep the k largest logits, give every other character probability 0, and take the softmax over "
         "the ones you kept, so that they sum to 1.",
    solution=f"The two largest logits are 3.0 and 2.0 (characters 2 and 4): softmax([3, 2]) = "
             f"[{_TOP_2[1]:.3f}, {_TOP_2[3]:.3f}], so p = [0, {_TOP_2[1]:.3f}, 0, {_TOP_2[3]:.3f}]. "
             f"Setting the other two to 0 in the full softmax without renormalising would leave a sum of "
             f"{_CUT_ONLY.sum():.3f}.",
    reference_solution=_TOP_2.tolist(),
    wrong_answer=_CUT_ONLY.tolist(),
)
