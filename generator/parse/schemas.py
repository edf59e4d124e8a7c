"""The shapes of editors' YAML files, as JSON Schema (checked by `yamlfiles.read` with jsonschema).

In:  nothing; each schema is data: `META` (docs_src/<doc>/meta.yml), `GLOSSARY`
     (docs_src/glossary.yml), `TABLE` (docs_src/<doc>/tables/<id>.yml).
Out: the schemas. Every scalar of a file reaches them as text (see `yamlfiles.Loader`), so
     numbers and dates are patterns here, and a `description` says what to write instead.
Names that become paths or anchors follow `NAME` (also the rule for document folders).
"""
from __future__ import annotations

NAME_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
NAME = {"type": "string", "pattern": NAME_PATTERN,
        "description": "lower-case letters a–z, digits and hyphens, starting with a letter or digit, "
                       "at most 64 characters"}


def text(limit: int = 2000) -> dict:
    return {"type": "string", "maxLength": limit, "description": f"a text of at most {limit} characters"}


LINE = text(500)
DATE = {"type": "string", "anyOf": [{"const": ""}, {"format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}],
        "description": "a real date as \"YYYY-MM-DD\", e.g. \"2025-03-14\", or \"\" where the text gives none"}
URL = {"type": "string", "pattern": r"^(|https?://[^\s\"<>]+)$", "maxLength": 2000,
       "description": "an http:// or https:// address with no spaces, quotes or angle brackets, or \"\""}
BOOLEAN = {"type": "string", "enum": ["true", "false", ""], "description": "true or false"}
WHOLE = {"type": "string", "pattern": r"^[1-9][0-9]{0,5}$", "description": "a whole number such as 3"}

META = {
    "type": "object", "additionalProperties": False,
    "properties": {
        "title": LINE, "title_en": LINE, "issuer": LINE, "issuer_en": LINE,
        "date": DATE, "date_note": LINE, "date_note_en": LINE, "source_url": URL,
        "description": text(), "description_en": text(),
        "split_pages": BOOLEAN,
        "heading_levels": {"type": "array", "items": {"type": "string", "maxLength": 40}, "maxItems": 20,
                           "description": "heading scheme names, level 1 first"},
    },
}

BILINGUAL = {"type": "object", "additionalProperties": False, "required": ["ja"],
             "properties": {"ja": text(), "en": text()}}
FORM = {"type": "string", "minLength": 1, "maxLength": 80, "description": "a form of at most 80 characters"}

GLOSSARY = {
    "type": "object", "additionalProperties": False, "required": ["terms"],
    "properties": {
        "link": {"type": "string", "enum": ["first-per-section", "all"],
                 "description": "which occurrences link: first-per-section or all"},
        "terms": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["id", "ja"],
            "properties": {
                "id": NAME, "ja": LINE, "reading": LINE, "en": LINE, "abbr": text(40), "expansion": LINE,
                "definition": {"type": "object", "additionalProperties": False,
                               "properties": {"ja": text(), "en": text()}},
                "forms": {"type": "array", "items": FORM, "maxItems": 50},
                "en_forms": {"type": "array", "items": FORM, "maxItems": 50},
                "related": {"type": "array", "items": NAME, "maxItems": 50},
                "source": {"type": "string", "maxLength": 500,
                           "description": "where the English comes from, e.g. \"JAXA, Kibo English pages\""},
            }}},
    },
}

TABLE = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "section", "caption", "row_header", "columns", "symbols", "rows"],
    "properties": {
        "id": NAME,
        "section": {"type": "string", "maxLength": 200, "description": "the anchor of a section"},
        "source_lines": {"type": "array", "items": WHOLE, "maxItems": 2},
        "caption": BILINGUAL, "row_header": BILINGUAL,
        "groups": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["ja", "span"],
            "properties": {"ja": text(), "en": text(), "span": WHOLE}}},
        "columns": {"type": "array", "items": BILINGUAL, "minItems": 1, "maxItems": 100},
        "symbols": {"type": "object", "additionalProperties": BILINGUAL,
                    "propertyNames": {"maxLength": 2}},
        "legend": {"type": "array", "items": BILINGUAL},
        "notes": {"type": "array", "items": BILINGUAL},
        "decisions": {"type": "string", "maxLength": 5000, "description": "how the curation settled what the text "
                                                                          "leaves open (for editors)"},
        "rows": {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": False, "required": ["label", "cells"],
            "properties": {"label": BILINGUAL, "cells": text(400), "decision": text()}}},
    },
}
