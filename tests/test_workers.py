"""Per-document work on every core: same results, in order, whichever way they are computed."""
import os

from generator.workers import map_items


def _pid_and_square(n):
    return os.getpid(), n * n


def test_results_come_back_in_the_order_of_the_items_from_worker_processes():
    results = map_items(_pid_and_square, list(range(40)), jobs=2, min_items=1)
    assert [square for _, square in results] == [n * n for n in range(40)]
    assert {pid for pid, _ in results} - {os.getpid()}          # computed elsewhere, really


def test_one_job_or_few_items_run_here():
    assert {pid for pid, _ in map_items(_pid_and_square, list(range(20)), jobs=1)} == {os.getpid()}
    assert {pid for pid, _ in map_items(_pid_and_square, [1, 2, 3], jobs=2)} == {os.getpid()}


def test_a_closure_over_unpicklable_state_works_in_the_workers():
    lock_like = (lambda: None)                      # not picklable: it must be inherited, not sent
    results = map_items(lambda n: (lock_like is not None, n + 1), list(range(10)), jobs=2, min_items=1)
    assert results == [(True, n + 1) for n in range(10)]
