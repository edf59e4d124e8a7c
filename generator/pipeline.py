"""The order of the stages, per document and then over the corpus.

In:  `docs_src/` (document folders, `glossary.yml`), the cache folder, the number of
     worker processes, and optionally the `Editions` to write (output folder, URL style,
     last-changed dates).
Out: `Inputs`: each document's `DocumentResult` (its summary for the corpus pages, its
     diagnostics) and the `Glossary` — and every diagnostic in one `Reporter`, in a fixed
     order: documents, translations, glossary. With `Editions`, each document's own files
     are written by then.

Per document (independent of the others, so on every core through `workers.map_items`):
source → `documents.load_document` → `translation.load_catalog` → the glossary checks of
its translation and the terms of each section → `site.document_output` (its pages, tables
and search entries) for each language → `site.write_files`. The worker writes the files
itself and sends back only the summary: page texts do not travel between processes. A
document's result is kept in the cache under a key of everything it depends on, with the
stamps (size, modification time) of the files it wrote: a run after an edit redoes only
the edited document, and takes every other one from the cache as long as its files are
still as written (otherwise that document is made anew).
Over the corpus (needs all documents): the glossary forms that occur nowhere; then
`site.write_site` writes the home, status and glossary pages, the search index and the
navigation.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import get as cache_get, key_of, prune as cache_prune, put as cache_put
from .diagnostics import Diagnostic, Reporter
from .documents import SOURCE_NAME, discover, input_key, load_document
from .faithfulness import artifact_summary
from .glossary import GLOSSARY_NAME, Glossary, check_translation_terms, check_unused_forms, forms_in, load_glossary
from .incremental import Stamps, stamps, still_written
from .languages import LANGUAGES, Language
from .memos import next_document
from .model import Document
from .segments import segments
from .site import DocumentSummary, document_coverage, document_output, document_usage, write_files
from .translation import Catalog, load_catalog, po_path
from .urls import UrlStyle
from .workers import map_items

TRANSLATION = "en"         # the language of the PO files beside each document


@dataclass(frozen=True)
class Editions:
    """The language editions to write: where, with which URLs, with which last-changed dates."""
    out: Path                                    # the output folder (its docs/<lang>/ are MkDocs' docs_dirs)
    urls: UrlStyle
    updated: dict[str, str]                      # document slug → last change (git)


@dataclass
class DocumentResult:
    """Everything the corpus steps need of one document folder."""
    summary: DocumentSummary                     # for the home, status and glossary pages, search and navigation
    forms: set[str]                              # the glossary's Japanese forms it contains
    artifacts: Counter                           # what of its source is not printed, on purpose, by kind
    parsed: list[Diagnostic]                     # problems of the source, metadata and tables
    translated: list[Diagnostic]                 # problems of the translation
    terms: list[Diagnostic]                      # translations that do not use a term's English


@dataclass
class Inputs:
    documents: list[DocumentResult]
    glossary: Glossary | None
    written: list[Path]                          # the documents' own files rewritten (with `Editions`)


def load_catalog_of(doc: Document, src: Path, report: Reporter, lang: str = TRANSLATION) -> Catalog:
    path = po_path(src / doc.meta.slug, lang)
    return load_catalog(path, str(path.relative_to(src.parent)), segments(doc), report)


def load_glossary_of(src: Path, report: Reporter) -> Glossary | None:
    path = src / GLOSSARY_NAME
    return load_glossary(path, str(path.relative_to(src.parent)), report)


def document_result(folder: Path, src: Path, glossary: Glossary | None,
                    editions: list[Language]) -> tuple[DocumentResult, dict[str, dict[str, str]]]:
    """Parse, translate, check against the glossary and (for each of `editions`) render one
    document: its result, and the texts of its files by language and path."""
    next_document()                              # nothing remembered from the document before
    parsed, translated, terms = Reporter(), Reporter(), Reporter()
    doc = load_document(folder, parsed, src.parent)
    catalog = load_catalog_of(doc, src, translated)
    outputs, files = {}, {}
    if not any(d.level == "error" for d in parsed.diagnostics + translated.diagnostics):
        # a document with errors stops the build, so it is not rendered
        for lang in editions:
            outputs[lang.code], files[lang.code] = document_output(doc, replace(lang, catalogs={doc.meta.slug: catalog}))
    usage, forms = None, set()
    if glossary is not None:
        check_translation_terms(glossary, doc, segments(doc), catalog, terms)
        usage, forms = document_usage(doc, glossary), forms_in(glossary, segments(doc))
    summary = DocumentSummary(doc.meta, outputs, document_coverage(doc, catalog), usage)
    return DocumentResult(summary, forms, artifact_summary(doc), parsed.diagnostics, translated.diagnostics,
                          terms.diagnostics), files


def document_key(folder: Path, src: Path, updated: str, shared: str) -> str:
    """What a document's result depends on: its own files, its PO file, its last-changed date
    and `shared` (the glossary, the editions and URL style); the generator's code is in every key."""
    po = po_path(folder, TRANSLATION)
    return key_of("document", input_key(folder, src.parent), po.read_bytes() if po.exists() else b"", updated, shared)


def load(src: Path, report: Reporter, cache: Path | None = None, jobs: int = 1,
         editions: Editions | None = None) -> Inputs:
    """Parse every document and its catalog on `jobs` processes, then check the glossary
    against the corpus. With `editions`, each worker also renders its document's part of every
    language edition and writes its files. With `cache`, a document whose inputs did not change,
    and whose files are still as it wrote them, is taken from there (its diagnostics with it)."""
    glossary_report = Reporter()
    glossary = load_glossary_of(src, glossary_report)
    languages = [Language(code, {}, glossary, editions.urls, editions.updated) for code in LANGUAGES] if editions else []
    glossary_file = src / GLOSSARY_NAME
    shared = key_of(glossary_file.read_bytes() if glossary_file.exists() else b"",
                    repr([(lang.code, lang.urls) for lang in languages]))
    folders = discover(src)
    dates = editions.updated if editions else {}

    def task(folder: Path) -> tuple[DocumentResult, list[Path], str]:
        """One document, on any core: from the cache while its files are still as written,
        else made anew and its files written. With its result: the files rewritten, its cache key."""
        key = document_key(folder, src, dates.get(folder.name, ""), shared) if cache is not None else ""
        entry: tuple[DocumentResult, Stamps] | None = cache_get(cache, key) if cache is not None else None
        if entry is not None and (editions is None or still_written(editions.out, entry[1])):
            return entry[0], [], key
        result, files = document_result(folder, src, glossary, languages)
        written: list[Path] = []
        produced: list[Path] = []
        for code, texts in files.items():
            root = editions.out / "docs" / code
            write_files(root, texts, written)
            produced += [root / path for path in texts]
        if cache is not None:
            cache_put(cache, key, (result, stamps(editions.out, produced) if editions else {}))
        return result, written, key

    # the largest documents first, so that no worker is left with a large one when the others are done
    order = sorted(range(len(folders)), key=lambda i: -(folders[i] / SOURCE_NAME).stat().st_size)
    finished = [None] * len(folders)
    for i, done in zip(order, map_items(task, [folders[i] for i in order], jobs)):
        finished[i] = done
    if cache is not None:
        cache_prune(cache, {key for _, _, key in finished})
    results = [r for r, _, _ in finished]
    report.diagnostics.extend(d for r in results for d in r.parsed)
    report.diagnostics.extend(d for r in results for d in r.translated)
    if glossary is not None:
        check_unused_forms(glossary, set().union(*(r.forms for r in results)), glossary_report)
    report.diagnostics.extend(glossary_report.diagnostics)
    report.diagnostics.extend(d for r in results for d in r.terms)
    return Inputs(results, glossary, [p for _, written, _ in finished for p in written])
