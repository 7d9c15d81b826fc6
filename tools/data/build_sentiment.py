"""Build data/sentiment_sentences.tsv: the UCI Sentiment Labelled Sentences from npm sentiment 5.0.2.

    python tools/data/build_sentiment.py

Kotzias, Denil, de Freitas and Smyth (2015), "From group to individual labels using deep features",
KDD; UCI Machine Learning Repository, CC BY 4.0. The npm package keeps the three files as JSON in
package/test/fixtures/{amazon,imdb,yelp}.json ({"text", "class"}), each ending in an empty entry,
which is dropped. Written: a header "label<TAB>source<TAB>text", then 1,000 rows per source in the
package's order; label 1 positive, 0 negative; the text as given, surrounding spaces stripped.
"""

from __future__ import annotations

import json
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fetch import fetch, write  # noqa: E402

TGZ_SHA256 = "89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f"
SOURCES = ("amazon", "imdb", "yelp")


def rows(entries: list[dict], source: str) -> list[str]:
    out = []
    for e in entries:
        if e["text"] == "" and e["class"] is None:
            continue                                    # the empty last entry
        text = " ".join(e["text"].split())              # no tabs or newlines inside a field
        assert e["class"] in (0, 1) and text, (source, e)
        out.append(f"{e['class']}\t{source}\t{text}")
    assert len(out) == 1000, (source, len(out))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tgz = fetch(["npm", "pack", "--silent", "sentiment@5.0.2"], Path(tmp), "sentiment-5.0.2.tgz",
                    TGZ_SHA256)
        with tarfile.open(tgz) as tf:
            lines = ["label\tsource\ttext"]
            for source in SOURCES:
                member = tf.extractfile(f"package/test/fixtures/{source}.json")
                lines += rows(json.load(member), source)
    write("sentiment_sentences.tsv", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
