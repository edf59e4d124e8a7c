"""Stage 4 — the document model to Markdown pages, one language at a time.

In:  a `Document` and a `Language` (the Japanese source, or a translation whose
     text the language looks up by segment id).
Out: `Page`s: path, title and Markdown text. Headings are Markdown (so that
     MkDocs builds the table of contents and permalinks, with anchors taken
     from the numbering); blocks are raw HTML written from the model, with
     every piece of text escaped, so that nothing in a source or a translation
     is read as markup. Footnotes keep their printed numbers. A segment with no
     current translation prints the Japanese, marked `lang="ja"` and labelled.

Each block type has one small renderer, registered in `BLOCK_RENDERERS`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .escape import html_attr, html_text, markdown_text, url_link
from .glossary import Linker
from .inline import parse_inlines
from .languages import Language
from .model import (Block, BlockTitle, Document, FlattenedTable, Footnote, FootnoteRef, Inline, ItemList,
                    Link, MatrixTable, MemberList, Paragraph, RunInTitle, Section, TermRef, Text,
                    plain_text)

SPLIT_THRESHOLD = 12000      # characters; longer documents get one page per top-level section


@dataclass
class Page:
    doc: str
    path: str                  # relative to the language root, e.g. "leo-activity-2025/1.md"
    title: str
    markdown: str
    anchor: str = ""           # the top-level section shown; "" for the landing page, "parallel" for 対訳
    meta: dict = field(default_factory=dict)     # front matter: description, updated, edit, …


def segment_inlines(doc: Document, lang: Language, seg_id: str, inlines: list[Inline]) -> tuple[list[Inline], str]:
    """The inline content of a segment in a language, and its state."""
    source = plain_text(inlines, refs=True)
    text, state = lang.text(doc.meta.slug, seg_id, source)
    if state in ("source", "untranslated", "fuzzy"):
        return inlines, state
    return parse_inlines([(0, text)]), state


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

    # ------------------------------------------------------------ segments
    def segment(self, seg_id: str, inlines: list[Inline]) -> tuple[list[Inline], str]:
        """The inline content of a segment in this page's language, and its state."""
        return segment_inlines(self.doc, self.lang, seg_id, inlines)

    def segment_text(self, seg_id: str, source: str) -> tuple[str, str]:
        return self.lang.text(self.doc.meta.slug, seg_id, source)

    def state_attrs(self, state: str) -> str:
        """Attributes of a block whose text is not in the page's language."""
        if state in ("untranslated", "fuzzy"):
            return f' lang="ja" data-state="{state}"'
        return ""

    def state_label(self, state: str) -> str:
        if state in ("untranslated", "fuzzy"):
            return f'<span class="tr-state" data-generated lang="{self.lang.code}">{html_text(self.lang.label(state))}</span> '
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

    def inline_markdown(self, inlines: list[Inline]) -> str:
        return "".join(markdown_text(n.text) if isinstance(n, Text) else self.inline_html([n]) for n in inlines)

    def footnote_ref(self, number: int) -> str:
        ids = self.refs.setdefault(number, [])
        ref_id = f"fnref:{number}" if not ids else f"fnref{len(ids) + 1}:{number}"
        ids.append(ref_id)
        return (f'<sup id="{ref_id}" data-generated><a class="footnote-ref" href="#fn:{number}">'
                f'{number}</a></sup>')

    # ------------------------------------------------------------ blocks
    def block(self, block: Block, depth: int) -> None:
        if isinstance(block, Section):
            self.section(block, depth)
            return
        for kind, render in BLOCK_RENDERERS:
            if isinstance(block, kind):
                self.parts.append(render(self, block))
                return
        raise TypeError(f"no renderer for {type(block).__name__}")

    def section(self, section: Section, depth: int) -> None:
        inlines, state = self.segment(section.id, section.title)
        attrs = f"#{section.anchor}{self.state_attrs(state)}"      # attr_list takes the same attributes
        self.parts.append(f"{'#' * min(depth, 6)} {self.inline_markdown(inlines)} {{{attrs}}}")
        outer, self.scope = self.scope, section.anchor
        for child in section.children:
            self.block(child, depth + 1)
        self.scope = outer

    def text_block(self, tag: str, block, css: str = "", link: bool = False) -> str:
        inlines, state = self.segment(block.id, block.inlines)
        if link and state in ("source", "translated"):
            inlines = self.linker.link(inlines, self.scope)
        cls = f' class="{css}"' if css else ""
        return (f'<{tag} id="{block.id}"{cls} data-seg="{block.id}"{self.state_attrs(state)}>'
                f'{self.state_label(state)}{self.inline_html(inlines)}</{tag}>')

    def footnotes(self, home: set[int]) -> None:
        items = [self.footnote(self.doc.footnotes[n], repeat=n not in home)
                 for n in sorted(set(self.refs) | home) if n in self.doc.footnotes]
        if items:
            self.parts.append(f'<div class="footnote" role="doc-endnotes" aria-label="{html_attr(self.lang.label("footnotes"))}">'
                              f'<hr data-generated><ol>{"".join(items)}</ol></div>')

    def footnote(self, note: Footnote, repeat: bool) -> str:
        source = "\n".join(plain_text(line) for line in note.lines)
        text, state = self.segment_text(note.id, source)
        lines = note.lines if state != "translated" else [parse_inlines([(0, t)], markers=False)
                                                          for t in text.split("\n")]
        if state in ("source", "translated"):
            lines = [self.linker.link(line, "notes") for line in lines]
        body = "<br>".join(self.inline_html(line) for line in lines)
        backs = "".join(
            f' <a class="footnote-backref" href="#{ref}" title="{html_attr(self.lang.label("backref"))}" data-generated>&#8617;</a>'
            for ref in self.refs.get(note.number, []))
        extra = " data-repeat" if repeat else ""
        return (f'<li id="fn:{note.number}" value="{note.number}" data-seg="{note.id}"{self.state_attrs(state)}{extra}>'
                f'<p>{self.state_label(state)}{body}{backs}</p></li>')


# -------------------------------------------------------------- block renderers
def _paragraph(w: PageWriter, b: Paragraph) -> str:
    return w.text_block("p", b, "indent" if b.indented else "", link=True)


def _block_title(w: PageWriter, b: BlockTitle) -> str:
    return w.text_block("p", b, "block-title")


def _run_in_title(w: PageWriter, b: RunInTitle) -> str:
    return w.text_block("p", b, "run-in-title")


def _item_list(w: PageWriter, b: ItemList) -> str:
    items = []
    for item in b.items:
        inlines, state = w.segment(item.id, item.inlines)
        if state in ("source", "translated"):
            inlines = w.linker.link(inlines, w.scope)
        children = "".join(_item_list(w, c) for c in item.children)
        items.append(f'<li id="{item.id}" data-seg="{item.id}"{w.state_attrs(state)}>'
                     f'{w.state_label(state)}{w.inline_html(inlines)}{children}</li>')
    return f'<ul id="{b.id}" class="list-{b.style}">{"".join(items)}</ul>'


def _flattened_table(w: PageWriter, b: FlattenedTable) -> str:
    source = "\n".join(line.strip() for line in b.lines)
    text, state = w.segment_text(b.id, source)
    shown = "\n".join(line.rstrip() for line in b.lines) if state != "translated" else text
    lang = "ja" if state != "translated" else w.lang.code
    return (f'<figure id="{b.id}" class="flattened-table" data-seg="{b.id}">'
            f'<figcaption data-generated>{w.state_label(state)}{html_text(w.lang.label("flattened_table"))}</figcaption>'
            f'<pre lang="{lang}">{html_text(shown)}</pre></figure>')


def _member_list(w: PageWriter, b: MemberList) -> str:
    head = "".join(f'<th scope="col">{html_text(w.lang.label(k))}</th>'
                   for k in ("member_mark", "member_name", "member_affiliation"))
    rows = []
    for m in b.members:
        name, name_state = w.segment_text(f"{m.id}-name", m.name)
        aff, aff_state = w.segment_text(f"{m.id}-affiliation", m.affiliation)
        rows.append(f'<tr id="{m.id}" data-seg="{m.id}"><td class="member-mark">{html_text(m.mark)}</td>'
                    f'<th scope="row" class="member-name"{w.state_attrs(name_state)}>{html_text(name)}</th>'
                    f'<td{w.state_attrs(aff_state)}>{w.state_label(aff_state)}{html_text(aff)}</td></tr>')
    return (f'<table id="{b.id}" class="member-list"><thead data-generated><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _matrix_table(w: PageWriter, t: MatrixTable) -> str:
    """A real table: caption, grouped column headers, row headers with scope, symbols with
    accessible text, legend, notes and a CSV download. The visible symbols are the source's;
    the words screen readers hear instead are generated."""
    lang = "ja" if w.lang.is_source else w.lang.code
    tx = lambda b: html_text(b.get(lang) or b.get("ja", ""))  # noqa: E731
    gen = "" if w.lang.is_source else " data-generated"       # English headers are not source text
    cap_id = f"{t.id}-caption"
    groups = "".join(f'<th scope="colgroup" colspan="{int(g.get("span", 1))}"{gen}>{tx(g)}</th>' for g in t.groups)
    head1 = f'<tr><td class="corner"></td>{groups}</tr>' if t.groups else ""
    head2 = (f'<tr><th scope="col" class="row-header"{gen}>{tx(t.row_header)}</th>'
             + "".join(f'<th scope="col"{gen}>{tx(c)}</th>' for c in t.columns) + "</tr>")
    body = []
    for i, row in enumerate(t.rows):
        cells = []
        for symbol in row.cells:
            spoken = html_text(t.symbols.get(symbol, {}).get(lang, symbol))
            shown = "" if symbol == "-" else f'<span class="symbol" aria-hidden="true">{html_text(symbol)}</span>'
            cells.append(f'<td class="cell-{"blank" if symbol == "-" else "mark"}">{shown}'
                         f'<span class="sr-only" data-generated>{spoken}</span></td>')
        body.append(f'<tr id="{t.id}-r{i + 1}"><th scope="row"{gen}>{tx(row.label)}</th>{"".join(cells)}</tr>')
    legend = "".join(f"<li{gen}>{tx(x)}</li>" for x in t.legend)
    notes = "".join(f"<p{gen}>{tx(x)}</p>" for x in t.notes)
    csv = w.href(f"{w.doc.meta.slug}/tables/{t.table_id}.csv")
    return (f'<figure id="{t.id}" class="matrix-table" data-table="{t.table_id}">'
            f'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{cap_id}">'
            f'<table class="matrix"><caption id="{cap_id}" data-generated>{tx(t.caption)}</caption>'
            f'<thead>{head1}{head2}</thead><tbody>{"".join(body)}</tbody></table></div>'
            f'<figcaption><ul class="legend">{legend}</ul>{notes}'
            f'<p class="table-download" data-generated><a href="{html_attr(csv)}" download>'
            f'{html_text(w.lang.label("download_csv"))}</a></p></figcaption></figure>')


BLOCK_RENDERERS: list[tuple[type, Callable[[PageWriter, Block], str]]] = [
    (Paragraph, _paragraph),
    (BlockTitle, _block_title),
    (RunInTitle, _run_in_title),
    (ItemList, _item_list),
    (FlattenedTable, _flattened_table),
    (MemberList, _member_list),
    (MatrixTable, _matrix_table),
]


# -------------------------------------------------------------------- pages
def is_split(doc: Document) -> bool:
    """Whether each top-level section gets its own page (decided once per document)."""
    split = doc.__dict__.get("_split")
    if split is None:
        if doc.meta.split_pages is not None:
            split = bool(doc.meta.split_pages)
        else:
            size = sum(len(plain_text(getattr(b, "inlines", []))) for b in doc.walk())
            split = size > SPLIT_THRESHOLD and len(doc.sections) > 1
        doc.__dict__["_split"] = split
    return split


def page_path(doc: Document, top: Section | None) -> str:
    """The page a top-level section is printed on (None: the landing page)."""
    if top is None or not is_split(doc):
        return f"{doc.meta.slug}/index.md"
    return f"{doc.meta.slug}/{top.anchor}.md"


def note_homes(doc: Document, starts: list[tuple[str, int]]) -> dict[str, set[int]]:
    """Which page prints each note in full: the first page that references it, else the
    page whose source lines held its body. `starts`: (page key, first source line)."""
    homes: dict[str, set[int]] = {key: set() for key, _ in starts}
    first_ref: dict[int, int] = {}
    for ref in doc.footnote_refs():
        first_ref.setdefault(ref.number, ref.line)
    for number, note in doc.footnotes.items():
        line = first_ref.get(number, note.first_line)
        key = next((k for k, start in reversed(starts) if start <= line), starts[0][0])
        homes[key].add(number)
    return homes


def document_title(doc: Document, lang: Language) -> str:
    titles = [f for f in doc.title_block.fields if f.role == "title"]
    if lang.is_source or not titles:
        return doc.meta.title if lang.is_source or not doc.meta.title_en else doc.meta.title_en
    text, state = lang.text(doc.meta.slug, titles[0].id, titles[0].text)
    return text if state == "translated" else (doc.meta.title_en or doc.meta.title)


def title_block_html(w: PageWriter) -> str:
    """The title as the page's H1, then subtitle, date and issuer as printed."""
    parts = []
    fields = w.doc.title_block.fields
    titles = [f for f in fields if f.role == "title"]
    if titles:
        text, state = w.segment_text(titles[0].id, titles[0].text)
        attrs = ' lang="ja"' if state in ("untranslated", "fuzzy") else ""
        parts.append(f"# {markdown_text(text)} {{#title{attrs}}}")
    else:
        parts.append(f"# {markdown_text(w.doc.meta.title)} {{#title}}")
    rows = []
    for f in fields:
        if f.role == "title":
            continue
        text, state = w.segment_text(f.id, f.text)
        rows.append(f'<p id="{f.id}" class="doc-{f.role}" data-seg="{f.id}"{w.state_attrs(state)}>'
                    f'{w.state_label(state)}{html_text(text)}</p>')
    if rows:
        parts.append(f'<div class="title-block">{"".join(rows)}</div>')
    return "\n\n".join(parts)


def contents_html(w: PageWriter, pages: list[Page]) -> str:
    """A generated table of contents: pages and their second-level sections."""
    by_anchor = {s.anchor: s for s in w.doc.sections}
    items = []
    for page in pages:
        section = by_anchor.get(page.anchor)
        subs = ""
        if section is not None:
            subs = "".join(
                f'<li><a href="{w.href(page.path, s.anchor)}">{html_text(plain_text(w.segment(s.id, s.title)[0]))}</a></li>'
                for s in section.sections)
        items.append(f'<li><a href="{w.href(page.path)}">{html_text(page.title)}</a>{f"<ul>{subs}</ul>" if subs else ""}</li>')
    return (f'<nav class="doc-contents" data-generated aria-label="{html_attr(w.lang.label("contents"))}">'
            f'<p class="doc-contents-title">{html_text(w.lang.label("contents"))}</p><ul>{"".join(items)}</ul></nav>')


def provenance_html(w: PageWriter) -> str:
    m, label = w.doc.meta, w.lang.label
    en = not w.lang.is_source
    issuer = (m.issuer_en or m.issuer) if en else m.issuer
    rows = []
    if issuer:
        rows.append((label("issuer"), html_text(issuer)))
    if m.date or m.date_note:
        rows.append((label("date"), html_text((m.date or m.date_note_en or m.date_note) if en else (m.date_note or m.date))))
    if m.source_url:
        rows.append((label("original"), url_link(m.source_url)))
    else:
        rows.append((label("original"), html_text(label("no_original"))))
    dl = "".join(f"<dt>{html_text(k)}</dt><dd>{v}</dd>" for k, v in rows)
    notice = f'<p class="translation-notice">{html_text(label("notice"))}</p>' if label("notice") else ""
    return (f'<aside class="provenance" data-generated aria-label="{html_attr(label("provenance"))}">'
            f'<p class="provenance-title">{html_text(label("provenance"))}</p>{notice}<dl>{dl}</dl></aside>')


def section_title(doc: Document, lang: Language, section: Section) -> str:
    """The title of a top-level section's own page."""
    return plain_text(segment_inlines(doc, lang, section.id, section.title)[0])


def landing_title(doc: Document, lang: Language) -> str:
    return lang.label("overview") if is_split(doc) else document_title(doc, lang)


def page_plan(doc: Document, lang: Language) -> list[tuple[str, str]]:
    """The (title, path) of each page `render_document` makes, in the same order, without
    rendering them: the navigation, known before the pages are written."""
    from .parallel import PARALLEL_PAGE
    sections = doc.sections if is_split(doc) else []
    return ([(landing_title(doc, lang), page_path(doc, None))]
            + [(section_title(doc, lang, s), page_path(doc, s)) for s in sections]
            + [(lang.label("parallel"), f"{doc.meta.slug}/{PARALLEL_PAGE}")])


def render_document(doc: Document, lang: Language) -> list[Page]:
    """All pages of one document: the landing page, one per top-level section when split,
    and the side-by-side (parallel) page."""
    from .parallel import parallel_page
    split = is_split(doc)
    slug = doc.meta.slug
    sections = doc.sections if split else []
    homes = note_homes(doc, [("", 0)] + [(s.anchor, s.first_line) for s in sections])

    pages: list[Page] = []
    for section in sections:
        w = PageWriter(doc, lang, page_path(doc, section))
        w.section(section, 1)
        w.footnotes(homes[section.anchor])
        w.term_tips()
        pages.append(Page(slug, page_path(doc, section), section_title(doc, lang, section),
                          "\n\n".join(w.parts) + "\n", section.anchor))
    parallel = parallel_page(doc, lang)

    w = PageWriter(doc, lang, page_path(doc, None))
    w.parts.append(title_block_html(w))
    w.parts.append(provenance_html(w))
    for block in doc.preamble:
        w.block(block, 2)
    w.parts.append(contents_html(w, pages + [parallel]))
    if not split:
        for section in doc.sections:
            w.section(section, 2)
    w.footnotes(homes[""])
    w.term_tips()
    landing = Page(slug, page_path(doc, None), landing_title(doc, lang), "\n\n".join(p for p in w.parts if p) + "\n", "")
    meta = {"document": slug,
            "description": (doc.meta.description if lang.is_source else doc.meta.description_en) or doc.meta.title,
            "edit": f"docs_src/{slug}/{'source.txt' if lang.is_source else lang.code + '.po'}"}
    if lang.updated.get(slug):
        meta["updated"] = lang.updated[slug]
    for page in [landing] + pages + [parallel]:
        page.meta = {**meta, **page.meta}
    return [landing] + pages + [parallel]
