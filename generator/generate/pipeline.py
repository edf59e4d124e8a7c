"""Generation in plain steps: every document by one function on a pool of processes, then the corpus.

In:  `docs_src/` (document folders, `glossary.yml`), the cache folder, the number of processes, and
     optionally the `Editions` to write (output folder, URL style, last-changed dates).
Out: `Inputs`: each document's `DocumentResult` (its summary for the corpus pages, its diagnostics,
     the files it rewrote) and the `Glossary`; every diagnostic in one `Reporter`, in a fixed order:
     documents, translations, glossary. With `Editions`, each document's files are written.

`process_document` takes one document folder through every step — parse, its translation and the
glossary checks of it, both editions' pages, tables and search entries, written — on whichever
process `tasks` gives it; only the result comes back. A document's result is kept in the cache
under a key of everything it depends on, with the stamps (size, modification time) of the files it
wrote: a run after an edit redoes only the edited document, and takes every other one from the
cache (looked up here, before any process is started) as long as its files are still as written.
The corpus pages (`edition.corpus`) follow, in this process, from the results (see `cli.cmd_generate`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Diagnostic, Level, Reporter
from ..edition.document import DocumentSummary, document_coverage, document_output, document_usage
from ..edition.exports import export_files
from ..edition.files import write_files
from ..glossary.checks import check_expansions, check_translation_terms, check_unused_forms, forms_in
from ..glossary.termbase import GLOSSARY_NAME, Glossary, load_glossary
from ..memos import next_document
from ..model import Document, Meta
from ..parse.documents import SOURCE_NAME, VERSIONS_NAME, discover, input_files, load_document, load_versions
from ..parse.faithfulness import artifact_summary
from ..render.languages import LANGUAGES, Language
from ..render.pages import page_segments, passage_places
from ..render.urls import UrlStyle
from ..translate.catalog import Catalog, Coverage, load_catalog, po_path
from ..translate.consistency import check_inconsistent, check_translations, translation_keys
from ..translate.segments import segments
from ..versions.align import Earlier, Version, compare
from . import cache
from .incremental import Stamps, stamps, still_written
from .tasks import tasks

TRANSLATION = "en"         # the language of the PO files beside each document


@dataclass(frozen=True)
class Editions:
    """The language editions to write: where, with which URLs, with which last-changed dates."""
    out: Path                                    # the output folder (its docs/<lang>/ are MkDocs' docs_dirs)
    urls: UrlStyle
    updated: dict[str, str]                      # document slug → last change (git)
    pdf: bool = False                            # PDFs are built: each document's print page, cover links


@dataclass
class DocumentResult:
    """Everything the corpus steps need of one document folder."""
    summary: DocumentSummary                     # for the home, status and glossary pages, search and navigation
    forms: set[str]                              # the glossary's Japanese forms it contains
    artifacts: Counter                           # what of its source is not printed, on purpose, by kind
    parsed: list[Diagnostic]                     # problems of the source, metadata and tables
    translated: list[Diagnostic]                 # problems of the translation
    terms: list[Diagnostic]                      # translations that do not use a term's English
    key: str = ""                                # its cache key (what it was made from)
    translations: tuple[str, list] = ("", [])    # its PO file and `TranslationKey`s (the corpus's consistency check)
    written: list[Path] = field(default_factory=list)    # its files rewritten by this run

    def failed(self) -> bool:
        """Whether it has errors (in its source or its translation): then it is not rendered."""
        return any(d.is_error() for d in self.parsed + self.translated)


@dataclass
class Inputs:
    """Every document's result and the glossary: what the corpus pages are made of."""
    documents: list[DocumentResult]
    glossary: Glossary | None

    @property
    def written(self) -> list[Path]:
        return [path for result in self.documents for path in result.written]


@dataclass(frozen=True)
class Job:
    """What every document's processing shares (inherited by the worker processes)."""
    src: Path
    glossary: Glossary | None
    editions: Editions | None
    cache: Path | None
    shared: str                                  # the part of every document's key they share


def load_catalog_of(doc: Document, src: Path, report: Reporter, lang: str = TRANSLATION) -> Catalog:
    """A parsed document's catalog in `lang`, its problems reported."""
    path = po_path(src / doc.meta.slug, lang)
    return load_catalog(path, str(path.relative_to(src.parent)), segments(doc), report)


def load_versions_of(doc: Document, catalog: Catalog | None, folder: Path, src: Path, parsed: Reporter,
                     translated: Reporter) -> list[Version]:
    """A document's earlier versions (`versions/<date>/`), each with its PO file if it has one, compared."""
    earlier = []
    for date, version in load_versions(folder, doc.meta, parsed, src.parent):
        path = po_path(folder / VERSIONS_NAME / date, TRANSLATION)
        catalog_of = (load_catalog(path, str(path.relative_to(src.parent)), segments(version), translated)
                      if path.exists() or path.is_symlink() else Catalog(str(path.relative_to(src.parent))))
        earlier.append(Earlier(date, version, catalog_of, passage_places(version)))
    return compare(doc, catalog or Catalog(doc.meta.slug), passage_places(doc), earlier) if earlier else []


def load_glossary_of(src: Path, report: Reporter) -> Glossary | None:
    """The glossary of a documents folder (None without one)."""
    path = src / GLOSSARY_NAME
    shown = str(path.relative_to(src.parent))
    if not path.exists() and not path.is_symlink():
        report.warn(shown, 1, "glossary-missing", "there is no glossary, so the pages have no term links and no "
                                                  "glossary page; restore the file (git checkout) or add one")
    return load_glossary(path, shown, report)


def document_key(folder: Path, job: Job) -> str:
    """What a document's result depends on: its own files, its PO file, its last-changed date and
    what every document shares (the glossary, the editions and URL style); the code is in every key."""
    parts: list[bytes | str] = [str(folder.relative_to(job.src.parent))]
    for path in input_files(folder) + [po_path(folder, TRANSLATION)]:
        if path.exists():
            parts += [path.name, path.read_bytes()]
    updated = job.editions.updated.get(folder.name, "") if job.editions else ""
    return cache.key_of(*parts, updated, job.shared)


_job: Job | None = None                          # this process's job (see `_start`)


def _start(job: Job) -> None:
    """Set the job of this process (run once in each worker, and here for serial tasks)."""
    global _job
    _job = job


def cached(folder: Path, job: Job) -> DocumentResult | None:
    """A document's result from the cache, if nothing it depends on changed and its files are
    still as written."""
    if job.cache is None:
        return None
    entry: tuple[DocumentResult, Stamps] | None = cache.get(job.cache, document_key(folder, job))
    if entry is not None and (job.editions is None or still_written(job.editions.out, entry[1])):
        return entry[0]
    return None


def process_document(folder: Path) -> DocumentResult:
    """One document through every step, its files written (unless it has errors), its result kept
    in the cache; a failure no check foresaw is an error naming the document, not a traceback."""
    try:
        return _process_document(folder)
    except Exception as e:          # (a mistake in an editor's file that no check caught)
        shown = str((folder / SOURCE_NAME).relative_to(_job.src.parent))
        error = Diagnostic(shown, 1, Level.ERROR, "document-failed",
                           f"the generator could not process this document ({type(e).__name__}: {e}); "
                           f"nothing of it was published. Check its files; if they look right, report this "
                           f"message")
        return DocumentResult(DocumentSummary(Meta(slug=folder.name), {}, Coverage(), None), set(), Counter(),
                              [error], [], [], "")


def _process_document(folder: Path) -> DocumentResult:
    job = _job
    key = document_key(folder, job) if job.cache is not None else ""
    next_document()                              # nothing remembered from the document before
    parsed, translated, terms = Reporter(), Reporter(), Reporter()
    doc = load_document(folder, parsed, job.src.parent)
    catalog = load_catalog_of(doc, job.src, translated)
    versions = load_versions_of(doc, catalog, folder, job.src, parsed, translated)
    check_translations(segments(doc), catalog, translated)
    usage, forms = None, set()
    if job.glossary is not None:
        check_translation_terms(job.glossary, segments(doc), catalog, terms)
        check_expansions(job.glossary, page_segments(doc), catalog, terms)
        usage, forms = document_usage(doc, job.glossary, catalog), forms_in(job.glossary, segments(doc))
    summary = DocumentSummary(doc.meta, {}, document_coverage(doc, catalog), usage)
    result = DocumentResult(summary, forms, artifact_summary(doc), parsed.diagnostics, translated.diagnostics,
                            terms.diagnostics, key,
                            translations=(catalog.path if catalog else "", translation_keys(segments(doc), catalog)))
    produced: list[Path] = []
    if job.editions is not None and not result.failed():
        for code in LANGUAGES:
            lang = Language(code, {doc.meta.slug: catalog}, job.glossary, job.editions.urls, job.editions.updated,
                            job.editions.pdf)
            output, texts = document_output(doc, lang, versions)
            if lang.is_source:                   # the open exports: once, in the Japanese edition's root
                exported = export_files(doc, catalog)
                texts, output = {**texts, **exported}, replace(output, paths=output.paths + list(exported))
            summary.outputs[code] = output
            root = job.editions.out / "docs" / code
            write_files(root, texts, result.written)
            produced += [root / path for path in texts]
    if job.cache is not None:
        kept = replace(result, written=[])
        cache.put(job.cache, key, (kept, stamps(job.editions.out, produced) if job.editions else {}))
    return result


def load(src: Path, report: Reporter, cache_dir: Path | None = None, jobs: int = 1,
         editions: Editions | None = None) -> Inputs:
    """Every document from the cache or through `process_document` on `jobs` processes (the costliest
    first), then the glossary's check against the whole corpus; the diagnostics into `report`,
    documents first."""
    glossary_report = Reporter()
    glossary = load_glossary_of(src, glossary_report)
    glossary_file = src / GLOSSARY_NAME
    urls = [(code, editions.urls, editions.pdf) for code in LANGUAGES] if editions else []
    shared = cache.key_of(glossary_file.read_bytes() if glossary_file.exists() else b"", repr(urls))
    folders = discover(src, glossary_report)
    order = sorted(range(len(folders)), key=lambda i: -(folders[i] / SOURCE_NAME).stat().st_size)
    job = Job(src, glossary, editions, cache_dir, shared)
    results = [cached(folder, job) for folder in folders]
    todo = [i for i in order if results[i] is None]              # (the costliest first)
    if todo:
        runner = tasks(jobs if len(todo) > 1 else 1, _start, (job,))       # (one document: no pool)
        made = runner.map(process_document, [folders[i] for i in todo])
        for i, result in zip(todo, made):
            results[i] = result
    if cache_dir is not None:
        cache.prune(cache_dir, {result.key for result in results})
    report.diagnostics.extend(d for r in results for d in r.parsed)
    report.diagnostics.extend(d for r in results for d in r.translated)
    check_inconsistent([r.translations for r in results], report)
    if glossary is not None:
        check_unused_forms(glossary, set().union(*(r.forms for r in results)), glossary_report)
    report.diagnostics.extend(glossary_report.diagnostics)
    report.diagnostics.extend(d for r in results for d in r.terms)
    return Inputs(results, glossary)

