"""The HTML review page: every item in its place in the text, in one self-contained file.

The page holds no network asset: its CSS and script (``data/report.css``, ``data/report.js``) are
inlined, and every piece of document data goes in as JSON inside ``<script type="application/json">``
with ``<``, ``>`` and ``&`` written as ``\\u003c`` …, so that no source text is ever parsed as HTML;
the script puts text into the page with ``textContent`` only, and the page's Content-Security-Policy
lets no script run but that one (by its hash) and nothing load from anywhere.

Each document's text is a separate JSON block after the script, parsed when the document is
picked, and the items are one block before them: the first screen is drawn before the browser has
read either, so that a report of a hundred documents opens fast. Items and the panel are stored as columns (``encode_table``), a quote
that is the text at its offsets left out, so that the page is not much bigger than its texts.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from itertools import pairwise
from typing import Any

from summarizer import __version__
from summarizer.indicators import Registry, load_registry
from summarizer.inputs import ReportEntry
from summarizer.panel import Corrections, Panel, build_panel, panel_rows, unit_of
from summarizer.places import level_of, series_key

# --- Building the page.

# How each kind of item is named in the page: a label that is the start of the item's quote is kept
# as its length (most are: 生产总值 of 生产总值完成108亿元).
_LABELS = {"goals": "text", "targets": "indicator", "tasks": "title"}
# Target fields with few distinct combinations, stored as one dictionary (about a thousand shapes
# for twenty thousand targets).
_TARGET_SHAPE = ("unit", "change", "qualifier", "kind", "year", "indicator_id")
# Municipalities are of the provinces' rank though their names end in 市.
_MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})
_LINKED_OUT = ("targets", "results", "target_quote", "result_quote")


def build_report(
    entries: Iterable[ReportEntry],
    *,
    title: str = "summarizer review",
    registry: Registry | None = None,
    corrections: Corrections | None = None,
) -> str:
    """One self-contained HTML page for the entries (see the module's docstring).

    Documents keep the order of the entries; the page also lists them by place and year. The
    cross-place views are the panel of all the documents (``summarizer.panel``). ``corrections`` (an
    overrides file, already applied to the entries) are listed on the page as such, and the document
    and items they changed carry ``overridden`` and are shown as corrected.
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
            data = document.model_dump(mode="json")
            for target, shown in zip(document.targets, data["targets"], strict=True):
                shown["indicator_id"] = registry.identify_target(target)  # as table and panel do
            shown = _document_data(file_index, data, entry.text)
            if corrections is not None:
                _mark_overridden(shown, corrections, entry.summary.source)
            documents.append(shown)
            texts.append(text)
    panel = build_panel((entry.summary for entry in entries), registry, corrections)
    rows = list(panel_rows(panel, registry, with_figures=True))
    places = _places(panel, rows, documents)
    meta = {
        "title": title,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "files": files,
        "places": places,
        "indicators": _indicators(registry, documents, rows),
        "panel": _panel_data(rows, documents, files, panel.documents_without_place),
        "units": _units(rows),
        "overrides": _overrides_data(corrections),
        "documents": [_document_head(document) for document in documents],
    }
    return _page(title, meta, encode_items(documents, texts), texts)


def _overrides_data(corrections: Corrections | None) -> list[dict[str, Any]]:
    """The overrides file's entries as the page lists them (the plain Corrections says nothing)."""
    rows = getattr(corrections, "rows", None)
    return rows() if rows is not None else []


def _mark_overridden(document: dict[str, Any], corrections: Corrections, source: str) -> None:
    """``overridden``: the descriptions of the overrides applied to the document and to each target."""
    from summarizer.models import Target

    index = document["index"]
    if marks := list(corrections.document_marks(source, index)):
        document["overridden"] = marks
    for item in document["targets"]:
        probe = Target.model_construct(start=item["start"], end=item["end"])
        if marks := list(corrections.item_marks(source, index, probe)):
            item["overridden"] = marks


def _document_head(document: dict[str, Any]) -> dict[str, Any]:
    """A document without its items (they are in the page's item tables), with their numbers."""
    head = {key: value for key, value in document.items() if key not in _LABELS}
    head["n"] = [len(document[kind]) for kind in _LABELS]
    return head


def _places(
    panel: Panel, rows: list[dict[str, Any]], documents: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every place of the documents, by its series (徐水县 and 徐水区 are one), with its level, its
    parent where the panel gives one, and its documents; each document gets its place's number ``p``."""
    places: dict[str, dict[str, Any]] = {}
    for k, document in enumerate(documents):
        if not document.get("place"):
            document["p"] = None
            continue
        name = panel.name_of(series_key(document["place"]))
        place = places.setdefault(name, {"name": name, "level": None, "parent": None, "docs": []})
        place["docs"].append(k)
        document["p"] = list(places).index(name)  # places are few (dozens)
    for row in rows:  # the panel's own columns win, where it has them
        known = places.get(row["place"])
        if known is not None:
            known["level"] = row.get("level") or known["level"]
            known["parent"] = row.get("parent") or known["parent"]
    for place in places.values():
        if place["level"] is None:
            place["level"] = _level(place["name"], [documents[k] for k in place["docs"]])
    return list(places.values())


def _level(name: str, documents: list[dict[str, Any]]) -> str | None:
    """A place's level: a municipality is of a province's rank, else its latest document's, else its name's."""
    if name in _MUNICIPALITIES:
        return "省"
    dated = sorted(documents, key=lambda d: d.get("plan_year") or (d.get("review_year") or 0) + 1)
    for document in reversed(dated):
        if document.get("jurisdiction"):
            return str(document["jurisdiction"])
    return level_of(name)


def _indicators(
    registry: Registry, documents: list[dict[str, Any]], rows: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The registry's names of the indicators the page shows, for search and headings."""
    used = {row["indicator_id"] for row in rows}
    used.update(t["indicator_id"] for document in documents for t in document["targets"] if t["indicator_id"])
    out = {}
    for indicator_id in sorted(used):
        indicator = registry.get(indicator_id)
        if indicator is not None:
            out[indicator_id] = {"zh": indicator.zh, "en": indicator.en, "better": indicator.better}
    return out


def _units(rows: list[dict[str, Any]]) -> dict[str, tuple[str, float]]:
    """Each unit of the panel as a base and a multiplier, so that the page can draw and sort the cells
    of one indicator that come in different units (亿元 and 万亿元) on one scale."""
    written = sorted({row["unit"] for row in rows if row.get("unit")})
    return {name: (unit_of(name).base, unit_of(name).factor) for name in written}


def _panel_data(
    rows: list[dict[str, Any]],
    documents: list[dict[str, Any]],
    files: list[dict[str, Any]],
    unplaced: int,
) -> dict[str, Any]:
    """One row per cell of the panel, every column it has, each figure linked to its item on the page.

    The quotes are left out where the link leads to them (the page reads them from the item).
    """
    numbers = {(files[d["file"]]["source"], d["index"]): k for k, d in enumerate(documents)}
    spans = [{(t["start"], t["end"]): n for n, t in enumerate(d["targets"])} for d in documents]
    out = []
    for row in rows:
        shown = {key: value for key, value in row.items() if key not in _LINKED_OUT}
        shown["tl"] = [_link(figure, numbers, spans) for figure in row.get("targets", ())]
        shown["rl"] = [_link(figure, numbers, spans) for figure in row.get("results", ())]
        for kind, links in (("target", shown["tl"]), ("result", shown["rl"])):
            if not all(isinstance(link, list) for link in links):
                shown[f"{kind}_quote"] = row.get(f"{kind}_quote")
        out.append(shown)
    return {"rows": encode_table(out), "unplaced": unplaced}


def _link(
    figure: dict[str, Any], numbers: dict[tuple[str, int], int], spans: list[dict[tuple[int, int], int]]
) -> list[int] | dict[str, Any]:
    """Where a figure of the panel is: ``[document, target]`` on the page, or the figure itself."""
    k = numbers.get((figure["source"], figure["document_index"]))
    n = None if k is None else spans[k].get((figure["start"], figure["end"]))
    if k is not None and n is not None:
        return [k, n]
    return {key: figure[key] for key in ("value", "unit", "quote", "source")}


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
    items = {kind: document.pop(kind) for kind in _LABELS}
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


# --- The compact form of the data: columns instead of objects (report.js decodes it).
#
# A table is ``{"n": rows, "cols": {name: column}, "groups": [...]}``; a column is one of
#   {"c": v}                         every row has v
#   {"v": [v, ...]}                  one value per row
#   {"d": [distinct], "i": [k, ...]} each row the k-th distinct value
#   {"s": [first, step, ...]}        integers as the differences from the row before
#   {"z": v, "p": [gap, ...], "v": [...]}  v but at the rows given by their gaps, which have their own
# and a group ``{"names": [...], "d": [[...], ...], "i": [k, ...]}`` stores several columns' combined
# values as one dictionary. Each column takes the shortest of its forms. A row without a column's key
# decodes with null there.


def encode_table(rows: Sequence[Mapping[str, Any]], groups: Sequence[Sequence[str]] = ()) -> dict[str, Any]:
    """The rows as columns (see above); ``groups``: column names to store together, where present."""
    names = list(dict.fromkeys(key for row in rows for key in row))
    table: dict[str, Any] = {"n": len(rows), "cols": {}}
    grouped: set[str] = set()
    for group in groups:
        present = [name for name in group if name in names and name not in grouped]
        if len(present) < 2:
            continue
        grouped.update(present)
        combos = [[row.get(name) for name in present] for row in rows]
        column = _dictionary(combos)
        table.setdefault("groups", []).append({"names": present, "d": column["d"], "i": column["i"]})
    for name in names:
        if name not in grouped:
            table["cols"][name] = encode_column([row.get(name) for row in rows])
    return table


def encode_column(values: Sequence[Any]) -> dict[str, Any]:
    """The shortest form of one column (see above)."""
    keys = [_key(value) for value in values]
    if values and len(set(keys)) == 1:
        return {"c": values[0]}
    forms: list[dict[str, Any]] = [{"v": list(values)}, _dictionary(values, keys)]
    if values and all(type(value) is int for value in values):
        forms.append({"s": [values[0], *(b - a for a, b in pairwise(values))]})
    if values:
        common = max(set(keys), key=keys.count) if len(values) < 64 else _most_common(keys)
        at = [n for n, key in enumerate(keys) if key != common]
        forms.append(
            {
                "z": values[keys.index(common)],
                "p": [b - a for a, b in pairwise([-1, *at])],
                "v": [values[n] for n in at],
            }
        )
    return min(forms, key=lambda form: len(_key(form)))


def _most_common(keys: list[str]) -> str:
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda key: counts[key])


def _dictionary(values: Sequence[Any], keys: list[str] | None = None) -> dict[str, Any]:
    keys = keys if keys is not None else [_key(value) for value in values]
    index: dict[str, int] = {}
    distinct: list[Any] = []
    for key, value in zip(keys, values, strict=True):
        if key not in index:
            index[key] = len(distinct)
            distinct.append(value)
    return {"d": distinct, "i": [index[key] for key in keys]}


def _key(value: Any) -> str:
    """Equal JSON, equal key (1 and true differ; so do 1 and 1.5)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def decode_table(table: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The rows of a table made by ``encode_table`` (what report.js does)."""
    n = table["n"]
    rows: list[dict[str, Any]] = [{} for _ in range(n)]
    for group in table.get("groups", ()):
        for row, k in zip(rows, group["i"], strict=True):
            row.update(zip(group["names"], group["d"][k], strict=True))
    for name, column in table["cols"].items():
        for row, value in zip(rows, decode_column(column, n), strict=True):
            row[name] = value
    return rows


def decode_column(column: Mapping[str, Any], n: int) -> list[Any]:
    if "c" in column:
        return [column["c"]] * n
    if "d" in column:
        return [column["d"][k] for k in column["i"]]
    if "s" in column:
        values, total = [], 0
        for step in column["s"]:
            total += step
            values.append(total)
        return values
    if "z" in column:
        values = [column["z"]] * n
        at = -1
        for gap, value in zip(column["p"], column["v"], strict=True):
            at += gap
            values[at] = value
        return values
    return list(column["v"])


def _base_year(document: Mapping[str, Any]) -> int:
    """The year a target's year is counted from: the document's plan year, else the one after its review."""
    if document.get("plan_year") is not None:
        return int(document["plan_year"])
    if document.get("review_year") is not None:
        return int(document["review_year"]) + 1
    return 0


def encode_items(documents: Sequence[Mapping[str, Any]], texts: Sequence[str | None]) -> dict[str, Any]:
    """Every document's goals, targets and tasks as three tables, in the documents' order.

    Each item keeps all its fields, stored short: a quote that is the document's text at the item's
    offsets is left out (the page takes it from the text), a label that starts the quote is its
    length, ``end`` is the quote's length, a target's year counts from its document's plan year.
    """
    out = {}
    for kind, label in _LABELS.items():
        rows = []
        for document, text in zip(documents, texts, strict=True):
            base = _base_year(document)
            for item in document[kind]:
                row = dict(item)
                quote = row.get("quote")
                offset = row["start"] - document["start"]
                if (
                    text is not None
                    and isinstance(quote, str)
                    and text[offset : offset + len(quote)] == quote
                ):
                    row["quote"] = None
                written = row.get(label)
                if (
                    isinstance(written, str)
                    and written
                    and isinstance(quote, str)
                    and quote.startswith(written)
                ):
                    row[label] = len(written)
                row["end"] = row["end"] - row["start"]
                if kind == "targets" and isinstance(row.get("year"), int):
                    row["year"] -= base
                rows.append(row)
        out[kind] = encode_table(rows, groups=(_TARGET_SHAPE,) if kind == "targets" else ())
    return out


def decode_items(
    encoded: Mapping[str, Any], documents: Sequence[Mapping[str, Any]], texts: Sequence[str | None]
) -> list[dict[str, list[dict[str, Any]]]]:
    """Each document's items from ``encode_items`` (``documents`` carry their counts ``n``)."""
    out: list[dict[str, list[dict[str, Any]]]] = [{} for _ in documents]
    for position, (kind, label) in enumerate(_LABELS.items()):
        rows = iter(decode_table(encoded[kind]))
        for document, text, items in zip(documents, texts, out, strict=True):
            base = _base_year(document)
            items[kind] = []
            for _ in range(document["n"][position]):
                row = next(rows)
                row["end"] += row["start"]
                if row.get("quote") is None and text is not None:
                    offset = row["start"] - document["start"]
                    row["quote"] = text[offset : offset + row["end"] - row["start"]]
                if isinstance(row.get(label), int):
                    row[label] = row["quote"][: row[label]]
                if kind == "targets" and isinstance(row.get("year"), int):
                    row["year"] += base
                items[kind].append(row)
    return out


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _asset(name: str) -> str:
    return resources.files("summarizer").joinpath("data", name).read_text(encoding="utf-8")


def _page(title: str, meta: dict[str, Any], items: dict[str, Any], texts: list[str | None]) -> str:
    text_blocks = "\n".join(
        f'<script type="application/json" id="text-{index}">{script_json(text)}</script>'
        for index, text in enumerate(texts)
    )
    script = "\n" + _asset("report.js") + "\n"
    return _TEMPLATE.format(
        title=html.escape(title),
        css=_asset("report.css"),
        meta=script_json(meta),
        items=script_json(items),
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
    <button type="button" data-view="overview">Overview</button>
    <button type="button" data-view="indicator">Indicators</button>
    <button type="button" data-view="place">Places</button>
    <button type="button" data-view="doc">Documents</button>
  </nav>
  <input type="search" id="search" placeholder="search: indicator, place, document, item (/)" aria-label="search">
</header>
<div id="doc-bar" class="docbar" hidden>
  <div class="picker">
    <button type="button" id="prev-doc" title="previous document (p)">&#9664;</button>
    <select id="doc-picker" aria-label="document"></select>
    <button type="button" id="next-doc" title="next document (n)">&#9654;</button>
    <select id="doc-order" aria-label="order of the documents" title="as given, or by place (level, then name) and year">
      <option value="given">as given</option>
      <option value="place">by place</option>
    </select>
  </div>
</div>
<main id="overview" class="view" hidden></main>
<main id="indicator" class="view" hidden></main>
<main id="place" class="view" hidden></main>
<main id="layout" hidden>
  <section id="reader">
    <div id="doc-head"></div>
    <article id="doc-text" lang="zh-CN"></article>
  </section>
  <aside id="side">
    <div class="filters" id="filters">
      <label class="f-goal"><input type="checkbox" data-filter="goal" checked> goals 目标</label>
      <label class="f-target"><input type="checkbox" data-filter="target" checked> targets 指标</label>
      <label class="f-task"><input type="checkbox" data-filter="task" checked> tasks 任务</label>
      <span class="sep"></span>
      <label><input type="checkbox" data-filter="kind-target" checked> target 预期</label>
      <label><input type="checkbox" data-filter="kind-result" checked> result 实绩</label>
    </div>
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
<div id="search-results" hidden></div>
<div id="tip" role="tooltip" hidden></div>
<noscript><p class="noscript">This review page needs JavaScript to show the documents.</p></noscript>
<script type="application/json" id="report-data">{meta}</script>
<script>{script}</script>
<script type="application/json" id="report-items">{items}</script>
{texts}
</body>
</html>
"""
