"""Writing one page: its parts, its links, its footnote references.

In:  a `Document`, a `Language` and the path of the page being written.
Out: a `PageWriter` the block renderers add HTML parts to (every piece of text escaped), which
     keeps the footnote references made on the page and the glossary terms linked from it;
     `Page`, what a written page is; `document_title`, a document's title in a language.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..glossary.matcher import Linker
from ..model import Document, Footnote, FootnoteRef, Inline, Link, TermRef, Text, plain_text
from ..parse.inline import parse_inlines
from ..translate.catalog import SegmentState
from .escape import html_attr, html_text, markdown_text, url_link
from .languages import Language


@dataclass
class Page:
    """A site page: its path, title and Markdown text."""
    doc: str
    path: str                  # relative to the language root, e.g. "leo-activity-2025/1.md"
    title: str
    markdown: str
    anchor: str = ""           # the top-level section shown; "" for the landing page, "parallel" for 対訳
    meta: dict = field(default_factory=dict)     # front matter: description, updated, edit, …
    in_nav: bool = True        # listed in the navigation (the later parts of a long side-by-side view are not)


def segment_inlines(doc: Document, lang: Language, seg_id: str,
                    inlines: list[Inline]) -> tuple[list[Inline], SegmentState]:
    """The inline content of a segment in a language, and its state."""
    source = plain_text(inlines, refs=True)
    text, state = lang.text(doc.meta.slug, seg_id, source)
    if state is not SegmentState.TRANSLATED:
        return inlines, state
    return parse_inlines([(0, text)]), state


def document_title(doc: Document, lang: Language) -> str:
    """A document's title in a language: its translated title line, else the metadata's."""
    titles = [f for f in doc.title_block.fields if f.role == "title"]
    if lang.is_source or not titles:
        return doc.meta.title if lang.is_source or not doc.meta.title_en else doc.meta.title_en
    text, state = lang.text(doc.meta.slug, titles[0].id, titles[0].text)
    return text if state is SegmentState.TRANSLATED else (doc.meta.title_en or doc.meta.title)


class PageWriter:
    """Collects the parts of one page and the footnote references made on it."""

    def __init__(self, doc: Document, lang: Language, page: str):
        self.doc = doc
        self.lang = lang
        self.page = page                         # this page's path, e.g. leo-activity-2025/1.md
        self.linker = Linker(lang.glossary, lang.code)
        self.scope = "preamble"                  # the section whose first term occurrences get linked
        self.parts: list[str] = []
        self.refs: dict[int, list[str]] = {}     # note number → reference ids, in order
        self.elsewhere: set[int] = set()         # sections (by id()) printed on pages of their own

    # ------------------------------------------------------------ segments
    def segment(self, seg_id: str, inlines: list[Inline]) -> tuple[list[Inline], SegmentState]:
        """The inline content of a segment in this page's language, and its state."""
        return segment_inlines(self.doc, self.lang, seg_id, inlines)

    def segment_text(self, seg_id: str, source: str) -> tuple[str, SegmentState]:
        """The text of a segment in this page's language, and its state."""
        return self.lang.text(self.doc.meta.slug, seg_id, source)

    def state_attrs(self, state: SegmentState) -> str:
        """Attributes of a block whose text is not in the page's language."""
        return f' lang="ja" data-state="{state.value}"' if state.is_pending() else ""

    def state_label(self, state: SegmentState) -> str:
        """The label of a block whose translation is pending."""
        if state.is_pending():
            return (f'<span class="tr-state" data-generated lang="{self.lang.code}">'
                    f'{html_text(self.lang.label(state.value))}</span> ')
        return ""

    # ------------------------------------------------------------ inline
    def inline_html(self, inlines: list[Inline]) -> str:
        out = []
        for node in inlines:
            if isinstance(node, Text):
                out.append(html_text(node.text))
            elif isinstance(node, Link):
                out.append(url_link(node.url))
            elif isinstance(node, FootnoteRef):
                out.append(self.footnote_ref(node.number))
            elif isinstance(node, TermRef):
                out.append(self.term_ref(node))
        return "".join(out)

    def inline_markdown(self, inlines: list[Inline]) -> str:
        """Inline nodes in a Markdown context (headings): text escaped for Markdown, the rest as HTML."""
        return "".join(markdown_text(n.text) if isinstance(n, Text) else self.inline_html([n]) for n in inlines)

    def href(self, to: str, anchor: str = "") -> str:
        return self.lang.urls.href(self.page, to, anchor)

    def term_ref(self, node: TermRef) -> str:
        term = self.lang.glossary.by_id[node.term]
        return (f'<a class="term" href="{self.href("glossary.md", node.term)}" data-term="{node.term}" '
                f'data-tip="{html_attr(term.tip(self.lang.code))}" aria-describedby="tip-{node.term}">'
                f'{html_text(node.text)}</a>')

    def term_tips(self) -> None:
        """The tooltips' text once per page, for screen readers (aria-describedby)."""
        if self.linker.used:
            tips = "".join(f'<span id="tip-{t}">{html_text(self.lang.glossary.by_id[t].tip(self.lang.code))}</span>'
                           for t in self.linker.used)
            self.parts.append(f'<div class="term-tips" hidden data-generated>{tips}</div>')

    def footnote_ref(self, number: int) -> str:
        """A reference to note `number`, with an id of its own (fnref:N, fnref2:N, …)."""
        ids = self.refs.setdefault(number, [])
        ref_id = f"fnref:{number}" if not ids else f"fnref{len(ids) + 1}:{number}"
        ids.append(ref_id)
        return (f'<sup id="{ref_id}" data-generated><a class="footnote-ref" href="#fn:{number}">'
                f'{number}</a></sup>')

    # ------------------------------------------------------------ blocks with text
    def text_block(self, tag: str, block, css: str = "", link: bool = False) -> str:
        """A block of one segment's text as one element (`link`: its terms linked)."""
        inlines, state = self.segment(block.id, block.inlines)
        if link and not state.is_pending():
            inlines = self.linker.link(inlines, self.scope)
        cls = f' class="{css}"' if css else ""
        return (f'<{tag} id="{block.id}"{cls} data-seg="{block.id}"{self.state_attrs(state)}>'
                f'{self.state_label(state)}{self.inline_html(inlines)}</{tag}>')

    def footnotes(self, home: set[int]) -> None:
        """The notes referenced on this page, and those whose home it is (`home`: printed in full)."""
        items = [self.footnote(self.doc.footnotes[n], repeat=n not in home)
                 for n in sorted(set(self.refs) | home) if n in self.doc.footnotes]
        if items:
            self.parts.append(f'<div class="footnote" role="doc-endnotes" aria-label="{html_attr(self.lang.label("footnotes"))}">'
                              f'<hr data-generated><ol>{"".join(items)}</ol></div>')

    def footnote(self, note: Footnote, repeat: bool) -> str:
        """One note of the page's list, with a link back to each reference."""
        source = "\n".join(plain_text(line) for line in note.lines)
        text, state = self.segment_text(note.id, source)
        lines = note.lines if state is not SegmentState.TRANSLATED else [parse_inlines([(0, t)], markers=False)
                                                                        for t in text.split("\n")]
        if not state.is_pending():
            lines = [self.linker.link(line, "notes") for line in lines]
        body = "<br>".join(self.inline_html(line) for line in lines)
        backs = "".join(
            f' <a class="footnote-backref" href="#{ref}" title="{html_attr(self.lang.label("backref"))}" data-generated>&#8617;</a>'
            for ref in self.refs.get(note.number, []))
        extra = " data-repeat" if repeat else ""
        return (f'<li id="fn:{note.number}" value="{note.number}" data-seg="{note.id}"{self.state_attrs(state)}{extra}>'
                f'<p>{self.state_label(state)}{body}{backs}</p></li>')
