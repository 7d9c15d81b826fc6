"""Build data/verse_pairs_en_es.tsv: short English-Spanish Bible verse pairs (KJV, Reina-Valera 1909).

    python tools/data/build_verses.py

Sources: Debian sword-text-kjv 14.3-1 (module engKJV2006eb) and sword-text-sparv 2.60-1 (spaRV1909eb),
both public domain, both in the SWORD "zText" format with KJV versification, so entry n of one
module is the same verse as entry n of the other. zText, per testament (ot, nt):
  <t>.bzs  blocks:  12 bytes each, little-endian uint32 offset, compressed size, size (into .bzz)
  <t>.bzz  the blocks, each zlib-compressed
  <t>.bzv  entries: 10 bytes each, uint32 block, uint32 offset in the unzipped block, uint16 size
Entries 0 and 1 are the module and testament headings; then each book has a heading entry (its
<div type="book" sID=...>) and each chapter a heading entry (<chapter sID=...>), followed by its
verses 1, 2, ... in order. Verse text: <note> elements dropped with their content, every other
tag dropped (its text kept: KJV's psalm titles, words in <transChange>), the KJV's paragraph mark
"¶" dropped, entities unescaped, spaces collapsed; the Spanish chapter's first word, printed in
capitals, capitalised ("EN el principio" -> "En el principio"). Kept: verses present in both with at most
MAX_WORDS words a side, in canonical order. Written: a header "ref<TAB>en<TAB>es", refs as OSIS
(Gen.1.1).
"""

from __future__ import annotations

import html
import re
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fetch import fetch, write  # noqa: E402

MAX_WORDS = 15
MODULES = {  # side -> (Debian package, its .deb's sha256, module folder inside the package)
    "en": ("sword-text-kjv", "9f463f28ce665f6f528fc723179722bced880a4c5485f7a41bf742838315de57",
           "usr/share/sword/modules/texts/ztext/engKJV2006eb"),
    "es": ("sword-text-sparv", "5c87f9b2bc97457e8a872f5bae7ea7ce59cb3de1dcee73e4d4740451863694cf",
           "usr/share/sword/modules/texts/ztext/spaRV1909eb"),
}
VERSIONS = {"sword-text-kjv": "14.3-1", "sword-text-sparv": "2.60-1"}
DROP_CAP = re.compile(r"\b[A-ZÁÉÍÓÚÑÜ]{2,}\b")     # RV1909 prints a chapter's first word in capitals
START = re.compile(r'<(div|chapter)\b(?=[^>]*\bsID=)(?=[^>]*\bosisID="([^"]+)")([^>]*)>')


def read_ztext(folder: Path, testament: str) -> list[str]:
    """Every entry of one testament of a zText module, as raw OSIS strings (empty where none)."""
    bzs, bzv, bzz = ((folder / f"{testament}.{ext}").read_bytes() for ext in ("bzs", "bzv", "bzz"))
    blocks = []
    for j in range(len(bzs) // 12):
        offset, size, unzipped = struct.unpack_from("<III", bzs, 12 * j)
        blocks.append(zlib.decompress(bzz[offset:offset + size]))
        assert len(blocks[-1]) == unzipped
    entries = []
    for j in range(len(bzv) // 10):
        block, offset, size = struct.unpack_from("<IIH", bzv, 10 * j)
        entries.append(blocks[block][offset:offset + size].decode("utf-8") if size else "")
    return entries


def heading(entry: str) -> tuple[str, str] | None:
    """("book", "Gen") or ("chapter", "Gen.1") if the entry opens a book or chapter, else None."""
    for tag, osis_id, attrs in START.findall(entry):
        if tag == "chapter" or 'type="book"' in attrs:
            return ("chapter" if tag == "chapter" else "book"), osis_id
    return None


def plain(entry: str) -> str:
    text = re.sub(r"<note\b.*?</note>", "", entry, flags=re.S)       # notes and cross-references
    text = re.sub(r"<[^>]*>", "", text).replace("¶", "")
    return " ".join(html.unescape(text).split())


def verses(en: list[str], es: list[str]):
    """(ref, en, es) for every verse of one testament, references read from the English headings."""
    assert len(en) == len(es), "the two modules differ in versification"
    chapter, number = None, 0
    for a, b in zip(en[2:], es[2:]):
        head = heading(a)
        assert head == heading(b), (head, heading(b))
        if head:
            chapter, number = (head[1], 0) if head[0] == "chapter" else (None, 0)
            continue
        number += 1
        b = plain(b)
        if number == 1:                                # "EN el principio" -> "En el principio"
            b = DROP_CAP.sub(lambda m: m.group(0).capitalize(), b, count=1)
        yield f"{chapter}.{number}", plain(a), b


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        entries = {}
        for side, (package, digest, folder) in MODULES.items():
            deb = fetch(["apt-get", "download", "-q", f"{package}={VERSIONS[package]}"], Path(tmp),
                        f"{package}_*.deb", digest)
            subprocess.run(["dpkg-deb", "-x", deb.name, side], cwd=tmp, check=True)
            entries[side] = {t: read_ztext(Path(tmp) / side / folder, t) for t in ("ot", "nt")}
    rows = [row for t in ("ot", "nt") for row in verses(entries["en"][t], entries["es"][t])]
    assert len(rows) == 31102, len(rows)                               # the KJV versification
    keep = [r for r in rows if r[1] and r[2] and max(len(r[1].split()), len(r[2].split())) <= MAX_WORDS]
    write("verse_pairs_en_es.tsv", "ref\ten\tes\n" + "".join("\t".join(r) + "\n" for r in keep))


if __name__ == "__main__":
    main()
