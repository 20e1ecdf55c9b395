"""The HTML review page: every item in its place in the text, in one self-contained file.

The page holds no network asset: its CSS and script (``data/report.css``, ``data/report.js``) are
inlined, and every piece of document data goes in as JSON inside ``<script type="application/json">``
with ``<``, ``>`` and ``&`` written as ``\\u003c`` …, so that no source text is ever parsed as HTML;
the script puts text into the page with ``textContent`` only, and the page's Content-Security-Policy
lets no script run but that one (by its hash) and nothing load from anywhere.

Each document's text is a separate JSON block, parsed when the document is picked, so that a
report of a hundred documents opens fast.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from summarizer import __version__
from summarizer.indicators import Registry, load_registry
from summarizer.inputs import ReportEntry
from summarizer.panel import Corrections, build_panel, panel_rows

# --- Building the page.


def build_report(
    entries: Iterable[ReportEntry],
    *,
    title: str = "summarizer review",
    registry: Registry | None = None,
    corrections: Corrections | None = None,
) -> str:
    """One self-contained HTML page for the entries (see the module's docstring).

    Documents keep the order of the entries; the page can also list them by place and year. The
    corpus view is the panel of all the documents (``summarizer.panel``), per place. ``corrections``
    (an overrides file, already applied to the entries) mark what they changed: ``overridden`` on a
    document and on each item, the list in ``overrides``, and a notice atop the page.
    """
    entries = list(entries)
    registry = registry or load_registry()
    files: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    texts: list[str | None] = []
    for file_index, entry in enumerate(entries):
        files.append(_file_data(entry))
        for document in entry.summary.documents:
            text = None if entry.text is None else entry.text[document.start : document.end]
            data = _document_data(file_index, document.model_dump(mode="json"), entry.text)
            if corrections is not None:
                _mark_overridden(data, corrections, entry.summary.source)
            documents.append(data)
            texts.append(text)
    overrides = _overrides_data(corrections)
    meta = {
        "title": title,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "files": files,
        "documents": documents,
        "by_place": _by_place_and_year(documents, files),
        "panel": _panel_data(entries, registry, documents, files, corrections),
        "overrides": overrides,
    }
    return _page(title, meta, texts, _overrides_notice(overrides))


def _mark_overridden(document: dict[str, Any], corrections: Corrections, source: str) -> None:
    """``overridden``: the descriptions of the overrides applied to the document and to each item."""
    from summarizer.models import Target

    index = document["index"]
    document["overridden"] = list(corrections.document_marks(source, index))
    for item in document["targets"]:
        probe = Target.model_construct(start=item["start"], end=item["end"])
        item["overridden"] = list(corrections.item_marks(source, index, probe))


def _overrides_data(corrections: Corrections | None) -> list[dict[str, Any]]:
    rows = getattr(corrections, "rows", None)
    return rows() if rows is not None else []


def _overrides_notice(overrides: list[dict[str, Any]]) -> str:
    """A visible line atop the page: the overrides applied, each named."""
    applied = [o for o in overrides if o.get("matched")]
    if not overrides:
        return ""
    items = "".join(
        f"<li>{html.escape(str(o['file']).rsplit('/', 1)[-1])}:{o['line']} {html.escape(str(o['action']))}"
        f"{' ' + html.escape(str(o['field'])) if o.get('field') else ''}"
        f"{' = ' + html.escape(str(o['value'])) if o.get('value') is not None else ''}"
        f" — {html.escape(str(o['source']))}{' (matched nothing)' if not o.get('matched') else ''}</li>"
        for o in overrides
    )
    return (
        f'<details id="overrides-notice" open><summary>&#9998; {len(applied)} override(s) applied: '
        f"the values marked overridden are corrections, not the text's reading</summary><ul>{items}</ul></details>"
    )


def _by_place_and_year(documents: list[dict[str, Any]], files: list[dict[str, Any]]) -> list[int]:
    """The documents' numbers in the order of place (national first, unplaced last), year, source."""

    def key(k: int) -> tuple[bool, bool, str, int, str, int]:
        document = documents[k]
        place = document.get("place")
        year = document.get("plan_year") or (document.get("review_year") or 0) + 1
        return (place is None, place != "全国", place or "", year, files[document["file"]]["source"], k)

    return sorted(range(len(documents)), key=key)


def _panel_data(
    entries: list[ReportEntry],
    registry: Registry,
    documents: list[dict[str, Any]],
    files: list[dict[str, Any]],
    corrections: Corrections | None = None,
) -> dict[str, Any]:
    """Per place, the rows of the panel (indicator and measure) with their cells by year, each figure
    linked to the document and item it came from."""
    numbers = {(files[d["file"]]["source"], d["index"]): k for k, d in enumerate(documents)}
    panel = build_panel((entry.summary for entry in entries), registry, corrections)
    places: dict[str, dict[str, Any]] = {}
    years: set[int] = set()
    for row in panel_rows(panel, registry, with_figures=True):
        place = places.setdefault(row["place"], {"name": row["place"], "rows": {}})
        line = place["rows"].setdefault(
            (row["indicator_id"], row["measure"]),
            {
                "id": row["indicator_id"],
                "name": row["indicator"],
                "measure": row["measure"],
                "unit": row["unit"],
                "cells": {},
            },
        )
        years.add(row["year"])
        line["cells"][str(row["year"])] = {
            "t": row["target"],
            "th": row["target_high"],
            "q": row["target_qualifier"],
            "r": row["result"],
            "s": row["status"],
            "n": row["note"],
            "tl": [_link(f, numbers, documents) for f in row["targets"]],
            "rl": [_link(f, numbers, documents) for f in row["results"]],
            "o": row["overrides"],
        }
    return {
        "years": sorted(years),
        "places": [{"name": p["name"], "rows": list(p["rows"].values())} for p in places.values()],
        "unplaced": panel.documents_without_place,
    }


def _link(
    figure: dict[str, Any], numbers: dict[tuple[str, int], int], documents: list[dict[str, Any]]
) -> dict[str, Any]:
    """Where a figure of the panel is: its document's number and its item's id on the page."""
    k = numbers.get((figure["source"], figure["document_index"]))
    item = None
    if k is not None:
        for n, target in enumerate(documents[k]["targets"]):
            if target["start"] == figure["start"] and target["end"] == figure["end"]:
                item = f"t{n}"
                break
    return {
        "doc": k,
        "item": item,
        "value": figure["value"],
        "unit": figure["unit"],
        "quote": figure["quote"],
        "source": figure["source"],
        "overridden": figure["overridden"],
    }


def _file_data(entry: ReportEntry) -> dict[str, Any]:
    summary = entry.summary
    provenance = summary.provenance.model_dump(mode="json")
    return {
        "source": summary.source,
        "sha256": summary.sha256,
        "note": entry.note,
        "provenance": provenance,
    }


def _document_data(file_index: int, document: dict[str, Any], text: str | None) -> dict[str, Any]:
    items = {kind: document.pop(kind) for kind in ("goals", "targets", "tasks")}
    document["file"] = file_index
    document["has_text"] = text is not None
    document["misplaced"] = _misplaced(items, text)
    document.update(items)
    return document


def _misplaced(items: dict[str, list[dict[str, Any]]], text: str | None) -> int:
    """How many items' quotes are not the text at their offsets (always 0 for a sound summary)."""
    if text is None:
        return 0
    return sum(text[item["start"] : item["end"]] != item["quote"] for kind in items.values() for item in kind)


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _asset(name: str) -> str:
    return resources.files("summarizer").joinpath("data", name).read_text(encoding="utf-8")


def _page(title: str, meta: dict[str, Any], texts: list[str | None], notice: str = "") -> str:
    text_blocks = "\n".join(
        f'<script type="application/json" id="text-{index}">{script_json(text)}</script>'
        for index, text in enumerate(texts)
    )
    script = "\n" + _asset("report.js") + "\n"
    return _TEMPLATE.format(
        title=html.escape(title),
        css=_asset("report.css"),
        meta=script_json(meta),
        notice=notice,
        texts=text_blocks,
        script=script,
        script_hash=base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii"),
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'sha256-{script_hash}'">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<header id="bar">
  <div class="brand">{title}</div>
  <nav id="views" aria-label="view">
    <button type="button" data-view="docs" class="on">Documents</button>
    <button type="button" data-view="corpus">Corpus</button>
  </nav>
  <div class="picker">
    <button type="button" id="prev-doc" title="previous document (p)">&#9664;</button>
    <select id="doc-picker" aria-label="document"></select>
    <button type="button" id="next-doc" title="next document (n)">&#9654;</button>
    <select id="doc-order" aria-label="order of the documents">
      <option value="given">as given</option>
      <option value="place">by place and year</option>
    </select>
  </div>
  <input type="search" id="search" placeholder="search documents and items (/)" aria-label="search">
  <div class="filters" id="filters">
    <label class="f-goal"><input type="checkbox" data-filter="goal" checked> goals 目标</label>
    <label class="f-target"><input type="checkbox" data-filter="target" checked> targets 指标</label>
    <label class="f-task"><input type="checkbox" data-filter="task" checked> tasks 任务</label>
    <span class="sep"></span>
    <label><input type="checkbox" data-filter="kind-target" checked> target 预期</label>
    <label><input type="checkbox" data-filter="kind-result" checked> result 实绩</label>
  </div>
</header>
{notice}
<main id="layout">
  <section id="reader">
    <div id="doc-head"></div>
    <article id="doc-text" lang="zh-CN"></article>
  </section>
  <aside id="side">
    <nav id="tabs">
      <button type="button" data-tab="items" class="on">Items</button>
      <button type="button" data-tab="table">Targets table</button>
      <button type="button" data-tab="dropped">Dropped</button>
    </nav>
    <div id="pane-items" class="pane on"></div>
    <div id="pane-table" class="pane"></div>
    <div id="pane-dropped" class="pane"></div>
  </aside>
</main>
<main id="corpus" hidden>
  <div class="corpus-bar">
    <select id="place-picker" aria-label="place"></select>
    <label><input type="checkbox" id="targets-only" checked> only rows with a target</label>
    <span class="status-legend">
      <span class="cell s-met">met 达成</span><span class="cell s-missed">missed 未达成</span>
      <span class="cell s-no-result-yet">no result yet 待报</span><span class="cell s-no-target">no target 无目标</span>
      <span class="cell s-unclear">unclear 存疑</span>
    </span>
  </div>
  <p id="corpus-note"></p>
  <div id="corpus-chart"></div>
  <div id="corpus-table"></div>
</main>
<div id="search-results" hidden></div>
<div id="tip" role="tooltip" hidden></div>
<noscript><p class="noscript">This review page needs JavaScript to show the documents.</p></noscript>
<script type="application/json" id="report-data">{meta}</script>
{texts}
<script>{script}</script>
</body>
</html>
"""
