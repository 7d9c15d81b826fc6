"""Scoring translations, and a baseline that translates without a model.

    corpus_bleu(hypotheses, references)            # sacrebleu's BLEU, 0-100, one reference per sentence
    clipped_precision("the the the", "the cat")    # 1/3: BLEU's modified unigram precision (n=1)
    nearest_translation(train_pairs, sources)      # the target of the training source sharing most words

BLEU (Papineni et al. 2002) is the geometric mean of the clipped n-gram precisions, n = 1..4, over
the whole corpus, times a brevity penalty; sacrebleu is the standard implementation (its default
13a tokenizer, so scores compare with published ones). numpy, the standard library and sacrebleu only.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from rnn_helpers._checks import check_positive_int, check_texts
from rnn_helpers.datasets.verses import _check_pairs, tokenize


def corpus_bleu(hypotheses, references) -> float:
    """Corpus BLEU (0-100) of ``hypotheses`` against one reference each, by sacrebleu."""
    import sacrebleu

    hypotheses, references = check_texts("hypotheses", hypotheses), check_texts("references", references)
    if len(hypotheses) != len(references):
        raise ValueError(f"references: expected one per hypothesis ({len(hypotheses)}), "
                         f"got {len(references)}")
    return float(sacrebleu.corpus_bleu(hypotheses, [references], force=True).score)


def _words(name, text) -> list[str]:
    if not isinstance(text, str):
        raise TypeError(f"{name}: expected a str, got {type(text).__name__}")
    return text.split()


def clipped_precision(hypothesis, reference, *, n=1) -> float:
    """BLEU's modified n-gram precision of one sentence (words split on spaces).

    Each n-gram of the hypothesis counts at most as often as it occurs in the reference; the sum of
    those clipped counts over the number of n-grams in the hypothesis (0.0 for a hypothesis shorter than n).
    """
    hyp, ref = _words("hypothesis", hypothesis), _words("reference", reference)
    n = check_positive_int("n", n)
    grams = Counter(tuple(hyp[i:i + n]) for i in range(len(hyp) - n + 1))
    ref_grams = Counter(tuple(ref[i:i + n]) for i in range(len(ref) - n + 1))
    total = sum(grams.values())
    return sum(min(c, ref_grams[g]) for g, c in grams.items()) / total if total else 0.0


def nearest_translation(train_pairs, sources) -> list[str]:
    """For each source, the target of the training pair whose source shares the most words with it.

    Similarity: Jaccard overlap of the two sets of words (``datasets.verses.tokenize``); ties go to
    the earlier training pair. No model: a lookup in the training data.
    """
    train_pairs = _check_pairs(train_pairs, "train_pairs")
    sources = check_texts("sources", sources)
    vocab = {w: i for i, w in enumerate(sorted({w for s, _ in train_pairs for w in tokenize(s)}))}
    bags = np.zeros((len(train_pairs), len(vocab)), dtype=np.float32)    # (N_train, V) word sets
    for n, (s, _) in enumerate(train_pairs):
        bags[n, [vocab[w] for w in set(tokenize(s))]] = 1.0
    sizes = bags.sum(axis=1)
    out = []
    for source in sources:
        words = [vocab[w] for w in set(tokenize(source)) if w in vocab]
        shared = bags[:, words].sum(axis=1)                              # |A ∩ B| per training source
        union = sizes + len(set(tokenize(source))) - shared              # |A ∪ B|
        out.append(train_pairs[int(np.argmax(shared / np.maximum(union, 1)))][1])
    return out
