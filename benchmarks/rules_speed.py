"""How fast the rules pipeline is: characters per second in process, and whole-process start-up; and
how much memory a rules batch takes as it grows.

Run: python benchmarks/rules_speed.py [--memory-only]
Goals: all seeds in under 0.2 s in process; the whole development corpus (../shared/corpus, 134 reports)
at 1 million characters per second or more per core in one process (CPU time of the process, so that
other work on a shared machine does not count; the wall time is printed beside it); `summarizer batch` over the corpus at least
1.7x the files per second with every core (--workers, default) than with one; `summarizer --version`
under 0.3 s; a rules batch's peak memory (the parent and its workers) within 10% from 10 to 1,000
files with 2 workers.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summarizer.backends import get_backend
from summarizer.backends.rules.targets import find_targets
from summarizer.config import Settings
from summarizer.load import load_file
from summarizer.pipeline import plan_chunks, summarize_source
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


def corpus_in_process() -> tuple[float, float, float, int, int]:
    """One pass over the whole corpus after a warm-up: the median CPU seconds of this process (per core,
    whatever else the machine runs), the median wall seconds, the CPU seconds of ``find_targets`` alone
    over the same chunks, the characters and the reports."""
    sources = [load_file(path) for path in sorted(CORPUS.glob("*/*.txt"))]
    for source in sources[:10]:
        summarize_source(source)
    cpu, wall = [], []
    for _ in range(CORPUS_ROUNDS):
        began, began_cpu = time.perf_counter(), time.process_time()
        for source in sources:
            summarize_source(source)
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    settings = Settings()
    backend = get_backend("rules", settings)
    chunks = [chunk for source in sources for chunk in plan_chunks(source, settings, backend).chunks]
    targets = []
    for _ in range(CORPUS_ROUNDS):
        began_cpu = time.process_time()
        for chunk in chunks:
            find_targets(chunk)
        targets.append(time.process_time() - began_cpu)
    chars = sum(len(source.text) for source in sources)
    return statistics.median(cpu), statistics.median(wall), statistics.median(targets), chars, len(sources)


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
    memory()
    if "--memory-only" in sys.argv[1:]:
        return
    seconds, chars = in_process()
    largest = max(SEEDS.glob("*.txt"), key=lambda path: path.stat().st_size)
    print(f"rules pipeline, all seeds in process: {seconds:.4f} s for {chars} characters (goal < 0.2 s)")
    print(f"rules pipeline throughput: {chars / seconds:,.0f} characters per second")
    if CORPUS.is_dir():
        cpu, wall, targets, chars, reports = corpus_in_process()
        rate = chars / cpu
        verdict = "met" if rate >= CORPUS_GOAL else f"not met: {rate / CORPUS_GOAL:.2f} of it"
        print(
            f"rules pipeline, the corpus ({reports} reports, {chars:,} characters) in process: {cpu:.2f} s CPU "
            f"({wall:.2f} s wall), {rate:,.0f} characters per second per core (goal >= {CORPUS_GOAL:,}: {verdict}); "
            f"find_targets {targets:.2f} s CPU, {targets / cpu:.0%} of it"
        )
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
