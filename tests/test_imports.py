"""Importing a package without a submodule it can do without (httpx without its command-line client)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from summarizer.imports import import_without


def make_package(root: Path, name: str, init: str) -> None:
    package = root / name
    package.mkdir()
    (package / "__init__.py").write_text(init, encoding="utf-8")
    (package / "_cli.py").write_text("main = 'the real command-line client'\n", encoding="utf-8")


@pytest.fixture
def packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [name for name in sys.modules if name.startswith(("can_do_without", "needs_it"))]:
        del sys.modules[name]


def test_a_package_that_can_do_without_it_loads_without_it_and_it_stays_importable(packages: Path) -> None:
    make_package(
        packages, "can_do_without", "try:\n    from ._cli import main\nexcept ImportError:\n    main = None\n"
    )
    package = import_without("can_do_without", "can_do_without._cli")
    assert package.main is None
    assert "can_do_without._cli" not in sys.modules
    import can_do_without._cli  # type: ignore[import-not-found]

    assert can_do_without._cli.main == "the real command-line client"


def test_a_package_that_needs_it_is_imported_whole(packages: Path) -> None:
    make_package(packages, "needs_it", "from ._cli import main\n")
    assert import_without("needs_it", "needs_it._cli").main == "the real command-line client"
    assert sys.modules["needs_it._cli"] is not None
