"""The document model: what every later stage reads and nothing writes back into.

In:  nothing (plain dataclasses).
Out: a `Document` is a tree: a `TitleBlock`, then `Section`s holding blocks
     (`Paragraph`, `ItemList`, `BlockTitle`, `RunInTitle`, `FlattenedTable`,
     `MemberList`) and nested `Section`s; `Footnote`s sit beside the tree.
     Every block carries its source line range and a stable id, so that
     translations, citations and checks can refer to it across rewordings.
     Text inside blocks is a list of inline nodes (`Text`, `FootnoteRef`, `Link`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Union


# ---------------------------------------------------------------- inline nodes
@dataclass(frozen=True)
class Text:
    """Characters of running text, shown literally."""
    text: str


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker in running text, pointing at footnote `number`."""
    number: int
    line: int          # source line of the marker


@dataclass(frozen=True)
class Link:
    """A URL in running text (rejoined where the extraction split it over lines)."""
    url: str


@dataclass(frozen=True)
class TermRef:
    """An occurrence of a glossary term in running text (added at render time)."""
    term: str
    text: str


Inline = Union[Text, FootnoteRef, Link, TermRef]


def plain_text(inlines: list[Inline], refs: bool = False) -> str:
    """The characters of an inline run; footnote markers as `[n]` if `refs`."""
    out = []
    for node in inlines:
        if isinstance(node, (Text, TermRef)):
            out.append(node.text)
        elif isinstance(node, Link):
            out.append(node.url)
        elif refs:
            out.append(f"[{node.number}]")
    return "".join(out)


# ------------------------------------------------------------------ artifacts
class ArtifactKind(StrEnum):
    """What a piece of the source that is not printed as body text is."""
    FOLIO = "folio"                        # a printed page number
    SHEET_LABEL = "sheet-label"            # a label such as 付録１ printed at a sheet's end
    RUNNING_HEADER = "running-header"      # a line repeated at the top of the sheets (資料２－１)
    RUNNING_FOOTER = "running-footer"      # a line repeated at their bottom
    NOTES_RULE = "notes-rule"              # a separator line above a block of notes
    NOTES_HEADING = "notes-heading"        # （注）: the heading of a block of notes
    CONTENTS_LEADER = "contents-leader"    # the dotted leader of a table of contents' line (……)
    FOOTNOTE_LABEL = "footnote-label"      # the [n] opening a footnote body (the list numbers it)
    FOOTNOTE_REF = "footnote-ref"          # the [n] of a marker (a generated reference replaces it)
    LIST_MARKER = "list-marker"            # a bullet glyph (the list's style prints it)


@dataclass(frozen=True)
class Artifact:
    """Source characters that are deliberately not printed as body text."""
    line: int
    kind: ArtifactKind
    text: str


# --------------------------------------------------------------------- blocks
@dataclass
class Block:
    """A block of the document; `id` is its stable segment id, the lines its extent in the source."""
    id: str = ""
    first_line: int = 0
    last_line: int = 0


@dataclass
class Paragraph(Block):
    """A paragraph of running text, its broken lines joined."""
    inlines: list[Inline] = field(default_factory=list)
    indented: bool = False


@dataclass
class BlockTitle(Block):
    """A bracketed title such as 【考えられる取組方策】."""
    inlines: list[Inline] = field(default_factory=list)


@dataclass
class RunInTitle(Block):
    """A parenthesised title on its own line such as （ＪＡＸＡラボ機能）."""
    inlines: list[Inline] = field(default_factory=list)


@dataclass
class ListItem(Block):
    """One item of an `ItemList`, with the lists nested under it."""
    inlines: list[Inline] = field(default_factory=list)
    children: list["ItemList"] = field(default_factory=list)


@dataclass
class ItemList(Block):
    """Items of one kind: `bullet` (・), `implicit` (glyph lost in extraction), `circle` (○)."""
    style: str = "bullet"
    items: list[ListItem] = field(default_factory=list)


@dataclass
class FlattenedTable(Block):
    """A table that PDF extraction flattened, kept line by line until it is curated."""
    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)     # source line of each entry of `lines`
    refs: list["FootnoteRef"] = field(default_factory=list)    # the note markers in its lines
    markers: list[str] = field(default_factory=list)     # each one's text as printed (*3), in order
    layout: "TableLayout | None" = None     # how its lines read as a table, where they do (tables.read_layout)


@dataclass
class LayoutRow:
    """One row of a `TableLayout`: its line, its marks as printed, and their columns where known."""
    line: int                                            # its index in the table's `lines`
    marks: list[str] = field(default_factory=list)
    cells: list[str] | None = None                       # one per column ("-" blank), or None: unplaceable

    def is_placed(self) -> bool:
        return self.cells is not None


@dataclass
class TableLayout:
    """A flattened table read as rows: line 0 names its columns, rows end in marks, notes follow.
    Some rows' marks cannot be put in columns; the rest are."""
    columns: int = 0
    rows: list[LayoutRow] = field(default_factory=list)

    def notes_from(self) -> int:
        """The index of the first line after the rows (its notes)."""
        return self.rows[-1].line + 1


Bilingual = dict                 # {"ja": ..., "en": ...}


@dataclass
class MatrixRow:
    """One row of a `MatrixTable`: its label in both languages, one symbol per column."""
    label: Bilingual = field(default_factory=dict)
    cells: list[str] = field(default_factory=list)       # one symbol per column, "-" for blank
    decision: str = ""


@dataclass
class MatrixTable(Block):
    """A curated table (docs_src/<doc>/tables/<id>.yml) standing where a flattened one was."""
    table_id: str = ""
    caption: Bilingual = field(default_factory=dict)
    row_header: Bilingual = field(default_factory=dict)
    groups: list[dict] = field(default_factory=list)     # {"ja", "en", "span"}
    columns: list[Bilingual] = field(default_factory=list)
    rows: list[MatrixRow] = field(default_factory=list)
    symbols: dict[str, Bilingual] = field(default_factory=dict)
    legend: list[Bilingual] = field(default_factory=list)
    notes: list[Bilingual] = field(default_factory=list)
    data_path: str = ""
    refs: list["FootnoteRef"] = field(default_factory=list)    # the note markers in its lines (decoded tables)
    markers: list[str] = field(default_factory=list)     # each one's text as printed, in order
    decoded: bool = False     # read from the text by the generator (no tables/<id>.yml): Japanese only
    numeric: bool = False     # its cells are figures, not marks
    textual: bool = False     # its cells are words, not marks
    caption_printed: bool = False    # its caption is the source's (a units line), not the generator's


@dataclass
class ContentsEntry(Block):
    """One line of a printed table of contents: its text and the page it gives."""
    text: str = ""
    page: str = ""


@dataclass
class Contents(Block):
    """A printed table of contents (目次, dotted leaders, page numbers), kept as its own block."""
    heading: str = ""         # 目次, as printed ("" when none)
    entries: list[ContentsEntry] = field(default_factory=list)


@dataclass
class SpeakerTurn(Block):
    """One turn of speech in minutes: the speaker as printed (○高村主査, 【事務局】) and what they said."""
    speaker: str = ""
    inlines: list[Inline] = field(default_factory=list)


@dataclass
class Member(Block):
    """One member in a list of committee members."""
    mark: str = ""            # ◎ chair, ○ deputy chair, or ""
    name: str = ""            # as printed, spaces included
    affiliation: str = ""


@dataclass
class MemberList(Block):
    """A list of committee members (name and affiliation in columns)."""
    members: list[Member] = field(default_factory=list)
    affiliation_first: bool = False    # printed affiliation, then name (文部科学省…課長 北川智之)


@dataclass
class Section(Block):
    """A numbered or titled section: its heading, its anchor, its blocks and subsections."""
    level: int = 1
    anchor: str = ""
    title: list[Inline] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)
    scheme: str = ""          # the heading scheme it is numbered in ("" for an annex, appendix or meeting)
    number: str = ""          # its number as printed

    @property
    def sections(self) -> list["Section"]:
        return [c for c in self.children if isinstance(c, Section)]


@dataclass
class Footnote(Block):
    """A footnote body, found at the bottom of a sheet and moved out of the running text."""
    number: int = 0
    lines: list[list[Inline]] = field(default_factory=list)   # one entry per printed line group
    source_lines: list[int] = field(default_factory=list)     # the source lines its body was printed on


@dataclass
class TitleField(Block):
    """One line of the title sheet: title, subtitle, date or issuer."""
    role: str = ""            # title | subtitle | date | issuer
    text: str = ""


@dataclass
class TitleBlock(Block):
    """The title sheet of a document (its first printed lines: title, date, issuer)."""
    fields: list[TitleField] = field(default_factory=list)

    def get(self, role: str) -> list[str]:
        return [f.text for f in self.fields if f.role == role]


@dataclass
class Meta:
    """A document's metadata, from its `meta.yml`."""
    slug: str
    title: str = ""
    title_en: str = ""
    issuer: str = ""
    issuer_en: str = ""
    date: str = ""            # ISO date, or "" where the text gives none
    date_note: str = ""       # the date as the text prints it, or what stands for it
    date_note_en: str = ""    # its English (shown where there is no ISO date)
    source_url: str = ""
    description: str = ""
    description_en: str = ""
    split_pages: bool | None = None   # None: decide by length
    heading_levels: list[str] | None = None   # heading schemes, level 1 first (None: as they first appear)
    stated: tuple[str, ...] = ()      # the fields meta.yml states (even empty): the text fills only the others


@dataclass(frozen=True)
class Decision:
    """How one part of a source was recognised: at which line, by which rule, into what."""
    line: int
    rule: str          # the rule that decided: an entry of `parse.structure.BLOCK_RULES` (and a heading's scheme)
    made: str          # the id (a section's anchor) of the block it made or added to


def walk_blocks(blocks):
    """These blocks and everything inside them, in reading order (depth first)."""
    for b in blocks:
        yield b
        if isinstance(b, Section):
            yield from walk_blocks(b.children)
        elif isinstance(b, ItemList):
            for item in b.items:
                yield item
                yield from walk_blocks(item.children)
        elif isinstance(b, Contents):
            yield from b.entries


@dataclass(eq=False)
class Document:
    """One parsed source text: title sheet, blocks, sections, footnotes and the artifacts set aside
    (compared by identity, so that answers about it can be remembered: see `memos`)."""
    meta: Meta
    source_path: str
    title_block: TitleBlock
    preamble: list[Block]     # blocks before the first top-level section
    sections: list[Section]   # top-level sections (each a page when split)
    footnotes: dict[int, Footnote]
    artifacts: list[Artifact]
    decisions: list[Decision] = field(default_factory=list)    # how each unit was recognised, in order

    def walk(self):
        """Every block in reading order (depth first), footnotes excluded."""
        yield from walk_blocks(self.title_block.fields)
        yield from walk_blocks(self.preamble)
        yield from walk_blocks(self.sections)

    def footnote_refs(self) -> list["FootnoteRef"]:
        """Every footnote reference of the text (headings included), in reading order."""
        return [node for block in self.walk() for node in getattr(block, "inlines", []) + getattr(block, "title", [])
                + getattr(block, "refs", []) if isinstance(node, FootnoteRef)]
