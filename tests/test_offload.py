"""The CPU worker of the model path and the prompt thread switching a batch runs under."""

from __future__ import annotations

import asyncio
import multiprocessing
import sys
import threading

import pytest

from summarizer.offload import PROMPT_SWITCH_INTERVAL, off_loop, prompt_switching


def _thread_name(tag: str) -> str:
    return f"{tag} on {threading.current_thread().name}"


def test_work_runs_in_the_one_worker_thread_and_hands_back_its_result() -> None:
    async def run() -> list[str]:
        return list(await asyncio.gather(*(off_loop(_thread_name, str(n)) for n in range(4))))

    names = asyncio.run(run())
    assert [name.split(" on ")[0] for name in names] == ["0", "1", "2", "3"]
    threads = {name.split(" on ")[1] for name in names}
    assert len(threads) == 1 and threads.pop().startswith("summarizer-cpu")


def test_an_error_in_the_worker_reaches_the_caller() -> None:
    def broken() -> None:
        raise ValueError("not JSON")

    with pytest.raises(ValueError, match="not JSON"):
        asyncio.run(off_loop(broken))


def test_switching_is_prompt_inside_and_restored_when_the_last_user_leaves() -> None:
    before = sys.getswitchinterval()
    assert before > PROMPT_SWITCH_INTERVAL  # the interpreter's default, 5 ms
    with prompt_switching():
        assert sys.getswitchinterval() == pytest.approx(PROMPT_SWITCH_INTERVAL)
        with prompt_switching():
            pass
        assert sys.getswitchinterval() == pytest.approx(PROMPT_SWITCH_INTERVAL)
    assert sys.getswitchinterval() == pytest.approx(before)


def test_a_setting_changed_meanwhile_by_someone_else_is_left_alone() -> None:
    before = sys.getswitchinterval()
    try:
        with prompt_switching():
            sys.setswitchinterval(0.002)
        assert sys.getswitchinterval() == pytest.approx(0.002)
    finally:
        sys.setswitchinterval(before)


def test_switching_is_restored_after_an_error() -> None:
    before = sys.getswitchinterval()
    with pytest.raises(RuntimeError), prompt_switching():
        raise RuntimeError("the batch failed")
    assert sys.getswitchinterval() == pytest.approx(before)


def _use_the_worker_in_a_child() -> None:
    assert asyncio.run(off_loop(_thread_name, "child")).startswith("child on summarizer-cpu")


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")
def test_a_forked_child_gets_a_worker_of_its_own() -> None:
    """The parent's worker thread does not exist in a forked child (batch --workers forks): work sent
    to the inherited pool would wait forever."""
    asyncio.run(off_loop(_thread_name, "parent"))
    child = multiprocessing.get_context("fork").Process(target=_use_the_worker_in_a_child)
    child.start()
    child.join(timeout=30)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail("the forked child waited on its parent's worker thread")
    assert child.exitcode == 0
