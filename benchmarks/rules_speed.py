"""How fast the rules pipeline is: characters per second in process, and whole-process start-up.

Run: python benchmarks/rules_speed.py
Goals: all seeds in under 0.2 s in process; the whole development corpus (../shared/corpus, 163 reports)
at 1 million characters per second or more per core in one process (CPU time of the process, so that
other work on a shared machine does not count; the wall time and the load are printed beside it), with
the CPU seconds of each stage over the corpus, so that the next change knows where the time goes;
`summarizer batch` over the corpus at least
1.7x the files per second with every core (--workers, default) than with one; `summarizer --version`
under 0.3 s.
"""

from __future__ import annotations

import importlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from summarizer.load import load_file
from summarizer.pipeline import summarize_source

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPUS_ROUNDS = 3
CORPUS_GOAL = (
    1_000_000  # characters per second per core, in process (CPU time: a shared machine's load aside)
)
BATCH_ROUNDS = 3
ROUNDS = 20
PROCESS_ROUNDS = 5


def in_process() -> tuple[float, int]:
    """Median seconds for one pass over all seeds, after a warm-up pass; and their character count."""
    sources = [load_file(path) for path in sorted(SEEDS.glob("*.txt"))]
    for source in sources:
        summarize_source(source)
    timings = []
    for _ in range(ROUNDS):
        began = time.perf_counter()
        for source in sources:
            summarize_source(source)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings), sum(len(source.text) for source in sources)


# The stages timed in the corpus passes: (name, module, function). Each is wrapped where the pipeline calls it,
# so the split follows the pipeline itself; an indented name is a part of the stage above it (the describe
# stage's readings, the rules backend's three finders). "rest" is what no stage covers: building the
# backend's Extraction, the provenance, the loop.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("split", "summarizer.pipeline", "split_documents"),
    ("describe", "summarizer.pipeline", "describe"),
    ("  dating", "summarizer.describe", "document_years"),
    ("  spoken year", "summarizer.describe", "spoken_in"),
    ("  outline", "summarizer.describe", "outline"),
    ("  jurisdiction", "summarizer.describe", "jurisdiction_of"),
    ("  place", "summarizer.describe", "place_of"),
    ("  overview", "summarizer.describe", "overview_of"),
    ("chunk", "summarizer.pipeline", "chunk_documents"),
    ("extract", "summarizer.pipeline", "_extract_or_error"),
    ("  goals", "summarizer.backends.rules.goals", "find_goals"),
    ("  targets", "summarizer.backends.rules.targets", "find_targets"),
    ("  tasks", "summarizer.backends.rules.tasks", "find_tasks"),
    ("align", "summarizer.pipeline", "align_extraction"),
    ("merge", "summarizer.pipeline", "merge_aligned"),
    ("output", "summarizer.pipeline", "build_summary"),
    ("indicator ids", "summarizer.pipeline", "with_indicator_ids"),
)


@contextmanager
def stages_timed(spent: dict[str, float]) -> Iterator[None]:
    """Each stage's function replaced, for the block, by one that adds its CPU seconds to ``spent``."""
    originals = []
    for name, module_name, function_name in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, function_name)
        originals.append((module, function_name, original))
        setattr(module, function_name, _timed(name, original, spent))
    try:
        yield
    finally:
        for module, function_name, original in reversed(originals):
            setattr(module, function_name, original)


def _timed(name: str, function: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - began

    return timed


def corpus_in_process() -> tuple[float, float, dict[str, float], int, int]:
    """Passes over the whole corpus after a warm-up: the median CPU seconds of this process (per core,
    whatever else the machine runs), the median wall seconds, each stage's median CPU seconds, the characters
    and the reports."""
    sources = [load_file(path) for path in sorted(CORPUS.glob("*/*.txt"))]
    for source in sources[:10]:
        summarize_source(source)
    cpu, wall = [], []
    per_stage: dict[str, list[float]] = {name: [] for name, _, _ in STAGES}
    for _ in range(CORPUS_ROUNDS):
        spent: dict[str, float] = {}
        with stages_timed(spent):
            began, began_cpu = time.perf_counter(), time.process_time()
            for source in sources:
                summarize_source(source)
            wall.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        for name in per_stage:
            per_stage[name].append(spent.get(name, 0.0))
    stages = {name: statistics.median(seconds) for name, seconds in per_stage.items()}
    chars = sum(len(source.text) for source in sources)
    return statistics.median(cpu), statistics.median(wall), stages, chars, len(sources)


def stage_lines(stages: dict[str, float], cpu: float, chars: int) -> list[str]:
    """One line a stage: its CPU seconds over the corpus, its share, and the rate it alone would allow."""
    covered = sum(seconds for name, seconds in stages.items() if not name.startswith(" "))
    rows = [*stages.items(), ("rest", max(cpu - covered, 0.0))]
    return [
        f"  {name:<16} {seconds:6.2f} s CPU {seconds / cpu:5.0%}"
        + (f"  (alone: {chars / seconds:>13,.0f} characters/s)" if seconds > 0 else "")
        for name, seconds in rows
    ]


def whole_process(arguments: list[str]) -> float:
    """Median wall seconds of the installed console script with these arguments."""
    script = shutil.which("summarizer", path=str(Path(sys.executable).parent)) or shutil.which("summarizer")
    if script is None:
        raise SystemExit("the console script `summarizer` is not installed: pip install -e .")
    timings = []
    for _ in range(PROCESS_ROUNDS):
        began = time.perf_counter()
        subprocess.run([script, *arguments], check=True, capture_output=True)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def batch_files_per_second(workers: int, folder: Path, out: Path) -> float:
    """Files per second of `summarizer batch` over ``folder`` with this many worker processes (median)."""
    script = shutil.which("summarizer", path=str(Path(sys.executable).parent)) or "summarizer"
    files = len(list(folder.glob("*/*.txt")))
    timings = []
    for _ in range(BATCH_ROUNDS):
        began = time.perf_counter()
        subprocess.run(
            [script, "batch", str(folder), "-o", str(out), "--overwrite", "--workers", str(workers)],
            check=True,
            capture_output=True,
        )
        timings.append(time.perf_counter() - began)
    return files / statistics.median(timings)


def _load() -> str:
    """The machine's 1-minute load average, to read the figures by (CPU time is per core, not per machine)."""
    try:
        return f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    except OSError:
        return "unknown"


def main() -> None:
    seconds, chars = in_process()
    largest = max(SEEDS.glob("*.txt"), key=lambda path: path.stat().st_size)
    print(f"rules pipeline, all seeds in process: {seconds:.4f} s for {chars} characters (goal < 0.2 s)")
    print(f"rules pipeline throughput: {chars / seconds:,.0f} characters per second")
    if CORPUS.is_dir():
        cpu, wall, stages, chars, reports = corpus_in_process()
        rate = chars / cpu
        verdict = "met" if rate >= CORPUS_GOAL else f"not met: {rate / CORPUS_GOAL:.2f} of it"
        print(
            f"rules pipeline, the corpus ({reports} reports, {chars:,} characters) in process: {cpu:.2f} s CPU "
            f"({wall:.2f} s wall), {rate:,.0f} characters per second per core (goal >= {CORPUS_GOAL:,}: {verdict}; "
            f"the goal is {chars / CORPUS_GOAL:.2f} s CPU); load average {_load()}"
        )
        print("  where the CPU time goes (median of the passes; indented: part of the stage above):")
        for line in stage_lines(stages, cpu, chars):
            print(line)
    else:
        print(f"the corpus is not at {CORPUS}: its throughput is not measured")
    if CORPUS.is_dir():
        cores = os.cpu_count() or 1
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out.jsonl"
            one = batch_files_per_second(1, CORPUS, out)
            all_cores = batch_files_per_second(cores, CORPUS, out)
        print(
            f"summarizer batch over the corpus: {one:.1f} files/s with 1 worker, {all_cores:.1f} files/s with "
            f"{cores} (the default): {all_cores / one:.2f}x (goal >= 1.7x on 2 cores)"
        )
    print(f"summarizer --version: {whole_process(['--version']):.3f} s (goal < 0.3 s)")
    print(f"summarizer extract {largest.name}: {whole_process(['extract', str(largest)]):.3f} s")


if __name__ == "__main__":
    main()
