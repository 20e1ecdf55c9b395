"""Our Chinese-numeral grammar against the cn2an package, on the table the tests pin.

    python benchmarks/cn_numerals.py        (cn2an is optional: pip install cn2an)

Prints, for each written numeral, our value and cn2an's, and how many each gets right. The package keeps
its own grammar: it reads the genre's units and offsets in one pass, and needs no extra dependency.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from numeral_cases import CHINESE_NUMERALS

from summarizer.numbers import parse_number


def _ours(written: str) -> float | None:
    try:
        return parse_number(written)
    except ValueError:
        return None


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    try:
        import cn2an  # type: ignore[import-not-found]
    except ImportError:
        cn2an = None
    right = {"ours": 0, "cn2an": 0}
    print(f"{'written':<14} {'expected':>16} {'ours':>16} {'cn2an':>16}")
    for written, expected, _ in CHINESE_NUMERALS:
        ours = _ours(written)
        theirs: float | str | None = "-"
        if cn2an is not None:
            try:
                theirs = float(cn2an.cn2an(written, "smart"))
            except ValueError:
                theirs = None
        right["ours"] += ours is not None and abs(ours - expected) < 1e-9
        right["cn2an"] += isinstance(theirs, float) and abs(theirs - expected) < 1e-9
        print(f"{written:<14} {expected:>16g} {ours!s:>16} {theirs!s:>16}")
    total = len(CHINESE_NUMERALS)
    print(
        f"right: ours {right['ours']}/{total}, cn2an {right['cn2an'] if cn2an else 'not installed'}/{total}"
    )
    began = time.perf_counter()
    for _ in range(1000):
        for written, _, _ in CHINESE_NUMERALS:
            _ours(written)
    print(f"ours: {(time.perf_counter() - began) / (1000 * total) * 1e6:.1f} µs per numeral")


if __name__ == "__main__":
    main()
