"""The command line: `python -m generator generate|build|check|po|outline|table-draft|linkcheck`.

In:  `docs_src/` (documents), options.
Out: generated Markdown under `build/` (`generate`), and the site (`build`: generate, then publish);
     diagnostics as `file:line: level: message [code]` on stderr (or JSON with `--format json`),
     exit status 1 when the build must stop. Commands that write into the output folder hold its
     lock (`generate.lock`): a second one started meanwhile stops with a message.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .diagnostics import Reporter
from .generate.incremental import fingerprint, remember, unchanged
from .generate.lock import BuildLock, Busy

# The stages are imported by the commands that use them: `make generate` with nothing
# changed then answers before loading the parser and renderer (a tenth of a second).

ROOT = Path(__file__).resolve().parent.parent


def print_diagnostics(report: Reporter, fmt: str, todo: bool = True) -> None:
    """Every diagnostic, one line each (or JSON); without `todo`, the work not yet done as one line
    per file (`make check` lists it)."""
    if fmt == "json":
        print(report.as_json())
        return
    pending: dict[str, list] = {}
    for d in report.diagnostics:
        if d.todo and not todo:
            pending.setdefault(d.file, []).append(d)
        else:
            print(d, file=sys.stderr)
    for file, found in pending.items():
        what = ("no translation yet" if any(d.code == "po-missing" for d in found)
                else f"{len(found)} segment(s) not translated yet or to review")
        print(f"{file}: notice: {what}; the English pages show the Japanese there, marked as in preparation "
              "(`make check` lists what to do) [translation-pending]", file=sys.stderr)


def cmd_generate(args) -> int:
    """Write the Markdown of both editions: every document (from the cache when unchanged), then the
    corpus pages; nothing but the documents' own pages when a problem stops the build."""
    start = time.perf_counter()
    fp = fingerprint(args.src, ["generate", args.urls, str(args.out.resolve())] + (["pdf"] if args.pdf else []))
    previous = None if args.force else unchanged(args.out, fp)
    if previous is not None:
        report = Reporter(previous)
        print_diagnostics(report, "text", todo=args.require_translation)
        if report.failing(args.strict, args.require_translation):
            return 1
        print(f"generate: nothing changed, 0 file(s) rewritten in {time.perf_counter() - start:.2f} s", file=sys.stderr)
        return 0
    from .generate.history import LastChanged
    changes = LastChanged(args.src)         # git runs while the stages are imported
    from .edition.corpus import write_edition
    from .generate.pipeline import Editions, load
    from .render.languages import LANGUAGES
    from .render.urls import UrlStyle
    report = Reporter()
    editions = Editions(args.out, UrlStyle(directory=args.urls == "directories"), changes.dates(), args.pdf)
    inputs = load(args.src, report, args.out / "cache", args.jobs, editions)
    print_diagnostics(report, "text", todo=args.require_translation)
    failing = report.failing(args.strict, args.require_translation)
    if failing:
        # the documents' own pages may be rewritten (each valid document's), but the corpus pages
        # and navigation are not, nothing is remembered, and MkDocs does not run
        print(f"generate: stopped — {len(failing)} problem(s) "
              f"{'(warnings count as errors under --strict)' if args.strict else ''}", file=sys.stderr)
        return 1
    written, produced = list(inputs.written), []
    for code in LANGUAGES:
        rewritten, files = write_edition([r.summary for r in inputs.documents], args.out, inputs.glossary,
                                         editions.urls, code)
        written += rewritten
        produced += files
    remember(args.out, fp, produced, report.diagnostics)
    print(f"generate: {len(inputs.documents)} document(s), {len(written)} file(s) rewritten "
          f"in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return 0


def cmd_build(args) -> int:
    """Generate, then build both editions side by side, check every link, and publish the site."""
    from .publish.site import publish
    start = time.perf_counter()
    with collector_paused():                # (generation only: MkDocs collects as usual)
        status = cmd_generate(args)
    if status:
        print("build: generation stopped (its messages above say why); nothing is published", file=sys.stderr)
        return status
    generated = time.perf_counter() - start
    configs = args.config or [ROOT / "mkdocs.yml", ROOT / "mkdocs.en.yml"]
    status, timing = publish(configs, args.strict, args.jobs, args.out / "staging",
                             args.out / "cache" / "pdf" if args.pdf else None)
    if timing.pdf is not None:
        print(f"build: PDFs {timing.pdf.seconds:.2f} s ({timing.pdf.printed} printed, {timing.pdf.reused} "
              f"unchanged, from the cache)", file=sys.stderr)
    if status == 0:
        print(f"build: generation {generated:.2f} s, MkDocs {timing.mkdocs:.2f} s ({len(configs)} edition(s), "
              f"{'side by side' if timing.processes > 1 else 'one after the other'}), link check "
              f"{timing.linkcheck:.2f} s ({timing.links} internal links); site published", file=sys.stderr)
    return status


def cmd_check(args) -> int:
    """Validate everything editors touch; print the coverage of each document."""
    from .generate.pipeline import load
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
    failing = report.failing(args.strict, args.require_translation)
    if args.format == "text":
        print(f"check: {len(report.diagnostics)} problem(s), {len(failing)} failing", file=sys.stderr)
    return 1 if failing else 0


def cmd_po(args) -> int:
    """Refresh the PO files from the sources (msgmerge semantics), then fill their empty entries from
    the translation memory of every PO file (fuzzy); a document with any error in its source,
    metadata, tables or PO file is left as it is (so no translation is ever lost), and the command fails."""
    from .edition.files import write_if_changed
    from .parse.documents import VERSIONS_NAME, discover, load_document, load_versions
    from .translate.catalog import duplicate_entries, load_po, po_path, refresh
    from .translate.memory import Memory
    from .translate.segments import segments
    report = Reporter()
    folders = discover(args.src, report)
    changed: list[Path] = []
    skipped, filled = 0, 0
    memory, ready = Memory(), []
    for folder in folders:
        mine = Reporter()
        doc = load_document(folder, mine, args.src.parent)
        path = po_path(args.src / doc.meta.slug, args.lang)
        texts = [(doc, path, True)] + [        # (an earlier version's PO file is refreshed once it exists)
            (version, po_path(folder / VERSIONS_NAME / date, args.lang), False)
            for date, version in load_versions(folder, doc.meta, mine, args.src.parent)]
        mine_ready = []
        for text, path, current in texts:
            shown = str(path.relative_to(args.src.parent))
            if not current and not path.exists():
                continue
            po = load_po(path, mine, shown) if path.exists() or path.is_symlink() else None
            if po is not None:
                duplicate_entries(po, shown, mine)
                memory.add(po, doc.meta.slug)      # a PO file that does not read is no source of the memory
            mine_ready.append((text, path, shown, po))
        report.diagnostics.extend(mine.diagnostics)
        if any(d.is_error() for d in mine.diagnostics):
            skipped += 1
            continue
        ready += mine_ready
    print_diagnostics(report, "text")
    for doc, path, shown, po in ready:
        new = refresh(po, segments(doc), doc.source_path, args.lang, doc.meta.slug)
        filled += _suggest(new, memory, doc.meta.slug, shown)
        write_if_changed(path, str(new), changed)
    failed = skipped or any(d.is_error() for d in report.diagnostics)
    print(f"po: {len(folders)} document(s), {len(changed)} PO file(s) updated"
          + (f", {filled} entries filled from the translation memory" if filled else "")
          + (f"; {skipped} left unchanged because of the errors above" if skipped else ""), file=sys.stderr)
    return 1 if failed else 0


def _suggest(po, memory, slug: str, shown: str) -> int:
    """Fill a refreshed PO file's empty entries from the translation memory; say how many (and print it)."""
    from .translate.memory import fill
    done = fill(po, memory, slug)
    if done.total:
        print(f"po: {shown}: {done.total} empty entr{'y' if done.total == 1 else 'ies'} filled from the "
              f"translation memory ({done.exact} exact, {done.close} close matches), fuzzy: review them",
              file=sys.stderr)
    return done.total


def cmd_outline(args) -> int:
    """Print what the parser recognised in a document, and which rule decided each part."""
    from .parse.documents import load_document
    from .parse.outline import outline
    folder = args.src / args.document
    if not (folder / "source.txt").is_file():
        print(f"outline: error: no document '{args.document}' in {args.src} (a folder with a source.txt)",
              file=sys.stderr)
        return 1
    report = Reporter()
    doc = load_document(folder, report, args.src.parent)
    print(outline(doc))
    print_diagnostics(report, "text")
    return 1 if report.failing(strict=False) else 0


def cmd_table_draft(args) -> int:
    """Print the YAML skeleton of the tables of a document, for an editor to complete."""
    from .parse.documents import load_document
    from .parse.tables import draft_tables
    folder = args.src / args.document
    if not (folder / "source.txt").is_file():
        print(f"table-draft: error: no document '{args.document}' in {args.src} (a folder with a source.txt)",
              file=sys.stderr)
        return 1
    text = draft_tables(load_document(folder, Reporter(), args.src.parent))
    print(text or f"# {args.document} has no table left to curate", end="\n" if not text else "")
    return 0


def cmd_linkcheck(args) -> int:
    """Check the internal links of a built site (`build` checks them before it publishes)."""
    from .publish.linkcheck import check_links
    report = Reporter()
    checked = check_links(args.site.resolve(), report, str(args.site))
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
    generating.add_argument("--require-translation", action="store_true",
                            help="a segment not translated yet, or to review, stops the build too")
    generating.add_argument("--jobs", type=int, default=0, help="processes (default: one per core; 1: this one only)")
    generating.add_argument("--urls", choices=["directories", "files"], default="directories",
                            help="directory URLs (hosted site) or .html files (offline bundle opened from disk)")
    generating.add_argument("--pdf", action="store_true",
                            help="a PDF of each document in each language (Chromium), linked from its cover page")
    sub.add_parser("generate", parents=[generating], help="write the Markdown pages")
    b = sub.add_parser("build", parents=[generating],
                       help="generate, then build the editions with MkDocs, check the links and publish the site")
    b.add_argument("-f", "--config", type=Path, action="append",
                   help="an edition's MkDocs config, Japanese first (default: mkdocs.yml, mkdocs.en.yml)")
    c = sub.add_parser("check", help="validate everything editors touch")
    c.add_argument("--strict", action="store_true", help="warnings count as errors")
    c.add_argument("--require-translation", action="store_true",
                   help="a segment not translated yet, or to review, counts as an error too")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--jobs", type=int, default=0, help="processes (default: one per core; 1: this one only)")
    t = sub.add_parser("po", help="refresh the translation files from the sources")
    t.add_argument("--lang", default="en")
    o = sub.add_parser("outline", help="what the parser recognised in a document, and by which rule")
    o.add_argument("document", help="the document's folder name in docs_src/")
    d = sub.add_parser("table-draft", help="the YAML skeleton of a document's tables, for an editor to complete")
    d.add_argument("document", help="the document's folder name in docs_src/")
    k = sub.add_parser("linkcheck", help="broken internal links and anchors in a built site")
    k.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    k.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    command = {"generate": cmd_generate, "build": cmd_build, "check": cmd_check, "po": cmd_po,
               "outline": cmd_outline, "table-draft": cmd_table_draft, "linkcheck": cmd_linkcheck}[args.command]
    try:
        if args.command in ("check", "outline", "table-draft", "linkcheck"):       # (they write nothing)
            return run(command, args, exiting)
        with BuildLock(args.out):
            return run(command, args, exiting)
    except Busy as e:
        print(f"{args.command}: error: {e}", file=sys.stderr)
        return 1


def run(command, args, exiting: bool) -> int:
    """A command, the collector paused (`build` pauses it for generation only, not for MkDocs)."""
    if command is cmd_build:
        return command(args)
    with collector_paused(resume=not exiting):
        return command(args)
