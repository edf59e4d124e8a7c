"""The site: both editions built by MkDocs at the same time, their links checked, then published.

In:  each edition's MkDocs configuration (the Japanese one first: the other editions' site
     folders lie inside its), strict or not, the number of processes, a scratch folder.
Out: the published site — replaced only when every edition built and every internal link and
     anchor of the whole site resolves (`staging`); MkDocs' warnings and errors on stderr as
     `WARNING - message`, a broken link as `site/page.html:line: error: …`; a `Timing`; an exit
     status of 1 when a configuration is invalid, a build fails, (strict) MkDocs warned, or a
     link is broken.

Each edition is built in a process of its own (`generate.tasks`; one after the other with one
job), into its own staged folder: MkDocs empties the folder it builds into, so two editions
cannot share one while they are built. The generator's raw HTML blocks are set aside for
Python-Markdown without parsing them again (`rawhtml`).
"""
from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Reporter
from ..generate.tasks import tasks
from .linkcheck import check_links
from .pdf import PdfTiming, Printed, write_pdfs
from .staging import Staging

LOGGER = "mkdocs"


@dataclass(frozen=True)
class Edition:
    """One edition to build: its configuration, where to build it, how strictly."""
    config: Path
    staged: Path
    strict: bool


@dataclass(frozen=True)
class Built:
    """What building an edition gave: its site folder (as configured), its status, why it failed."""
    site_dir: str
    status: int
    problem: str = ""
    site_url: str = ""               # as configured (the PDFs' links)
    language: str = ""               # the theme's


@dataclass
class Timing:
    """Seconds of the parts of publishing."""
    mkdocs: float = 0.0              # every edition built
    processes: int = 1               # how many were built at the same time
    linkcheck: float = 0.0
    links: int = 0                   # internal links checked
    pdf: PdfTiming | None = None     # the PDFs (`pdf`), when built


class _Levelled(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<7} -  {record.getMessage()}"


def build_edition(edition: Edition) -> Built:
    """Build one edition with MkDocs into its staged folder (run in a process of its own)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    from .rawhtml import GeneratedHtmlExtension
    logger = logging.getLogger(LOGGER)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Levelled())
    logger.addHandler(handler)
    # the warnings shown (and counted in strict mode), not the progress: `mkdocs build --strict
    # --quiet` would raise the level above the warnings strict mode counts
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        try:
            config = load_config(str(edition.config), strict=True if edition.strict else None)
        except MkDocsException as e:                               # an invalid configuration
            return Built("", 1, f"{edition.config}: error: {e.format_message()}")
        site_dir, config.site_dir = config.site_dir, str(edition.staged)
        config.markdown_extensions.append(GeneratedHtmlExtension())
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except Abort as e:                                         # strict warnings, a build error: logged above
            return Built(site_dir, 1, f"{edition.config}: error: MkDocs stopped: {e.format_message()} "
                                      "(the messages above say what and where)")
        finally:
            config.plugins.on_shutdown()
        return Built(site_dir, 0, "", config.site_url or "", config.theme.get("language") or "")
    finally:
        logger.removeHandler(handler)
        sys.stderr.flush()


def _shown(path: Path) -> str:
    """A folder as messages name it: from the working directory when it is inside."""
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def _printed(built: list[Built], staging: Staging) -> list[Printed]:
    """Each assembled edition with the site it is part of, for its PDFs."""
    url = {Path(b.site_dir).resolve(): b.site_url for b in built}
    out = []
    for b in built:
        site_dir = Path(b.site_dir).resolve()
        root = staging.root_of(site_dir)
        out.append(Printed(staging.assembled(root) / site_dir.relative_to(root), b.language,
                           staging.assembled(root), url[root]))
    return out


def publish(configs: list[Path], strict: bool, jobs: int, scratch: Path,
            pdf_cache: Path | None = None) -> tuple[int, Timing]:
    """Build every edition (side by side), print its documents' PDFs (with `pdf_cache`), check the
    links of the whole site, and only then put it in place of the published one; otherwise leave that
    as it was."""
    timing = Timing()
    start = time.perf_counter()
    editions = [Edition(path, scratch / str(i), strict) for i, path in enumerate(configs)]
    Staging([], scratch).discard()                                 # (what a killed build left)
    try:
        runner = tasks(min(jobs or len(editions), len(editions)))
        timing.processes = getattr(runner, "jobs", 1)
        built = runner.map(build_edition, editions)
        timing.mkdocs = time.perf_counter() - start
        failed = [b.problem for b in built if b.status]
        if failed:
            print("\n".join(failed), file=sys.stderr)
            return 1, timing
        staging = Staging([Path(b.site_dir) for b in built], scratch)
        staging.recover()
        staging.assemble()
        if pdf_cache is not None:
            timing.pdf = write_pdfs(_printed(built, staging), pdf_cache)
        start = time.perf_counter()
        report = Reporter()
        for root in staging.roots:
            timing.links += check_links(staging.assembled(root), report, _shown(root))
        timing.linkcheck = time.perf_counter() - start
        if report.diagnostics:
            print("\n".join(str(d) for d in report.diagnostics), file=sys.stderr)
            print(f"publish: {len(report.diagnostics)} broken link(s); the site was not published", file=sys.stderr)
            return 1, timing
        staging.publish()
        return 0, timing
    finally:
        Staging([], scratch).discard()
