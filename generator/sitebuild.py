"""The full build in one run: generation, and MkDocs for each language edition.

In:  a function that generates the Markdown (returning an exit status, and saying what it has
     written so far through the function it is given: see `Background`); the MkDocs
     configuration file of each edition (the Japanese one first: its build empties the site
     folder the English one is built into); strict or not.
Out: the built site, published only if everything succeeded; MkDocs' warnings and errors on
     stderr as `WARNING - message`; a `Timing` of the parts; an exit status of 1 when
     generation stops, a configuration is invalid, the build fails, or (strict) MkDocs warned.

`python -m generator build` does in one run what was one process for the generator and one
`mkdocs build` per edition: Python, MkDocs, Material and Python-Markdown start once, not
three times. Generation runs in a forked process while this one loads MkDocs and the
editions' configurations. MkDocs starts on the Japanese edition meanwhile (its theme, its
files), takes the navigation as soon as every document is parsed, and reads each page as soon
as it is written (`edition_stream`): the build waits for the generator only until then. The generator's
workers write the English edition while MkDocs builds the Japanese one, on the core MkDocs
(one thread) leaves idle. Where there is no `fork`, generation runs first, here.

The editions are built beside the site (`Staging`), which they replace once the build has
succeeded: a build stopped by a broken translation, found while MkDocs was already reading,
publishes nothing. It also makes strict mode strict: `mkdocs build --strict --quiet` raises
the logger's level above the warnings that strict mode counts, so it never stopped a build.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import shutil
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

LOGGER = "mkdocs"
TOOK = "took"                   # the last event: the generation's seconds


@dataclass
class Timing:
    """Seconds of a build's parts."""
    generation: float = 0.0          # the generator's own time, from start to end (its imports included)
    waited: float = 0.0              # what the build waited for it: before MkDocs could start on an edition,
                                     # and for a page not yet written when MkDocs wanted it (what it added)
    mkdocs: float = 0.0              # loading MkDocs and the configurations, and building every edition


class Background:
    """A function run in a forked process from now on. It is given a function `tell(event, words)`
    to say what it has done so far (see `cli.cmd_generate`); `until` waits for an event (or for its
    end, giving its status); `events` are those told so far (event → its words), `took` its
    seconds, `waited` the seconds spent waiting for it here. Without `fork`, it runs when first
    waited for."""

    def __init__(self, fn: Callable[[Callable[[str, str], None]], int], fork: bool = True):
        self.fn, self.pid, self.start = fn, None, time.perf_counter()
        self.events: dict[str, str] = {}
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
            pipe = os.fdopen(writer, "wb")

            def tell(event: str, words: str) -> None:
                pipe.write(f"{event}\t{words}\n".encode())
                pipe.flush()
            status = 1
            try:
                status = fn(tell)
            except BaseException:                                # a crash is printed, and fails the build
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                tell(TOOK, f"{time.perf_counter() - self.start:.6f}")
                os._exit(status)
        os.close(writer)
        self.messages = os.fdopen(reader, "rb")

    def until(self, *events: str) -> int | None:
        """Wait until one of `events` is told (none: until the end); None if the function is still
        running then, else its exit status."""
        waiting = time.perf_counter()
        if self.pid is None and self.status is None:
            self.status = self.fn(lambda event, words: self.events.__setitem__(event, words))
            self.took = time.perf_counter() - waiting
        while self.status is None and not any(event in self.events for event in events):
            line = self.messages.readline().decode()
            if line:
                event, _, words = line.rstrip("\n").partition("\t")
                self.events[event] = words
                if event == TOOK:
                    self.took = float(words)
            else:                                                # it ended
                self.messages.close()
                self.status = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        self.waited += time.perf_counter() - waiting
        return self.status


class Staging:
    """The site built beside the published one (`.<name>.building`), put in its place only when
    the whole build succeeded: a failed build leaves the site as it was."""

    def __init__(self, site_dirs: list[Path]):
        self.roots = sorted({d for d in site_dirs if not any(d != r and d.is_relative_to(r) for r in site_dirs)})

    @staticmethod
    def beside(root: Path, what: str) -> Path:
        return root.with_name(f".{root.name}.{what}")

    def staged(self, site_dir: Path) -> Path:
        root = next(r for r in self.roots if site_dir.is_relative_to(r))
        return self.beside(root, "building") / site_dir.relative_to(root)

    def publish(self) -> None:
        for root in self.roots:
            old = self.beside(root, "old")
            shutil.rmtree(old, ignore_errors=True)
            if root.exists():
                root.rename(old)
            self.beside(root, "building").rename(root)
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        for root in self.roots:
            shutil.rmtree(self.beside(root, "building"), ignore_errors=True)


class _Levelled(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<7} -  {record.getMessage()}"


def build(generate: Callable[[Callable[[str, str], None]], int], configs: list[Path], strict: bool,
          docs_dirs: dict[str, Path], background: bool = True) -> tuple[int, Timing]:
    """Generate (in the background unless not `background`), load MkDocs and each configuration
    meanwhile, then build each edition in turn: as soon as generation has written its navigation,
    reading each page once written (`edition_stream`), or, when generation says no more than
    that the edition is complete, from then on (`generate` is given the function to say so, see
    `Background`). Stop at the first failure. The site is built beside the published one, and
    replaces it only once everything succeeded (`Staging`). `docs_dirs`, the folder of each
    edition, are made first: MkDocs refuses a configuration whose docs_dir does not exist. A
    configuration whose docs_dir is none of them waits for the whole generation."""
    for folder in docs_dirs.values():
        folder.mkdir(parents=True, exist_ok=True)
    editions = {folder.resolve(): code for code, folder in docs_dirs.items()}
    timing = Timing()
    generation = Background(generate, fork=background)
    start = time.perf_counter()
    from mkdocs.commands.build import build as build_site
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    from .edition_stream import GenerationStopped, attach

    logger = logging.getLogger(LOGGER)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Levelled())
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)          # warnings shown (and counted in strict mode), not the progress
    logger.propagate = False
    staging = None
    try:
        loaded, problem = [], None
        for path in configs:
            try:
                loaded.append((path, load_config(str(path), strict=True if strict else None)))
            except MkDocsException as e:                         # an invalid configuration
                problem = f"{path}: error: {e.format_message()}"
                break
        if problem:
            status = generation.until()
            if not status:
                print(problem, file=sys.stderr)
            return status or 1, timing
        staging = Staging([Path(config.site_dir) for _, config in loaded])
        staging.discard()                                        # (what a killed build left)
        for path, config in loaded:
            config.site_dir = str(staging.staged(Path(config.site_dir)))
            code = editions.get(Path(config.docs_dir).resolve())
            if code:
                attach(config, code, generation.events, generation.until)      # MkDocs waits for it when it must
            elif generation.until():
                return generation.status, timing
            try:
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build_site(config)
                finally:
                    config.plugins.on_shutdown()
            except GenerationStopped:                            # it said why
                return generation.until() or 1, timing
            except Abort as e:                                   # strict warnings, a build error: logged above
                print(f"{path}: error: MkDocs stopped: {e.format_message()} (the messages above say what and "
                      "where)", file=sys.stderr)
                return 1, timing
        status = generation.until()
        if status == 0:
            staging.publish()
        return status, timing
    finally:
        if staging is not None:
            staging.discard()
        logger.removeHandler(handler)
        timing.generation, timing.waited = generation.took, generation.waited
        timing.mkdocs = time.perf_counter() - start - timing.waited
