""""Cite this passage": the data each page gives `cite.js` to build a passage's citation.

In:  a `Document`, the page's `Language` and the page's Markdown (to keep the anchors it carries).
Out: one `<script type="application/json" id="cite-data">`: the document's title, issuer and date as
     the edition prints them, the interface strings and each anchor's label
     (the section number as printed, then the paragraph: `3.(3)①ア) 第5段落`, `3.(3)①(a), para. 5`).
"""
from __future__ import annotations

import re

from ..memos import per_document
from ..model import Document
from .escape import json_script
from .languages import Language, format_date
from .side_by_side import passage_labels
from .writer import document_title

PARA = re.compile(r"¶(\d+)")
def label_text(parts: list[str], lang: Language) -> str:
    """A label's parts as the citation prints them: `¶5` → `第5段落` / `para. 5`."""
    return lang.label("cite_join").join(PARA.sub(lambda m: lang.label("cite_para").format(n=m[1]), p) for p in parts)


def cite_fields(doc: Document, lang: Language) -> dict[str, str]:
    """The document-level parts of a citation, as the edition's provenance prints them."""
    m = doc.meta
    if lang.is_source:
        return {"title": document_title(doc, lang), "issuer": m.issuer, "date": m.date_note or m.date}
    return {"title": document_title(doc, lang), "issuer": m.issuer_en or m.issuer,
            "date": format_date(m.date, lang) or m.date_note_en or m.date_note}


ANCHOR = re.compile(r'id="([^"]+)"|\{#([^\s}]+)')        # (an element's id, a Markdown heading's attribute)


@per_document       # (asked once for every page of the document)
def _labels(doc: Document, code: str) -> dict[str, str]:
    """Every passage's citation label in a language, by anchor (labels depend on the language alone)."""
    lang = Language(code)
    return {a: label_text(p, lang) for a, p in passage_labels(doc, lang).items()}


def cite_data(doc: Document, lang: Language, markdown: str) -> str:
    """The page's cite-data script, with the labels of the anchors its text carries."""
    every = _labels(doc, lang.code)
    found = {a or b for a, b in ANCHOR.findall(markdown)}
    labels = {a: label for a, label in every.items() if a in found or a.replace(":", "-") in found}
    data = {**cite_fields(doc, lang), "lang": lang.code, "format": lang.label("cite_format"), "labels": labels,
            "ui": {k: lang.label(k) for k in ("cite_button", "cite_title", "cite_copy", "cite_copied",
                                               "cite_close", "cite_select")}}
    return json_script("cite-data", data)
