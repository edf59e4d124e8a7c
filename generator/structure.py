"""Stage 3 — logical units to the document tree.

In:  the `Unit`s and page breaks of `units.segment`, the source path.
Out: the title block, the preamble blocks and the top-level `Section`s of a
     `Document`, every block with a stable id and its source line range, plus
     the list-marker artifacts (`・`, `○` turned into list structure).

Sections nest by numbering: `１．` > `（１）` > `①` > `ア）`. Top-level sections
are also opened by `【別添N】` titles (anchor `annex-N`) and by pages that carry
a page label such as `付録１` (anchor `appendix-1`). Anchors come from the
numbering (`３．（３）①ア）` → `3-3-1-a`), never from the wording.
"""
from __future__ import annotations

import re
import unicodedata

from .ingest import PageBreak
from .inline import join_lines, parse_inlines
from .model import (Artifact, Block, BlockTitle, FlattenedTable, ItemList, ListItem, Member,
                    MemberList, Paragraph, RunInTitle, Section, TitleBlock, TitleField)
from .units import Unit

KATAKANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
ANNEX = re.compile(r"^【別添([０-９0-9]+)】")
DATE = re.compile(r"^(令和|平成|昭和)\s*\S+\s*年\s*\S+\s*月\s*\S+\s*日$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
MEETING_NO = re.compile(r"第\s*([0-9０-９]+)\s*回")
NAME = re.compile(r"^([◎○])?\s*(\S+(?:\s+\S+){1,5})$")
WHOLE_BRACKET = re.compile(r"^【.*】$")
MEETING_RANK = 2          # ▼ meetings nest like （１） sections


def number_key(number: str) -> str:
    """Printed heading number to its anchor part: ３→3, ①→1, ア→a."""
    if number in KATAKANA_ORDER:
        return chr(ord("a") + KATAKANA_ORDER.index(number))
    digits = unicodedata.normalize("NFKC", number)
    if digits.isdigit():
        return str(int(digits))
    return str(int(unicodedata.numeric(number)))


def is_name_line(unit: Unit) -> bool:
    """A member's name printed with spaces between its characters (`石 井 由梨佳`)."""
    if len(unit.lines) != 1:
        return False
    m = NAME.match(unit.text)
    if not m:
        return False
    tokens = m.group(2).split()
    return sum(1 for t in tokens if len(t) == 1) >= 2 and all(len(t) <= 4 for t in tokens)


class TreeBuilder:
    def __init__(self, path: str, artifacts: list[Artifact]):
        self.path = path
        self.artifacts = artifacts
        self.preamble: list[Block] = []
        self.sections: list[Section] = []
        self.stack: list[tuple[int, Section]] = []      # (rank, section)
        self.anchors: set[str] = set()
        self.meetings: set[str] = set()        # anchors of ▼ meeting sections

    # ------------------------------------------------------------ helpers
    def inlines(self, unit: Unit, strip: str = ""):
        pieces = join_lines(unit.lines)
        if strip and pieces and pieces[0][1].startswith(strip):
            self.artifacts.append(Artifact(pieces[0][0], "list-marker", strip))
            pieces[0] = (pieces[0][0], pieces[0][1][len(strip):])
        return parse_inlines(pieces, self.artifacts)

    def container(self) -> list[Block]:
        return self.stack[-1][1].children if self.stack else self.preamble

    def container_anchor(self) -> str:
        return self.stack[-1][1].anchor if self.stack else "preamble"

    def unique(self, anchor: str) -> str:
        base, n = anchor, 2
        while anchor in self.anchors:
            anchor = f"{base}_{n}"
            n += 1
        self.anchors.add(anchor)
        return anchor

    def place(self, block: Block, unit_or_units) -> Block:
        units = unit_or_units if isinstance(unit_or_units, list) else [unit_or_units]
        block.first_line = units[0].first.no
        block.last_line = units[-1].lines[-1].no
        container = self.container()
        block.id = f"{self.container_anchor()}-p{sum(1 for b in container if not isinstance(b, Section)) + 1}"
        container.append(block)
        return block

    def open_section(self, rank: int, anchor: str, title, units: list[Unit]) -> Section:
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        section = Section(level=len(self.stack) + 1, anchor=self.unique(anchor), title=title)
        section.id = section.anchor
        section.first_line = units[0].first.no
        section.last_line = units[-1].lines[-1].no
        if self.stack:
            self.stack[-1][1].children.append(section)
        else:
            self.sections.append(section)
        self.stack.append((rank, section))
        return section

    def parent_anchor(self, rank: int) -> str:
        for r, s in reversed(self.stack):
            if r < rank:
                return s.anchor + "-"
        return ""

    # ------------------------------------------------------------ units
    def heading(self, unit: Unit):
        anchor = self.parent_anchor(unit.level + 1) + number_key(unit.number)
        self.open_section(unit.level + 1, anchor, self.inlines(unit), [unit])

    def item(self, unit: Unit, style: str, marker: str = ""):
        item = ListItem(inlines=self.inlines(unit, strip=marker),
                        first_line=unit.first.no, last_line=unit.lines[-1].no)
        container = self.container()
        last = container[-1] if container else None
        if style == "implicit" and isinstance(last, ItemList) and last.style == "bullet":
            parent = last.items[-1]
            if not parent.children:
                sub = ItemList(style="implicit", id=f"{parent.id}-l", first_line=unit.first.no)
                parent.children.append(sub)
            target = parent.children[-1]
        elif isinstance(last, ItemList) and last.style == style:
            target = last
        else:
            target = self.place(ItemList(style=style), unit)
        item.id = f"{target.id}-i{len(target.items) + 1}"
        target.items.append(item)
        target.last_line = unit.lines[-1].no
        last_block = container[-1]
        last_block.last_line = max(last_block.last_line, unit.lines[-1].no)

    def implicit_item_here(self) -> bool:
        """An indented unit is a list item whose bullet glyph was lost when it follows
        a list or a bracketed block title; otherwise it is an indented paragraph."""
        container = self.container()
        last = container[-1] if container else None
        return isinstance(last, (ItemList, BlockTitle))

    def member(self, name_unit: Unit, affiliation: Unit):
        m = NAME.match(name_unit.text)
        member = Member(mark=m.group(1) or "", name=m.group(2), affiliation=affiliation.text,
                        first_line=name_unit.first.no, last_line=affiliation.lines[-1].no)
        container = self.container()
        last = container[-1] if container else None
        target = last if isinstance(last, MemberList) else self.place(MemberList(), name_unit)
        member.id = f"{target.id}-m{len(target.members) + 1}"
        target.members.append(member)
        target.last_line = member.last_line

    def build(self, units: list[Unit | PageBreak]) -> None:
        labels = page_labels(units)
        seen_pages: set[int] = set()
        items = [u for u in units if isinstance(u, Unit)]
        i = 0
        while i < len(items):
            unit = items[i]
            page = unit.first.page
            first_of_page = page not in seen_pages
            seen_pages.add(page)
            if first_of_page and page in labels:
                title_units = [unit]
                while (i + 1 < len(items) and items[i + 1].first.page == page and len(title_units) < 3
                       and not items[i + 1].first.spacer_before and items[i + 1].kind in ("plain", "indented")):
                    i += 1
                    title_units.append(items[i])
                anchor = "appendix-" + number_key(re.sub(r"\D", "", unicodedata.normalize("NFKC", labels[page])) or "0")
                title = parse_inlines([p for u in title_units for p in join_lines(u.lines)], self.artifacts)
                self.open_section(1, anchor, title, title_units)
                i += 1
                continue
            nxt = items[i + 1] if i + 1 < len(items) else None
            kind = unit.kind
            m = ANNEX.match(unit.text)
            if kind == "bracket" and m:
                self.open_section(1, "annex-" + number_key(m.group(1)), self.inlines(unit), [unit])
            elif kind == "heading":
                self.heading(unit)
            elif kind == "meeting":
                mm = MEETING_NO.search(unit.text)
                key = number_key(mm.group(1)) if mm else str(len(self.container()) + 1)
                section = self.open_section(MEETING_RANK, self.parent_anchor(MEETING_RANK) + key,
                                            self.inlines(unit), [unit])
                self.meetings.add(section.anchor)
            elif kind == "table":
                self.place(FlattenedTable(lines=[l.raw for l in unit.lines], numbers=[l.no for l in unit.lines]), unit)
            elif nxt is not None and is_name_line(unit) and nxt.kind in ("plain", "indented"):
                self.member(unit, nxt)
                i += 1
            elif kind == "bullet":
                self.item(unit, "bullet", "・")
            elif kind == "circle" and self.stack and self.stack[-1][1].anchor in self.meetings:
                self.item(unit, "circle", "○")
            elif kind == "bracket" and WHOLE_BRACKET.match(unit.text):
                self.place(BlockTitle(inlines=self.inlines(unit)), unit)
            elif kind == "run-in":
                self.place(RunInTitle(inlines=self.inlines(unit)), unit)
            elif kind == "indented" and self.implicit_item_here():
                self.item(unit, "implicit")
            else:
                self.place(Paragraph(inlines=self.inlines(unit), indented=unit.kind == "indented"), unit)
            i += 1


def page_labels(units) -> dict[int, str]:
    """Page index → label, for pages that end with a page label such as 付録１."""
    labels, page = {}, None
    for u in units:
        if isinstance(u, PageBreak):
            if u.label and page is not None:
                labels[page] = u.label
        else:
            page = u.lines[-1].page
    return labels


def split_title_block(units: list[Unit | PageBreak]) -> tuple[list[Unit], list[Unit | PageBreak]]:
    """The leading units that form the title block: up to the first sentence or marker."""
    taken: list[Unit] = []
    rest = list(units)
    while rest:
        u = rest[0]
        if isinstance(u, PageBreak):
            if taken:
                break
            rest.pop(0)
            continue
        if "。" in u.text or u.kind in ("heading", "bullet", "table", "meeting") or len(taken) >= 6:
            break
        taken.append(rest.pop(0))
    return taken, rest


def title_block(units: list[Unit]) -> TitleBlock:
    fields: list[TitleField] = []
    seen_date = False
    for u in units:
        text = u.text
        if DATE.match(text):
            role, seen_date = "date", True
        elif seen_date:
            role = "issuer"
        elif u.kind == "run-in":
            role = "subtitle"
        elif fields and fields[-1].role == "title":
            fields[-1].text += text
            fields[-1].last_line = u.lines[-1].no
            continue
        else:
            role = "title"
        n = sum(1 for f in fields if f.role == role) + 1
        fields.append(TitleField(id=role if n == 1 else f"{role}-{n}", role=role, text=text,
                                 first_line=u.first.no, last_line=u.lines[-1].no))
    return TitleBlock(id="title-block", fields=fields,
                      first_line=units[0].first.no if units else 0,
                      last_line=units[-1].lines[-1].no if units else 0)


def build_tree(units: list[Unit | PageBreak], path: str, artifacts: list[Artifact]):
    head, rest = split_title_block(units)
    builder = TreeBuilder(path, artifacts)
    builder.build(rest)
    return title_block(head), builder.preamble, builder.sections
