"""Importing a package without a part the model path never runs."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType


def import_without(name: str, optional: str) -> ModuleType:
    """``name``, imported with its submodule ``optional`` read as missing where the package can do
    without it (it catches the ImportError), and whole where it cannot.

    ``optional`` stays importable afterwards; only the package's own reference to it is its fallback
    (``httpx.main`` is httpx's "install httpx[cli]" stub, for instance).
    """
    if name in sys.modules or optional in sys.modules:
        return importlib.import_module(name)
    sys.modules[optional] = None  # type: ignore[assignment]  # read as missing by the import system
    try:
        return importlib.import_module(name)
    except ImportError:
        _drop_placeholder(optional)
        return importlib.import_module(name)
    finally:
        _drop_placeholder(optional)


def _drop_placeholder(optional: str) -> None:
    if optional in sys.modules and sys.modules[optional] is None:
        del sys.modules[optional]
