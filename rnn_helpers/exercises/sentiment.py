"""Exercises on sentence classification: padding and the mask, the majority baseline, the parameters of
Embedding + Bidirectional(LSTM), and why a bag of words cannot tell a sentence from its permutation.

Expected values come from the package's own numpy functions (``datasets.tokens.encode``,
``bag_of_words.majority_accuracy``, ``exercises.parameters``); tests/test_exercise_bank.py checks
the shape and the parameter count against Keras.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.activations import sigmoid
from rnn_helpers.bag_of_words import majority_accuracy
from rnn_helpers.datasets.tokens import encode, standardize
from rnn_helpers.exercises.core import value_exercise
from rnn_helpers.exercises.parameters import dense_parameter_count, parameter_count

# --- padding and the mask ------------------------------------------------------------------------

MASK_TEXTS = ["Great phone!", "Not good at all.", "Bad."]
MASK_VOCAB = ["good", "not", "great", "bad", "phone", "at", "all"]
MASK_LENGTH, MASK_EMBED = 6, 8
_MASK_IDS = encode(MASK_TEXTS, MASK_VOCAB, length=MASK_LENGTH)                 # (3, 6)
_MASK_ANSWER = (*_MASK_IDS.shape, MASK_EMBED, int((_MASK_IDS != 0).sum()))

padding_mask_exercise = value_exercise(
    "padded ids, Embedding(mask_zero=True): shape and kept steps",
    expected=_MASK_ANSWER, rtol=0,
    question=f"The sentences {MASK_TEXTS} go through `TextVectorization(vocabulary={MASK_VOCAB}, "
             f"output_sequence_length={MASK_LENGTH})` and then `Embedding(9, {MASK_EMBED}, mask_zero=True)`. "
             "What is the shape of the embedding's output, and how many entries of the mask it passes to "
             "the next layer are True? Answer with the tuple `(batch, steps, features, true entries)`.",
    hint="Lower case, punctuation removed, split on spaces: count each sentence's words. Every "
         "sentence is padded with id 0 to the same length; mask_zero=True marks the non-zero ids.",
    solution=f"The ids are\n{_MASK_IDS}\n(0 = padding). The embedding turns (3, {MASK_LENGTH}) ids into "
             f"(3, {MASK_LENGTH}, {MASK_EMBED}) vectors, and its mask `ids != 0` is True for the "
             f"2 + 4 + 1 = {_MASK_ANSWER[3]} real words: answer {_MASK_ANSWER}.",
    reference_solution=(3, 6, 8, 2 + 4 + 1),
    wrong_answer=(3, 6, 8, 3 * 6),                              # the padding counted as words
)

# --- the majority class --------------------------------------------------------------------------

MAJORITY_TRAIN = [1, 1, 0, 1, 0, 1, 1, 0]
MAJORITY_TEST = [0, 0, 1, 0, 1]
_MAJORITY = majority_accuracy(MAJORITY_TRAIN, MAJORITY_TEST)

majority_class_exercise = value_exercise(
    "the majority-class baseline on a test set",
    expected=_MAJORITY, rtol=1e-9,
    question=f"A classifier always answers the most frequent label of its training labels "
             f"{MAJORITY_TRAIN}. What accuracy does it get on the test labels {MAJORITY_TEST}? "
             "Answer with a number between 0 and 1.",
    hint="First find the training set's majority label. The test set's own majority plays no part: "
         "the baseline may not look at the test labels.",
    solution=f"Training: {sum(MAJORITY_TRAIN)} ones of {len(MAJORITY_TRAIN)}, so the answer is always 1. "
             f"On the test labels that is right {sum(MAJORITY_TEST)} times of {len(MAJORITY_TEST)}: "
             f"accuracy {_MAJORITY:.2f}, below 0.5: a baseline is fixed before the test set is seen.",
    reference_solution=2 / 5,
    wrong_answer=3 / 5,                                          # the test set's own majority
)

# --- parameters of Embedding + Bidirectional(LSTM) + Dense -----------------------------------------

PARAM_V, PARAM_E, PARAM_H = 1500, 32, 32
_PARAMS = (PARAM_V * PARAM_E + 2 * parameter_count("lstm", PARAM_E, PARAM_H)
           + dense_parameter_count(2 * PARAM_H, 1))

bidirectional_parameters_exercise = value_exercise(
    "parameters of Embedding(1500, 32) -> Bidirectional(LSTM(32)) -> Dense(1)",
    expected=_PARAMS, rtol=0,
    question=f"The sentiment model: `Embedding({PARAM_V}, {PARAM_E}, mask_zero=True)`, then "
             f"`Bidirectional(LSTM({PARAM_H}))`, then `Dense(1, activation='sigmoid')`. How many numbers "
             "does it learn in all? Answer with a number (or an expression).",
    hint="The embedding is a table (V, E). One LSTM on D inputs with H units holds 4H(D + H + 1) "
         "numbers, and a Bidirectional layer holds two of them. The Dense layer reads both halves, 2H.",
    solution=f"{PARAM_V}·{PARAM_E} = {PARAM_V * PARAM_E} (table) + 2·4·{PARAM_H}·({PARAM_E} + {PARAM_H} + 1) "
             f"= {2 * parameter_count('lstm', PARAM_E, PARAM_H)} (both LSTMs) + (2·{PARAM_H} + 1) = "
             f"{dense_parameter_count(2 * PARAM_H, 1)} (head) = {_PARAMS}. Three quarters are the table.",
    reference_solution=1500 * 32 + 2 * 4 * 32 * (32 + 32 + 1) + 65,
    wrong_answer=1500 * 32 + 4 * 32 * (32 + 32 + 1) + 33,        # one direction only
)

# --- a bag of words and word order ---------------------------------------------------------------

BOW_WEIGHTS = {"not": -1.2, "good": 0.9, "bad": -1.5}
BOW_BIAS = 0.1
BOW_SENTENCES = ("not good, bad.", "not bad, good.")


def _bow_p(sentence) -> float:
    return float(sigmoid(BOW_BIAS + sum(BOW_WEIGHTS[w] for w in standardize(sentence))))


_BOW = tuple(_bow_p(s) for s in BOW_SENTENCES)

bag_of_words_order_exercise = value_exercise(
    "a bag of words scores two word orders",
    expected=_BOW, rtol=1e-3,
    question=f"A bag-of-words logistic regression has the weights {BOW_WEIGHTS} (one per word, times its "
             f"count) and the bias {BOW_BIAS}: P(positive) = σ(bias + Σ weight · count). What does it "
             f"give {BOW_SENTENCES[0]!r} and {BOW_SENTENCES[1]!r}? Answer with the tuple of the two "
             "probabilities.",
    hint="Count the words of each sentence. What changes between the two sentences' counts?",
    solution=f"Both sentences hold 'not', 'good' and 'bad' once each, so both get σ({BOW_BIAS} - 1.2 + 0.9 "
             f"- 1.5) = σ(-1.7) = {_BOW[0]:.4f}: the counts, and so the score, cannot depend on the order. "
             "One of the two is necessarily wrong, whatever the weights.",
    reference_solution=(float(1 / (1 + np.exp(1.7))),) * 2,
    wrong_answer=(float(1 / (1 + np.exp(1.7))), 0.75),           # a different score for the other order
)
