"""The command line: `python -m generator generate|check`.

In:  `docs_src/` (documents), options.
Out: generated Markdown under `build/`, diagnostics as `file:line: level: message`
     on stderr (or JSON with `--format json`), exit status 1 when the build must stop.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from .diagnostics import Reporter
from .incremental import fingerprint, remember, unchanged

# The stages are imported by the commands that use them: `make generate` with nothing
# changed then answers before loading the parser and renderer (a tenth of a second).

ROOT = Path(__file__).resolve().parent.parent


def print_diagnostics(report: Reporter, fmt: str) -> None:
    if fmt == "json":
        print(report.as_json())
    else:
        for d in report.diagnostics:
            print(d, file=sys.stderr)


def cmd_generate(args, tell: Callable[[str, str], None] | None = None) -> int:
    """Write the Markdown. `tell(event, words)`, when given, is told as soon as an edition's
    navigation is written (`plan <lang>`, with the documents' slugs in the order their pages will
    be written), as soon as a document's pages in it are (`document <lang> <slug>`), and as soon
    as the edition is complete, its corpus pages included (`edition <lang>`) — while the rest is
    still being written."""
    start = time.perf_counter()
    fp = fingerprint(args.src, ["generate", args.urls, str(args.out.resolve())])
    previous = None if args.force else unchanged(args.out, fp)
    if previous is not None:
        report = Reporter(previous)
        print_diagnostics(report, "text")
        if report.failing(args.strict):
            return 1
        print(f"generate: nothing changed, 0 file(s) rewritten in {time.perf_counter() - start:.2f} s", file=sys.stderr)
        return 0
    from .history import LastChanged
    changes = LastChanged(args.src)         # git runs while the stages are imported
    from .pipeline import Editions, Progress, load
    from .site import write_edition, write_nav
    from .urls import UrlStyle
    report = Reporter()
    editions = Editions(args.out, UrlStyle(directory=args.urls == "directories"), changes.dates())
    corpus: dict[str, list] = {"written": [], "produced": []}      # the corpus pages' files

    def planned(lang, inputs, order: list[str]) -> None:
        """Every document parsed: its navigation (unless the build stops), for MkDocs to start on."""
        if report.failing(args.strict):
            return
        write_nav([r.summary for r in inputs.documents], args.out, inputs.glossary, lang.code, corpus["written"])
        tell(f"plan {lang.code}", " ".join(order))

    def edition_done(lang, inputs) -> None:
        """The documents' part of an edition is written (the diagnostics are all known by the
        first): its corpus pages, unless the build stops."""
        if lang.is_source:
            print_diagnostics(report, "text")
        if report.failing(args.strict):
            return
        written, produced = write_edition([r.summary for r in inputs.documents], args.out, inputs.glossary,
                                          editions.urls, lang.code)
        corpus["written"] += written
        corpus["produced"] += produced
        if tell is not None:
            tell(f"edition {lang.code}", "")
    progress = Progress(edition_done=edition_done)
    if tell is not None:
        progress.planned = planned
        progress.written = lambda lang, slug: tell(f"document {lang.code} {slug}", "")
    inputs = load(args.src, report, args.out / "cache", args.jobs, editions, progress)
    if report.failing(args.strict):
        # the documents' own pages may be rewritten (each worker writes its valid document), but the
        # corpus pages and navigation are not, nothing is remembered, and MkDocs does not run
        print(f"generate: stopped — {len(report.failing(args.strict))} problem(s) "
              f"{'(warnings count as errors under --strict)' if args.strict else ''}", file=sys.stderr)
        return 1
    remember(args.out, fp, corpus["produced"], report.diagnostics)
    written = corpus["written"] + inputs.written
    print(f"generate: {len(inputs.documents)} document(s), {len(written)} file(s) rewritten "
          f"in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return 0


def cmd_build(args) -> int:
    """Generation, and MkDocs for each edition, in one run (see sitebuild): generation in a
    forked process while this one loads MkDocs, then builds each edition while it is written
    (none forked with --jobs 1: generation first, then the MkDocs builds)."""
    from .languages import LANGUAGES
    from .sitebuild import build

    def generate(tell: Callable[[str, str], None]) -> int:
        with collector_paused():
            return cmd_generate(args, tell)
    configs = args.config or [ROOT / "mkdocs.yml", ROOT / "mkdocs.en.yml"]
    status, timing = build(generate, configs, args.strict, {lang: args.out / "docs" / lang for lang in LANGUAGES},
                           background=args.jobs != 1)
    if status == 0:
        print(f"build: generation {timing.generation:.3f} s (the build waited {timing.waited:.3f} s for it, "
              f"MkDocs reading each page as it was written), MkDocs {timing.mkdocs:.3f} s "
              f"({len(configs)} edition(s))", file=sys.stderr)
    return status


def cmd_check(args) -> int:
    from .pipeline import load
    report = Reporter()
    inputs = load(args.src, report, jobs=args.jobs)
    print_diagnostics(report, args.format)
    if args.format == "text":
        for result in inputs.documents:
            slug, cov = result.summary.meta.slug, result.summary.coverage
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(result.artifacts.items()))
            print(f"artifacts: {slug}: {kinds or 'none'} (not printed on purpose)", file=sys.stderr)
            print(f"coverage: {slug} en: {cov.translated}/{cov.total} translated ({cov.percent:.1f} %), "
                  f"{cov.fuzzy} fuzzy, {cov.untranslated} untranslated; words {cov.words_translated} translated, "
                  f"{cov.words_fuzzy} fuzzy, {cov.words_untranslated} untranslated", file=sys.stderr)
    failing = report.failing(args.strict)
    if args.format == "text":
        print(f"check: {len(report.diagnostics)} problem(s), {len(failing)} failing", file=sys.stderr)
    return 1 if failing else 0


def cmd_po(args) -> int:
    """Refresh the PO files from the sources (msgmerge semantics)."""
    from .documents import discover, load_document
    from .segments import segments
    from .site import write_if_changed
    from .translation import load_po, po_path, refresh
    report = Reporter()
    docs = [load_document(folder, report, args.src.parent) for folder in discover(args.src)]
    print_diagnostics(report, "text")
    changed: list[Path] = []
    for doc in docs:
        path = po_path(args.src / doc.meta.slug, args.lang)
        shown = str(path.relative_to(args.src.parent))
        po = load_po(path, report, shown) if path.exists() else None
        if path.exists() and po is None:
            print_diagnostics(report, "text")
            return 1
        new = refresh(po, segments(doc), doc.source_path, args.lang, doc.meta.slug)
        write_if_changed(path, str(new), changed)
    print(f"po: {len(docs)} document(s), {len(changed)} PO file(s) updated", file=sys.stderr)
    return 0


def cmd_linkcheck(args) -> int:
    from .linkcheck import check_links
    report = Reporter()
    checked = check_links(args.site.resolve(), report)
    print_diagnostics(report, args.format)
    if args.format == "text":
        print(f"linkcheck: {checked} internal link(s), {len(report.diagnostics)} broken", file=sys.stderr)
    return 1 if report.diagnostics else 0


@contextmanager
def collector_paused(resume: bool = True):
    """A run builds one large tree of objects that lives until its end; the cyclic garbage
    collector would walk that tree again at every collection (about a tenth of a cold
    generation). Paused for one command only, so that a long `mkdocs serve` collects as usual;
    not `resume`d when the process ends right after (resuming would walk every object once more)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and resume:
            gc.enable()


def main(argv: list[str] | None = None, exiting: bool = False) -> int:
    """Run a command; `exiting`: the process ends right after (`python -m generator`)."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--src", type=Path, default=ROOT / "docs_src", help="documents folder")
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="output folder")
    sub = parser.add_subparsers(dest="command", required=True)
    generating = argparse.ArgumentParser(add_help=False)       # the options of generate and build
    generating.add_argument("--strict", action="store_true", help="warnings stop the build")
    generating.add_argument("--force", action="store_true", help="regenerate even if no input changed")
    generating.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core; 1: none)")
    generating.add_argument("--urls", choices=["directories", "files"], default="directories",
                            help="directory URLs (hosted site) or .html files (offline bundle opened from disk)")
    sub.add_parser("generate", parents=[generating], help="write the Markdown pages")
    b = sub.add_parser("build", parents=[generating],
                       help="generate, then build each edition with MkDocs, in one process")
    b.add_argument("-f", "--config", type=Path, action="append",
                   help="an edition's MkDocs config, Japanese first (default: mkdocs.yml, mkdocs.en.yml)")
    c = sub.add_parser("check", help="validate everything editors touch")
    c.add_argument("--strict", action="store_true", help="warnings count as errors")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core; 1: none)")
    t = sub.add_parser("po", help="refresh the translation files from the sources")
    t.add_argument("--lang", default="en")
    k = sub.add_parser("linkcheck", help="broken internal links and anchors in a built site")
    k.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    k.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    if args.command == "build":
        return cmd_build(args)             # pauses the collector for generation only, not for MkDocs
    with collector_paused(resume=not exiting):
        return {"generate": cmd_generate, "check": cmd_check, "po": cmd_po, "linkcheck": cmd_linkcheck}[args.command](args)
