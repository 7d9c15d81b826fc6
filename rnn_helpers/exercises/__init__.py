"""Self-checking exercises and the course's exercise bank.

    from rnn_helpers.exercises.lstm import lstm_step_exercise as ex
    ex.check(answer); ex.hint(show=True); ex.solution(show=True)

``core``: ``value_exercise``, ``function_exercise`` (the builders; an ``Exercise`` may also carry its
own checker, which explains typical mistakes, and the ``data`` its question is about). The bank, one
module per concept: ``parameters``, ``hidden_state``, ``bptt``, ``lstm``, ``keras_layers``,
``keras_weights``; ``bank.all_exercises()`` lists them all. ``things_to_try``: the questions the
widgets pose, with their answers.
``tools/answer_sheet.py`` writes every solution and answer into a teacher's sheet.
"""

from rnn_helpers.exercises.core import (
    NOT_ANSWERED,
    Exercise,
    Result,
    function_exercise,
    value_exercise,
)

__all__ = ["NOT_ANSWERED", "Exercise", "Result", "function_exercise", "value_exercise"]
