"""Per-document work on every core, in stages: same results, in order, whichever way they are
computed; a stage is announced as soon as every item has passed it, while the workers go on."""
import os
import time

import pytest

from generator.workers import map_stages

from conftest import eventually


def _pid_and_square(n):
    return (os.getpid(), n * n), n


def _pid_and_cube(n):
    return (os.getpid(), n ** 3), None


def test_results_come_back_in_the_order_of_the_items_from_worker_processes():
    squares, cubes = map_stages([_pid_and_square, _pid_and_cube], list(range(40)), jobs=2, min_items=1)
    assert [square for _, square in squares] == [n * n for n in range(40)]
    assert [cube for _, cube in cubes] == [n ** 3 for n in range(40)]
    assert {pid for pid, _ in squares} - {os.getpid()}          # computed elsewhere, really
    # a later stage of an item runs in the process that kept what the stage before it left
    assert [pid for pid, _ in squares] == [pid for pid, _ in cubes]


def test_one_job_or_few_items_run_here_with_the_same_results():
    here = map_stages([_pid_and_square, _pid_and_cube], list(range(20)), jobs=1)
    assert {pid for stage in here for pid, _ in stage} == {os.getpid()}
    assert {pid for pid, _ in map_stages([_pid_and_square], [1, 2, 3], jobs=2)[0]} == {os.getpid()}
    there = map_stages([_pid_and_square, _pid_and_cube], list(range(20)), jobs=2, min_items=1)
    assert [[value for _, value in stage] for stage in here] == [[value for _, value in stage] for stage in there]


def test_a_closure_over_unpicklable_state_works_in_the_workers():
    lock_like = (lambda: None)                      # not picklable: it must be inherited, not sent
    results = map_stages([lambda n: ((lock_like is not None, n + 1), None)], list(range(10)), jobs=2, min_items=1)
    assert results == [[(True, n + 1) for n in range(10)]]


def test_a_stage_is_announced_while_the_workers_are_at_the_next(tmp_path):
    flag = tmp_path / "first stage announced"

    def second(n):
        """Waits (at most 20 s) for the announcement of the first stage, made in the parent."""
        return eventually(flag.exists, every=0.01), None
    announced = []

    def passed(number, results):
        announced.append((number, list(results)))
        if number == 0:
            flag.touch()
    results = map_stages([lambda n: (n, n), second], list(range(10)), jobs=2, min_items=1, passed=passed)
    assert results[1] == [True] * 10                 # the workers saw it before their second stage ended
    assert announced == [(0, list(range(10))), (1, [True] * 10)]     # each stage once, complete, in order


def test_a_failing_item_fails_the_run_with_the_workers_traceback():
    def stage(n):
        if n == 7:
            raise ValueError("item seven is broken")
        return n, None
    with pytest.raises(RuntimeError, match="(?s)worker process failed.*ValueError: item seven is broken"):
        map_stages([stage], list(range(10)), jobs=2, min_items=1)


def test_the_workers_take_the_items_in_the_order_given_each_the_next_one_left():
    def slow_first(n):
        time.sleep(1.0 if n == 3 else 0.01)
        return os.getpid(), None
    order = [3] + [i for i in range(10) if i != 3]   # item 3 (the costliest, say) is taken first
    [pids] = map_stages([slow_first], list(range(10)), jobs=2, order=order, min_items=1)
    others = {pid for i, pid in enumerate(pids) if i != 3}
    assert others == {next(pid for i, pid in enumerate(pids) if i != 3)} != {pids[3]}   # the other worker did the rest


def test_each_item_is_announced_as_it_passes_a_stage_before_the_stage_is_complete():
    heard = []

    def done(number, i, result):
        heard.append(("done", number, i, result))

    def passed(number, results):
        heard.append(("passed", number))
    for jobs in (2, 1):
        heard.clear()
        map_stages([lambda n: (n * 2, n), lambda n: (n * 3, None)], list(range(10)), jobs=jobs, min_items=1,
                   order=list(range(9, -1, -1)), done=done, passed=passed)
        firsts = [h for h in heard[:heard.index(("passed", 0))] if h[:2] == ("done", 0)]
        assert sorted(firsts) == [("done", 0, i, i * 2) for i in range(10)]     # every item of stage 0, then its end
        assert sorted(h for h in heard if h[:2] == ("done", 1)) == [("done", 1, i, i * 3) for i in range(10)]
        assert heard[-1] == ("passed", 1)
    assert [i for _, _, i, _ in firsts] == list(range(9, -1, -1))       # here (one job): in the order given
