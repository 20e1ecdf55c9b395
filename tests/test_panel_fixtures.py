"""The panel over the whole development corpus against the cells lined up by hand (evals/panel/).

Annotators read each report and the next year's, and wrote down for every main target the result the
later report gives and the status under the README's rules (evals/panel/README.md). The panel here is
built from every report of ../shared/corpus/, as `summarizer batch` and `summarizer panel` would.
"""

from __future__ import annotations

from pathlib import Path

from shared_corpus import CORPUS, corpus_reports, skip_module_without_corpus

from summarizer.evals.panel import load_hand_cells, score_panel, sources_of, summary_lines
from summarizer.indicators import load_registry
from summarizer.load import load_file
from summarizer.panel import STATUSES, build_panel
from summarizer.pipeline import summarize_source

ROOT = Path(__file__).resolve().parent.parent
CELLS = load_hand_cells(ROOT / "evals" / "panel")
REPORTS = corpus_reports()

skip_module_without_corpus()


def test_there_are_enough_hand_checked_cells_over_enough_places() -> None:
    assert len(CELLS) >= 30
    assert len({cell.place for cell in CELLS}) >= 5
    assert all((CORPUS / source).is_file() for source in sources_of(CELLS))


def test_the_panel_agrees_with_the_hand_checked_cells() -> None:
    registry = load_registry()
    panel = build_panel((summarize_source(load_file(path)) for path in REPORTS), registry)
    scores = score_panel(CELLS, panel)
    by_file = score_panel(CELLS, panel, by="file")
    print("\n".join([*summary_lines(by_file, "file"), "", *summary_lines(scores)]))
    right = sum(score.right for score in scores.values())
    wrong = [line for score in scores.values() for line in score.wrong]
    assert right / len(CELLS) >= 0.95, wrong
    assert all(score.right / score.cells >= 0.8 for score in scores.values()), wrong
    assert all(score.right / score.cells >= 0.9 for score in by_file.values()), wrong


def test_every_status_word_of_the_cells_is_the_panels() -> None:
    assert {cell.status for cell in CELLS} <= set(STATUSES)
    # no result yet only where no later report of the place is in the corpus; these files pair each report
    # with the next year's, so a cell without a result is not reported.
    assert all(cell.status != "no result yet" for cell in CELLS if cell.file != "provincial-2025.jsonl")
