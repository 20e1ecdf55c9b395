"""One exception root for the package; the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations

from pathlib import Path

from summarizer.paths import path_text


class SummarizerError(Exception):
    """Root of every error the package raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path_text(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class SummarizerWarning(UserWarning):
    """Something the user should know that does not stop the run (a damaged cache set aside); the CLI
    prints it as one ``warning:`` line."""


class InputError(SummarizerError):
    """A file that cannot be read as a document: missing, a directory, empty, binary, undecodable."""

    exit_code = 2


class ConfigError(SummarizerError):
    """Settings that do not make sense: an unknown backend, a missing model endpoint."""

    exit_code = 2


class OutputError(SummarizerError):
    """An output that cannot or may not be written: held by another run, not to be replaced, a write error."""

    exit_code = 4


class BackendError(SummarizerError):
    """A backend could not process a chunk, after its retries."""

    exit_code = 3

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        chunk: tuple[int, int] | None = None,
        attempts: int | None = None,
        usage: dict[str, int] | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.chunk = chunk
        self.attempts = attempts
        # What the failed chunk's calls cost (llm_calls, failed_calls, retries, tokens): they count too.
        self.usage = usage or {}


class BackendCrash(BackendError):
    """A backend raised what no backend should (a plugin's bug): the file fails, not only the chunk."""
