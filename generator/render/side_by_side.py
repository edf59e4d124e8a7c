"""The side-by-side (対訳) page of a document: Japanese and English, passage by passage.

In:  a `Document`, the page's `Language` (for interface strings and the URL style; the English
     text is looked up through an English `Language` of the same catalogs) and the page each
     top-level section and each note is printed on (`render.pages`).
Out: one `Page` of pairs in reading order: one per segment, and one per table (curated, read
     from the text or as extracted), shown once in each language by the renderers of `blocks`.
     Each pair keeps the segment id as its anchor and carries a citation link labelled with the
     printed numbering of its section and its place there (`3.(3)①ア) ¶3`), which leads to the
     passage on its normal page. CSS sets the pairs in two columns on wide screens and in print,
     stacked on phones.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..memos import per_document
from ..model import (Block, Document, FlattenedTable, FootnoteRef, Link, MatrixTable, MemberList, Section, Text,
                     TitleField, plain_text)
from ..parse.inline import parse_inlines
from ..parse.units import KATAKANA_ORDER, LINE_MARKERS
from ..translate.catalog import SegmentState
from ..translate.segments import Segment, block_segments, segments
from .blocks import render_block
from .escape import html_attr, html_text, markdown_text, url_link
from .languages import SOURCE_LANG, Language
from .writer import Page, PageWriter, document_title

PAIR_LANG = "en"
SIDE_BY_SIDE_PAGE = "parallel.md"      # each document's side-by-side page, in its folder (URL parallel/)
ID_ATTRS = re.compile(r' (id|aria-labelledby|aria-describedby)="([^"]*)"')     # (text is escaped: never matches it)
HALF_WIDTH_COLUMNS = 4     # a table of more columns (or as extracted) gets the whole width, English below
ASCII_ALNUM = re.compile("[A-Za-z0-9]")
CIRCLED = set(map(chr, range(ord("①"), ord("⑳") + 1)))


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
                parts.append(_note_ref(node.number))
        out.append("".join(parts))
    return "<br>".join(out)


def _note_ref(number: int) -> str:
    """A reference to note `number`: to its pair on this page."""
    return f'<sup><a class="footnote-ref" href="#fn-{number}">{number}</a></sup>'


class SideWriter(PageWriter):
    """One side of a table pair: the table as its normal page prints it in that language, its ids
    prefixed with the language (the pair keeps the block's own), its note references to the notes' pairs."""

    def footnote_ref(self, number: int) -> str:
        return _note_ref(number)

    def html(self) -> str:
        code = self.lang.code
        return ID_ATTRS.sub(lambda m: f' {m[1]}="{code}-{m[2]}"', "".join(self.parts))


# ------------------------------------------------------------ citation labels
def printed_number(section: Section, lang: Language) -> str:
    """A section's number as printed (`3.` `(3)` `①` `ア)`; in English `(a)`, as translated), "" if it has none."""
    marker = LINE_MARKERS[section.scheme] if section.scheme in LINE_MARKERS else None
    if marker is None or marker.rank or not section.number:       # (known titles, attachments: words)
        return ""
    m = marker.pattern.match(plain_text(section.title).strip())
    if m is None:
        return ""
    shown = m.group(0).strip(" \u3000")
    shown = shown if len(shown) <= len(m.group(1)) + 3 else m.group(1)
    text = "".join(c if c in CIRCLED else unicodedata.normalize("NFKC", c) for c in shown)
    if lang.is_source:
        return text
    letters = "".join(chr(ord("a") + KATAKANA_ORDER.index(c)) if c in KATAKANA_ORDER else c for c in text)
    return f"({letters[:-1]})" if letters != text and re.fullmatch(r"[a-z]\)", letters) else letters


def _section_label(section: Section | None, parents: dict[int, Section | None], lang: Language) -> list[str]:
    """The parts of a section's citation label: its ancestors' numbers and its own, from the nearest
    unnumbered one (named by its anchor) down; a new part where two would run together (第1 1)."""
    numbers: list[str] = []
    while section is not None:
        number = printed_number(section, lang)
        numbers.append(number or section.anchor)
        if not number:
            break
        section = parents.get(id(section))
    parts: list[str] = []
    for number in reversed(numbers):
        if parts and not (ASCII_ALNUM.match(parts[-1][-1]) and ASCII_ALNUM.match(number[0])):
            parts[-1] += number
        else:
            parts.append(number)
    return parts


def _label_html(parts: list[str]) -> str:
    """A label that breaks only between its parts (never inside one)."""
    return " ".join(f'<span class="cite-part">{html_text(p)}</span>' for p in parts)


# ------------------------------------------------------------ the passages
def _owners(doc: Document) -> dict[int, Section | None]:
    """The section each block of `Document.walk` stands in (None: title block and preamble), by `id()`."""
    owner: dict[int, Section | None] = {id(b): None for b in (*doc.title_block.fields, *doc.preamble, *doc.sections)}
    for block in doc.walk():
        if isinstance(block, Section):
            owner.update((id(c), block) for c in block.children)
    out, current = {}, None
    for block in doc.walk():           # list items, nested lists and entries stand where their container does
        current = owner.get(id(block), current)
        out[id(block)] = current
    return out


def _anchor(block: Block, seg: Segment | None) -> str:
    """The id a passage carries on its normal page."""
    if isinstance(block, TitleField):
        return "title" if block.role == "title" else block.id
    if isinstance(block, Section):
        return block.anchor
    if isinstance(block, MemberList):
        return seg.id.removesuffix("-name").removesuffix("-affiliation")      # the member's row
    return block.id             # (a speaker's turn for its speaker too)


class _Pairs:
    """The pairs of one side-by-side page, written in reading order."""

    def __init__(self, doc: Document, lang: Language, tops: dict[str, str], note_pages: dict[int, str]):
        self.doc, self.lang = doc, lang
        self.page = f"{doc.meta.slug}/{SIDE_BY_SIDE_PAGE}"
        self.sides = (replace(lang, code=SOURCE_LANG), replace(lang, code=PAIR_LANG))
        self.tops, self.note_pages = tops, note_pages
        self.rows: list[tuple[str, str, int]] = []    # (the normal page of its passage, its HTML, its size)
        self.group = ""

    def cite(self, seg_id: str, page: str, anchor: str, label: list[str]) -> str:
        title = self.lang.label("cite").format(id=seg_id)
        return (f'<a class="pair-cite" href="{html_attr(self.lang.urls.href(self.page, page, anchor))}" '
                f'title="{html_attr(title)}">{_label_html(label)}</a>')

    def text_pair(self, seg: Segment, kind: str, cite: str) -> None:
        """A segment's Japanese and its English (or the label of its pending translation)."""
        en_text, state = self.sides[1].text(self.doc.meta.slug, seg.id, seg.source)
        notes = seg.id.startswith("fn-")
        label = f'<span class="pair-note">[{seg.id.removeprefix("fn-")}]</span> ' if notes else ""
        en_html, en_attrs = self.english(state, lambda: label + _html(en_text, notes))
        self.rows.append((self.group, f'<div class="pair{kind}" id="{seg.id}" data-seg="{seg.id}">{cite}'
                                      f'<div class="pair-ja" lang="ja">{label + _html(seg.source, notes)}</div>'
                                      f'<div class="pair-en"{en_attrs}>{en_html}</div></div>',
                          len(seg.source.encode()) + len((en_text or "").encode())))

    def english(self, state: SegmentState, shown) -> tuple[str, str]:
        """The English side of a pair: `shown()` when translated, else its state's label."""
        if state is SegmentState.TRANSLATED:
            return shown(), ' lang="en"'
        return (f'<span class="tr-state">{html_text(self.sides[1].label(state.value))}</span>',
                f' lang="en" data-state="{state.value}"')

    def table_pair(self, block: Block, cite: str) -> None:
        """A table, in each language as its normal page prints it."""
        sides = []
        for lang in self.sides:
            w = SideWriter(self.doc, lang, self.page)
            render_block(w, block, 2)
            sides.append(w.html())
        seg = ""
        en_attrs = ' lang="en"'
        if isinstance(block, FlattenedTable):            # a segment: its English may be pending
            seg = f' data-seg="{block.id}"'
            state = self.sides[1].text(self.doc.meta.slug, block.id, "")[1]
            sides[1], en_attrs = self.english(state, lambda: sides[1])
        layout = getattr(block, "layout", None)
        columns = len(block.columns) if isinstance(block, MatrixTable) else (layout.columns if layout else 0)
        wide = " pair-wide" if not columns or columns > HALF_WIDTH_COLUMNS else ""
        self.rows.append((self.group, f'<div class="pair pair-table{wide}" id="{block.id}"{seg}>{cite}'
                                      f'<div class="pair-ja" lang="ja">{sides[0]}</div>'
                                      f'<div class="pair-en"{en_attrs}>{sides[1]}</div></div>',
                          len(sides[0].encode()) + len(sides[1].encode())))

    def write(self) -> list[tuple[str, str, int]]:
        doc = self.doc
        owners = _owners(doc)
        parents = {id(s): owners[id(s)] for s in doc.walk() if isinstance(s, Section)}
        counts: dict[int, int] = {}         # passages so far in each section (by id())

        def page_of(section: Section | None) -> str:
            """The normal page of the passages of a section: its own, or its nearest ancestor's, that begins one."""
            while section is not None and section.anchor not in self.tops:
                section = parents[id(section)]
            return self.tops["" if section is None else section.anchor]
        for block in doc.walk():
            owner = owners[id(block)]
            self.group = page_of(block if isinstance(block, Section) else owner)
            if isinstance(block, Section):
                [seg] = block_segments(block)
                label = _section_label(block, parents, self.lang)
                self.text_pair(seg, f" pair-h{block.level}", self.cite(seg.id, page_of(block), block.anchor, label))
                continue
            for seg in [None] if isinstance(block, MatrixTable) else block_segments(block):   # (a table: no segment)
                n = counts[id(owner)] = counts.get(id(owner), 0) + 1
                label = _section_label(owner, parents, self.lang) + [f"¶{n}"]
                cite = self.cite(seg.id if seg else block.id, page_of(owner), _anchor(block, seg), label)
                if isinstance(block, (MatrixTable, FlattenedTable)):
                    self.table_pair(block, cite)
                else:
                    self.text_pair(seg, "", cite)
        notes = {note.id: note.number for note in doc.footnotes.values()}
        self.group = NOTES
        for seg in segments(doc):
            if seg.id in notes:
                number = notes[seg.id]
                cite = self.cite(seg.id, self.note_pages.get(number, self.tops[""]), f"fn:{number}",
                                 [self.lang.label("cite_note").format(n=number)])
                self.text_pair(seg, " pair-note-row", cite)
        return self.rows


NOTES = "notes"          # the group of the note pairs
PART_BYTES = 300_000     # a part of the view holds about so many bytes of pairs (a long document's has several)
RELATIVE_HREF = re.compile(r'href="(?![#/]|[A-Za-z][A-Za-z0-9+.-]*:)')
NOTE_REF = re.compile(r'href="#(fn-\d+)"')                   # (what `_note_ref` writes)
NOTE_ID = re.compile(r'<div class="pair pair-note-row" id="(fn-\d+)"')       # (what `text_pair` writes for a note)


def _parts(rows: list[tuple[str, str, int]]) -> tuple[list[list[str]], dict[str, int]]:
    """The pairs in parts of about `PART_BYTES` of text (the same parts in both editions), broken where
    a page's passages begin when a part is half full, or where one would overflow; each note with the
    part that first refers to it. Also each note's part (by its pair's id)."""
    parts: list[list[str]] = [[]]
    size, group = 0, None
    first_ref: dict[str, int] = {}
    for key, row, cost in rows:
        if key == NOTES:
            continue
        if parts[-1] and (size + cost > PART_BYTES or (key != group and size > PART_BYTES // 2)):
            parts.append([])
            size = 0
        parts[-1].append(row)
        size, group = size + cost, key
        for note in NOTE_REF.findall(row):
            first_ref.setdefault(note, len(parts) - 1)
    homes: dict[str, int] = {}
    for key, row, _ in rows:
        if key == NOTES:
            note = NOTE_ID.match(row)[1]
            homes[note] = first_ref.get(note, len(parts) - 1)
            parts[homes[note]].append(row)
    return parts, homes


def part_path(doc: Document, number: int) -> str:
    """The page of part `number` of a document's side-by-side view (the first is its own page)."""
    return f"{doc.meta.slug}/{SIDE_BY_SIDE_PAGE}" if number == 1 else f"{doc.meta.slug}/parallel/{number}.md"


def side_by_side_pages(doc: Document, lang: Language, tops: dict[str, str], note_pages: dict[int, str]) -> list[Page]:
    """The document's passages in pairs, Japanese and English, each citable and linked to its normal
    page (`tops`: the page of each top-level section by anchor, "" the landing page's; `note_pages`:
    the page that prints each note in full); in parts of pages of their own when the document is long
    (only the first in the navigation)."""
    parts, homes = _parts(_Pairs(doc, lang, tops, note_pages).write())
    paths = [part_path(doc, k) for k in range(1, len(parts) + 1)]
    title = lang.label("side_by_side")
    pages = []
    for number, (part, path) in enumerate(zip(parts, paths), 1):
        html = "".join(part)
        if number > 1:        # written from the first part's page: the others are a folder deeper, in both URL styles
            html = RELATIVE_HREF.sub('href="../', html)
        if len(parts) > 1:                        # a reference to a note of another part
            html = NOTE_REF.sub(lambda m: m[0] if homes.get(m[1], number - 1) == number - 1 else
                                f'href="{html_attr(lang.urls.href(path, paths[homes[m[1]]], m[1]))}"', html)
        pager = ""
        if len(parts) > 1:
            links = " ".join(f'<a href="{html_attr(lang.urls.href(path, p))}"' + (' aria-current="page"' if p == path else "")
                             + f">{k}</a>" for k, p in enumerate(paths, 1))
            pager = (f'<nav class="parallel-pager" data-generated aria-label="{html_attr(lang.label("side_by_side_parts"))}">'
                     f"{links}</nav>\n\n")
        heading = title if len(parts) == 1 else f"{title} ({number}/{len(parts)})"
        markdown = (f"# {markdown_text(heading)} {{#parallel}}\n\n"
                    f'<p class="parallel-doc" data-generated><strong>{html_text(document_title(doc, lang))}</strong></p>\n\n'
                    f'<p class="parallel-intro" data-generated>{html_text(lang.label("side_by_side_intro"))}</p>\n\n'
                    f'{pager}<div class="parallel" data-generated>{html}</div>\n')
        # the pairs need the width of the right-hand sidebar
        pages.append(Page(doc.meta.slug, path, heading, markdown, "parallel", {"hide": ["toc"]}, in_nav=number == 1))
    return pages


def passage_labels(doc: Document, lang: Language) -> dict[str, list[str]]:
    """Each passage's anchor on its normal page → its citation label's parts, as the pairs print them
    (a heading: its section's numbers; a paragraph: its section's, then `¶n`; a note: `Note n`)."""
    owners = _owners(doc)
    parents = {id(s): owners[id(s)] for s in doc.walk() if isinstance(s, Section)}
    counts: dict[int, int] = {}
    out: dict[str, list[str]] = {}
    for block in doc.walk():
        owner = owners[id(block)]
        if isinstance(block, Section):
            out.setdefault(block.anchor, _section_label(block, parents, lang))
            continue
        for seg in [None] if isinstance(block, MatrixTable) else block_segments(block):
            n = counts[id(owner)] = counts.get(id(owner), 0) + 1
            out.setdefault(_anchor(block, seg), _section_label(owner, parents, lang) + [f"¶{n}"])
    for note in doc.footnotes.values():
        out.setdefault(f"fn:{note.number}", [lang.label("cite_note").format(n=note.number)])
    return out
