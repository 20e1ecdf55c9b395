"""The review page of the whole corpus: its size against its texts, and how soon it is interactive.

Run: python benchmarks/report_page.py [--page PAGE.html] [--runs 5] [--shots /tmp/report-shots]
It runs `summarizer batch ../shared/corpus` and `summarizer report` on the batch (or takes the page
given with --page, e.g. one written by an older version, to compare), then opens the page in Debian's
Chromium (/usr/bin/chromium, driven by playwright; never a browser download) several times, each in a
fresh profile, and prints the medians of:
- ready: from the start of navigation to the first screen drawn (the page's own ``data-ready`` mark,
  or, for a page without it, its first list of items), in the page's clock;
- first click: the time from a click on a document of the list, made as soon as the page is ready,
  until that document is drawn (its ``report:doc`` mark), in the page's clock: the page answers input
  once ready, and a document waits only for its own text.
Both are read in the page's own clock, not from playwright's polls, whose round trips on a loaded
machine add hundreds of milliseconds.
Goals (issue 20): the page at most 1.2x the size of its texts (the UTF-8 bytes of the source files),
interactive within 2 s.
With --shots it writes screenshots of the views at 1440 and 390 px there (outside the repository).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
READY = "() => document.body.dataset.ready === '1' || !!document.querySelector('#pane-items [data-id]')"
SIZE_GOAL, READY_GOAL_MS = 1.2, 2000.0
WIDE, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}


def build_page(work: Path) -> Path:
    """The corpus page, made by the commands a user runs."""
    batch, page = work / "c.jsonl", work / "c.html"
    began = time.perf_counter()
    subprocess.run(["summarizer", "batch", str(CORPUS), "-o", str(batch)], check=True, capture_output=True)
    middle = time.perf_counter()
    subprocess.run(["summarizer", "report", str(batch), "-o", str(page)], check=True, capture_output=True)
    print(f"batch {middle - began:.1f} s, report {time.perf_counter() - middle:.1f} s")
    return page


def text_bytes(page: Path) -> int:
    """The UTF-8 bytes of the source files whose documents the page shows (its ``files``)."""
    html = page.read_text(encoding="utf-8")
    start = html.index('id="report-data">') + len('id="report-data">')
    meta = json.loads(html[start : html.index("</script>", start)])
    total = 0
    for file in meta["files"]:
        source = Path(file["source"])
        if not source.is_file():
            source = page.parent / source  # a batch names its sources relative to where it ran
        total += source.stat().st_size if source.is_file() else 0
    return total


MARKS = """() => {
    const mark = (name) => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : null; };
    // A page without the marks (an older one) draws its first screen as the last thing it reads.
    const read = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
    return [mark('report:script'), mark('report:ready') ?? (read || performance.now())];
}"""
READ = "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventStart"


def measure(driver: Any, url: str, profile: Path) -> tuple[float, float, float | None, float]:
    """Milliseconds from navigation to the first screen, from a click to its answer, from navigation to
    the page's script, and to the whole page read."""
    context = driver.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), args=ARGS, headless=True, viewport=WIDE
    )
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        page.wait_for_function(READY, polling="raf", timeout=60_000)
        script, ready = page.evaluate(MARKS)
        target = (
            "#overview-docs [data-doc]" if page.locator("#overview-docs [data-doc]").count() else "#next-doc"
        )
        before = page.evaluate(
            "document.getElementById('doc-head') && document.getElementById('doc-head').textContent"
        )
        page.evaluate(
            "() => document.addEventListener('click', (e) => { window.clickedAt = e.timeStamp; }, true)"
        )
        began = time.perf_counter()
        page.locator(target).first.click()
        page.wait_for_function(
            "(before) => { const head = document.getElementById('doc-head');"
            " return !document.getElementById('layout').hidden && head.textContent !== before"
            " && document.getElementById('doc-text').textContent.length > 0; }",
            arg=before,
            polling="raf",
        )
        clicked = page.evaluate(
            "() => { const m = performance.getEntriesByName('report:doc').slice(-1)[0];"
            " return m ? m.startTime - window.clickedAt : null; }"
        )
        if clicked is None:  # an older page: the wall clock, round trips and all
            clicked = (time.perf_counter() - began) * 1000
        page.wait_for_load_state("domcontentloaded")
        return ready, clicked, script, page.evaluate(READ)
    finally:
        context.close()


def screenshots(driver: Any, url: str, folder: Path, profile: Path) -> list[Path]:
    """The overview, an indicator view, a place and a document, at 1440 and 390 px."""
    folder.mkdir(parents=True, exist_ok=True)
    views = {
        "overview": "",
        "indicator": "#ind=gdp&m=growth",
        "place": "#place=河北省",
        "document": "#doc=120",
    }
    written = []
    context = driver.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), args=ARGS, headless=True, viewport=WIDE
    )
    try:
        page = context.new_page()
        for width, viewport in (("1440", WIDE), ("390", PHONE)):
            page.set_viewport_size(viewport)
            for name, fragment in views.items():
                page.goto("about:blank")
                page.goto(url + fragment)
                page.wait_for_function(READY, polling="raf", timeout=60_000)
                page.wait_for_timeout(200)
                path = folder / f"{name}-{width}.png"
                page.screenshot(path=str(path), full_page=name != "document")
                written.append(path)
    finally:
        context.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--page", type=Path, help="measure this page instead of building the corpus's")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shots", type=Path, help="write screenshots to this folder")
    options = parser.parse_args()
    if not CHROMIUM.is_file():
        raise SystemExit(f"the benchmark needs {CHROMIUM} (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if options.page is None and not CORPUS.is_dir():
            raise SystemExit(f"the development corpus is not at {CORPUS}")
        page = options.page or build_page(work)
        size, texts = page.stat().st_size, text_bytes(page)
        url = page.resolve().as_uri()
        with sync_playwright() as driver:
            runs = [measure(driver, url, work / f"profile-{n}") for n in range(options.runs)]
            shots = screenshots(driver, url, options.shots, work / "profile-shots") if options.shots else []
    ready = statistics.median(run[0] for run in runs)
    click = statistics.median(run[1] for run in runs)
    scripts = [run[2] for run in runs if run[2] is not None]
    ratio = size / texts if texts else float("nan")
    print(f"page {size / 1e6:.2f} MB for {texts / 1e6:.2f} MB of source text: {ratio:.2f}x")
    print(f"ready (navigation -> first screen), median of {len(runs)}: {ready:.0f} ms", end="")
    print(f"  [{', '.join(f'{run[0]:.0f}' for run in runs)}]")
    if scripts:
        print(f"  of which: the page's script starts at {statistics.median(scripts):.0f} ms (median)")
    print(
        f"the whole page read (DOMContentLoaded), median: {statistics.median(run[3] for run in runs):.0f} ms"
    )
    print(
        f"first click -> document shown, median: {click:.0f} ms  [{', '.join(f'{run[1]:.0f}' for run in runs)}]"
    )
    print(
        f"goal size <= {SIZE_GOAL}x: {'met' if ratio <= SIZE_GOAL else 'NOT met'}; "
        f"interactive < {READY_GOAL_MS / 1000:.0f} s: {'met' if ready + click < READY_GOAL_MS else 'NOT met'}"
    )
    for path in shots:
        print(f"screenshot {path}")


if __name__ == "__main__":
    sys.exit(main())
