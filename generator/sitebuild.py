"""The full build in one run: generation, and MkDocs for each language edition.

In:  a function that generates the Markdown (returning an exit status); the MkDocs
     configuration file of each edition (the Japanese one first: its build empties the site
     folder the English one is built into); strict or not.
Out: the built site; MkDocs' warnings and errors on stderr as `WARNING - message`; a
     `Timing` of the parts; an exit status of 1 when generation stops, a configuration is
     invalid, the build fails, or (strict) MkDocs warned.

`python -m generator build` does in one run what was one process for the generator and one
`mkdocs build` per edition: Python, MkDocs, Material and Python-Markdown start once, not
three times. Generation runs in a forked process while this one loads MkDocs and the
editions' configurations (Material, the Markdown extensions: a fifth of the build of the
real documents), so the build waits for the generator only for what is left of it then.
Where there is no `fork`, generation runs first, here.

It also makes strict mode strict: `mkdocs build --strict --quiet` raises the logger's level
above the warnings that strict mode counts, so it never stopped a build.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

LOGGER = "mkdocs"


@dataclass
class Timing:
    """Seconds of a build's parts."""
    generation: float = 0.0          # the generator's own time, from start to end (its imports included)
    waited: float = 0.0              # what the build waited for it after loading MkDocs (what it added)
    mkdocs: float = 0.0              # loading MkDocs and the configurations, and building every edition


class Background:
    """A function run in a forked process from now on; `wait` gives its status and seconds.
    Without `fork`, it runs when waited for."""

    def __init__(self, fn: Callable[[], int], fork: bool = True):
        self.fn, self.pid, self.start = fn, None, time.perf_counter()
        if not fork or "fork" not in multiprocessing.get_all_start_methods():
            return
        sys.stdout.flush()
        sys.stderr.flush()
        self.pipe, writer = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:                                        # the child: run, report the seconds, exit
            os.close(self.pipe)
            gc.disable()                     # it exits right after: collecting would only walk its objects again
            status = 1
            try:
                status = fn()
            except BaseException:                                # a crash is printed, and fails the build
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os.write(writer, f"{time.perf_counter() - self.start:.6f}".encode())
                os._exit(status)
        os.close(writer)

    def wait(self) -> tuple[int, float, float]:
        """(exit status, the function's seconds, the seconds spent waiting here)."""
        waiting = time.perf_counter()
        if self.pid is None:
            status = self.fn()
            took = time.perf_counter() - waiting
            return status, took, took
        _, code = os.waitpid(self.pid, 0)
        with os.fdopen(self.pipe, "rb") as reader:
            took = float(reader.read() or 0)
        return os.waitstatus_to_exitcode(code), took, time.perf_counter() - waiting


class _Levelled(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<7} -  {record.getMessage()}"


def build(generate: Callable[[], int], configs: list[Path], strict: bool, docs_dirs: list[Path],
          background: bool = True) -> tuple[int, Timing]:
    """Generate (in the background unless not `background`), load MkDocs and each configuration
    meanwhile, then build each edition in turn; stop at the first failure. `docs_dirs`, the folders
    generation writes, are made first: MkDocs refuses a configuration whose docs_dir does not exist."""
    for folder in docs_dirs:
        folder.mkdir(parents=True, exist_ok=True)
    timing = Timing()
    generation = Background(generate, fork=background)
    start = time.perf_counter()
    from mkdocs.commands.build import build as build_site
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    logger = logging.getLogger(LOGGER)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Levelled())
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)          # warnings shown (and counted in strict mode), not the progress
    logger.propagate = False
    try:
        loaded, problem = [], None
        for path in configs:
            try:
                loaded.append((path, load_config(str(path), strict=True if strict else None)))
            except MkDocsException as e:                         # an invalid configuration
                problem = f"{path}: error: {e.format_message()}"
                break
        timing.mkdocs = time.perf_counter() - start
        status, timing.generation, timing.waited = generation.wait()
        if status:
            return status, timing
        if problem:
            print(problem, file=sys.stderr)
            return 1, timing
        start = time.perf_counter()
        try:
            for path, config in loaded:
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build_site(config)
                finally:
                    config.plugins.on_shutdown()
        except Abort as e:                                       # strict warnings, a build error: logged above
            print(f"{path}: error: MkDocs stopped: {e.format_message()} (the messages above say what and "
                  "where)", file=sys.stderr)
            return 1, timing
        finally:
            timing.mkdocs += time.perf_counter() - start
    finally:
        logger.removeHandler(handler)
    return 0, timing
