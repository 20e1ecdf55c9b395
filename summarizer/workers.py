"""Worker processes that never outlive the process that started them.

A batch's rules backend runs in a pool of processes. Killed (SIGKILL) or terminated (SIGTERM), the
parent cannot stop them itself, and before this they lived on, holding its output's lock and
working for no one. Each worker now asks the kernel for SIGKILL when its parent dies (Linux's
``PR_SET_PDEATHSIG``), or, where there is no such call, watches its parent and exits when it is
gone. Workers ignore Ctrl-C: the parent decides what an interrupt ends, and stops them itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1
# How often a worker without PR_SET_PDEATHSIG looks whether its parent is still there.
PARENT_CHECK_SECONDS = 0.5


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes that die with this one; stopped at once if the block fails."""
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def start_worker(parent: int) -> None:
    """A worker's first act: ignore Ctrl-C, and die with ``parent``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Have this process end when ``parent`` does: SIGKILL from the kernel on Linux, else a watcher."""
    if sys.platform.startswith("linux") and _ask_kernel_for_death_signal():
        if os.getppid() != parent:  # the parent was gone before the request was made
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _ask_kernel_for_death_signal() -> bool:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what waits and kill the workers now, rather than let them finish the files they hold."""
    pool.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.kill()
