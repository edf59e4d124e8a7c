"""The order of the stages, per document and then over the corpus.

In:  `docs_src/` (document folders, `glossary.yml`), the cache folder, the number of
     worker processes, and optionally the `Editions` to write (output folder, URL style,
     last-changed dates) with a function to call when each edition's documents are written.
Out: `Inputs`: each document's `DocumentResult` (its summary for the corpus pages, its
     diagnostics) and the `Glossary` — and every diagnostic in one `Reporter`, in a fixed
     order: documents, translations, glossary. With `Editions`, each document's own files
     are written by then.

Per document (independent of the others, so on every core through `workers.map_stages`):
source → `documents.load_document` → `translation.load_catalog` → the glossary checks of
its translation and the terms of each section → for the Japanese edition, then for the
English one: `site.document_output` (its pages, tables and search entries) → `site.write_files`.
The worker writes the files itself and sends back only the summary: page texts do not travel
between processes. The editions are stages: every document's Japanese part is written before
the workers go on to the English parts, so that MkDocs can build the Japanese edition while
they do (see `sitebuild`); a worker keeps the documents it parsed until it has rendered them
in every edition. A document's result is kept in the cache under a key of everything it
depends on, with the stamps (size, modification time) of the files it wrote: a run after an
edit redoes only the edited document, and takes every other one from the cache as long as its
files are still as written (otherwise that document is made anew).
Over the corpus (needs all documents, once the first stage is done): the glossary forms that
occur nowhere; then, per edition, the caller's `edition_done` (the command line writes the
home, status and glossary pages, the search index and the navigation with `site.write_edition`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

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
from .site import DocumentOutput, DocumentSummary, document_coverage, document_output, document_usage, write_files
from .translation import Catalog, load_catalog, po_path
from .urls import UrlStyle
from .workers import map_stages

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
    """Every document's result and the glossary: what the corpus pages are made of."""
    documents: list[DocumentResult]
    glossary: Glossary | None
    written: list[Path]                          # the documents' own files rewritten (with `Editions`)


def load_catalog_of(doc: Document, src: Path, report: Reporter, lang: str = TRANSLATION) -> Catalog:
    path = po_path(src / doc.meta.slug, lang)
    return load_catalog(path, str(path.relative_to(src.parent)), segments(doc), report)


def load_glossary_of(src: Path, report: Reporter) -> Glossary | None:
    path = src / GLOSSARY_NAME
    return load_glossary(path, str(path.relative_to(src.parent)), report)


def document_result(folder: Path, src: Path, glossary: Glossary | None
                    ) -> tuple[DocumentResult, Document, Catalog | None]:
    """Parse, translate and check one document against the glossary: its result (no edition's
    output yet), its model and its catalog — None when it has errors: a document with errors
    stops the build, so it is not rendered."""
    next_document()                              # nothing remembered from the document before
    parsed, translated, terms = Reporter(), Reporter(), Reporter()
    doc = load_document(folder, parsed, src.parent)
    catalog = load_catalog_of(doc, src, translated)
    usage, forms = None, set()
    if glossary is not None:
        check_translation_terms(glossary, doc, segments(doc), catalog, terms)
        usage, forms = document_usage(doc, glossary, catalog), forms_in(glossary, segments(doc))
    summary = DocumentSummary(doc.meta, {}, document_coverage(doc, catalog), usage)
    result = DocumentResult(summary, forms, artifact_summary(doc), parsed.diagnostics, translated.diagnostics,
                            terms.diagnostics)
    failed = any(d.level == "error" for d in parsed.diagnostics + translated.diagnostics)
    return result, doc, None if failed else catalog


def edition_output(doc: Document, catalog: Catalog, lang: Language) -> tuple[DocumentOutput, dict[str, str]]:
    """A document's part of one edition, and the texts of its files by path."""
    return document_output(doc, replace(lang, catalogs={doc.meta.slug: catalog}))


def document_key(folder: Path, src: Path, updated: str, shared: str) -> str:
    """What a document's result depends on: its own files, its PO file, its last-changed date
    and `shared` (the glossary, the editions and URL style); the generator's code is in every key."""
    po = po_path(folder, TRANSLATION)
    return key_of("document", input_key(folder, src.parent), po.read_bytes() if po.exists() else b"", updated, shared)


@dataclass
class _Made:
    """What a worker keeps of a document it made, for the next edition."""
    result: DocumentResult
    doc: Document
    catalog: Catalog
    key: str
    produced: list[Path]                         # its files written so far, all editions


def load(src: Path, report: Reporter, cache: Path | None = None, jobs: int = 1,
         editions: Editions | None = None,
         edition_done: Callable[[Language, Inputs], None] | None = None) -> Inputs:
    """Parse every document and its catalog on `jobs` processes, then check the glossary
    against the corpus. With `editions`, the workers then render and write each document's part
    of each language edition in turn, the Japanese one first; `edition_done(language, inputs)`
    is called here as soon as every document's part of an edition is written (the diagnostics
    are all in `report` by the first call), while the workers go on with the next edition.
    With `cache`, a document whose inputs did not change, and whose files are still as it wrote
    them, is taken from there (its diagnostics with it)."""
    glossary_report = Reporter()
    glossary = load_glossary_of(src, glossary_report)
    languages = [Language(code, {}, glossary, editions.urls, editions.updated) for code in LANGUAGES] if editions else []
    glossary_file = src / GLOSSARY_NAME
    shared = key_of(glossary_file.read_bytes() if glossary_file.exists() else b"",
                    repr([(lang.code, lang.urls) for lang in languages]))
    folders = discover(src)
    dates = editions.updated if editions else {}

    def write(made: _Made, lang: Language) -> tuple[DocumentOutput, list[Path]]:
        """A document's part of an edition, written; the last edition's puts the document in the cache."""
        output, texts = edition_output(made.doc, made.catalog, lang)
        made.result.summary.outputs[lang.code] = output
        root, written = editions.out / "docs" / lang.code, []
        write_files(root, texts, written)
        made.produced += [root / path for path in texts]
        if cache is not None and lang is languages[-1]:
            cache_put(cache, made.key, (made.result, stamps(editions.out, made.produced)))
        return output, written

    def parse(folder: Path) -> tuple[tuple[DocumentResult, list[Path], str], _Made | None]:
        """A document from the cache while its files are still as written, else parsed and
        checked, and its part of the first edition written. With its result: the files
        rewritten and its cache key; kept for the next edition: what it needs of the document."""
        key = document_key(folder, src, dates.get(folder.name, ""), shared) if cache is not None else ""
        entry: tuple[DocumentResult, Stamps] | None = cache_get(cache, key) if cache is not None else None
        if entry is not None and (editions is None or still_written(editions.out, entry[1])):
            return (entry[0], [], key), None
        result, doc, catalog = document_result(folder, src, glossary)
        if catalog is None or not languages:
            if cache is not None:
                cache_put(cache, key, (result, {}))
            return (result, [], key), None
        made = _Made(result, doc, catalog, key, [])
        _, written = write(made, languages[0])
        return (result, written, key), made

    def later(lang: Language):
        def stage(made: _Made | None) -> tuple[tuple[DocumentOutput, list[Path]] | None, _Made | None]:
            if made is None:                     # from the cache, or not rendered (errors)
                return None, None
            next_document()                      # (the worker went through other documents since)
            return write(made, lang), made
        return stage

    inputs = Inputs([], glossary, [])

    def passed(number: int, results: list) -> None:
        if number == 0:
            inputs.documents = [result for result, _, _ in results]
            inputs.written += [path for _, written, _ in results for path in written]
            report.diagnostics.extend(d for r in inputs.documents for d in r.parsed)
            report.diagnostics.extend(d for r in inputs.documents for d in r.translated)
            if glossary is not None:
                check_unused_forms(glossary, set().union(*(r.forms for r in inputs.documents)), glossary_report)
            report.diagnostics.extend(glossary_report.diagnostics)
            report.diagnostics.extend(d for r in inputs.documents for d in r.terms)
        else:
            for document, edition in zip(inputs.documents, results):
                if edition is not None:              # (None: from the cache, or not rendered)
                    output, written = edition
                    document.summary.outputs[languages[number].code] = output    # (a worker's result is a copy)
                    inputs.written += written
        if languages and edition_done is not None:
            edition_done(languages[number], inputs)

    sizes = [(folder / SOURCE_NAME).stat().st_size for folder in folders]
    stages = [parse] + [later(lang) for lang in languages[1:]]
    keys = [key for _, _, key in map_stages(stages, folders, jobs, sizes, passed)[0]]
    if cache is not None:
        cache_prune(cache, set(keys))
    return inputs
