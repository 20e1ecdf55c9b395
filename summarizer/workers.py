"""Worker processes that never outlive the process that started them, and how many to start.

A batch's rules backend runs in a pool of processes. Killed (SIGKILL) or terminated (SIGTERM), the
parent cannot stop them itself, and before this they lived on, holding its output's lock and
working for no one. Each worker now asks the kernel for SIGKILL when its parent dies (Linux's
``PR_SET_PDEATHSIG``), or, where there is no such call, watches its parent and exits when it is
gone. Workers ignore Ctrl-C: the parent decides what an interrupt ends, and stops them itself.

How many: ``default_workers``. A worker helps only where a core is free for it. Measured with
``benchmarks/rules_speed.py`` (batch over the 134 corpus reports, 1 worker against 2, on 2 cores):
1.79x the files per second on an idle machine (an earlier run), and 0.5x-1.0x (no faster, often
slower) when other work kept the load average at 8-14: the extra process then only competes for the
same cores. So the
default is the cores this process may use (its CPU affinity and its cgroup's CPU quota, not the
machine's count), less those the load average says are busy, and at least one.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_PR_SET_PDEATHSIG = 1
# How often a worker without PR_SET_PDEATHSIG looks whether its parent is still there.
PARENT_CHECK_SECONDS = 0.5


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity, bounded by its cgroup's CPU quota."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = _cgroup_cpu_quota()
    if quota is not None:
        cores = min(cores, max(1, math.floor(quota)))
    return max(1, cores)


def _cgroup_cpu_quota() -> float | None:
    """The CPUs a cgroup (v2) quota allows (``cpu.max``: "200000 100000" is 2), None where unlimited."""
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text(encoding="ascii").split()[:2]
    except (OSError, ValueError):
        return None
    if quota == "max":
        return None
    try:
        return int(quota) / int(period)
    except (ValueError, ZeroDivisionError):
        return None


def default_workers() -> int:
    """Workers for a rules batch: the usable cores that the load average leaves idle, at least one."""
    cores = usable_cores()
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):
        busy = 0.0
    return max(1, min(cores, math.ceil(cores - busy)))


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
