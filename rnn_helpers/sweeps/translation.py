"""The translation notebook's comparison over seeds: the date translator with and without attention.

    settings, runs = attention_comparison(seeds=(0, 1, 2))   # what `python -m rnn_helpers.sweeps` runs
    model, record = translator_run(True, seed=0)              # one point, as the notebook reruns it live
    settings, runs = verse_comparison(seeds=(0, 1, 2))       # the word-level verse translator, BLEU

Every run trains ``models.seq2seq.build_translator`` on the same 4,000 generated dates for the same
epochs (the notebook's budget) and scores it on 1,000 held-out dates: next-character accuracy and
exact match under teacher forcing, and exact match when the model reads its own outputs (greedy and
beam search, width 3), plus the source gradient norms of the last output step on 200 "3 March 2014" dates.
``verse_run`` trains the notebook's word-level English -> Spanish translator and scores it with BLEU.
"""

from __future__ import annotations

import functools

import numpy as np

from rnn_helpers._checks import check_bool, check_positive_int, check_seed
from rnn_helpers.datasets.dates import SOURCE_VOCAB, TARGET_VOCAB, date_pairs, date_splits, encode_dates
from rnn_helpers.datasets.text import load_verse_pairs
from rnn_helpers.datasets.verses import WordVocabulary, encode_verse_pairs, split_pairs, tokenize
from rnn_helpers.decoding import beam_search, greedy_decode
from rnn_helpers.models.seq2seq import build_translator, source_gradient_norms, translator_log_probs
from rnn_helpers.sweeps import check_seeds, per_epoch
from rnn_helpers.translation import corpus_bleu

SEEDS = (0, 1, 2)
N_TRAIN, N_TEST, EPOCHS, UNITS, BATCH, BEAM = 4000, 1000, 4, 64, 64, 3
PROBE_FORMAT, N_PROBE = "day_month_year", 200


@functools.cache
def date_data():
    """(train, test, probe) DateArrays: the sweep's and the notebook's data (built once)."""
    train, test = date_splits(N_TRAIN, N_TEST, seed=0)
    probe = date_pairs(N_PROBE, formats=[PROBE_FORMAT], seed=2)
    return encode_dates(train), encode_dates(test), encode_dates(probe)


def translator_run(attention, seed, epochs=EPOCHS):
    """Train one date translator and score it: (the Keras model, its record as the results file stores it)."""
    attention, seed = check_bool("attention", attention), check_seed(seed)
    epochs = check_positive_int("epochs", epochs)
    train, test, probe = date_data()
    model = build_translator(len(SOURCE_VOCAB), len(TARGET_VOCAB), attention=attention, units=UNITS,
                             seed=seed)
    history = model.fit([train.src, train.dec_in], train.target, batch_size=BATCH, epochs=epochs, verbose=0)
    log_probs = functools.partial(translator_log_probs, model)
    forced = log_probs(test.src, test.dec_in).argmax(axis=-1)           # (N, 10): reads the true prefix
    greedy = greedy_decode(log_probs, test.src, length=10)              # (N, 10): reads its own outputs
    beam = beam_search(log_probs, test.src, length=10, beam_width=BEAM).best
    norms = source_gradient_norms(model, probe.src, probe.dec_in, probe.target)
    return model, {
        "attention": attention, "seed": seed, "parameters": int(model.count_params()),
        "forced_char_accuracy": float((forced == test.target).mean()),
        "forced_exact_match": float((forced == test.target).all(axis=1).mean()),
        "greedy_char_accuracy": float((greedy == test.target).mean()),
        "greedy_exact_match": float((greedy == test.target).all(axis=1).mean()),
        "beam_exact_match": float((beam == test.target).all(axis=1).mean()),
        "beam_fixes": int(((beam == test.target).all(1) & ~(greedy == test.target).all(1)).sum()),
        "beam_breaks": int((~(beam == test.target).all(1) & (greedy == test.target).all(1)).sum()),
        "source_gradient_norms": np.asarray(norms, dtype=np.float64).tolist(),
        **per_epoch(history.history)}


def attention_comparison(seeds=SEEDS):
    """The date translator without and with attention, same data and budget, over ``seeds``."""
    seeds = check_seeds(seeds)
    settings = {"data": f"date_splits({N_TRAIN}, {N_TEST}, seed=0): generated dates, held-out dates in test",
                "model": f"build_translator(attention=False/True, embed_dim=16, units={UNITS}), Adam(5e-3)",
                "epochs": EPOCHS, "batch_size": BATCH, "beam_width": BEAM, "seeds": list(seeds),
                "gradient probe": f"source_gradient_norms of the last output step on {N_PROBE} "
                                  f"{PROBE_FORMAT!r} dates (date_pairs seed 2)"}
    runs = [translator_run(attention, seed)[1] for attention in (False, True) for seed in seeds]
    return settings, runs


VERSE_WORDS, VERSE_TEST, VERSE_EPOCHS = 12, 200, 3


@functools.cache
def verse_data():
    """(train pairs, test pairs, English vocabulary, Spanish vocabulary, train and test VerseArrays)."""
    train, test = split_pairs(load_verse_pairs(max_words=VERSE_WORDS), n_test=VERSE_TEST, seed=0)
    en = WordVocabulary([p[0] for p in train], min_count=2)
    es = WordVocabulary([p[1] for p in train], min_count=2)
    return train, test, en, es, encode_verse_pairs(train, en, es), encode_verse_pairs(test, en, es)


def verse_run(seed, epochs=VERSE_EPOCHS):
    """The notebook's verse translator (attention, words): (model, record with BLEU greedy and beam K=3)."""
    seed, epochs = check_seed(seed), check_positive_int("epochs", epochs)
    _, test, en, es, vtrain, vtest = verse_data()
    model = build_translator(en.size, es.size, attention=True, embed_dim=32, units=64, seed=seed,
                             learning_rate=3e-3)
    history = model.fit([vtrain.src, vtrain.dec_in], vtrain.target, batch_size=32, epochs=epochs, verbose=0)
    real = vtest.weights > 0                                            # the target's words and </s>
    forced = translator_log_probs(model, vtest.src, vtest.dec_in).argmax(axis=-1)
    last = functools.partial(translator_log_probs, model, last_only=True)
    length = vtest.target.shape[1]
    outputs = {"greedy": greedy_decode(last, vtest.src, length=length, start_id=1, end_id=2),
               "beam": beam_search(last, vtest.src, length=length, beam_width=BEAM, start_id=1,
                                   end_id=2).best}
    references = [" ".join(tokenize(p[1])) for p in test]
    bleu = {f"bleu_{k}": corpus_bleu([es.decode(ids) for ids in v], references) for k, v in outputs.items()}
    return model, {"seed": seed, "forced_word_accuracy": float((forced == vtest.target)[real].mean()),
                   **bleu, "greedy_ids": outputs["greedy"].tolist(), **per_epoch(history.history)}


def verse_comparison(seeds=SEEDS):
    """The verse translator over ``seeds``: BLEU of greedy and beam decoding on the 200 held-out pairs."""
    seeds = check_seeds(seeds)
    settings = {"data": f"load_verse_pairs(max_words={VERSE_WORDS}), split_pairs(n_test={VERSE_TEST}, "
                        "seed=0), words seen once -> <unk>",
                "model": "build_translator(attention=True, embed_dim=32, units=64), Adam(3e-3), batch 32",
                "epochs": VERSE_EPOCHS, "beam_width": BEAM, "seeds": list(seeds),
                "bleu": "sacrebleu corpus BLEU on lower-cased tokenised text"}
    runs = [verse_run(seed)[1] for seed in seeds]
    return settings, [{k: v for k, v in run.items() if k != "greedy_ids"} for run in runs]   # small file
