"""The summarizer command run in a process of its own, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from typing import IO


def run_summarizer(
    *arguments: str,
    env: dict[str, str] | None = None,
    stdout: int | IO[str] = subprocess.PIPE,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """``python -m summarizer ARGUMENTS``: its output and errors as text, whatever its exit code."""
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *arguments],
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout,
        check=False,
    )
