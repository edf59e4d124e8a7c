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
from ..model import (BlockTitle, Contents, ContentsEntry, Document, FlattenedTable, ListItem, MemberList, Paragraph,
                     RunInTitle, Section, SpeakerTurn, TableLayout, TitleField, plain_text)


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
    out = [seg for block in doc.walk() for seg in block_segments(block)]
    for number in sorted(doc.footnotes):
        note = doc.footnotes[number]
        out.append(Segment(note.id, "\n".join(plain_text(line) for line in note.lines), note.first_line))
    return out


def block_segments(block) -> list[Segment]:
    """The segments of one block of `Document.walk` (its own text: a container's items come on their own)."""
    if isinstance(block, TitleField):
        return [Segment(block.id, block.text, block.first_line)]
    if isinstance(block, Section):
        return [Segment(block.id, plain_text(block.title, refs=True), block.first_line)]
    if isinstance(block, (Paragraph, BlockTitle, RunInTitle, ListItem)):
        return [Segment(block.id, plain_text(block.inlines, refs=True), block.first_line)]
    if isinstance(block, SpeakerTurn):
        return [Segment(f"{block.id}-speaker", block.speaker, block.first_line),
                Segment(block.id, plain_text(block.inlines, refs=True), block.first_line)]
    if isinstance(block, Contents):
        return [Segment(block.id, block.heading, block.first_line)] if block.heading else []
    if isinstance(block, ContentsEntry):
        return [Segment(block.id, block.text, block.first_line)]
    if isinstance(block, FlattenedTable):
        return [Segment(block.id, "\n".join(l.strip() for l in block.lines), block.first_line, block.layout)]
    if isinstance(block, MemberList):
        return [seg for m in block.members for seg in (Segment(f"{m.id}-name", m.name, m.first_line),
                                                       Segment(f"{m.id}-affiliation", m.affiliation, m.last_line))]
    return []
