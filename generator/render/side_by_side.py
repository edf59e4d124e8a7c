"""The side-by-side (対訳) page of a document: Japanese and English, segment by segment.

In:  a `Document`, the page's `Language` (for interface strings) and the English
     translation (looked up through the English `Language` of the same catalogs).
Out: one `Page` whose pairs carry the segment id as their citation anchor; CSS
     sets them in two aligned columns on wide screens and stacked on phones.
"""
from __future__ import annotations

from ..memos import per_document
from ..model import Document, FootnoteRef, Link, Section, Text
from ..parse.inline import parse_inlines
from ..translate.catalog import SegmentState
from ..translate.segments import segments
from .escape import html_attr, html_text, markdown_text, url_link
from .languages import Language
from .writer import Page, document_title

PAIR_LANG = "en"
SIDE_BY_SIDE_PAGE = "parallel.md"      # each document's side-by-side page, in its folder (URL parallel/)


@per_document      # both editions' side-by-side pages show the same pairs
def _html(text: str, notes: bool) -> str:
    """A segment's text (a note's, with `notes`) as HTML: its URLs linked, its markers as references."""
    lines = text.split("\n")
    out = []
    for line in lines:
        parts = []
        for node in parse_inlines([(0, line)], markers=not notes):
            if isinstance(node, Text):
                parts.append(html_text(node.text))
            elif isinstance(node, Link):
                parts.append(url_link(node.url))
            elif isinstance(node, FootnoteRef):
                parts.append(f'<sup><a class="footnote-ref" href="#fn-{node.number}">{node.number}</a></sup>')
        out.append("".join(parts))
    return "<br>".join(out)


def side_by_side_page(doc: Document, lang: Language) -> Page:
    """The document's segments in pairs, Japanese and English, each pair citable by its id."""
    english = Language(PAIR_LANG, lang.catalogs)
    levels = {s.id: s.level for s in doc.walk() if isinstance(s, Section)}
    rows = []
    for seg in segments(doc):
        en_text, state = english.text(doc.meta.slug, seg.id, seg.source)
        notes = seg.id.startswith("fn-")
        label = f'<span class="pair-note">[{seg.id.removeprefix("fn-")}]</span> ' if notes else ""
        ja_html = label + _html(seg.source, notes)
        if state is SegmentState.TRANSLATED:
            en_html = label + _html(en_text, notes)
            en_attrs = ' lang="en"'
        else:
            en_html = f'<span class="tr-state">{html_text(english.label(state.value))}</span>'
            en_attrs = f' lang="en" data-state="{state.value}"'
        kind = f" pair-h{levels[seg.id]}" if seg.id in levels else (" pair-note-row" if notes else "")
        rows.append(f'<div class="pair{kind}" id="{seg.id}" data-seg="{seg.id}">'
                    f'<a class="pair-cite" href="#{seg.id}" title="{html_attr(lang.label("cite"))}">{html_text(seg.id)}</a>'
                    f'<div class="pair-ja" lang="ja">{ja_html}</div>'
                    f'<div class="pair-en"{en_attrs}>{en_html}</div></div>')
    title = lang.label("side_by_side")
    markdown = (f"# {markdown_text(title)} {{#parallel}}\n\n"
                f'<p class="parallel-doc" data-generated><strong>{html_text(document_title(doc, lang))}</strong></p>\n\n'
                f'<p class="parallel-intro" data-generated>{html_text(lang.label("side_by_side_intro"))}</p>\n\n'
                f'<div class="parallel" data-generated>{"".join(rows)}</div>\n')
    # the pairs need the width of the right-hand sidebar
    return Page(doc.meta.slug, f"{doc.meta.slug}/{SIDE_BY_SIDE_PAGE}", title, markdown, "parallel", {"hide": ["toc"]})
