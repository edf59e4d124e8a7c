"""The full build in one run: generation, and MkDocs for each language edition.

In:  a function that generates the Markdown (returning an exit status, and saying when each
     edition is written through the function it is given); the MkDocs
     configuration file of each edition (the Japanese one first: its build empties the site
     folder the English one is built into); strict or not.
Out: the built site; MkDocs' warnings and errors on stderr as `WARNING - message`; a
     `Timing` of the parts; an exit status of 1 when generation stops, a configuration is
     invalid, the build fails, or (strict) MkDocs warned.

`python -m generator build` does in one run what was one process for the generator and one
`mkdocs build` per edition: Python, MkDocs, Material and Python-Markdown start once, not
three times. Generation runs in a forked process while this one loads MkDocs and the
editions' configurations (Material, the Markdown extensions: a fifth of the build of the
real documents), so the build waits for the generator only for what is left of it then. And
each edition is built as soon as it is written: the generator's workers write the English
edition while MkDocs builds the Japanese one, on the core MkDocs (one thread) leaves idle.
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
    waited: float = 0.0              # what the build waited for it before each edition (what it added)
    mkdocs: float = 0.0              # loading MkDocs and the configurations, and building every edition


class Background:
    """A function run in a forked process from now on. It is given a function to call with a
    language code when that edition is written; `until` waits for that (or for its end, giving its
    status); `took` is then its seconds, `waited` the seconds spent waiting for it here. Without
    `fork`, it runs when first waited for."""

    def __init__(self, fn: Callable[[Callable[[str], None]], int], fork: bool = True):
        self.fn, self.pid, self.start = fn, None, time.perf_counter()
        self.ready: set[str] = set()
        self.status: int | None = None
        self.took = self.waited = 0.0
        if not fork or "fork" not in multiprocessing.get_all_start_methods():
            return
        sys.stdout.flush()
        sys.stderr.flush()
        reader, writer = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:                                        # the child: run, report the seconds, exit
            os.close(reader)
            gc.disable()                     # it exits right after: collecting would only walk its objects again
            status = 1
            try:
                status = fn(lambda code: os.write(writer, f"ready {code}\n".encode()))
            except BaseException:                                # a crash is printed, and fails the build
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os.write(writer, f"took {time.perf_counter() - self.start:.6f}\n".encode())
                os._exit(status)
        os.close(writer)
        self.messages = os.fdopen(reader, "rb")

    def until(self, code: str | None = None) -> int | None:
        """Wait until the edition `code` is written (None: until the end); None if the function is
        still running then, else its exit status."""
        waiting = time.perf_counter()
        if self.pid is None and self.status is None:
            self.status = self.fn(lambda code: None)
            self.took = time.perf_counter() - waiting
        while self.status is None and (code is None or code not in self.ready):
            line = self.messages.readline().decode()
            if line.startswith("ready "):
                self.ready.add(line.split()[1])
            elif line.startswith("took "):
                self.took = float(line.split()[1])
            elif not line:                                       # it ended
                self.messages.close()
                self.status = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        self.waited += time.perf_counter() - waiting
        return self.status


class _Levelled(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<7} -  {record.getMessage()}"


def build(generate: Callable[[Callable[[str], None]], int], configs: list[Path], strict: bool,
          docs_dirs: dict[str, Path], background: bool = True) -> tuple[int, Timing]:
    """Generate (in the background unless not `background`), load MkDocs and each configuration
    meanwhile, then build each edition in turn, as soon as generation says it is written
    (`generate` is given the function to say so, with the edition's language); stop at the first
    failure. `docs_dirs`, the folder of each edition, are made first: MkDocs refuses a
    configuration whose docs_dir does not exist. A configuration whose docs_dir is none of them
    waits for the whole generation."""
    for folder in docs_dirs.values():
        folder.mkdir(parents=True, exist_ok=True)
    editions = {folder.resolve(): code for code, folder in docs_dirs.items()}
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
        if problem:
            status = generation.until(None)
            if not status:
                print(problem, file=sys.stderr)
            return status or 1, timing
        for path, config in loaded:
            status = generation.until(editions.get(Path(config.docs_dir).resolve()))
            if status:
                return status, timing
            try:
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build_site(config)
                finally:
                    config.plugins.on_shutdown()
            except Abort as e:                                   # strict warnings, a build error: logged above
                print(f"{path}: error: MkDocs stopped: {e.format_message()} (the messages above say what and "
                      "where)", file=sys.stderr)
                return 1, timing
        return generation.until(None), timing
    finally:
        logger.removeHandler(handler)
        timing.generation, timing.waited = generation.took, generation.waited
        timing.mkdocs = time.perf_counter() - start - timing.waited
