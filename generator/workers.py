"""Per-document work on every core, in stages.

In:  the stages of the work on one item (the first takes the item, each later one what the
     stage before it kept of that item, in the same process), the items with the order to take
     them in (the costliest first), the number of worker processes wanted, and functions to call
     as soon as an item has passed a stage, and as soon as every item has.
Out: each stage's results in the order of the items, computed by forked worker processes when
     there are enough items to pay for them, else in this process. The results are the same
     either way (a test compares the bytes written).

Each worker is forked after the inputs are in memory, so it inherits them (functions and
closures included: nothing is sent to it). The workers take the items one by one through the
first stage, in the order given (the costliest first), each the next one left, so that they
finish together; then each passes the items it took through the later stages, keeping what the
next stage needs of an item in its own memory. Each result is sent back pickled as soon as it is made. So this
process hears that a stage is finished (the Japanese edition, say) while the workers go on
with the next (the English one). Without `fork` (or with one core, or few items) everything
runs here, stage after stage.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from typing import Any, Callable, Sequence

MIN_ITEMS = 8          # below this, starting workers costs more than it saves

Stage = Callable[[Any], tuple[Any, Any]]     # what one item kept so far → (its result, what the next stage gets)
Passed = Callable[[int, list], None]         # (stage number, every item's result of that stage)
Done = Callable[[int, int, Any], None]       # (stage number, item index, its result of that stage)

_FAILED = -1                                 # the stage number of a worker's report of an exception


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                          # not Linux
        return os.cpu_count() or 1


def _work(stages: Sequence[Stage], items: Sequence, order: list[int], taken, conn) -> None:
    """A worker: takes the next item in `order` not yet `taken` by another through the first stage
    until none is left, then its own items through each later stage; sends each result as
    (stage, index, result)."""
    try:
        mine = []                                # (index, what the next stage gets)
        while True:
            with taken.get_lock():
                n = taken.value
                taken.value += 1
            if n >= len(order):
                break
            result, kept = stages[0](items[order[n]])
            conn.send((0, order[n], result))
            mine.append((order[n], kept))
        for number, stage in enumerate(stages[1:], 1):
            for j, (i, kept) in enumerate(mine):
                result, kept = stage(kept)
                conn.send((number, i, result))
                mine[j] = (i, kept)
    except BaseException:
        conn.send((_FAILED, -1, traceback.format_exc()))
    finally:
        conn.close()


def map_stages(stages: Sequence[Stage], items: Sequence, jobs: int = 0, order: Sequence[int] | None = None,
               passed: Passed | None = None, min_items: int | None = None, done: Done | None = None) -> list[list]:
    """For each stage, [result of that stage for item in items], on `jobs` processes (0: one per
    core), the items taken in `order` (indexes; default: as given); here, `done(k, i, result)` is
    called as soon as item i has passed stage k, and `passed(k, results)` once every item has, in
    stage order. Fewer than `min_items` items (default `MIN_ITEMS`) run here, stage after stage."""
    jobs = min(jobs or cores(), len(items))
    min_items = MIN_ITEMS if min_items is None else min_items
    results: list[list] = [[None] * len(items) for _ in stages]
    order = list(order) if order is not None else list(range(len(items)))
    if jobs < 2 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        kept = list(items)
        for number, stage in enumerate(stages):
            for i in order:
                results[number][i], kept[i] = stage(kept[i])
                if done:
                    done(number, i, results[number][i])
            if passed:
                passed(number, results[number])
        return results
    from multiprocessing.connection import wait      # imported only when used
    context = multiprocessing.get_context("fork")
    taken = context.Value("q", 0)                # how many items of `order` the workers have taken
    workers = {}
    for _ in range(jobs):
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(stages, items, order, taken, writer), daemon=True)
        process.start()
        writer.close()
        workers[reader] = process
    counts, announced = [0] * len(stages), 0
    try:
        while workers:
            for reader in wait(list(workers)):
                try:
                    number, i, result = reader.recv()
                except EOFError:                     # its share done (or it died: then items are missing)
                    workers.pop(reader).join()
                    continue
                if number == _FAILED:
                    raise RuntimeError(f"a worker process failed:\n{result}")
                results[number][i] = result
                counts[number] += 1
                if done:
                    done(number, i, result)
                while announced < len(stages) and counts[announced] == len(items):
                    if passed:
                        passed(announced, results[announced])
                    announced += 1
        if announced < len(stages):
            raise RuntimeError("a worker process ended before its share was done (killed, or out of memory?)")
    finally:
        for process in workers.values():
            process.terminate()
            process.join()
    return results
