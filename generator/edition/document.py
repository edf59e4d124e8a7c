"""One document's part of each language edition.

In:  a parsed `Document`, its catalog and a `Language`.
Out: the texts of its files by path — its pages (with front matter) and its tables as CSV — and
     its `DocumentOutput` in the edition (title, navigation, paths, search entries); over both
     editions, its `DocumentSummary` for the corpus pages: the glossary terms of its sections
     (`document_usage`) and its translation coverage.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from ..glossary.export import csv_text
from ..glossary.termbase import Glossary
from ..model import Document, MatrixTable, Meta, Section, plain_text
from ..parse.inline import MARKER
from ..render.languages import LANGUAGES, Language
from ..render.pages import render_document, section_segments
from ..render.writer import document_title
from ..translate.catalog import Catalog, Coverage, coverage
from ..translate.segments import segments
from .files import front_matter
from .search import SearchPart, search_entries, search_part


@dataclass
class DocumentOutput:
    """What one document puts into one language edition, besides the files' texts (made per
    document, on any core)."""
    title: str                      # the document's title in this edition
    nav: list[tuple[str, str]]      # (title, path) of its pages, in reading order
    paths: list[str]                # its files in the edition's docs folder: pages, tables as CSV
    search: SearchPart              # its search entries and their postings
    hidden: list[str] = field(default_factory=list)    # its pages outside the navigation (linked from its pages)


Usage = list[tuple[str, str, str, dict[str, str]]]   # (term id, page, section anchor, section title by
                                                     # language) for one document


@dataclass
class DocumentSummary:
    """What the corpus pages need of one document (its own pages are written by then)."""
    meta: Meta
    outputs: dict[str, DocumentOutput]       # language → its part of that edition (none if it has errors)
    coverage: Coverage                       # of its English translation
    usage: Usage | None                      # the glossary terms of each section (None: no glossary)


def document_output(doc: Document, lang: Language, versions=()) -> tuple[DocumentOutput, dict[str, str]]:
    """A document's part of an edition, and the texts of its files by path (pages with front
    matter, tables as CSV); `versions`: its earlier versions compared (`versions.align`)."""
    pages = render_document(doc, lang, versions)
    files = {page.path: front_matter(page.meta) + page.markdown for page in pages}
    for block in doc.walk():
        if isinstance(block, MatrixTable):
            files[f"{doc.meta.slug}/tables/{block.table_id}.csv"] = table_csv(block, lang)
    output = DocumentOutput(document_title(doc, lang), [(p.title, p.path) for p in pages if p.in_nav], list(files),
                            search_part(search_entries(doc, lang)), [p.path for p in pages if not p.in_nav])
    return output, files


def table_csv(table: MatrixTable, lang: Language) -> str:
    """A curated table as CSV (UTF-8 with BOM, so that spreadsheet programs read Japanese):
    a header row of column labels, then one row per table row; blank cells empty."""
    code = "ja" if lang.is_source else lang.code
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(table.row_header.get(code, ""))] + [csv_text(c.get(code, "")) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_text(row.label.get(code, ""))] + ["" if c == "-" else csv_text(c) for c in row.cells])
    return "\ufeff" + out.getvalue()


def document_coverage(doc: Document, catalog: Catalog | None) -> Coverage:
    return coverage(segments(doc), catalog or Catalog(doc.meta.slug))


def document_usage(doc: Document, glossary: Glossary, catalog: Catalog | None) -> Usage:
    """The glossary terms each section of a document uses in its Japanese (the section itself, not
    its subsections), in reading order; terms of one section in glossary order. Each section's
    title in every language: its translation (footnote markers left out), or the Japanese while
    it has none, as the section's own page shows it."""
    matcher = glossary.matcher("ja")
    order = {t.id: i for i, t in enumerate(glossary.terms)}
    sources = {seg.id: seg.source for seg in segments(doc)}
    translations = [Language(code, {doc.meta.slug: catalog} if catalog else {}) for code in LANGUAGES]
    usage: Usage = []
    for page, section, ids in section_segments(doc):
        if section is None:
            continue
        found = {t for i in ids if i in sources for _, _, t in matcher.find(sources[i])}
        if not found:
            continue
        titles = {lang.code: plain_text(section.title) if lang.is_source else
                  MARKER.sub("", lang.text(doc.meta.slug, section.id, sources[section.id])[0])
                  for lang in translations}
        usage += [(term, page, section.anchor, titles) for term in sorted(found, key=order.__getitem__)]
    return usage
