from __future__ import annotations

import os
from pathlib import Path

import pytest
from shared_corpus import CORPUS, HAVE_CORPUS

from summarizer.config import ENV_VARS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the user's settings or writes to the user's home or cache.

    Every ``SUMMARIZER_*`` and ``OPENAI_*`` variable of the shell is cleared (``SUMMARIZER_CONCURRENCY=0``
    there once failed CLI tests), and HOME and the cache point into the test's own folder.
    """
    for var in list(os.environ):
        if var.startswith(("SUMMARIZER_", "OPENAI_")) or var in ENV_VARS.values():
            monkeypatch.delenv(var, raising=False)
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    if HAVE_CORPUS:
        monkeypatch.setenv("SUMMARIZER_CORPUS", str(CORPUS))


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
