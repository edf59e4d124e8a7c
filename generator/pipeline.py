"""The order of the stages, per document and then over the corpus.

In:  `docs_src/` (document folders, `glossary.yml`), the parse cache folder, the
     number of worker processes.
Out: the parsed `Document`s, their English `Catalog`s and the `Glossary` (`load()`),
     optionally with every document's part of each language edition — with every
     diagnostic in one `Reporter`, in a fixed order: documents, translations, glossary.

Per document (independent, so on every core through `workers.map_items`):
source → `documents.load_document` → `translation.load_catalog` → `site.document_output`
(its pages, tables and search entries) for each language. Over the corpus (needs all documents): the glossary checks; then
`site.write_site` writes the files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cache import cached, key_of
from .diagnostics import Diagnostic, Reporter
from .documents import discover, load_document
from .glossary import GLOSSARY_NAME, Glossary, check_corpus, load_glossary
from .languages import Language
from .model import Document
from .segments import segments
from .site import LANGUAGES, DocumentOutput, document_output
from .translation import Catalog, load_catalog
from .urls import UrlStyle
from .workers import map_items

TRANSLATION = "en"         # the language of the PO files beside each document


@dataclass
class Inputs:
    docs: list[Document]
    catalogs: dict[str, Catalog]                 # document slug → English catalog
    glossary: Glossary | None
    outputs: dict[str, list[DocumentOutput]] = field(default_factory=dict)   # language → each document's part


@dataclass
class _DocumentResult:
    doc: Document
    catalog: Catalog
    outputs: dict[str, DocumentOutput]
    parsed: list[Diagnostic]
    translated: list[Diagnostic]


def load_catalog_of(doc: Document, src: Path, report: Reporter, lang: str = TRANSLATION,
                    cache: Path | None = None) -> Catalog:
    """A document's catalog, from the parse cache when neither the PO file nor the segments changed."""
    path = src / doc.meta.slug / f"{lang}.po"
    shown = str(path.relative_to(src.parent))
    segs = segments(doc)
    key = key_of(shown, path.read_bytes() if path.exists() else b"", repr([(s.id, s.source) for s in segs]))
    return cached(cache, key, report, lambda r: load_catalog(path, shown, segs, r))


def load_glossary_of(src: Path, report: Reporter) -> Glossary | None:
    path = src / GLOSSARY_NAME
    return load_glossary(path, str(path.relative_to(src.parent)), report)


def _one_document(folder: Path, src: Path, cache: Path | None, render_for: list[Language]) -> _DocumentResult:
    parsed, translated = Reporter(), Reporter()
    doc = load_document(folder, parsed, src.parent, cache)
    catalog = load_catalog_of(doc, src, translated, cache=cache)
    outputs = {}
    if not any(d.level == "error" for d in parsed.diagnostics + translated.diagnostics):
        # a document with errors stops the build, so it is not rendered
        for lang in render_for:
            outputs[lang.code] = document_output(doc, Language(lang.code, {doc.meta.slug: catalog}, lang.glossary,
                                                               lang.urls, lang.updated))
    return _DocumentResult(doc, catalog, outputs, parsed.diagnostics, translated.diagnostics)


def load(src: Path, report: Reporter, cache: Path | None = None, jobs: int = 1,
         pages_for: tuple[UrlStyle, dict[str, str]] | None = None) -> Inputs:
    """Parse every document and its catalog on `jobs` processes, then check the glossary
    against the corpus. With `pages_for` (URL style, last-changed dates), each worker also
    renders its document's part of every language edition."""
    glossary_report = Reporter()
    glossary = load_glossary_of(src, glossary_report)
    langs = [Language(code, {}, glossary, *pages_for) for code in LANGUAGES] if pages_for else []
    results = map_items(lambda folder: _one_document(folder, src, cache, langs), discover(src), jobs)
    report.diagnostics.extend(d for r in results for d in r.parsed)
    report.diagnostics.extend(d for r in results for d in r.translated)
    docs = [r.doc for r in results]
    catalogs = {r.doc.meta.slug: r.catalog for r in results}
    if glossary is not None:
        check_corpus(glossary, [(doc, segments(doc)) for doc in docs], catalogs, glossary_report)
    report.diagnostics.extend(glossary_report.diagnostics)
    outputs = {lang.code: [r.outputs.get(lang.code) for r in results] for lang in langs}
    return Inputs(docs, catalogs, glossary, outputs)
