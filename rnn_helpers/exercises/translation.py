"""Exercises on sequence to sequence: teacher forcing's decoder input, BLEU's clipped precision, the
size of an attention matrix, the hypotheses a beam search scores and keeps.

Expected answers come from the course's own code (``datasets.dates.encode_target``,
``translation.clipped_precision``), so they agree with what the notebook runs.
"""

from __future__ import annotations

from rnn_helpers.datasets.dates import TARGET_VOCAB, decode_target, encode_target
from rnn_helpers.exercises.core import Exercise, value_exercise
from rnn_helpers.translation import clipped_precision

_TARGET = "1969-07-20"
_DEC_IN = decode_target(encode_target([_TARGET])[0][0])                 # "^1969-07-2"
_DEC_IDS = [int(i) for i in encode_target([_TARGET])[0][0]]             # its ids in TARGET_VOCAB


def _check_dec_in(answer):
    if not isinstance(answer, str):                                     # ids: spell them first
        try:
            answer = decode_target([int(i) for i in answer])
        except (TypeError, ValueError):
            return False, (f"expected a str of 10 characters or a list of 10 ids, got "
                           f"{type(answer).__name__} {answer!r:.40}")
    if answer == _DEC_IN:
        return True, ("correct! At step t the decoder reads the true character t - 1 "
                      "(the start token at t = 1).")
    if answer == _TARGET:
        return False, "that is the target itself: the decoder would read the very character it must predict."
    if answer == _TARGET[1:] or answer == "^" + _TARGET:
        return False, "not yet: the decoder input has as many steps as the target (10), shifted right by one."
    if len(answer) != len(_TARGET):
        return False, f"expected 10 characters (one per output step), got {len(answer)}. Try hint()."
    return False, "not yet: compare with the target character by character. Try hint()."


teacher_forcing_exercise = Exercise(
    "the decoder input under teacher forcing",
    _check_dec_in,
    hint_text="Training feeds the decoder the true previous character at every step; the first step has "
              "no previous character, so it reads the start token '^'. The input is the target shifted "
              "right by one, and the target's last character is never read.",
    solution_text=f"'^' + target[:-1] = {_DEC_IN!r}, as ids {_DEC_IDS}: step 1 reads '^' and must predict "
                  f"'1', step 2 reads '1' and must predict '9', ..., step 10 reads '2' and must predict '0'.",
    question=f"The date translator must output the target `{_TARGET!r}` (10 characters). Under teacher "
             f"forcing, which 10 characters does its decoder read, one per step? The start token is "
             f"`{TARGET_VOCAB[0]!r}`. Answer with a str (or with the list of their ids in "
             f"`TARGET_VOCAB = {TARGET_VOCAB!r}`).",
    reference_solution=_DEC_IDS,
    wrong_answer=_TARGET,
)

_HYP, _REF = "la luz la luz la luz", "y fué la luz"

clipped_precision_exercise = value_exercise(
    "BLEU's clipped unigram precision",
    expected=clipped_precision(_HYP, _REF), rtol=1e-3,
    question=f"A model translates a verse as `{_HYP!r}`; the reference is `{_REF!r}`. What is the clipped "
             "(modified) unigram precision that BLEU uses? Answer with a number between 0 and 1.",
    hint="Count each word of the hypothesis at most as often as it occurs in the reference, then divide "
         "by the number of words in the hypothesis.",
    solution=f"'la' occurs 3 times in the hypothesis but once in the reference: it counts 1; 'luz' likewise "
             f"1. So 2 / 6 = {clipped_precision(_HYP, _REF):.3f}. Without clipping every word would be "
             "'in the reference' and the precision 6 / 6 = 1: a repeated word would be rewarded.",
    reference_solution=2 / 6,
    wrong_answer=1.0,                                                    # no clipping
)

_B, _TS, _TT = 32, 30, 10

attention_shape_exercise = value_exercise(
    "the shape of the attention weights",
    expected=(_B, _TT, _TS), rtol=0,
    question=f"A batch of {_B} dates, each a source of {_TS} characters (padded), goes through the "
             f"translator with attention, which outputs {_TT} characters per date. What is the shape of the "
             "attention weights `attention_weights(model, src, dec_in)` returns? Answer with a tuple "
             "(batch, output steps, input steps).",
    hint="Each output step t has one weight per input position s, and its weights sum to 1 over s.",
    solution=f"(B, Tt, Ts) = {(_B, _TT, _TS)}: one row of {_TS} weights (summing to 1) per output step "
             f"and per date, {_B * _TT * _TS} numbers in all.",
    reference_solution=(_B, _TT, _TS),
    wrong_answer=(_B, _TS, _TT),                                         # rows and columns swapped
)

_K, _V = 3, len(TARGET_VOCAB)

beam_count_exercise = value_exercise(
    "hypotheses scored and kept by beam search",
    expected=(_K * _V, _K), rtol=0,
    question=f"Beam search with beam width {_K} decodes one date; the target vocabulary has {_V} symbols "
             f"(`{TARGET_VOCAB!r}`). After the first step, how many extended hypotheses does each step "
             "score, "
             "and how many does it keep? Answer with a tuple (scored, kept).",
    hint="Every kept prefix is extended by every symbol of the vocabulary; then only the best few survive.",
    solution=f"Each of the {_K} prefixes times each of the {_V} symbols: {_K * _V} candidates scored by "
             f"their "
             f"summed log-probability; the best {_K} are kept. (Greedy decoding is beam width 1: {_V} "
             "scored, 1 kept.)",
    reference_solution=(_K * _V, _K),
    wrong_answer=(_V ** _K, _K),                                         # every full sequence: exhaustive
)
