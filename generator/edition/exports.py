"""Open exports of each document, for data users and translators (linked from the status pages).

In:  a document, its catalog (the English), the pages it prints on.
Out: `exports/<slug>.json`, the document model — provenance, headings with their anchors and pages,
     every block with its segments in both languages, notes, tables — valid against the published
     `exports/document.schema.json` (`DOCUMENT_SCHEMA`, JSON Schema 2020-12); `exports/<slug>.tmx`,
     every aligned segment pair (translated, not fuzzy) as TMX 1.4b, written by translate-toolkit.
     Both in the Japanese edition's root only (the English status page links there).
"""
from __future__ import annotations

import json
import re

from ..model import Block, Document, ItemList, ListItem, MatrixTable, Section
from ..render.pages import page_path, page_starts
from ..translate.catalog import Catalog, SegmentState
from ..translate.segments import block_segments, segments

EXPORTS_DIR = "exports"
SCHEMA_PATH = f"{EXPORTS_DIR}/document.schema.json"
SCHEMA_ID = "https://space-policy.example.org/exports/document.schema.json"

_TEXT = {"type": "string"}
_BILINGUAL = {"type": "object", "properties": {"ja": _TEXT, "en": _TEXT}, "required": ["ja"],
              "additionalProperties": False}
DOCUMENT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "A Japanese space-policy document with its English translation",
    "type": "object",
    "required": ["slug", "title", "provenance", "segments", "body", "notes"],
    "additionalProperties": False,
    "properties": {
        "$schema": _TEXT,
        "slug": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "title": _BILINGUAL,
        "provenance": {"type": "object", "additionalProperties": False,
                       "properties": {"issuer": _BILINGUAL, "date": _TEXT, "date_note": _BILINGUAL,
                                      "source_url": _TEXT, "description": _BILINGUAL, "source_file": _TEXT}},
        "segments": {"type": "array", "description": "every translatable piece, in reading order, notes last",
                     "items": {"$ref": "#/$defs/segment"}},
        "body": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "notes": {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                             "required": ["number", "segment"],
                                             "properties": {"number": {"type": "integer"}, "segment": _TEXT}}},
    },
    "$defs": {
        "segment": {"type": "object", "additionalProperties": False, "required": ["id", "ja", "state", "line"],
                    "properties": {"id": _TEXT, "ja": _TEXT, "en": _TEXT, "line": {"type": "integer"},
                                   "state": {"enum": ["translated", "fuzzy", "untranslated"]}}},
        "block": {"type": "object", "required": ["kind", "id", "segments"],
                  "properties": {
                      "kind": {"type": "string", "description": "the model's block class, in snake case"},
                      "id": _TEXT, "line": {"type": "integer"},
                      "segments": {"type": "array", "items": _TEXT, "description": "ids of its own segments"},
                      "heading": {"type": "object", "additionalProperties": False,
                                  "properties": {"anchor": _TEXT, "level": {"type": "integer"}, "number": _TEXT,
                                                 "scheme": _TEXT, "page": _TEXT}},
                      "children": {"type": "array", "items": {"$ref": "#/$defs/block"}},
                      "table": {"$ref": "#/$defs/table"}}},
        "table": {"type": "object", "required": ["id", "columns", "rows"],
                  "properties": {"id": _TEXT, "caption": _BILINGUAL, "row_header": _BILINGUAL,
                                 "columns": {"type": "array", "items": _BILINGUAL},
                                 "rows": {"type": "array", "items": {
                                     "type": "object", "required": ["label", "cells"],
                                     "properties": {"label": _BILINGUAL,
                                                    "cells": {"type": "array", "items": _TEXT}}}},
                                 "symbols": {"type": "object", "additionalProperties": _BILINGUAL}}},
    },
}

_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")


def _kind(block: Block) -> str:
    return _SNAKE.sub("_", type(block).__name__).lower()


def _bilingual(ja: str, en: str | None) -> dict:
    return {"ja": ja, **({"en": en} if en else {})}


def document_model(doc: Document, catalog: Catalog | None, pages: dict[str, str]) -> dict:
    """The document as plain data (`pages`: the page of each section that begins one, by anchor; "" the landing page's)."""
    cat = catalog or Catalog("")
    m = doc.meta
    segs = []
    for seg in segments(doc):
        text, state = cat.lookup(seg.id)
        segs.append({"id": seg.id, "ja": seg.source, **({"en": text} if text else {}), "line": seg.line,
                     "state": ("translated" if state is SegmentState.TRANSLATED else
                               "fuzzy" if state is SegmentState.FUZZY else "untranslated")})
    title, _ = cat.lookup("title")

    def block(b: Block, page: str) -> dict:
        out = {"kind": _kind(b), "id": b.id, "line": b.first_line, "segments": [s.id for s in block_segments(b)]}
        if isinstance(b, Section):
            page = pages.get(b.anchor, page)
            out["heading"] = {"anchor": b.anchor, "level": b.level, "number": b.number, "scheme": b.scheme,
                              "page": page}
        elif isinstance(b, MatrixTable):
            out["table"] = {"id": b.table_id, "caption": b.caption, "row_header": b.row_header,
                            "columns": b.columns, "rows": [{"label": r.label, "cells": r.cells} for r in b.rows],
                            "symbols": b.symbols}
        inner = b.items if isinstance(b, ItemList) else b.children if isinstance(b, (Section, ListItem)) else None
        if inner is not None:
            out["children"] = [block(c, page) for c in inner]
        return out
    landing = pages.get("", "")
    body = [block(f, landing) for f in doc.title_block.fields] + [block(b, landing) for b in doc.preamble] \
        + [block(s, landing) for s in doc.sections]
    notes = [{"number": n, "segment": note.id} for n, note in sorted(doc.footnotes.items())]
    provenance = {"issuer": _bilingual(m.issuer, m.issuer_en), "date": m.date,
                  "date_note": _bilingual(m.date_note, m.date_note_en), "source_url": m.source_url,
                  "description": _bilingual(m.description, m.description_en), "source_file": doc.source_path}
    return {"$schema": "document.schema.json", "slug": m.slug,
            "title": _bilingual(m.title, title or m.title_en),
            "provenance": provenance, "segments": segs, "body": body, "notes": notes}


def document_json(doc: Document, catalog: Catalog | None, pages: dict[str, str]) -> str:
    return json.dumps(document_model(doc, catalog, pages), ensure_ascii=False, separators=(",", ":")) + "\n"


def document_tmx(doc: Document, catalog: Catalog | None) -> str:
    """Every translated (not fuzzy) segment pair of a document as TMX 1.4b, each unit's `tuid` the
    document and segment (`<slug>/<segment id>`)."""
    from translate.storage import tmx
    store = tmx.tmxfile(sourcelanguage="ja")
    for seg in segments(doc):
        text, state = (catalog or Catalog("")).lookup(seg.id)
        if state is SegmentState.TRANSLATED:
            store.addtranslation(seg.source, "ja", text, "en")
            store.units[-1].xmlelement.set("tuid", f"{doc.meta.slug}/{seg.id}")
    return bytes(store).decode("utf-8")


def export_files(doc: Document, catalog: Catalog | None) -> dict[str, str]:
    """A document's exports by path below the Japanese edition's root."""
    pages = {"": page_path(doc, None), **{s.anchor: page_path(doc, s) for s in page_starts(doc)}}
    slug = doc.meta.slug
    return {f"{EXPORTS_DIR}/{slug}.json": document_json(doc, catalog, pages),
            f"{EXPORTS_DIR}/{slug}.tmx": document_tmx(doc, catalog)}


def schema_json() -> str:
    return json.dumps(DOCUMENT_SCHEMA, ensure_ascii=False, indent=1) + "\n"
