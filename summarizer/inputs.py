"""The inputs of ``report``, ``table`` and ``panel``: source files (summarized now) and batch outputs.

An input is a file, a folder (its ``*.txt``), a glob, or a batch's JSON Lines file (``.jsonl``),
whose lines are read one at a time. ``iter_inputs`` yields each summary as it comes, so that a
consumer that keeps only what it needs (the panel) holds one summary at a time; ``collect_entries``
keeps them all (the review page). A bad input or line is yielded as a failure and the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.load import decode_bytes, load_file, sha256_of
from summarizer.models import Summary
from summarizer.paths import path_from_text

BATCH_SUFFIX = ".jsonl"
Summarize = Callable[[Path], tuple[Summary, str]]


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
        if path.suffix.lower() == BATCH_SUFFIX:
            yield from _batch_entries(path, with_text)
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


def _batch_entries(path: Path, with_text: bool) -> Iterator[ReportEntry | Failure]:
    try:
        for line in read_batch(path):
            if isinstance(line, Summary):
                yield entry_for(line, path.parent) if with_text else ReportEntry(line, None)
            else:
                yield Failure(line.path or str(path), line.message)
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror}")
    except UnicodeDecodeError:
        yield Failure(str(path), "not UTF-8 text: is it a batch output?")


def read_batch(path: Path) -> Iterator[Summary | InputError]:
    """The summaries of a batch's JSON Lines file; a line that is not one gives an InputError instead."""
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield Summary.model_validate_json(line)
            except ValidationError as error:
                reason = "not valid JSON" if _is_json_error(error) else "not a summary (SPEC JSON)"
                yield InputError(f"line {number}: {reason}", path=path)


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
