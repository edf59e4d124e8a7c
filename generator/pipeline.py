"""The order of the stages, per document and then over the corpus.

In:  `docs_src/` (document folders, `glossary.yml`), the cache folder, the number of
     worker processes, and optionally the `Editions` to write (output folder, URL style,
     last-changed dates) with the `Progress` to tell as the work goes on.
Out: `Inputs`: each document's `DocumentResult` (its summary for the corpus pages, its
     diagnostics) and the `Glossary` — and every diagnostic in one `Reporter`, in a fixed
     order: documents, translations, glossary. With `Editions`, each document's own files
     are written by then.

Per document (independent of the others, so on every core through `workers.map_stages`), in
three stages (each worker takes its documents through one before the next):
1. source → `documents.load_document` → the titles and navigation of its Japanese pages
   (`site.planned_output`): once every document is parsed, MkDocs can start on the Japanese
   edition (see `sitebuild`, `edition_stream`);
2. → `translation.load_catalog` → the glossary checks of its translation and the terms of each
   section → its Japanese part: `site.document_output` (its pages, tables and search entries) →
   `site.write_files` (each document's pages are read by MkDocs as soon as they are written);
3. → the same for its English part, while MkDocs builds the Japanese edition.
The worker writes the files itself and sends back only the summary: page texts do not travel
between processes; a worker keeps the documents it parsed until it has rendered them in every
edition. A document's result is kept in the cache under a key of everything it
depends on, with the stamps (size, modification time) of the files it wrote: a run after an
edit redoes only the edited document, and takes every other one from the cache as long as its
files are still as written (otherwise that document is made anew).
Over the corpus: once every document is parsed, the caller's `planned` (the command line writes
the Japanese navigation); once every catalog is checked, the glossary forms that occur nowhere;
then, per edition, the caller's `edition_done` (the command line writes the home, status and
glossary pages, the search index and the navigation with `site.write_edition`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
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
from .site import (DocumentOutput, DocumentSummary, document_coverage, document_output, document_usage, planned_output,
                   write_files)
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


def parse_document(folder: Path, src: Path) -> tuple[DocumentResult, Document]:
    """Parse one document: its result so far (the problems of its source, metadata and tables;
    nothing of its translation yet) and its model."""
    next_document()                              # nothing remembered from the document before
    parsed = Reporter()
    doc = load_document(folder, parsed, src.parent)
    summary = DocumentSummary(doc.meta, {}, None, None)
    return DocumentResult(summary, set(), artifact_summary(doc), parsed.diagnostics, [], []), doc


def translate_document(result: DocumentResult, doc: Document, src: Path, glossary: Glossary | None) -> Catalog | None:
    """Load a parsed document's catalog and check it, and the document's terms, against the glossary;
    what is found goes into `result`. The catalog — None when the document has errors: a
    document with errors stops the build, so it is not rendered in the translation."""
    translated, terms = Reporter(), Reporter()
    catalog = load_catalog_of(doc, src, translated)
    if glossary is not None:
        check_translation_terms(glossary, doc, segments(doc), catalog, terms)
        result.summary.usage, result.forms = document_usage(doc, glossary, catalog), forms_in(glossary, segments(doc))
    result.summary.coverage = document_coverage(doc, catalog)
    result.translated, result.terms = translated.diagnostics, terms.diagnostics
    return None if failed(result) else catalog


def failed(result: DocumentResult) -> bool:
    """Whether a document has errors (in its source or its translation): then it is not rendered."""
    return any(d.level == "error" for d in result.parsed + result.translated)


def edition_output(doc: Document, catalog: Catalog | None, lang: Language) -> tuple[DocumentOutput, dict[str, str]]:
    """A document's part of one edition (the source language's needs no catalog), and the texts of
    its files by path."""
    return document_output(doc, replace(lang, catalogs={doc.meta.slug: catalog} if catalog else {}))


def document_key(folder: Path, src: Path, updated: str, shared: str) -> str:
    """What a document's result depends on: its own files, its PO file, its last-changed date
    and `shared` (the glossary, the editions and URL style); the generator's code is in every key."""
    po = po_path(folder, TRANSLATION)
    return key_of("document", input_key(folder, src.parent), po.read_bytes() if po.exists() else b"", updated, shared)


def _translation(result: DocumentResult) -> tuple:
    """What `translate_document` found, as sent back from a worker (see `_take_translation`)."""
    return result.translated, result.terms, result.summary.coverage, result.summary.usage, result.forms


def _take_translation(result: DocumentResult, found: tuple) -> None:
    """`_translation`'s findings put into the parent's copy of a document's result."""
    result.translated, result.terms, result.summary.coverage, result.summary.usage, result.forms = found


@dataclass
class Progress:
    """What the caller of `load` is told, as soon as it is so (each optional)."""
    planned: Callable[[Language, Inputs, list[str]], None] | None = None
    # every document parsed: the first edition's pages are known (each document's title and
    # navigation in its part of it); the documents' slugs in the order their parts will be written
    written: Callable[[Language, str], None] | None = None
    # one document's part of an edition is written (or is still as written: from the cache)
    edition_done: Callable[[Language, Inputs], None] | None = None
    # every document's part of an edition is written, and every diagnostic is known


@dataclass
class _Made:
    """What a worker keeps of a document it parsed, for the later stages."""
    result: DocumentResult
    doc: Document
    key: str
    catalog: Catalog | None = None
    produced: list[Path] = field(default_factory=list)     # its files written so far, all editions


def load(src: Path, report: Reporter, cache: Path | None = None, jobs: int = 1,
         editions: Editions | None = None, progress: Progress | None = None) -> Inputs:
    """Parse every document on `jobs` processes; then load and check its catalog and (with
    `editions`) write its part of the Japanese edition; then (with `editions`) its part of the
    English one. Meanwhile check the glossary against the corpus. `progress` is told what is done
    as soon as it is (the diagnostics of the sources are in `report` by `planned`, every one by
    the first `edition_done`). With `cache`, a document whose inputs did not change,
    and whose files are still as it wrote them, is taken from there (its diagnostics with it)."""
    progress = progress or Progress()
    glossary_report = Reporter()
    glossary = load_glossary_of(src, glossary_report)
    languages = [Language(code, {}, glossary, editions.urls, editions.updated) for code in LANGUAGES] if editions else []
    glossary_file = src / GLOSSARY_NAME
    shared = key_of(glossary_file.read_bytes() if glossary_file.exists() else b"",
                    repr([(lang.code, lang.urls) for lang in languages]))
    folders = discover(src)
    dates = editions.updated if editions else {}

    def keep(made: _Made) -> None:
        if cache is not None:
            cache_put(cache, made.key, (made.result, stamps(editions.out, made.produced) if editions else {}))

    def parse(folder: Path) -> tuple[tuple[DocumentResult, str], _Made | None]:
        """A document from the cache while its files are still as written, else parsed, with the
        first edition's titles and navigation (its pages are not written yet); and its cache key."""
        key = document_key(folder, src, dates.get(folder.name, ""), shared) if cache is not None else ""
        entry: tuple[DocumentResult, Stamps] | None = cache_get(cache, key) if cache is not None else None
        if entry is not None and (editions is None or still_written(editions.out, entry[1])):
            return (entry[0], key), None
        result, doc = parse_document(folder, src)
        if languages and not failed(result):
            result.summary.outputs[languages[0].code] = planned_output(doc, languages[0])
        return (result, key), _Made(result, doc, key)

    def write(made: _Made, lang: Language) -> tuple[DocumentOutput, list[Path]]:
        """A document's part of an edition, written; the last edition's puts the document in the cache."""
        next_document()                          # (the worker went through other documents since)
        output, texts = edition_output(made.doc, made.catalog, lang)
        made.result.summary.outputs[lang.code] = output
        root, written = editions.out / "docs" / lang.code, []
        write_files(root, texts, written)
        made.produced += [root / path for path in texts]
        if lang is languages[-1]:
            keep(made)
        return output, written

    def translate(made: _Made | None) -> tuple[tuple | None, _Made | None]:
        """A parsed document's catalog loaded and checked (what was found: see `_translation`), and
        its part of the first edition written (none with errors: it is kept in the cache now)."""
        if made is None:                         # from the cache
            return None, None
        made.catalog = translate_document(made.result, made.doc, src, glossary)
        if failed(made.result) or not languages:
            keep(made)
            return (_translation(made.result), None), None
        return (_translation(made.result), write(made, languages[0])), made

    def render(lang: Language):
        def stage(made: _Made | None) -> tuple[tuple[DocumentOutput, list[Path]] | None, _Made | None]:
            """A document's part of a later edition, written (none from the cache or with errors)."""
            return (None, None) if made is None else (write(made, lang), made)
        return stage

    stages = [parse, translate] + [render(lang) for lang in languages[1:]]
    edition_stages = {number: lang for number, lang in enumerate(languages, 1)}
    inputs = Inputs([], glossary, [])
    order = sorted(range(len(folders)), key=lambda i: -(folders[i] / SOURCE_NAME).stat().st_size)  # costliest first

    def done(number: int, i: int, result) -> None:
        """Tell that a document's part of an edition is written, or still as written (from the
        cache: None) — in the first edition, not when it has errors: it is not written, and the
        build stops (MkDocs, reading it, waits for the end)."""
        edition = result[1] if number == 1 and result is not None else result
        if number in edition_stages and progress.written and (edition is not None or result is None):
            progress.written(edition_stages[number], folders[i].name)

    def add_edition(lang: Language, editions_written: list) -> None:
        for document, edition in zip(inputs.documents, editions_written):
            if edition is not None:              # (None: from the cache, or not rendered)
                output, written = edition
                document.summary.outputs[lang.code] = output        # (a worker's result is a copy)
                inputs.written += written

    def passed(number: int, results: list) -> None:
        if number == 0:
            inputs.documents = [result for result, _ in results]
            report.diagnostics.extend(d for r in inputs.documents for d in r.parsed)
            if languages and progress.planned:
                progress.planned(languages[0], inputs, [folders[i].name for i in order])
            return
        if number == 1:
            for document, result in zip(inputs.documents, results):
                if result is not None:               # (None: from the cache)
                    _take_translation(document, result[0])
            report.diagnostics.extend(d for r in inputs.documents for d in r.translated)
            if glossary is not None:
                check_unused_forms(glossary, set().union(*(r.forms for r in inputs.documents)), glossary_report)
            report.diagnostics.extend(glossary_report.diagnostics)
            report.diagnostics.extend(d for r in inputs.documents for d in r.terms)
            results = [None if result is None else result[1] for result in results]
        if languages:
            add_edition(edition_stages[number], results)
            if progress.edition_done:
                progress.edition_done(edition_stages[number], inputs)

    keys = [key for _, key in map_stages(stages, folders, jobs, order, passed, done=done)[0]]
    if cache is not None:
        cache_prune(cache, set(keys))
    return inputs
