"""Running one function over many items: here, one after the other, or on a pool of processes.

In:  a function of one item, the items (and the order to start them in: the costliest first),
     and a function run once in each process before its first item (`initializer`).
Out: the results in the order of the items, the same either way. `SerialTasks` runs here (`--jobs 1`,
     and the tests, unless they test the pool); `ParallelTasks` on `concurrent.futures` with
     forked processes, which inherit what this process has in memory (the initializer's
     arguments are not pickled); only the items and the results travel between processes.
     The two have one interface, as Sphinx's `SerialTasks` and `ParallelTasks`.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Sequence


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                          # not Linux
        return os.cpu_count() or 1


class SerialTasks:
    """Each item in this process, one after the other."""

    def __init__(self, initializer: Callable[..., None] | None = None, initargs: tuple = ()):
        self.initializer, self.initargs = initializer, initargs

    def map(self, fn: Callable[[Any], Any], items: Sequence, order: Sequence[int] | None = None) -> list:
        """[fn(item) for item in items], the items taken in `order` (indexes)."""
        if self.initializer is not None:
            self.initializer(*self.initargs)
        results: list = [None] * len(items)
        for i in (order if order is not None else range(len(items))):
            results[i] = fn(items[i])
        return results


class ParallelTasks(SerialTasks):
    """Each item in one of `jobs` forked processes."""

    def __init__(self, jobs: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()):
        super().__init__(initializer, initargs)
        self.jobs = jobs

    def map(self, fn: Callable[[Any], Any], items: Sequence, order: Sequence[int] | None = None) -> list:
        """[fn(item) for item in items], the items started in `order` (indexes), each as soon as a
        process is free; the first exception raised by `fn` is raised here."""
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(self.jobs, len(items)) or 1, mp_context=context,
                                 initializer=self.initializer, initargs=self.initargs) as pool:
            futures = {i: pool.submit(fn, items[i]) for i in (order if order is not None else range(len(items)))}
            return [futures[i].result() for i in range(len(items))]


def tasks(jobs: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> SerialTasks:
    """Parallel tasks on `jobs` processes (0: one per core), or serial ones with one job (or
    where processes cannot be forked)."""
    jobs = jobs or cores()
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return SerialTasks(initializer, initargs)
    return ParallelTasks(jobs, initializer, initargs)
