"""The search index of an edition: one entry per section, and one per glossary term.

In:  a document and a `Language` (its entries), or every document's entries and the glossary.
Out: entries as JSON objects (`u` URL, `t` title, `d` document, `g` glossary or not, `x` text),
     and `search-index.js`, the edition's index as a script (so that it loads from file:// too).
"""
from __future__ import annotations

import json

from ..model import Document, Section, plain_text
from ..parse.inline import MARKER
from ..render.languages import Language
from ..render.pages import page_path
from ..render.writer import document_title
from ..translate.segments import segments


def section_segments(doc: Document) -> list[tuple[str, Section | None, list[str]]]:
    """(page path, section, ids of the segments that belong to the section itself), in reading
    order; the title block and preamble belong to the landing page (section None)."""
    head = [f.id for f in doc.title_block.fields] + [i for b in doc.preamble for i in _block_ids(b)]
    out = [(page_path(doc, None), None, head)]

    def visit(section: Section, page: str):
        out.append((page, section, _ids(section)))
        for sub in section.sections:
            visit(sub, page)
    for top in doc.sections:
        visit(top, page_path(doc, top))
    return out


def _ids(section: Section) -> list[str]:
    """Ids of the segments that belong to a section itself (not to its subsections)."""
    return [section.id] + [i for b in section.children if not isinstance(b, Section) for i in _block_ids(b)]


def _block_ids(block) -> list[str]:
    ids = [block.id]
    for item in getattr(block, "items", []):
        ids.append(item.id)
        for child in item.children:
            ids += _block_ids(child)
    for m in getattr(block, "members", []):
        ids += [m.id, f"{m.id}-name", f"{m.id}-affiliation"]
    return ids


def search_entries(doc: Document, lang: Language) -> list[dict]:
    """A document's entries in the edition's search index: one per section (and the landing page)."""
    entries = []
    texts = {seg.id: MARKER.sub("", lang.text(doc.meta.slug, seg.id, seg.source)[0]) for seg in segments(doc)}
    title = document_title(doc, lang)
    for page, section, ids in section_segments(doc):
        body = " ".join(texts[i] for i in ids if i in texts and (section is None or i != section.id))
        if section is None:
            head, anchor = title, "title"
        else:
            head, anchor = texts.get(section.id, plain_text(section.title)), section.anchor
        if body.strip() or section is not None:
            entries.append({"u": lang.urls.href("index.md", page, anchor), "t": head, "d": title, "g": 0, "x": body})
    return entries


def json_items(entries: list[dict]) -> list[str]:
    """Each entry as JSON, `<` written \\u003c (so no text can close a script, wherever it is inlined)."""
    return [json.dumps(e, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c") for e in entries]


def search_index(documents: list[str], lang: Language) -> str:
    """The edition's search index as a script (loads from file:// too): each document's entries
    (`DocumentOutput.search`), then the glossary's."""
    terms = []
    if lang.glossary is not None:
        for t in lang.glossary.terms:
            head = f"{t.ja}（{t.en}）" if lang.is_source else f"{t.en} ({t.ja})"
            text = " ".join([t.ja, t.reading, t.en, t.abbr, t.expansion, *t.forms, *t.en_forms,
                             t.definition.get(lang.code, "")])
            terms.append({"u": lang.urls.href("index.md", "glossary.md", t.id), "t": head,
                          "d": lang.label("glossary"), "g": 1, "x": text})
    items = [d for d in documents if d] + json_items(terms)
    return "window.__searchIndex = [" + ",".join(items) + "];\n"
