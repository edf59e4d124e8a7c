"""Translatable segments of a document.

In:  a `Document`.
Out: `Segment`s in reading order — one per title-block field, heading,
     paragraph, list item, block title, member name and affiliation, flattened
     table and footnote — each with the block's stable id, its Japanese source
     text and its first source line. Footnote markers stay in the text as `[n]`
     and URLs as written, so a translation carries them along.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..memos import per_document
from ..model import (BlockTitle, Contents, Document, FlattenedTable, ListItem, MemberList, Paragraph, RunInTitle,
                     Section, SpeakerTurn, TableLayout, TitleField, plain_text)


@dataclass(frozen=True)
class Segment:
    """A translatable piece of a document: its block's id, its Japanese, its first source line."""
    id: str
    source: str
    line: int
    layout: TableLayout | None = None      # a table's: its translation keeps the table's lines


@per_document       # (several stages ask for them)
def segments(doc: Document) -> list[Segment]:
    """The segments of a document, in reading order, its footnotes last."""
    out: list[Segment] = []
    for block in doc.walk():
        if isinstance(block, TitleField):
            out.append(Segment(block.id, block.text, block.first_line))
        elif isinstance(block, Section):
            out.append(Segment(block.id, plain_text(block.title, refs=True), block.first_line))
        elif isinstance(block, (Paragraph, BlockTitle, RunInTitle, ListItem)):
            out.append(Segment(block.id, plain_text(block.inlines, refs=True), block.first_line))
        elif isinstance(block, SpeakerTurn):
            out.append(Segment(f"{block.id}-speaker", block.speaker, block.first_line))
            out.append(Segment(block.id, plain_text(block.inlines, refs=True), block.first_line))
        elif isinstance(block, Contents):
            if block.heading:
                out.append(Segment(block.id, block.heading, block.first_line))
            out.extend(Segment(e.id, e.text, e.first_line) for e in block.entries)
        elif isinstance(block, FlattenedTable):
            out.append(Segment(block.id, "\n".join(l.strip() for l in block.lines), block.first_line, block.layout))
        elif isinstance(block, MemberList):
            for m in block.members:
                out.append(Segment(f"{m.id}-name", m.name, m.first_line))
                out.append(Segment(f"{m.id}-affiliation", m.affiliation, m.last_line))
    for number in sorted(doc.footnotes):
        note = doc.footnotes[number]
        out.append(Segment(note.id, "\n".join(plain_text(line) for line in note.lines), note.first_line))
    return out
