"""Build data/asterisk_digits/: ten real recordings of one human speaker saying 0-9, from Debian's
asterisk-core-sounds-en-wav 1.6.1-1 (Allison Smith, CC BY-SA 3.0), with their licence note.

    python tools/data/build_asterisk_digits.py

The package's ``usr/share/asterisk/sounds/en_US_f_Allison/digits/{0..9}.wav`` (8 kHz mono 16-bit, as
recorded for telephone menus) are copied unchanged into a folder of their own, which carries the
licence (CC BY-SA 3.0) and attribution in its LICENSE.md: they are licensed apart from the rest of
``data/``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fetch import DATA, fetch, sha256  # noqa: E402

DEB_SHA256 = "2be3ea287d83299d143815fa804f11179a75b7affd4a758b98b55f5afc18a35d"
INSIDE = "usr/share/asterisk/sounds/en_US_f_Allison/digits"
LICENSE = """# data/asterisk_digits: ten real recordings, licensed apart from the rest of data/

`0.wav` ... `9.wav`: the digits zero to nine, spoken by Allison Smith, from the Asterisk core sound
prompts (Debian package `asterisk-core-sounds-en-wav` 1.6.1-1,
`usr/share/asterisk/sounds/en_US_f_Allison/digits/`), copied unchanged (8 kHz, mono, 16-bit).

Licence: Creative Commons Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0),
https://creativecommons.org/licenses/by-sa/3.0/. Copyright 2003-2010 Allison Smith
(http://www.theivrvoice.com); financial contributions by Digium, Inc. (from the package's CREDITS, as quoted
in Debian's `copyright` file). If you share these files or something made from them, give this attribution
and share it under the same licence.

Rebuild: `python tools/data/build_asterisk_digits.py` from the repository root.
"""


def main() -> None:
    out = DATA / "asterisk_digits"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        deb = fetch(["apt-get", "download", "asterisk-core-sounds-en-wav=1.6.1-1"], Path(tmp),
                    "asterisk-core-sounds-en-wav_1.6.1-1_all.deb", DEB_SHA256)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(Path(tmp) / "x")], check=True)
        for d in range(10):
            (out / f"{d}.wav").write_bytes((Path(tmp) / "x" / INSIDE / f"{d}.wav").read_bytes())
            print(f"data/asterisk_digits/{d}.wav: sha256 {sha256(out / f'{d}.wav')}")
    (out / "LICENSE.md").write_text(LICENSE)


if __name__ == "__main__":
    main()
