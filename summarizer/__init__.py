"""Structured summaries of long Chinese government documents: goals, targets, tasks, grounded.

The library's names, loaded on first use so that the command line starts fast::

    from summarizer import summarize, summarize_file, asummarize, asummarize_file, Settings, Summary
    from summarizer import panel_frame, targets_frame   # pandas DataFrames: pip install 'summarizer[pandas]'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Settings",
    "Summary",
    "asummarize",
    "asummarize_file",
    "panel_frame",
    "summarize",
    "summarize_file",
    "targets_frame",
]

if TYPE_CHECKING:
    from summarizer.api import asummarize, asummarize_file, summarize, summarize_file
    from summarizer.config import Settings
    from summarizer.dataset import panel_frame, targets_frame
    from summarizer.models import Summary

_HOMES = {
    "summarize": "summarizer.api",
    "summarize_file": "summarizer.api",
    "asummarize": "summarizer.api",
    "asummarize_file": "summarizer.api",
    "Settings": "summarizer.config",
    "Summary": "summarizer.models",
    "panel_frame": "summarizer.dataset",
    "targets_frame": "summarizer.dataset",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, loaded or not, and the module's own dunders: what ``dir()`` and tab completion
    should offer (not the helpers this file imports)."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
