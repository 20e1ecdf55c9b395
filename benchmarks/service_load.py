"""Load on `summarizer serve` from a second process over loopback: throughput, latency and errors.

Runs, each against a fresh server on a free port:
  1. rules backend, with 1 and with 2 server processes (--workers): CLIENTS threads post the seed
     documents back to back for SECONDS; ok/s of each;
  2. saturation: 20 clients post 4 MB documents at once, far more work than the server takes in at a
     time, while a prober asks /v1/health every 100 ms: its latency, the 503s and the server's RSS;
  3. llm backend against the fake model server (tests/fake_model.py) with a simulated latency, no cache:
     the model calls in flight never pass --concurrency, and the limit is used to the full (calls per
     second near concurrency / latency), so that no request waits on another beyond the limit.

Run: python benchmarks/service_load.py [--seconds 30] [--clients 50] [--model-latency 0.2] [--concurrency 8]
     [--runs rules,saturation,llm]
Goals: zero errors in runs 1 and 3; rules p99 under 10x its p50; health under 100 ms while saturated.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SERVE = "import sys; from summarizer.cli import app; app(['serve', *sys.argv[1:]])"
CORPUS = ROOT.parent / "shared" / "corpus"
# A health prober in a process of its own: one latency in seconds per line, every 100 ms, until stopped.
PROBE = """
import signal, sys, time, httpx
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
with httpx.Client(timeout=30) as http:
    while True:
        began = time.perf_counter()
        try:
            http.get(sys.argv[1])
            print(time.perf_counter() - began, flush=True)
        except httpx.HTTPError:
            print(30.0, flush=True)
        time.sleep(0.1)
"""


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, problem: str | None) -> None:
        with self.lock:
            if problem is None:
                self.latencies.append(seconds)
            else:
                self.errors[problem] = self.errors.get(problem, 0) + 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, flags: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, "--port", str(port), *flags],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with status {process.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not answer its health check within 30 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def client_loop(url: str, documents: list[bytes], until: float, tally: Tally, first: int) -> None:
    with httpx.Client(timeout=120, headers={"content-type": "text/plain"}) as http:
        for document in itertools.islice(itertools.cycle(documents), first, None):
            if time.monotonic() >= until:
                return
            began = time.perf_counter()
            try:
                response = http.post(url, content=document)
                problem = None if response.status_code == 200 else f"HTTP {response.status_code}"
            except httpx.HTTPError as error:
                problem = type(error).__name__
            tally.record(time.perf_counter() - began, problem)


def run_load(port: int, clients: int, seconds: float) -> tuple[Tally, float]:
    documents = [path.read_bytes() for path in SEEDS]
    url = f"http://127.0.0.1:{port}/v1/summaries"
    tally = Tally()
    began = time.monotonic()
    until = began + seconds
    threads = [
        threading.Thread(target=client_loop, args=(url, documents, until, tally, n), daemon=True)
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 180)
    return tally, time.monotonic() - began


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(title: str, tally: Tally, elapsed: float) -> None:
    done = len(tally.latencies)
    errors = sum(tally.errors.values())
    print(f"== {title}")
    print(
        f"requests {done + errors} in {elapsed:.1f} s: {done / elapsed:.1f} ok/s, errors {errors} {tally.errors or ''}"
    )
    if done:
        p50, p99 = percentile(tally.latencies, 0.5), percentile(tally.latencies, 0.99)
        print(
            f"latency p50 {p50 * 1000:.0f} ms, p90 {percentile(tally.latencies, 0.9) * 1000:.0f} ms, "
            f"p99 {p99 * 1000:.0f} ms, max {max(tally.latencies) * 1000:.0f} ms, "
            f"mean {statistics.fmean(tally.latencies) * 1000:.0f} ms; p99/p50 {p99 / p50:.1f}"
        )


def fake_model_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fake_model", ROOT / "tests" / "fake_model.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fake_model"] = module
    spec.loader.exec_module(module)
    return module


def sample_in_flight(fake: object, seconds: float, samples: list[int]) -> None:
    """Model calls in flight, every 20 ms over the loaded part of the run (the first second left out)."""
    time.sleep(1.0)
    until = time.monotonic() + seconds - 1.0
    while time.monotonic() < until:
        samples.append(fake._in_flight)  # type: ignore[attr-defined]
        time.sleep(0.02)


def rules_run(clients: int, seconds: float, cache_dir: str, workers: int) -> float:
    port = free_port()
    # A queue for every client: this run measures throughput; the saturation run measures turning away.
    flags = ["--backend", "rules", "--workers", str(workers), "--queue", str(clients)]
    process = start_server(port, flags, {"SUMMARIZER_CACHE_DIR": cache_dir})
    try:
        tally, elapsed = run_load(port, clients, seconds)
    finally:
        stop_server(process)
    report(
        f"rules backend, {workers} server process(es): {clients} clients, {len(SEEDS)} seed documents",
        tally,
        elapsed,
    )
    return len(tally.latencies) / elapsed


def big_document(size: int = 4_000_000) -> bytes:
    """About ``size`` bytes of real report text (the corpus's, else the seeds'), repeated."""
    sources = sorted(CORPUS.glob("*/*.txt")) or SEEDS
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    data = text.encode("utf-8")
    return (data * (size // len(data) + 1))[:size].decode("utf-8", "ignore").encode("utf-8")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the pool), from /proc."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def saturation_run(cache_dir: str, clients: int = 20) -> None:
    port = free_port()
    process = start_server(port, ["--backend", "rules"], {"SUMMARIZER_CACHE_DIR": cache_dir})
    document = big_document()
    statuses: list[int] = []
    rss: list[float] = []
    done = threading.Event()

    def post() -> None:
        try:
            response = httpx.post(
                f"http://127.0.0.1:{port}/v1/summaries",
                content=document,
                headers={"content-type": "text/plain"},
                timeout=600,
            )
            statuses.append(response.status_code)
        except httpx.HTTPError:
            statuses.append(0)

    def watch_memory() -> None:
        while not done.is_set():
            rss.append(tree_rss_mb(process.pid))
            time.sleep(0.1)

    # The prober is a process of its own, with one kept-alive connection, so that what it measures is
    # the server's answer, not this process's threads waiting for the interpreter lock.
    prober = subprocess.Popen(
        [sys.executable, "-c", PROBE, f"http://127.0.0.1:{port}/v1/health"],
        stdout=subprocess.PIPE,
        text=True,
    )
    watcher = threading.Thread(target=watch_memory, daemon=True)
    posters = [threading.Thread(target=post, daemon=True) for _ in range(clients)]
    try:
        began = time.monotonic()
        watcher.start()
        for poster in posters:
            poster.start()
        for poster in posters:
            poster.join(timeout=900)
        elapsed = time.monotonic() - began
    finally:
        done.set()
        prober.send_signal(signal.SIGTERM)
        output, _ = prober.communicate(timeout=30)
        health = [float(line) for line in output.split()]
        watcher.join()
        stop_server(process)
    counts = {code: statuses.count(code) for code in sorted(set(statuses))}
    print(f"== saturation: {clients} clients posting {len(document) / 1e6:.1f} MB each at once")
    print(f"answers {counts} in {elapsed:.1f} s (200: summarized; 503: turned away with Retry-After)")
    print(
        f"/v1/health meanwhile, {len(health)} probes: p50 {percentile(health, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(health, 0.99) * 1000:.0f} ms, max {max(health) * 1000:.0f} ms (goal < 100 ms)"
    )
    print(f"server RSS (with its pool): peak {max(rss):.0f} MB")


def llm_run(clients: int, seconds: float, latency: float, concurrency: int, cache_dir: str) -> None:
    fake_model = fake_model_module()
    with fake_model.FakeModelServer(latency=latency) as fake:
        fake.reply_with(lambda request: fake_model.good())
        port = free_port()
        flags = [
            "--backend",
            "llm",
            "--no-cache",
            "--concurrency",
            str(concurrency),
            "--base-url",
            fake.base_url,
        ]
        env = {"OPENAI_API_KEY": "sk-bench", "SUMMARIZER_CACHE_DIR": cache_dir, "SUMMARIZER_MAX_RETRIES": "0"}
        process = start_server(port, flags, env)
        samples: list[int] = []
        sampler = threading.Thread(target=sample_in_flight, args=(fake, seconds, samples), daemon=True)
        try:
            sampler.start()
            began = time.monotonic()
            tally, elapsed = run_load(port, clients, seconds)
            calls_elapsed = time.monotonic() - began
        finally:
            stop_server(process)
            sampler.join()
        report(
            f"llm backend on the fake model ({latency * 1000:.0f} ms a call), concurrency {concurrency}, "
            f"{clients} clients",
            tally,
            elapsed,
        )
        ideal = concurrency / latency
        print(
            f"model calls {fake.calls}: {fake.calls / calls_elapsed:.1f}/s of an ideal {ideal:.1f}/s "
            f"(concurrency / latency); in flight: most {fake.max_in_flight} (limit {concurrency}), "
            f"mean {statistics.fmean(samples):.1f} while loaded"
        )
        if fake.max_in_flight > concurrency:
            print("FAIL: the concurrency limit was passed")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=30.0, help="Length of each run.")
    parser.add_argument("--clients", type=int, default=50, help="Concurrent clients.")
    parser.add_argument(
        "--model-latency", type=float, default=0.2, help="Seconds the fake model takes a call."
    )
    parser.add_argument("--concurrency", type=int, default=8, help="The server's model calls in flight.")
    parser.add_argument(
        "--runs", default="rules,saturation,llm", help="Which runs, comma-separated: rules, saturation, llm."
    )
    args = parser.parse_args()
    runs = {name.strip() for name in args.runs.split(",")}
    with tempfile.TemporaryDirectory(prefix="summarizer-bench-") as cache_dir:
        if "rules" in runs:
            one = rules_run(args.clients, args.seconds, cache_dir, workers=1)
            two = rules_run(args.clients, args.seconds, cache_dir, workers=2)
            print(f"ok/s with 2 server processes / with 1: {two / one:.2f}x")
        if "saturation" in runs:
            saturation_run(cache_dir)
        if "llm" in runs:
            llm_run(args.clients, args.seconds, args.model_latency, args.concurrency, cache_dir)


if __name__ == "__main__":
    main()
