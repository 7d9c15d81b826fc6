"""The sentiment notebook's comparison over seeds: majority class, bag of words, LSTM, Bidirectional(LSTM).

    settings, runs = sentiment_models(seeds=(0, 1, 2, 3, 4))   # what `python -m rnn_helpers.sweeps` runs
    record, models = sentiment_run(0)                         # one seed: the notebook reruns seed 0 live

A seed draws the stratified split (``split_sentences(seed=seed)``), so the vocabulary, the bag of
words and both recurrent models change with it, and the spread over seeds includes which sentences
are held out. Every run uses the notebook's settings (the constants below).
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_seed
from rnn_helpers.bag_of_words import bag_of_words_proba, fit_bag_of_words, majority_accuracy
from rnn_helpers.datasets.contrast import load_contrast_set
from rnn_helpers.datasets.text import load_sentiment_sentences
from rnn_helpers.datasets.tokens import build_vocabulary, encode, split_sentences
from rnn_helpers.sweeps import check_seeds, per_epoch

SEEDS = (0, 1, 2, 3, 4)
LENGTH = 24            # ids per sentence: longer sentences are cut (about 5 % of them)
MIN_COUNT = 2          # a word seen once in training becomes OOV
EPOCHS, BATCH_SIZE = 6, 64
EMBED_DIM, UNITS, LEARNING_RATE = 32, 32, 3e-3
BOW_C = 1.0
MODELS = ("bag_of_words", "lstm", "bilstm")


def sentiment_data(seed=0) -> dict:
    """The split of ``seed``, its vocabulary and every part as ids (N, LENGTH), plus the contrast set."""
    data = split_sentences(load_sentiment_sentences(), seed=check_seed(seed))
    vocab = build_vocabulary(data.texts_train, min_count=MIN_COUNT)
    contrast = load_contrast_set()
    ids = {part: encode(getattr(data, f"texts_{part}"), vocab, length=LENGTH)
           for part in ("train", "val", "test")}
    ids["contrast"] = encode(contrast.texts, vocab, length=LENGTH)
    return {"data": data, "vocab": vocab, "vocab_size": len(vocab) + 2, "ids": ids, "contrast": contrast}


def _scores(p, y) -> float:
    return float(np.mean((np.asarray(p) >= 0.5) == y))


def sentiment_run(seed) -> tuple[dict, dict]:
    """One seed: every model of MODELS trained and scored; (record of plain numbers, {name: model})."""
    from rnn_helpers.models.sentiment import build_sentiment_model, predict_positive, train_sentiment_model

    d = sentiment_data(seed)
    data, ids, y_contrast = d["data"], d["ids"], d["contrast"].labels
    record = {"seed": int(seed), "vocab_size": d["vocab_size"],
              "majority_test_accuracy": majority_accuracy(data.y_train, data.y_test)}
    bow = fit_bag_of_words(ids["train"], data.y_train, d["vocab_size"], C=BOW_C)
    models = {"bag_of_words": bow}
    probs = {"bag_of_words": {part: bag_of_words_proba(bow, ids[part])
                              for part in ("val", "test", "contrast")}}
    for name, bidirectional in (("lstm", False), ("bilstm", True)):
        model = build_sentiment_model(d["vocab_size"], bidirectional=bidirectional, embed_dim=EMBED_DIM,
                                      units=UNITS, seed=seed, learning_rate=LEARNING_RATE)
        history = train_sentiment_model(model, ids["train"], data.y_train, ids["val"], data.y_val,
                                        epochs=EPOCHS, batch_size=BATCH_SIZE)
        curves = per_epoch(history)
        for key in ("val_loss", "val_accuracy"):                      # one value per epoch
            record[f"{name}_{key}"] = curves[key]
        models[name] = model
        probs[name] = {part: predict_positive(model, ids[part]) for part in ("val", "test", "contrast")}
    for name in MODELS:
        record[f"{name}_test_accuracy"] = _scores(probs[name]["test"], data.y_test)
        record[f"{name}_contrast_accuracy"] = _scores(probs[name]["contrast"], y_contrast)
        record[f"{name}_contrast_p"] = [float(v) for v in probs[name]["contrast"]]
    return record, models


def sentiment_models(seeds=SEEDS):
    """MODELS on the split of each seed (the recurrent models' initial weights seeded by it too)."""
    seeds = check_seeds(seeds)
    settings = {"data": "load_sentiment_sentences(): 3,000 sentences; split_sentences(seed=seed), 60/20/20",
                "seeds": list(seeds), "length": LENGTH, "min_count": MIN_COUNT, "epochs": EPOCHS,
                "batch_size": BATCH_SIZE, "embed_dim": EMBED_DIM, "units": UNITS,
                "optimizer": f"Adam({LEARNING_RATE})", "bag_of_words_C": BOW_C, "models": list(MODELS)}
    return settings, [sentiment_run(seed)[0] for seed in seeds]
