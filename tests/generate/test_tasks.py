"""One function over many items: the pool and its serial twin give the same results, in the order
of the items; the pool's processes inherit what this one has in memory; a failure comes back."""
import os

import pytest

from generator.generate.tasks import ParallelTasks, SerialTasks, tasks

STATE = {}


def _remember(value):
    STATE["value"] = value


def _square_with_pid(n):
    return n * n, os.getpid(), STATE.get("value")


def _call_the_inherited(n):
    return STATE["value"]()


def _fail_on_seven(n):
    if n == 7:
        raise ValueError("item seven is broken")
    return n


def test_the_pool_and_its_serial_twin_give_the_same_results_in_the_order_of_the_items():
    order = list(range(19, -1, -1))                       # (the costliest first, say)
    here = SerialTasks(_remember, ("inherited",)).map(_square_with_pid, list(range(20)), order)
    there = ParallelTasks(2, _remember, ("inherited",)).map(_square_with_pid, list(range(20)), order)
    assert [r[0] for r in here] == [r[0] for r in there] == [n * n for n in range(20)]
    assert {r[1] for r in here} == {os.getpid()}
    assert os.getpid() not in {r[1] for r in there} and len({r[1] for r in there}) <= 2
    assert {r[2] for r in here} == {r[2] for r in there} == {"inherited"}   # the initializer ran in each


def test_the_initializer_arguments_are_inherited_not_pickled():
    unpicklable = (lambda: "made here")                     # a lambda cannot be pickled
    assert ParallelTasks(2, _remember, (unpicklable,)).map(_call_the_inherited, [1, 2, 3]) == ["made here"] * 3


def test_an_exception_in_an_item_is_raised_here():
    for runner in (SerialTasks(), ParallelTasks(2)):
        with pytest.raises(ValueError, match="item seven is broken"):
            runner.map(_fail_on_seven, list(range(10)))


def test_one_job_runs_here_and_more_run_on_a_pool():
    assert type(tasks(1)) is SerialTasks
    assert type(tasks(2)) is ParallelTasks and tasks(2).jobs == 2
    assert type(tasks(0)) is (ParallelTasks if (os.cpu_count() or 1) > 1 else SerialTasks)
