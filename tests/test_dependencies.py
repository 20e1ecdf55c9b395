"""Every package the code imports is declared: a plain `pip install -e .` must run the model path.

(httpx once came with openai and then no longer did; the test extras installed it, so nothing but a
fresh install noticed.)"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Import name -> distribution name, where they differ.
DISTRIBUTION = {"yaml": "pyyaml", "sqlite_utils": "sqlite-utils"}


def imported_packages() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "summarizer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {name for name in names if name != "summarizer" and name not in sys.stdlib_module_names}


def declared(requirements: list[str]) -> set[str]:
    found = set()
    for requirement in requirements:
        name = requirement.split(";")[0]
        for mark in "<>=!~[ ":
            name = name.split(mark)[0]
        found.add(name.strip().lower())
    return found


def test_every_imported_package_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = declared(project["dependencies"])
    serve = declared(project["optional-dependencies"]["serve"])
    # The service's own modules may use the serve extra; everything else only the core.
    service_only = {"fastapi", "uvicorn", "starlette"}
    missing = {DISTRIBUTION.get(name, name) for name in imported_packages()} - core - (serve | service_only)
    assert missing == set()
    # The model path's HTTP is the openai SDK's own: no second client of ours.
    assert "httpx" not in core and "httpx" not in imported_packages()
    assert {"openai", "instructor"} <= imported_packages()
