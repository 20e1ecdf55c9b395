"""How fast the rules pipeline is: characters per second in process, and whole-process start-up; and
how much memory a rules batch takes as it grows.

Run: python benchmarks/rules_speed.py [--memory-only]
Goals: all seeds in under 0.2 s in process; the whole development corpus (../shared/corpus, 163 reports)
at 1 million characters per second or more per core in one process (CPU time of the process, so that
other work on a shared machine does not count; the wall time and the load are printed beside it), with
the CPU seconds of each stage over the corpus, so that the next change knows where the time goes;
`summarizer batch` over the corpus at least
1.7x the files per second with every core (--workers, default) than with one; `summarizer --version`
under 0.3 s; a rules batch's peak memory (the parent and its workers) within 10% from 10 to 1,000
files with 2 workers.
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
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
from summarizer.workers import default_workers, usable_cores

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


MEMORY_SIZES = (10, 1000)
MEMORY_WORKERS = 2
SAMPLE_SECONDS = 0.02
PAGE_BYTES = resource.getpagesize()


def copies_of_the_seeds(folder: Path, files: int) -> Path:
    """``files`` distinct files made from the seeds (each with a line of its own at the end)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    folder.mkdir(parents=True)
    for n in range(files):
        seed = seeds[n % len(seeds)]
        (folder / f"{n:04d}-{seed.name}").write_text(
            seed.read_text(encoding="utf-8") + f"\n（副本{n}）\n", encoding="utf-8"
        )
    return folder


def _rss_mib(pid: int) -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_BYTES / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return children


def batch_peak_memory(files: int, workers: int) -> tuple[float, float, float]:
    """Peak RSS (MiB) of `summarizer batch` over ``files`` files with ``workers`` workers, sampled every
    20 ms from /proc: of the parent alone, and of the parent and its workers together; and the seconds."""
    script = shutil.which("summarizer", path=str(Path(sys.executable).parent)) or "summarizer"
    with tempfile.TemporaryDirectory() as folder:
        inputs = copies_of_the_seeds(Path(folder) / "in", files)
        out = Path(folder) / "out.jsonl"
        began = time.perf_counter()
        process = subprocess.Popen(
            [script, "batch", str(inputs), "-o", str(out), "--workers", str(workers)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        parent_peak = total_peak = 0.0
        while process.poll() is None:
            parent = _rss_mib(process.pid)
            total = parent + sum(_rss_mib(child) for child in _children(process.pid))
            parent_peak, total_peak = max(parent_peak, parent), max(total_peak, total)
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - began
        if process.returncode != 0:
            raise SystemExit(f"summarizer batch over {files} files failed ({process.returncode})")
    return parent_peak, total_peak, seconds


def memory() -> None:
    if not Path("/proc/self/statm").exists():
        print("peak memory of a batch: not measured (reads /proc)")
        return
    figures = {files: batch_peak_memory(files, MEMORY_WORKERS) for files in MEMORY_SIZES}
    (small_parent, small_total, _), (large_parent, large_total, large_seconds) = (
        figures[size] for size in MEMORY_SIZES
    )
    print(
        f"summarizer batch, rules, --workers {MEMORY_WORKERS}, peak RSS at {MEMORY_SIZES[0]} and {MEMORY_SIZES[1]:,} "
        f"files: parent and workers {small_total:.0f} and {large_total:.0f} MiB ({large_total / small_total:.2f}x), "
        f"parent alone {small_parent:.0f} and {large_parent:.0f} MiB ({large_parent / small_parent:.2f}x) "
        f"(goal <= 1.10x; {MEMORY_SIZES[1]:,} files in {large_seconds:.0f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--memory-only",
        action="store_true",
        help="Measure only a rules batch's memory from 10 to 1,000 files.",
    )
    options = parser.parse_args()
    memory()
    if options.memory_only:
        return
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
        cores = usable_cores()
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out.jsonl"
            load_before = os.getloadavg()[0]
            one = batch_files_per_second(1, CORPUS, out)
            all_cores = batch_files_per_second(cores, CORPUS, out)
            load_after = os.getloadavg()[0]
        print(
            f"summarizer batch over the corpus: {one:.1f} files/s with 1 worker, {all_cores:.1f} files/s with "
            f"{cores}: {all_cores / one:.2f}x (goal >= 1.7x on 2 idle cores), load average {load_before:.1f} "
            f"to {load_after:.1f}; the default now would be {default_workers()} worker(s)"
        )
    print(f"summarizer --version: {whole_process(['--version']):.3f} s (goal < 0.3 s)")
    print(f"summarizer extract {largest.name}: {whole_process(['extract', str(largest)]):.3f} s")


if __name__ == "__main__":
    main()
