"""The model path's reading of replies, off the event loop.

The event loop sends requests and receives replies; when it also read each reply (some milliseconds
of parsing and number grammar), eight replies arriving together held back the next eight requests. So
replies are read in one worker thread, and while a batch runs the interpreter switches threads every
half millisecond instead of every five, so that a reply being read holds the loop back by no more than
that. One worker, not the default pool: with a thread per reply the loop would wait its turn behind
all of them. (Cutting and assembling files stay on the loop: in the worker they cost more memory, in
a second malloc arena, and saved no time.)
"""

from __future__ import annotations

import asyncio
import math
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# How often the interpreter hands the GIL between threads while a batch runs (seconds).
PROMPT_SWITCH_INTERVAL = 0.0005

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_prompt_users = 0
_interval_before = 0.0
_lowered = False


def _worker() -> ThreadPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(1, thread_name_prefix="summarizer-cpu")
        return _pool


def _start_afresh_after_fork() -> None:
    """In a forked child the worker thread does not exist (a new one is made on first use), a lock may
    be held by a thread of the parent, and no batch of the child lowered the switch interval."""
    global _pool, _prompt_users, _lock
    if _prompt_users and _lowered:
        sys.setswitchinterval(_interval_before)
    _pool, _prompt_users, _lock = None, 0, threading.Lock()


os.register_at_fork(after_in_child=_start_afresh_after_fork)


async def off_loop(function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``function(*args, **kwargs)``, run in the CPU worker thread."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_worker(), lambda: function(*args, **kwargs))


@contextmanager
def prompt_switching() -> Iterator[None]:
    """Threads switch at least every ``PROMPT_SWITCH_INTERVAL`` inside. When the last of any overlapping
    users leaves, the setting before is restored, unless someone else has changed it meanwhile."""
    global _prompt_users, _interval_before, _lowered
    with _lock:
        if _prompt_users == 0:
            _interval_before = sys.getswitchinterval()
            _lowered = _interval_before > PROMPT_SWITCH_INTERVAL
            if _lowered:
                sys.setswitchinterval(PROMPT_SWITCH_INTERVAL)
        _prompt_users += 1
    try:
        yield
    finally:
        with _lock:
            _prompt_users -= 1
            if (
                _prompt_users == 0
                and _lowered
                and math.isclose(sys.getswitchinterval(), PROMPT_SWITCH_INTERVAL)
            ):
                sys.setswitchinterval(_interval_before)
