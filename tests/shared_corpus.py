"""Where the development corpus is, for the tests that read it: ``SUMMARIZER_CORPUS``, else
``../shared/corpus`` beside the checkout (never copied into the repository).

A fresh clone has neither: those tests skip with one reason. CI has the corpus, and under ``CI=true``
they run, and fail, rather than skip, if it is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("SUMMARIZER_CORPUS") or ROOT.parent / "shared" / "corpus")
HAVE_CORPUS = CORPUS.is_dir() and any(CORPUS.glob("*/*.txt"))
SKIP_REASON = (
    "needs the development corpus, which a fresh clone lacks: ../shared/corpus beside the checkout"
    " or SUMMARIZER_CORPUS (CI has it)"
)
MUST_RUN = bool(os.environ.get("CI"))

needs_corpus = pytest.mark.skipif(not HAVE_CORPUS and not MUST_RUN, reason=SKIP_REASON)


def skip_module_without_corpus() -> None:
    """Skip the calling test module when the corpus is absent (outside CI)."""
    if not HAVE_CORPUS and not MUST_RUN:
        pytest.skip(SKIP_REASON, allow_module_level=True)


def corpus_reports() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt"))


def seeds_and_corpus(seeds: Path) -> list[Path]:
    """The seed texts, and the corpus's reports where the corpus is read (beside the checkout, or in CI)."""
    return sorted(seeds.glob("*.txt")) + (corpus_reports() if HAVE_CORPUS or MUST_RUN else [])


def require_found(found: int, floor: int) -> None:
    """Hold a comparison over the seeds and the corpus to have compared enough: more than ``floor`` matches
    where the corpus was read; without it (a fresh clone) at least one match in the seeds, else skip, since
    the seeds alone may hold none of what the corpus has plenty of."""
    if HAVE_CORPUS or MUST_RUN:
        assert found > floor
    elif not found:
        pytest.skip(SKIP_REASON)
