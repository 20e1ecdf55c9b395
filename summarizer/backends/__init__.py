"""Backends turn one chunk of text into validated items; the pipeline picks one by name."""

from summarizer.backends.base import AsyncBackend, Backend, available_backends, get_backend, register_backend

__all__ = ["AsyncBackend", "Backend", "available_backends", "get_backend", "register_backend"]
