"""Build data/co2_weekly.csv: weekly Mauna Loa CO2, 1958-2001, from PyPI statsmodels 0.14.4.

    python tools/data/build_co2.py

The wheel's ``statsmodels/datasets/co2/co2.csv`` holds 2,284 weeks (``date`` as YYYYMMDD, ``co2`` in
ppmv), 59 of them empty (no steady six-hour period that week). Kept as given, the date rewritten as
ISO (YYYY-MM-DD) and a gap left empty: the notebook shows how it fills them. The wheel is pinned by
platform so that its checksum is the same wherever the script runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fetch import csv_rows_from_wheel, write  # noqa: E402

WHEEL_SHA256 = "e332c2d9b806083d1797231280602340c5c913f90d4caa0213a6a54679ce9331"
PATH = "statsmodels/datasets/co2/co2.csv"


def main() -> None:
    rows = csv_rows_from_wheel("statsmodels==0.14.4", WHEEL_SHA256, PATH,
                               pip_args=("--platform", "manylinux2014_x86_64", "--python-version", "311",
                                         "--implementation", "cp", "--abi", "cp311"))
    lines = ["date,co2_ppm"]
    for row in rows:
        d = row["date"]
        lines.append(f"{d[:4]}-{d[4:6]}-{d[6:]},{row['co2'].strip()}")
    write("co2_weekly.csv", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
