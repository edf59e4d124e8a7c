"""The order of the stages, per document and then over the corpus.

In:  `docs_src/` (document folders, `glossary.yml`), the cache folder, the number of
     worker processes.
Out: `Inputs`: the parsed `Document`s, their English `Catalog`s and the `Glossary`,
     optionally with every document's part of each language edition — and every
     diagnostic in one `Reporter`, in a fixed order: documents, translations, glossary.

Per document (independent of the others, so on every core through `workers.map_items`):
source → `documents.load_document` → `translation.load_catalog` → the glossary checks of
its translation and the terms of each section → `site.document_output` (its pages, tables
and search entries) for each language. The whole result of a
document is kept in the cache under a key of everything it depends on, so a run
after an edit redoes only the edited document. Over the corpus (needs all documents):
the glossary forms that occur nowhere; then `site.write_site` writes the files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cache import get as cache_get, key_of, prune as cache_prune, put as cache_put
from .diagnostics import Diagnostic, Reporter
from .documents import discover, input_key, load_document
from .glossary import GLOSSARY_NAME, Glossary, check_translation_terms, check_unused_forms, forms_in, load_glossary
from .languages import Language
from .model import Document
from .segments import segments
from .site import LANGUAGES, DocumentOutput, Usage, document_coverage, document_output, document_usage
from .translation import Catalog, Coverage, load_catalog
from .urls import UrlStyle
from .workers import map_items

TRANSLATION = "en"         # the language of the PO files beside each document


@dataclass
class Inputs:
    docs: list[Document]
    catalogs: dict[str, Catalog]                 # document slug → English catalog
    glossary: Glossary | None
    outputs: dict[str, list[DocumentOutput]] = field(default_factory=dict)   # language → each document's part
    usages: list[Usage] | None = None            # each document's glossary terms per section
    coverages: list[Coverage] = field(default_factory=list)                 # each document's translation coverage


@dataclass
class DocumentResult:
    """Everything made from one document folder."""
    doc: Document
    catalog: Catalog
    outputs: dict[str, DocumentOutput]           # language → its part of that edition (none if it has errors)
    coverage: Coverage
    usage: Usage | None                          # the glossary terms of each section (None: no glossary)
    forms: set[str]                              # the glossary's Japanese forms it contains
    parsed: list[Diagnostic]                     # problems of the source, metadata and tables
    translated: list[Diagnostic]                 # problems of the translation
    terms: list[Diagnostic]                      # translations that do not use a term's English


def load_catalog_of(doc: Document, src: Path, report: Reporter, lang: str = TRANSLATION) -> Catalog:
    path = src / doc.meta.slug / f"{lang}.po"
    return load_catalog(path, str(path.relative_to(src.parent)), segments(doc), report)


def load_glossary_of(src: Path, report: Reporter) -> Glossary | None:
    path = src / GLOSSARY_NAME
    return load_glossary(path, str(path.relative_to(src.parent)), report)


def document_result(folder: Path, src: Path, glossary: Glossary | None, editions: list[Language]) -> DocumentResult:
    """Parse, translate, check against the glossary and (for each of `editions`) render one document."""
    parsed, translated, terms = Reporter(), Reporter(), Reporter()
    doc = load_document(folder, parsed, src.parent)
    catalog = load_catalog_of(doc, src, translated)
    outputs = {}
    if not any(d.level == "error" for d in parsed.diagnostics + translated.diagnostics):
        # a document with errors stops the build, so it is not rendered
        for lang in editions:
            language = Language(lang.code, {doc.meta.slug: catalog}, lang.glossary, lang.urls, lang.updated)
            outputs[lang.code] = document_output(doc, language)
    usage, forms = None, set()
    if glossary is not None:
        check_translation_terms(glossary, doc, segments(doc), catalog, terms)
        usage, forms = document_usage(doc, glossary), forms_in(glossary, segments(doc))
    return DocumentResult(doc, catalog, outputs, document_coverage(doc, catalog), usage, forms,
                          parsed.diagnostics, translated.diagnostics, terms.diagnostics)


def document_key(folder: Path, src: Path, updated: str, shared: str) -> str:
    """What a document's result depends on: its own files, its PO file, its last-changed date
    and `shared` (the glossary, the editions and URL style); the generator's code is in every key."""
    po = folder / f"{TRANSLATION}.po"
    return key_of("document", input_key(folder, src.parent), po.read_bytes() if po.exists() else b"", updated, shared)


def load(src: Path, report: Reporter, cache: Path | None = None, jobs: int = 1,
         pages_for: tuple[UrlStyle, dict[str, str]] | None = None) -> Inputs:
    """Parse every document and its catalog on `jobs` processes, then check the glossary
    against the corpus. With `pages_for` (URL style, last-changed dates), each worker also
    renders its document's part of every language edition. With `cache`, a document whose
    inputs did not change is taken from there (its diagnostics with it)."""
    glossary_report = Reporter()
    glossary = load_glossary_of(src, glossary_report)
    editions = [Language(code, {}, glossary, *pages_for) for code in LANGUAGES] if pages_for else []
    glossary_file = src / GLOSSARY_NAME
    shared = key_of(glossary_file.read_bytes() if glossary_file.exists() else b"",
                    repr([(lang.code, lang.urls) for lang in editions]))

    folders = discover(src)
    dates = pages_for[1] if pages_for else {}
    keys = [document_key(f, src, dates.get(f.name, ""), shared) if cache is not None else "" for f in folders]
    results: list[DocumentResult | None] = [cache_get(cache, k) if cache is not None else None for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]          # only these are parsed, on every core

    def redo(i: int) -> DocumentResult:
        result = document_result(folders[i], src, glossary, editions)
        if cache is not None:
            cache_put(cache, keys[i], result)
        return result

    for i, result in zip(todo, map_items(redo, todo, jobs)):
        results[i] = result
    if cache is not None:
        cache_prune(cache, set(keys))
    report.diagnostics.extend(d for r in results for d in r.parsed)
    report.diagnostics.extend(d for r in results for d in r.translated)
    if glossary is not None:
        check_unused_forms(glossary, set().union(*(r.forms for r in results)), glossary_report)
    report.diagnostics.extend(glossary_report.diagnostics)
    report.diagnostics.extend(d for r in results for d in r.terms)
    return Inputs([r.doc for r in results], {r.doc.meta.slug: r.catalog for r in results}, glossary,
                  {lang.code: [r.outputs.get(lang.code) for r in results] for lang in editions},
                  [r.usage for r in results] if glossary is not None else None, [r.coverage for r in results])
