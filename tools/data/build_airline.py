"""Build data/airline_passengers.csv: the Box-Jenkins airline passengers, from PyPI sktime 0.36.0.

    python tools/data/build_airline.py

The wheel's ``sktime/datasets/data/Airline/Airline.csv`` holds 144 months (1949-01 to 1960-12) of
international airline passengers, in thousands. Kept as given, with the header renamed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fetch import csv_rows_from_wheel, write  # noqa: E402

WHEEL_SHA256 = "f5941a3575ac7ae8a180bf26405b697b3fe76690d79a6156492a3519f4409e67"
PATH = "sktime/datasets/data/Airline/Airline.csv"


def main() -> None:
    rows = csv_rows_from_wheel("sktime==0.36.0", WHEEL_SHA256, PATH)
    lines = ["month,passengers_thousands"] + [f"{r['Date'].strip()},{int(r['Passengers'])}" for r in rows]
    write("airline_passengers.csv", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
