"""The site build after generation: MkDocs for each language edition, in this process.

In:  the MkDocs configuration file of each edition (the Japanese one first: its build empties
     the site folder the English one is built into), strict or not.
Out: the built site; MkDocs' warnings and errors on stderr as `WARNING - message`; the seconds
     MkDocs took (importing it included); an exit status of 1 when a configuration is invalid,
     the build fails, or (strict) MkDocs warned.

`python -m generator build` runs generation and then this in one process, instead of one
process for the generator and one `mkdocs build` per edition: Python, MkDocs, Material and
Python-Markdown start once, not three times (a third of the full build of the real
documents). It also makes strict mode strict: `mkdocs build --strict --quiet` raises the
logger's level above the warnings that strict mode counts, so it never stopped a build.
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

LOGGER = "mkdocs"


class _Levelled(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<7} -  {record.getMessage()}"


def import_mkdocs() -> float:
    """Load MkDocs' build (before generation, so that the modules both use count as MkDocs'):
    the seconds it took."""
    start = time.perf_counter()
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401
    return time.perf_counter() - start


def build_editions(configs: list[Path], strict: bool) -> tuple[int, float]:
    """Build each configuration in turn; stop at the first that fails. (status, seconds)."""
    start = time.perf_counter()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    logger = logging.getLogger(LOGGER)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Levelled())
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)          # warnings shown (and counted in strict mode), not the progress
    logger.propagate = False
    try:
        for path in configs:
            try:
                config = load_config(str(path), strict=True if strict else None)
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config)
                finally:
                    config.plugins.on_shutdown()
            except Abort as e:                           # strict warnings, a build error: logged above
                print(f"{path}: error: MkDocs stopped: {e.format_message()} (the messages above say what and "
                      "where)", file=sys.stderr)
                return 1, time.perf_counter() - start
            except MkDocsException as e:                 # an invalid configuration
                print(f"{path}: error: {e.format_message()}", file=sys.stderr)
                return 1, time.perf_counter() - start
    finally:
        logger.removeHandler(handler)
    return 0, time.perf_counter() - start
