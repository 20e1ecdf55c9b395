"""How fast the panel is built, and whether its memory grows with the number of documents.

Run: python benchmarks/panel.py
It summarizes the development corpus (../shared/corpus, 163 reports) with the rules backend into a
batch file once, then runs `summarizer panel` in a fresh process over that file and over a file of
1,000 documents (copies of the corpus under other names, so the panel itself stays the same size),
to an .xlsx file and to a .sqlite file (which also holds every document and target, with full-text
search), printing wall time and peak RSS of each, and their ratios.
Goals: 1,000 documents in under 5 s; peak RSS over 1,000 documents within 1.2x of the corpus's (xlsx;
the SQLite file holds every target, so its memory grows with them, and is printed for the record).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summarizer.load import load_file
from summarizer.pipeline import summarize_source

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
COPIES_TO = 1000


def corpus_batch(out: Path) -> int:
    """Write the corpus's summaries as a batch file; the number of lines."""
    lines = [summarize_source(load_file(path)).model_dump_json() for path in sorted(CORPUS.glob("*/*.txt"))]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def copies_batch(corpus: Path, out: Path, documents: int) -> None:
    """A batch file of ``documents`` lines: the corpus's lines over again, each copy under its own source."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    with out.open("w", encoding="utf-8") as sink:
        for number in range(documents):
            summary = json.loads(lines[number % len(lines)])
            summary["source"] = f"copy-{number // len(lines)}/{summary['source']}"
            sink.write(json.dumps(summary, ensure_ascii=False) + "\n")


def run_panel(batch: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `summarizer panel` in a child process."""
    code = (
        "import resource, sys\n"
        "from summarizer.cli import main\n"
        "sys.argv = ['summarizer', 'panel', sys.argv[1], '-o', sys.argv[2]]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(batch), str(out)], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - began
    return seconds, float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"the development corpus is not at {CORPUS}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        corpus = work / "corpus.jsonl"
        documents = corpus_batch(corpus)
        copies = work / "copies.jsonl"
        copies_batch(corpus, copies, COPIES_TO)
        figures = {
            suffix: (run_panel(corpus, work / f"corpus{suffix}"), run_panel(copies, work / f"copies{suffix}"))
            for suffix in (".xlsx", ".sqlite")
        }
        size = copies.stat().st_size / 1e6
    for suffix, ((small_s, small_mb), (large_s, large_mb)) in figures.items():
        print(
            f"{suffix}: corpus: {documents} documents, panel in {small_s:.2f} s, peak RSS {small_mb:.0f} MB"
        )
        print(
            f"{suffix}: copies: {COPIES_TO} documents ({size:.0f} MB of JSON Lines), panel in {large_s:.2f} s, "
            f"peak RSS {large_mb:.0f} MB"
        )
        print(
            f"{suffix}: ratios (copies / corpus): time {large_s / small_s:.2f}x, peak RSS {large_mb / small_mb:.2f}x"
        )
        print(
            f"{suffix}: goal 1,000 documents under 5 s: {'met' if large_s < 5 else 'NOT met'}; "
            f"RSS within 1.2x: {'met' if large_mb <= 1.2 * small_mb else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
