"""The outline of a parsed document, for editors: what was recognised, and by which rule.

In:  a `Document` (with its decisions, notes, tables and artifacts).
Out: text, one line per part in source order: `line  what  [rule]  text`. Headings show their
     level and anchor; notes their marker lines and body line; tables their lines and whether
     they are curated; then the artifacts by kind, with their lines.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import Contents, Document, FlattenedTable, MatrixTable, Member, MemberList, Section, plain_text

WIDTH = 48          # characters of text shown per part


def _short(text: str) -> str:
    return text if len(text) <= WIDTH else text[:WIDTH - 1] + "…"


def outline(doc: Document) -> str:
    """The outline of `doc` as text."""
    blocks = {b.id: b for b in doc.walk() if b.id}
    blocks |= {m.id: m for b in doc.walk() if isinstance(b, MemberList) for m in b.members}
    out = [f"{doc.source_path}: outline (line, what was recognised, [the rule that decided], text)"]
    for f in doc.title_block.fields:
        out.append(f"{f.first_line:>5}  title block: {f.role:<9} {_short(f.text)}")
    sections = {s.id: s for s in doc.walk() if isinstance(s, Section)}
    for decision in doc.decisions:
        block = blocks.get(decision.made)
        if decision.made in sections:
            s = sections[decision.made]
            what = f"heading L{s.level} #{s.anchor}"
            text = plain_text(s.title)
        elif isinstance(block, Member):
            what, text = f"member #{decision.made}", " / ".join(t for t in (block.mark, block.name, block.affiliation) if t)
        elif isinstance(block, Contents):
            what, text = f"table of contents ({len(block.entries)} lines)", block.heading
        elif isinstance(block, (FlattenedTable, MatrixTable)):
            if isinstance(block, MatrixTable):
                kind = "table read from the text" if block.decoded else "curated table"
            elif block.layout is not None:
                unplaced = sum(not r.is_placed() for r in block.layout.rows)
                kind = f"table read in part ({unplaced} of {len(block.layout.rows)} rows' columns unknown)"
            else:
                kind = "table, shown as extracted"
            what, text = f"{kind} (lines {block.first_line}–{block.last_line})", ""
        else:
            what = f"{type(block).__name__ if block else 'block'} #{decision.made}"
            text = plain_text(getattr(block, "inlines", [])) if block is not None else ""
        out.append(f"{decision.line:>5}  {what}  [{decision.rule}]  {_short(text)}".rstrip())
    refs: dict[int, list[int]] = defaultdict(list)
    for ref in doc.footnote_refs():
        refs[ref.number].append(ref.line)
    for number, note in sorted(doc.footnotes.items()):
        where = ", ".join(map(str, refs.get(number, []))) or "none"
        out.append(f"{note.first_line:>5}  note [{number}]: referenced at line(s) {where}  "
                   f"{_short(plain_text(note.lines[0]) if note.lines else '')}")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for artifact in doc.artifacts:
        by_kind[str(artifact.kind)].append(artifact.line)
    for kind, lines in sorted(by_kind.items()):
        shown = ", ".join(map(str, lines[:12])) + (f", … ({len(lines)} in all)" if len(lines) > 12 else "")
        out.append(f"artifacts: {kind}: line(s) {shown}")
    return "\n".join(out)
