"""Per-document work on every core.

In:  a function of one item (a document folder to parse, a document to render) and
     the list of items; the number of worker processes wanted.
Out: the function's results in the order of the items — computed by forked worker
     processes when there are enough items to pay for them, else in this process.
     The results are the same either way (a test compares the bytes written).

Workers are forked after the inputs are in memory, so they inherit them and only an
item's index travels to a worker; its result travels back pickled. Without `fork`
(or with one core, or few items) everything runs here, in order.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 8          # below this, starting workers costs more than it saves

_task: tuple[Callable, Sequence] | None = None      # what the forked workers run (inherited, not pickled)


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                          # not Linux
        return os.cpu_count() or 1


def _run(index: int):
    fn, items = _task
    return fn(items[index])


def map_items(fn: Callable[[T], R], items: Sequence[T], jobs: int = 0, min_items: int = MIN_ITEMS) -> list[R]:
    """[fn(item) for item in items], on `jobs` processes (0: one per core)."""
    global _task
    jobs = min(jobs or cores(), len(items))
    if jobs < 2 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor      # imported only when used (10 ms)
    _task = (fn, items)
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            chunk = max(1, len(items) // (jobs * 32))
            return list(pool.map(_run, range(len(items)), chunksize=chunk))
    finally:
        _task = None
