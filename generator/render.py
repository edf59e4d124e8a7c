"""Stage 4 — the document model to Markdown pages, one language at a time.

In:  a `Document` and a `Language` (which text to print for each block:
     the Japanese source, or a translation looked up by block id).
Out: `Page`s: path, title and Markdown text. Headings are Markdown (so that
     MkDocs builds the table of contents and permalinks, with anchors taken
     from the numbering); blocks are raw HTML written from the model, with
     every piece of source text escaped, so that nothing in the source is
     read as markup. Footnotes keep their printed numbers.

Each block type has one small renderer, registered in `BLOCK_RENDERERS`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .escape import html_attr, html_text, markdown_text
from .model import (Block, BlockTitle, Document, FlattenedTable, Footnote, FootnoteRef,
                    Inline, ItemList, Link, MemberList, Paragraph, RunInTitle, Section, Text,
                    plain_text)

SPLIT_THRESHOLD = 12000      # characters; longer documents get one page per top-level section


@dataclass
class Language:
    code: str = "ja"
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, key: str) -> str:
        return self.labels.get(key, LABELS_JA.get(key, key))


LABELS_JA = {
    "flattened_table": "この表は原文の抽出テキストのまま表示しています（表の整形は未対応）。",
    "member_mark": "役職",
    "member_name": "氏名",
    "member_affiliation": "所属",
    "backref": "本文の参照箇所へ戻る",
    "contents": "目次",
    "provenance": "出典",
    "issuer": "発行",
    "date": "日付",
    "original": "原本",
    "source_file": "原文テキスト",
    "no_original": "原本の所在は本文に記載がありません",
    "footnotes": "脚注",
}


@dataclass
class Page:
    doc: str
    path: str                  # relative to the language root, e.g. "leo-activity-2025/1.md"
    title: str
    markdown: str
    anchor: str = ""           # the top-level section shown, or "" for a landing page
    line_range: tuple[int, int] = (0, 0)


class PageWriter:
    """Collects the HTML of one page and the footnote references made on it."""

    def __init__(self, doc: Document, lang: Language):
        self.doc = doc
        self.lang = lang
        self.parts: list[str] = []
        self.refs: dict[int, list[str]] = {}     # note number → reference ids, in order

    # ---------------------------------------------------------------- inline
    def inline_html(self, inlines: list[Inline]) -> str:
        out = []
        for node in inlines:
            if isinstance(node, Text):
                out.append(html_text(node.text))
            elif isinstance(node, Link):
                out.append(f'<a href="{html_attr(node.url)}">{html_text(node.url)}</a>')
            elif isinstance(node, FootnoteRef):
                out.append(self.footnote_ref(node.number))
        return "".join(out)

    def inline_markdown(self, inlines: list[Inline]) -> str:
        out = []
        for node in inlines:
            if isinstance(node, Text):
                out.append(markdown_text(node.text))
            else:
                out.append(self.inline_html([node]))
        return "".join(out)

    def footnote_ref(self, number: int) -> str:
        ids = self.refs.setdefault(number, [])
        ref_id = f"fnref:{number}" if not ids else f"fnref{len(ids) + 1}:{number}"
        ids.append(ref_id)
        return (f'<sup id="{ref_id}" data-generated><a class="footnote-ref" href="#fn:{number}">'
                f'{number}</a></sup>')

    # ---------------------------------------------------------------- blocks
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
        hashes = "#" * min(depth, 6)
        self.parts.append(f"{hashes} {self.inline_markdown(section.title)} {{#{section.anchor}}}")
        for child in section.children:
            self.block(child, depth + 1)

    def footnotes(self, home: set[int]) -> None:
        if not self.refs and not home:
            return
        items = []
        for number in sorted(set(self.refs) | home):
            note = self.doc.footnotes.get(number)
            if note is None:
                continue
            items.append(self.footnote(note, repeat=number not in home))
        if items:
            self.parts.append(f'<div class="footnote" role="doc-endnotes" aria-label="{html_attr(self.lang.label("footnotes"))}">'
                              f'<hr data-generated><ol>{"".join(items)}</ol></div>')

    def footnote(self, note: Footnote, repeat: bool) -> str:
        body = "<br>".join(self.inline_html(line) for line in note.lines)
        backs = "".join(
            f' <a class="footnote-backref" href="#{ref}" title="{html_attr(self.lang.label("backref"))}" data-generated>&#8617;</a>'
            for ref in self.refs.get(note.number, []))
        extra = " data-repeat" if repeat else ""
        return (f'<li id="fn:{note.number}" value="{note.number}" data-seg="{note.id}"{extra}>'
                f'<p>{body}{backs}</p></li>')


# -------------------------------------------------------------- block renderers
def _paragraph(w: PageWriter, b: Paragraph) -> str:
    cls = ' class="indent"' if b.indented else ""
    return f'<p id="{b.id}"{cls} data-seg="{b.id}">{w.inline_html(b.inlines)}</p>'


def _block_title(w: PageWriter, b: BlockTitle) -> str:
    return f'<p id="{b.id}" class="block-title" data-seg="{b.id}">{w.inline_html(b.inlines)}</p>'


def _run_in_title(w: PageWriter, b: RunInTitle) -> str:
    return f'<p id="{b.id}" class="run-in-title" data-seg="{b.id}">{w.inline_html(b.inlines)}</p>'


def _item_list(w: PageWriter, b: ItemList) -> str:
    items = []
    for item in b.items:
        children = "".join(_item_list(w, c) for c in item.children)
        items.append(f'<li id="{item.id}" data-seg="{item.id}">{w.inline_html(item.inlines)}{children}</li>')
    return f'<ul id="{b.id}" class="list-{b.style}">{"".join(items)}</ul>'


def _flattened_table(w: PageWriter, b: FlattenedTable) -> str:
    body = html_text("\n".join(line.rstrip() for line in b.lines))
    return (f'<figure id="{b.id}" class="flattened-table" data-seg="{b.id}">'
            f'<figcaption data-generated>{html_text(w.lang.label("flattened_table"))}</figcaption>'
            f'<pre lang="ja">{body}</pre></figure>')


def _member_list(w: PageWriter, b: MemberList) -> str:
    head = "".join(f"<th scope=\"col\">{html_text(w.lang.label(k))}</th>"
                   for k in ("member_mark", "member_name", "member_affiliation"))
    rows = "".join(
        f'<tr id="{m.id}" data-seg="{m.id}"><td class="member-mark">{html_text(m.mark)}</td>'
        f'<th scope="row" class="member-name">{html_text(m.name)}</th>'
        f'<td>{html_text(m.affiliation)}</td></tr>' for m in b.members)
    return (f'<table id="{b.id}" class="member-list"><thead data-generated><tr>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table>')


BLOCK_RENDERERS: list[tuple[type, Callable[[PageWriter, Block], str]]] = [
    (Paragraph, _paragraph),
    (BlockTitle, _block_title),
    (RunInTitle, _run_in_title),
    (ItemList, _item_list),
    (FlattenedTable, _flattened_table),
    (MemberList, _member_list),
]


# -------------------------------------------------------------------- pages
def is_split(doc: Document) -> bool:
    if doc.meta.split_pages is not None:
        return bool(doc.meta.split_pages)
    size = sum(len(plain_text(getattr(b, "inlines", []))) for b in doc.walk())
    return size > SPLIT_THRESHOLD and len(doc.sections) > 1


def note_homes(doc: Document, ranges: list[tuple[str, int, int]]) -> dict[str, set[int]]:
    """Which page prints each note in full: the first page that references it, else the
    page whose source lines held its body."""
    homes: dict[str, set[int]] = {key: set() for key, _, _ in ranges}
    first_ref: dict[int, int] = {}
    for block in doc.walk():
        for node in getattr(block, "inlines", []) + getattr(block, "title", []):
            if isinstance(node, FootnoteRef):
                first_ref.setdefault(node.number, node.line)
    for number, note in doc.footnotes.items():
        line = first_ref.get(number, note.first_line)
        key = next((k for k, a, b in reversed(ranges) if a <= line), ranges[0][0])
        homes[key].add(number)
    return homes


def title_block_html(w: PageWriter) -> str:
    """The title as the page's H1, then subtitle, date and issuer as printed."""
    parts = []
    titles = [f for f in w.doc.title_block.fields if f.role == "title"]
    heading = titles[0].text if titles else w.doc.meta.title
    parts.append(f"# {markdown_text(heading)} {{#title}}")
    rows = [f'<p id="{f.id}" class="doc-{f.role}" data-seg="{f.id}">{html_text(f.text)}</p>'
            for f in w.doc.title_block.fields if f.role != "title"]
    if rows:
        parts.append(f'<div class="title-block">{"".join(rows)}</div>')
    return "\n\n".join(parts)


def contents_html(w: PageWriter, pages: list[Page]) -> str:
    """A generated table of contents: pages and their second-level sections."""
    if not pages:
        return ""
    doc = w.doc
    by_anchor = {s.anchor: s for s in doc.sections}
    items = []
    for page in pages:
        href = page.path.split("/", 1)[1].removesuffix(".md") + "/"
        subs = "".join(f'<li><a href="{href}#{s.anchor}">{html_text(plain_text(s.title))}</a></li>'
                       for s in by_anchor[page.anchor].sections)
        sub = f"<ul>{subs}</ul>" if subs else ""
        items.append(f'<li><a href="{href}">{html_text(page.title)}</a>{sub}</li>')
    return (f'<nav class="doc-contents" data-generated aria-label="{html_attr(w.lang.label("contents"))}">'
            f'<p class="doc-contents-title">{html_text(w.lang.label("contents"))}</p><ul>{"".join(items)}</ul></nav>')


def provenance_html(w: PageWriter) -> str:
    m, label = w.doc.meta, w.lang.label
    rows = []
    if m.issuer:
        rows.append((label("issuer"), html_text(m.issuer)))
    if m.date or m.date_note:
        rows.append((label("date"), html_text(m.date_note or m.date)))
    if m.source_url:
        rows.append((label("original"), f'<a href="{html_attr(m.source_url)}">{html_text(m.source_url)}</a>'))
    else:
        rows.append((label("original"), html_text(label("no_original"))))
    dl = "".join(f"<dt>{html_text(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return (f'<aside class="provenance" data-generated aria-label="{html_attr(label("provenance"))}">'
            f'<p class="provenance-title">{html_text(label("provenance"))}</p><dl>{dl}</dl></aside>')


def render_document(doc: Document, lang: Language) -> list[Page]:
    """All pages of one document: the landing page, then one per top-level section when split."""
    split = is_split(doc)
    slug = doc.meta.slug
    sections = doc.sections if split else []
    ranges = [("", 0, 0)] + [(s.anchor, s.first_line, 0) for s in sections]
    homes = note_homes(doc, ranges)

    pages: list[Page] = []
    for section in sections:
        w = PageWriter(doc, lang)
        w.section(section, 1)
        w.footnotes(homes[section.anchor])
        pages.append(Page(slug, f"{slug}/{section.anchor}.md", plain_text(section.title),
                          "\n\n".join(w.parts) + "\n", section.anchor,
                          (section.first_line, section.last_line)))

    w = PageWriter(doc, lang)
    w.parts.append(title_block_html(w))
    w.parts.append(provenance_html(w))
    for block in doc.preamble:
        w.block(block, 2)
    w.parts.append(contents_html(w, pages))
    if not split:
        for section in doc.sections:
            w.section(section, 2)
    w.footnotes(homes[""])
    landing = Page(slug, f"{slug}/index.md", doc.meta.title,
                   "\n\n".join(p for p in w.parts if p) + "\n", "", (doc.title_block.first_line, 0))
    return [landing] + pages
