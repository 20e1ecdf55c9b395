"""The inputs of ``report``, ``table`` and ``panel``: source files (summarized now) and summaries.

An input is a file, a folder (its ``*.txt``), or a glob. What a file holds is told by its content,
not its name (``sniff``): summaries, as JSON Lines (a batch's output, read one line at a time) or as
one JSON object or array (``extract -o``, pretty or not); a text, summarized now; or something else
the package writes (a panel, a targets table, an eval report, a spreadsheet, a review page), which
is refused in one line saying what it is and what was expected. ``iter_inputs`` yields each summary as
it comes, so that a consumer that keeps only what it needs (the panel) holds one summary at a time;
``collect_entries`` keeps them all (the review page). A bad input or line is yielded as a failure
and the rest go on; a file of summaries with many bad lines says the first few and how many more.

Lines of earlier schema versions ("1", "1.1") are read, their newer fields null (``summarizer.models``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.load import decode_bytes, load_file, sha256_of
from summarizer.models import EARLIER_SCHEMA_VERSIONS, SCHEMA_VERSION, Summary
from summarizer.paths import path_from_text

BATCH_SUFFIX = ".jsonl"
Summarize = Callable[[Path], tuple[Summary, str]]
EXPECTED = "expected texts to summarize, or summaries (a batch's .jsonl or an extract's .json)"
# Bad lines of a file of summaries said one by one; the rest are counted in one more line.
BAD_LINES_SHOWN = 3
# How much of a file is read to tell what it is.
SNIFF_BYTES = 1 << 16

_SUMMARY_KEYS = frozenset({"schema_version", "source", "sha256", "documents"})
_PANEL_KEYS = frozenset({"place", "indicator_id", "measure", "year", "status"})
_TABLE_KEYS = frozenset({"source", "document_index", "indicator", "indicator_id", "kind", "quote"})
_EVAL_KEYS = frozenset({"backend", "groups", "files"})
Kind = Literal["summaries", "summary", "text", "other"]


@dataclass(frozen=True)
class ReportEntry:
    """A file's summary and its text; ``text`` is None when the source could not be had (``note`` says why)."""

    summary: Summary
    text: str | None
    note: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input, or a line of a batch, that gave no summary."""

    name: str
    reason: str


@dataclass
class Collected:
    entries: list[ReportEntry] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def iter_inputs(
    inputs: list[str],
    settings: Settings,
    *,
    with_text: bool = True,
    summarize: Summarize | None = None,
) -> Iterator[ReportEntry | Failure]:
    """Each input's entries in the order given (a batch's in its lines' order), or its failure."""
    from summarizer.batch import expand_inputs

    paths, missing = expand_inputs(inputs)
    for name, reason in missing:
        yield Failure(name, reason)
    summarize_now = summarize
    for path in paths:
        kind, what = sniff(path)
        if kind == "summaries":
            yield from _batch_entries(path, with_text)
            continue
        if kind == "summary":
            yield from _json_entries(path, with_text)
            continue
        if kind == "other":
            yield Failure(str(path), f"{what}, not an input: {EXPECTED}")
            continue
        if summarize_now is None:
            summarize_now = _summarizer(settings)  # a backend only when a source needs one
        try:
            summary, text = summarize_now(path)
        except SummarizerError as error:
            yield Failure(str(path), error.message)
            continue
        yield ReportEntry(summary, text if with_text else None)


def collect_entries(
    inputs: list[str],
    settings: Settings,
    *,
    with_text: bool = True,
    summarize: Summarize | None = None,
) -> Collected:
    """Every entry of the inputs, and every failure."""
    collected = Collected()
    for item in iter_inputs(inputs, settings, with_text=with_text, summarize=summarize):
        if isinstance(item, Failure):
            collected.failures.append((item.name, item.reason))
        else:
            collected.entries.append(item)
    return collected


def _summarizer(settings: Settings) -> Summarize:
    from summarizer.backends import get_backend
    from summarizer.pipeline import summarize_source

    backend = get_backend(settings.backend, settings)

    def summarize(path: Path) -> tuple[Summary, str]:
        source = load_file(path)
        return summarize_source(source, settings, backend=backend), source.text

    return summarize


def sniff(path: Path) -> tuple[Kind, str]:
    """What a file holds, told by its first bytes and first line, and how to say it in a message."""
    try:
        with path.open("rb") as file:
            head = file.read(SNIFF_BYTES)
    except OSError:
        return "text", "a text"  # load_file says why it cannot be read
    if head.startswith(b"PK\x03\x04"):
        return "other", "a spreadsheet or zip archive (a panel's .xlsx?)"
    if head.startswith(b"SQLite format 3\x00"):
        return "other", "an SQLite database (a panel's or table's .db?)"
    if head.startswith(b"PAR1"):
        return "other", "a Parquet file (a panel's or table's .parquet?)"
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    first = body.split(b"\n", 1)[0].strip()
    if body[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "other", "an HTML page (a review page of summarizer report?)"
    if first.startswith((b"{", b"[")):
        return _sniff_json(path, first)
    header = first.decode("utf-8", "replace").split(",")
    if {"place", "indicator_id", "status"} <= set(header):
        return "other", "a panel (CSV of summarizer panel)"
    if {"source", "document_index", "indicator_id"} <= set(header):
        return "other", "a targets table (CSV of summarizer table)"
    return "text", "a text"


def _sniff_json(path: Path, first: bytes) -> tuple[Kind, str]:
    try:
        row = json.loads(first)
    except ValueError:
        row = None
    if isinstance(row, dict):  # a whole object on the first line: JSON Lines
        return _kind_of_row(row, lines=True)
    try:
        whole = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError):
        return "text", "a text"  # not JSON after all: read as the text it is
    if isinstance(whole, list) and whole and all(isinstance(item, dict) for item in whole):
        kind, what = _kind_of_row(whole[0], lines=False)
        return ("summary", "summaries") if kind == "summaries" else (kind, what)
    if isinstance(whole, dict):
        kind, what = _kind_of_row(whole, lines=False)
        return ("summary", "a summary") if kind == "summaries" else (kind, what)
    return "other", "JSON that holds no summary"


def _kind_of_row(row: dict[str, Any], *, lines: bool) -> tuple[Kind, str]:
    keys = set(row)
    if keys >= _SUMMARY_KEYS or {"schema_version", "documents"} <= keys:
        return "summaries", "summaries"
    if keys >= _PANEL_KEYS:
        return "other", "a panel (JSON Lines of summarizer panel)"
    if keys >= _TABLE_KEYS:
        return "other", "a targets table (JSON Lines of summarizer table)"
    if keys >= _EVAL_KEYS:
        return "other", "an eval report (summarizer eval --json)"
    return "other", "JSON Lines that hold no summary" if lines else "JSON that holds no summary"


def _json_entries(path: Path, with_text: bool) -> Iterator[ReportEntry | Failure]:
    """The summaries of one JSON document: an extract's object, or an array of them (extract --pretty)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror}")
        return
    for number, item in enumerate(data if isinstance(data, list) else [data], start=1):
        try:
            summary = Summary.model_validate(item)
        except ValidationError:
            where = f"item {number}: " if isinstance(data, list) else ""
            yield Failure(str(path), f"{where}{_not_a_summary(item)}")
            continue
        yield entry_for(summary, path.parent) if with_text else ReportEntry(summary, None)


def _batch_entries(path: Path, with_text: bool) -> Iterator[ReportEntry | Failure]:
    bad = 0
    try:
        for line in read_batch(path):
            if isinstance(line, Summary):
                yield entry_for(line, path.parent) if with_text else ReportEntry(line, None)
                continue
            bad += 1
            if bad <= BAD_LINES_SHOWN:
                yield Failure(line.path or str(path), line.message)
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror}")
    except UnicodeDecodeError:
        yield Failure(str(path), "not UTF-8 text, so not summaries")
    if bad > BAD_LINES_SHOWN:
        yield Failure(str(path), f"and {bad - BAD_LINES_SHOWN} more lines that are not summaries")


def read_batch(path: Path) -> Iterator[Summary | InputError]:
    """The summaries of a batch's JSON Lines file; a line that is not one gives an InputError instead."""
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield Summary.model_validate_json(line)
            except ValidationError as error:
                reason = "not valid JSON" if _is_json_error(error) else _not_a_summary(_json_or_none(line))
                yield InputError(f"line {number}: {reason}", path=path)


def _json_or_none(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def _not_a_summary(item: Any) -> str:
    """Why a JSON value is not a summary, for a message; a newer schema says to update."""
    version = item.get("schema_version") if isinstance(item, dict) else None
    known = (*EARLIER_SCHEMA_VERSIONS, SCHEMA_VERSION)
    if version is not None and version not in known:
        return (
            f"a summary of schema {version}, which this summarizer does not read (it reads "
            f"{', '.join(known)}): update summarizer"
        )
    return "not a summary (see docs/output.md)"


def _is_json_error(error: ValidationError) -> bool:
    return any(detail["type"] == "json_invalid" for detail in error.errors())


def entry_for(summary: Summary, batch_dir: Path | None = None) -> ReportEntry:
    """A batch summary with its source text, read again; without it when the file is gone or changed."""
    named = path_from_text(summary.source)
    candidates = [named]
    if batch_dir is not None and not named.is_absolute():
        candidates.append(batch_dir / named)
    found = next((path for path in candidates if path.is_file()), None)
    if found is None:
        return ReportEntry(summary, None, "source file not found: the items are shown without the text")
    try:
        data = found.read_bytes()
        if sha256_of(data) != summary.sha256:
            return ReportEntry(
                summary, None, "source file changed since it was summarized (sha256 differs): items only"
            )
        return ReportEntry(summary, decode_bytes(data, str(found)))
    except (OSError, SummarizerError) as error:
        return ReportEntry(summary, None, f"source file unreadable ({error}): the items are shown without it")
