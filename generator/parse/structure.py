"""Logical units to the document tree.

In:  the `Unit`s and sheet breaks of `units.find_units`, the source path.
Out: the title block, the preamble blocks and the top-level `Section`s of a
     `Document`, every block with a stable id and its source line range, plus
     the list-marker artifacts (`・`, `○` turned into list structure).

Each kind of block is recognised by one rule of `BLOCK_RULES`, tried in priority order at
each unit (the first that applies builds its block), as Python-Markdown's block processors.
Sections nest by numbering: `１．` > `（１）` > `①` > `ア）`. Top-level sections
are also opened by `【別添N】` titles (anchor `annex-N`) and by sheets that carry
a label such as `付録１` (anchor `appendix-1`). Anchors come from the
numbering (`３．（３）①ア）` → `3-3-1-a`), never from the wording.
"""
from __future__ import annotations

import re
import unicodedata

from ..diagnostics import Reporter
from ..model import (Artifact, ArtifactKind, Block, BlockTitle, Contents, ContentsEntry, Decision, FlattenedTable,
                     FootnoteRef, ItemList, ListItem, Member, MemberList, Paragraph, RunInTitle, Section, SpeakerTurn,
                     TitleBlock, TitleField)
from ..registry import Registry
from .ingest import SheetBreak
from .inline import MARKER, join_lines, parse_inlines
from .units import CONTENTS_ENTRY, LINE_MARKERS, Unit, UnitKind

KATAKANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
ANNEX = re.compile(r"^【別添([０-９0-9]+)】")
DATE = re.compile(r"^(令和|平成|昭和)\s*\S+\s*年\s*\S+\s*月\s*\S+\s*日$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
LABEL = re.compile(r"^(参考)?資料\s*[0-9０-９]+([－\-‐][0-9０-９]+)*$")       # 資料２－１: the document's number
MEETING_NO = re.compile(r"第\s*([0-9０-９]+)\s*回")
NAME = re.compile(r"^([◎○])?\s*(\S+(?:\s+\S+){1,5})$")
WHOLE_BRACKET = re.compile(r"^【.*】$")
AFFILIATION_NAME = re.compile(r"^(?P<affiliation>[^\s　]{4,})[ 　]+(?P<name>[\u4e00-\u9fff々ヶ]{2,6})$")
ROLE = re.compile(r"\s*[（(][^）)\s]{1,10}[）)]$")        # （主査）after a member's name
ROLES = ("主査代理|主査|座長代理|座長|議長|委員長|委員|部会長|会長|理事長|理事|局長|課長|室長|審議官|参事官|事務局|"
         "大臣|副大臣|政務官|長官|所長|教授|説明者|オブザーバー")
# a turn of speech: ○ (or 【】) and a speaker that ends in a role (○高村主査, ○事務局（山田）, 【事務局】)
SPEAKER = re.compile(rf"^(?P<speaker>○[^\s　○、。]{{0,10}}(?:{ROLES})(?:[（(][^）)\s]{{1,10}}[）)])?(?=[　 ])"
                     rf"|【[^】\s]{{0,10}}(?:{ROLES})[^】\s]{{0,6}}】)(?=[　 ]?\S)")
MEETING_RANK = 2          # ▼ meetings nest like （１） sections
UNTITLED_MAX = 16         # characters: a longer line standing alone is a sentence, not a title
CIRCLE_GLYPH = re.compile(r"^[○◎][ 　]*")
GLYPH_RANKS = {"square": 1, "diamond": 1, "disc": 1, "white-square": 2, "white-diamond": 2, "white-circle": 2,
               "arrow": 3, "bullet": 4, "middle-dot": 4, "dash": 5}      # a bullet list nests in this order


def number_key(number: str) -> str:
    """Printed heading number to its anchor part: ３→3, ①→1, ア→a."""
    if number in KATAKANA_ORDER:
        return chr(ord("a") + KATAKANA_ORDER.index(number))
    digits = unicodedata.normalize("NFKC", number)
    if digits.isdigit():
        return str(int(digits))
    return str(int(unicodedata.numeric(number)))


def is_name_line(unit: Unit) -> bool:
    """A member's name printed with spaces between its characters (`石 井 由梨佳`), perhaps with a role
    in brackets after it (`高 村 雅 彦 （主査）`)."""
    if len(unit.lines) != 1:
        return False
    m = NAME.match(unit.text)
    if not m:
        return False
    tokens = ROLE.sub("", m.group(2)).split()
    return sum(1 for t in tokens if len(t) == 1) >= 2 and all(len(t) <= 4 for t in tokens)


MEMBER_GAP = re.compile(r"　{2,}| {2,}")      # two spaces of one width: the gap between name and affiliation


def member_line(unit: Unit) -> tuple[str, str, str] | None:
    """(mark, name, affiliation) of a line that prints both, a gap between them
    (`◎ 中 村 和 夫　　東京大学大学院 教授`), or None."""
    if len(unit.lines) != 1:
        return None
    m = re.match(r"^([◎○])?[ 　]*(.*)$", unit.text)
    gap = MEMBER_GAP.search(m.group(2))
    if gap is None:
        return None
    name, affiliation = m.group(2)[:gap.start()], m.group(2)[gap.end():]
    tokens = ROLE.sub("", name).split()
    if sum(1 for t in tokens if len(t) == 1) < 2 or any(len(t) > 4 for t in tokens) or len(affiliation) < 2:
        return None
    return m.group(1) or "", name, affiliation


class TreeBuilder:
    """The tree as it grows: the open sections, the anchors taken, the blocks placed so far."""

    def __init__(self, path: str, artifacts: list[Artifact], report: Reporter, levels: list[str] | None = None,
                 marker: re.Pattern | None = None, double_spaced: bool = True, note_number=None):
        self.path = path
        self.artifacts = artifacts
        self.preamble: list[Block] = []
        self.sections: list[Section] = []
        self.stack: list[tuple[int, Section]] = []      # (rank, section)
        self.anchors: set[str] = set()
        self.meetings: set[str] = set()        # anchors of ▼ meeting sections
        self.labels: dict[int, str] = {}       # sheet → its label (付録１)
        self.first_of_sheet = False            # the unit at hand is the first of its sheet
        self.made = ""                         # the id of the block made (or added to) last
        self.decisions: list[Decision] = []    # which rule recognised each unit
        self.ranks: dict[str, int] = {s: i + 2 for i, s in enumerate(levels or [])}   # heading scheme → rank
        self.last_number: dict[str, int] = {}  # heading scheme → the ordinal of its last heading
        self.report = report
        self.marker = marker or MARKER          # a note reference in the document's style
        self.note_number = note_number          # its note's number (None: as printed)
        self.glyph_ranks: list[int] = []        # the ranks of the bullet glyphs the list at hand uses
        self.double_spaced = double_spaced
        self.untitled = 0                       # the headings guessed so far (heading-1, heading-2, …)

    # ------------------------------------------------------------ helpers
    def inlines(self, unit: Unit, strip: str = ""):
        pieces = join_lines(unit.lines)
        if strip and pieces and pieces[0][1].startswith(strip):
            self.artifacts.append(Artifact(pieces[0][0], ArtifactKind.LIST_MARKER, strip))
            pieces[0] = (pieces[0][0], pieces[0][1][len(strip):])
        return parse_inlines(pieces, self.artifacts, marker=self.marker, number=self.note_number)

    def container(self) -> list[Block]:
        return self.stack[-1][1].children if self.stack else self.preamble

    def container_anchor(self) -> str:
        return self.stack[-1][1].anchor if self.stack else "preamble"

    def unique(self, anchor: str) -> str:
        """The anchor, numbered `_2`, `_3`… if taken already."""
        base, n = anchor, 2
        while anchor in self.anchors:
            anchor = f"{base}_{n}"
            n += 1
        self.anchors.add(anchor)
        return anchor

    def place(self, block: Block, unit_or_units) -> Block:
        """Put a block into the open section (or the preamble), with its id and line range."""
        units = unit_or_units if isinstance(unit_or_units, list) else [unit_or_units]
        block.first_line = units[0].first.no
        block.last_line = units[-1].lines[-1].no
        container = self.container()
        block.id = f"{self.container_anchor()}-p{sum(1 for b in container if not isinstance(b, Section)) + 1}"
        container.append(block)
        self.made = block.id
        return block

    def open_section(self, rank: int, anchor: str, title, units: list[Unit]) -> Section:
        """Open a section of `rank`, closing those of the same or a deeper rank."""
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
        self.made = section.id
        return section

    def rank_of(self, scheme: str, take: bool = True) -> int:
        """The rank of a heading scheme: fixed for a known title, else its place in the order in which
        the schemes first appear (the first is level 1, rank 2), taken when `take`."""
        fixed = LINE_MARKERS[scheme].rank
        if fixed:
            return fixed
        rank = self.ranks.get(scheme) or max(self.ranks.values(), default=1) + 1
        if take:
            self.ranks[scheme] = rank
        return rank

    def follows_on(self, unit: Unit) -> bool:
        """Whether a heading's number starts its scheme (１, ア, a, ⅰ) or follows on from the last of its
        scheme: the sibling before it, or the last in the document (numbering that runs on)."""
        scheme = LINE_MARKERS[unit.scheme]
        ordinal = scheme.ordinal(unit.number)
        if ordinal == 1 or ordinal == self.last_number.get(unit.scheme, 0) + 1 \
                or (not scheme.sequenced and unit.scheme not in self.last_number):
            return True
        rank = self.rank_of(unit.scheme, take=False)
        parent = next((s for r, s in reversed(self.stack) if r < rank), None)
        siblings = [c for c in (parent.children if parent else self.sections)
                    if isinstance(c, Section) and c.scheme == unit.scheme]
        return bool(siblings) and scheme.ordinal(siblings[-1].number) + 1 == ordinal

    def repeats(self, unit: Unit) -> bool:
        """Whether a heading has the number of the last heading of its scheme."""
        return LINE_MARKERS[unit.scheme].ordinal(unit.number) == self.last_number.get(unit.scheme)

    def parent_anchor(self, rank: int) -> str:
        for r, s in reversed(self.stack):
            if r < rank:
                return s.anchor + "-"
        return ""

    # ------------------------------------------------------------ blocks placed by the rules
    def item(self, unit: Unit, style: str, marker: str = ""):
        """Add a list item (its glyph `marker` set aside), to the list before it or a new one."""
        item = ListItem(inlines=self.inlines(unit, strip=marker),
                        first_line=unit.first.no, last_line=unit.lines[-1].no)
        container = self.container()
        last = container[-1] if container else None
        if style == "implicit" and isinstance(last, ItemList) and last.style == "bullet":
            # (a lost glyph under ・: an implicit sub-list)
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
        self.made = item.id
        target.last_line = unit.lines[-1].no
        last_block = container[-1]
        last_block.last_line = max(last_block.last_line, unit.lines[-1].no)

    def in_glyph_list(self) -> bool:
        """Whether the block before is a bullet list (so that a ○ line may be one of its items)."""
        container = self.container()
        return bool(container) and isinstance(container[-1], ItemList) and bool(self.glyph_ranks)

    def glyph_item(self, unit: Unit, style: str, glyph: str) -> None:
        """Add an item to the bullet list before it, at its glyph's depth: the glyphs' ranks (filled
        ■◆● above white □◇○ above arrows ➢ above dots and dashes ・･-) among those the list uses."""
        container = self.container()
        last = container[-1] if container else None
        if not (isinstance(last, ItemList) and self.glyph_ranks):
            self.glyph_ranks = []
        rank = GLYPH_RANKS.get(style, 3)
        self.glyph_ranks = sorted(set(self.glyph_ranks) | {rank})
        depth = self.glyph_ranks.index(rank) + 1
        if depth == 1:
            self.item(unit, style, glyph)
            return
        target = last
        for level in range(2, depth + 1):
            parent = target.items[-1]
            lists = parent.children
            if lists and (level < depth or lists[-1].style == style):
                target = lists[-1]                  # (down a level, or the list of this glyph there)
                continue
            target = ItemList(style=style, id=f"{parent.id}-l" + (str(len(lists) + 1) if lists else ""),
                              first_line=unit.first.no)
            lists.append(target)
            break                                   # a new list one level down: no level is skipped
        item = ListItem(inlines=self.inlines(unit, strip=glyph), first_line=unit.first.no,
                        last_line=unit.lines[-1].no)
        item.id = f"{target.id}-i{len(target.items) + 1}"
        target.items.append(item)
        target.last_line = unit.lines[-1].no
        last.last_line = max(last.last_line, unit.lines[-1].no)
        self.made = item.id

    def implicit_item_here(self) -> bool:
        """An indented unit is a list item whose bullet glyph was lost when it follows
        a list or a bracketed block title; otherwise it is an indented paragraph."""
        container = self.container()
        last = container[-1] if container else None
        return isinstance(last, (ItemList, BlockTitle))

    def member(self, name_unit: Unit, affiliation: Unit | None):
        """Add a member (name line and affiliation line, or one line of both) to the member list before
        it or a new one."""
        both = member_line(name_unit) if affiliation is None else None
        if both:
            mark, name, aff = both
        else:
            m = NAME.match(name_unit.text)
            mark, name, aff = m.group(1) or "", m.group(2), affiliation.text if affiliation else ""
        last_unit = affiliation or name_unit
        member = Member(mark=mark, name=name, affiliation=aff,
                        first_line=name_unit.first.no, last_line=last_unit.lines[-1].no)
        container = self.container()
        last = container[-1] if container else None
        target = last if isinstance(last, MemberList) else self.place(MemberList(), name_unit)
        member.id = f"{target.id}-m{len(target.members) + 1}"
        target.members.append(member)
        self.made = member.id
        target.last_line = member.last_line

    def build(self, units: list[Unit | SheetBreak]) -> None:
        """Build the tree from the units: at each unit, the first rule of `BLOCK_RULES` that applies."""
        self.labels = sheet_labels(units)
        items = [u for u in units if isinstance(u, Unit)]
        seen_sheets: set[int] = set()
        i = 0
        while i < len(items):
            sheet = items[i].first.sheet
            self.first_of_sheet = sheet not in seen_sheets
            seen_sheets.add(sheet)
            for name, rule in BLOCK_RULES.items():
                if rule.test(self, items, i):
                    unit = items[i]
                    i += rule.run(self, items, i)
                    decided = f"{name}: {unit.scheme}" if unit.scheme and name == "heading" else name
                    self.decisions.append(Decision(unit.first.no, decided, self.made))
                    break


# ------------------------------------------------------------------ block rules
class BlockRule:
    """One kind of block: whether the units at `i` are one (`test`), and building it (`run`,
    which returns how many units it took). `produces`: the model classes it may build."""
    produces: tuple[type, ...] = ()

    def test(self, b: TreeBuilder, units: list[Unit], i: int) -> bool:
        raise NotImplementedError

    def run(self, b: TreeBuilder, units: list[Unit], i: int) -> int:
        raise NotImplementedError


class AppendixSheet(BlockRule):
    """The first units of a sheet labelled 付録Ｎ: the title of section `appendix-N`."""
    produces = (Section,)

    def test(self, b, units, i):
        return b.first_of_sheet and units[i].first.sheet in b.labels

    def run(self, b, units, i):
        sheet = units[i].first.sheet
        title_units = [units[i]]
        while (i + len(title_units) < len(units) and len(title_units) < 3
               and units[i + len(title_units)].first.sheet == sheet
               and not units[i + len(title_units)].first.spacer_before
               and units[i + len(title_units)].kind.is_text()):
            title_units.append(units[i + len(title_units)])
        anchor = "appendix-" + number_key(re.sub(r"\D", "", unicodedata.normalize("NFKC", b.labels[sheet])) or "0")
        title = parse_inlines([p for u in title_units for p in join_lines(u.lines)], b.artifacts, marker=b.marker,
                              number=b.note_number)
        b.open_section(1, anchor, title, title_units)
        return len(title_units)


class AnnexTitle(BlockRule):
    """【別添Ｎ】…: the title of section `annex-N`."""
    produces = (Section,)

    def test(self, b, units, i):
        return units[i].kind is UnitKind.BRACKET and bool(ANNEX.match(units[i].text))

    def run(self, b, units, i):
        b.open_section(1, "annex-" + number_key(ANNEX.match(units[i].text).group(1)), b.inlines(units[i]), [units[i]])
        return 1


class Heading(BlockRule):
    """A heading: a section nested by its scheme's level (the order in which the schemes first
    appear in the document, or `heading_levels` of its metadata), its anchor the numbering path.
    A number that does not follow on from its scheme's last one (nor starts it, where the scheme
    is `sequenced` or has been seen) is not a heading."""
    produces = (Section,)

    def test(self, b, units, i):
        unit = units[i]
        if unit.kind is not UnitKind.HEADING:
            return False
        if b.follows_on(unit):
            return True
        if b.repeats(unit):
            b.report.notice(b.path, unit.first.no, "heading-repeated",
                            f"'{unit.text[:12]}' repeats the number of the heading before it (a slide continued?); "
                            "it gets an anchor of its own, numbered _2")
            return True
        b.report.notice(b.path, unit.first.no, "heading-out-of-sequence",
                        f"'{unit.text[:12]}' looks like a heading of the {unit.scheme} scheme, but its number does "
                        "not follow on from the one before; taken as text")
        return False

    def run(self, b, units, i):
        unit = units[i]
        scheme = LINE_MARKERS[unit.scheme]
        rank = b.rank_of(unit.scheme)
        section = b.open_section(rank, b.parent_anchor(rank) + scheme.key(unit.number), b.inlines(unit), [unit])
        section.scheme, section.number = unit.scheme, unit.number
        b.last_number[unit.scheme] = scheme.ordinal(unit.number)
        return 1


class UntitledHeading(BlockRule):
    """Before the first numbered heading, a short line standing alone (no sentence in it) with its
    paragraph after it on the same sheet: a heading of level 1, `heading-1`, `heading-2` … (a
    guess, noticed)."""
    produces = (Section,)

    def test(self, b, units, i):
        unit = units[i]
        if any(section.scheme != "untitled" for _, section in b.stack) or b.ranks \
                or unit.kind is not UnitKind.PLAIN or len(unit.lines) != 1 \
                or len(unit.text) > UNTITLED_MAX or any(c in unit.text for c in "。、，：:；"):
            return False
        if i + 1 >= len(units):
            return False
        nxt = units[i + 1]
        paragraph = nxt.kind.is_text() and (len(nxt.text) > UNTITLED_MAX or "。" in nxt.text)
        same_sheet = nxt.first.sheet == unit.first.sheet and not nxt.first.sheet_start
        return paragraph and same_sheet and any(u.kind is UnitKind.HEADING for u in units[i + 2:])

    def run(self, b, units, i):
        unit = units[i]
        b.untitled += 1
        section = b.open_section(2, f"heading-{b.untitled}", b.inlines(unit), [unit])
        section.scheme = "untitled"
        b.report.notice(b.path, unit.first.no, "heading-guessed",
                        f"'{unit.text}' stands alone before its paragraph: taken as a heading (#heading-{b.untitled})")
        return 1


class Meeting(BlockRule):
    """▼ 第Ｎ回 …: a meeting's section, nested like （１）, its anchor from the meeting number."""
    produces = (Section,)

    def test(self, b, units, i):
        return units[i].kind is UnitKind.MEETING

    def run(self, b, units, i):
        unit = units[i]
        found = MEETING_NO.search(unit.text)
        key = number_key(found.group(1)) if found else str(len(b.container()) + 1)
        section = b.open_section(MEETING_RANK, b.parent_anchor(MEETING_RANK) + key, b.inlines(unit), [unit])
        b.meetings.add(section.anchor)
        return 1


class Table(BlockRule):
    """The lines of a flattened table, kept as printed (until curated: see `tables`)."""
    produces = (FlattenedTable,)

    def test(self, b, units, i):
        return units[i].kind is UnitKind.TABLE

    def run(self, b, units, i):
        unit = units[i]
        table = FlattenedTable(lines=[l.raw for l in unit.lines], numbers=[l.no for l in unit.lines])
        for line in unit.lines:                  # a note referenced from the table's lines
            for m in b.marker.finditer(line.raw):
                number = b.note_number(m) if b.note_number else int(unicodedata.normalize("NFKC", m.group(1)))
                table.refs.append(FootnoteRef(number, line.no))
                table.markers.append(m.group(0))
                b.artifacts.append(Artifact(line.no, ArtifactKind.FOOTNOTE_REF, m.group(0)))
        b.place(table, unit)
        return 1


class TableOfContents(BlockRule):
    """目次 and the lines after it that end in dotted leaders and a page number: a contents block
    (its lines are not headings, though they start like them)."""
    produces = (Contents,)

    def test(self, b, units, i):
        unit = units[i]
        titled = unit.kind.is_text() and unit.text.replace(" ", "").replace("\u3000", "") == "目次" \
            and i + 1 < len(units) and units[i + 1].kind is UnitKind.CONTENTS
        return unit.kind is UnitKind.CONTENTS or titled

    def run(self, b, units, i):
        start, heading = i, ""
        if units[i].kind is not UnitKind.CONTENTS:
            heading, i = units[i].text, i + 1
        block = Contents(heading=heading)
        while i < len(units) and units[i].kind is UnitKind.CONTENTS:
            line = units[i].first
            m = CONTENTS_ENTRY.match(line.text)
            b.artifacts.append(Artifact(line.no, ArtifactKind.CONTENTS_LEADER, m.group("leader").strip()))
            block.entries.append(ContentsEntry(text=m.group("text"), page=m.group("page"), first_line=line.no,
                                               last_line=line.no))
            i += 1
        b.place(block, units[start:i])
        for n, entry in enumerate(block.entries, 1):
            entry.id = f"{block.id}-e{n}"
        return i - start


class Members(BlockRule):
    """A name spaced between its characters, then a line of text: a member and affiliation; a name
    line followed by another (an attendance list: 高 村 雅 彦 （主査）) is a member alone; a line of
    both, a gap between them, in a list of such lines, is a member and affiliation."""
    produces = (MemberList,)

    def test(self, b, units, i):
        in_list = isinstance((b.container() or [None])[-1], MemberList)
        if member_line(units[i]):                   # name and affiliation on one line: two such make a list
            return in_list or (i + 1 < len(units) and member_line(units[i + 1]) is not None)
        if not is_name_line(units[i]):
            return False
        alone = i + 1 < len(units) and is_name_line(units[i + 1])
        return (i + 1 < len(units) and units[i + 1].kind.is_text()) or in_list or alone

    def run(self, b, units, i):
        if member_line(units[i]):
            b.member(units[i], None)
            return 1
        if i + 1 < len(units) and units[i + 1].kind.is_text() and not is_name_line(units[i + 1]):
            b.member(units[i], units[i + 1])
            return 2
        b.member(units[i], None)
        return 1


class AttendanceLine(BlockRule):
    """In an attendance list (right after a member list, or its next group's title: （事務局）), a
    line of an affiliation and a name in kanji (文部科学省研究開発局宇宙開発利用課長 北川智之): a member."""
    produces = (MemberList,)

    def test(self, b, units, i):
        unit = units[i]
        if not unit.kind.is_text() or len(unit.lines) != 1 or not AFFILIATION_NAME.match(unit.text):
            return False
        container = b.container()
        return bool(container) and (isinstance(container[-1], MemberList) or (
            len(container) > 1 and isinstance(container[-1], RunInTitle) and isinstance(container[-2], MemberList)))

    def run(self, b, units, i):
        unit = units[i]
        m = AFFILIATION_NAME.match(unit.text)
        container = b.container()
        last = container[-1]
        target = last if isinstance(last, MemberList) and last.affiliation_first else \
            b.place(MemberList(affiliation_first=True), unit)
        member = Member(name=m.group("name"), affiliation=m.group("affiliation"), first_line=unit.first.no,
                        last_line=unit.lines[-1].no)
        member.id = f"{target.id}-m{len(target.members) + 1}"
        target.members.append(member)
        target.last_line = member.last_line
        b.made = member.id
        return 1


class SpeakerTurnRule(BlockRule):
    """○高村主査　… or 【事務局】…: a turn of speech in minutes (outside a ▼ meeting's list)."""
    produces = (SpeakerTurn,)

    def test(self, b, units, i):
        return units[i].kind in (UnitKind.CIRCLE, UnitKind.BRACKET) and bool(SPEAKER.match(units[i].text))

    def run(self, b, units, i):
        unit = units[i]
        speaker = SPEAKER.match(unit.text).group("speaker")
        pieces = join_lines(unit.lines)
        at = pieces[0][1].index(speaker) + len(speaker)
        pieces[0] = (pieces[0][0], pieces[0][1][at:].lstrip(" 　"))
        b.place(SpeakerTurn(speaker=speaker, inlines=parse_inlines(pieces, b.artifacts, marker=b.marker,
                                                                   number=b.note_number)), unit)
        return 1


class Bullet(BlockRule):
    """・ ■ □ ◆ ● ➢ - … item: an item of a bullet list, nested by its glyph (the glyphs in the order
    they first appear in the list: ■ then □ under it, and back); the glyph becomes the list's style.
    A ○ line inside such a list (not a meeting's) is one of its glyphs too."""
    produces = (ItemList,)

    def test(self, b, units, i):
        unit = units[i]
        return unit.kind is UnitKind.BULLET or (unit.kind is UnitKind.CIRCLE and b.in_glyph_list()
                                               and not (b.stack and b.stack[-1][1].anchor in b.meetings))

    def run(self, b, units, i):
        unit = units[i]
        style = unit.scheme if unit.kind is UnitKind.BULLET else "white-circle"
        glyph = (LINE_MARKERS[unit.scheme].pattern if unit.kind is UnitKind.BULLET else CIRCLE_GLYPH).match(
            unit.text).group(0)
        b.glyph_item(unit, style, glyph)
        return 1


class MeetingItem(BlockRule):
    """○ line inside a meeting's section: an item of what was discussed."""
    produces = (ItemList,)

    def test(self, b, units, i):
        return units[i].kind is UnitKind.CIRCLE and bool(b.stack) and b.stack[-1][1].anchor in b.meetings

    def run(self, b, units, i):
        b.item(units[i], "circle", "○")
        return 1


class BracketTitle(BlockRule):
    """A whole line in 【…】: a block title."""
    produces = (BlockTitle,)

    def test(self, b, units, i):
        return units[i].kind is UnitKind.BRACKET and bool(WHOLE_BRACKET.match(units[i].text))

    def run(self, b, units, i):
        b.place(BlockTitle(inlines=b.inlines(units[i])), units[i])
        return 1


class RunIn(BlockRule):
    """A whole line in （…）: a run-in title."""
    produces = (RunInTitle,)

    def test(self, b, units, i):
        return units[i].kind is UnitKind.RUN_IN

    def run(self, b, units, i):
        b.place(RunInTitle(inlines=b.inlines(units[i])), units[i])
        return 1


class ImplicitItem(BlockRule):
    """An indented line after a list or a block title, in a double-spaced report: an item whose
    glyph extraction lost (a guess, noticed). In single-spaced text an indented line after a list
    is the next paragraph."""
    produces = (ItemList,)

    def test(self, b, units, i):
        return units[i].kind is UnitKind.INDENTED and b.double_spaced and b.implicit_item_here()

    def run(self, b, units, i):
        b.item(units[i], "implicit")
        b.report.notice(b.path, units[i].first.no, "list-glyph-inferred",
                        "an indented line after a list: taken as an item whose bullet the extraction lost")
        return 1


class ParagraphRule(BlockRule):
    """Anything else: a paragraph (indented or not)."""
    produces = (Paragraph,)

    def test(self, b, units, i):
        return True

    def run(self, b, units, i):
        unit = units[i]
        b.place(Paragraph(inlines=b.inlines(unit), indented=unit.kind is UnitKind.INDENTED), unit)
        return 1


BLOCK_RULES: Registry[BlockRule] = Registry()
BLOCK_RULES.register(AppendixSheet(), "appendix", 100)   # first: a labelled sheet's first units are its title
BLOCK_RULES.register(AnnexTitle(), "annex", 90)          # before 'bracket-title': 【別添１】 is a whole-bracket line too
BLOCK_RULES.register(Heading(), "heading", 80)
BLOCK_RULES.register(Meeting(), "meeting", 70)
BLOCK_RULES.register(Table(), "table", 60)
BLOCK_RULES.register(TableOfContents(), "contents", 55)  # before 'heading' would do too: its lines are no units of it
BLOCK_RULES.register(Members(), "members", 50)           # before the item and paragraph rules: a name line is text
BLOCK_RULES.register(AttendanceLine(), "attendance", 49)  # (only right after a member list)
BLOCK_RULES.register(UntitledHeading(), "untitled-heading", 45)   # before 'paragraph': it is a line of text
BLOCK_RULES.register(Bullet(), "bullet", 40)
BLOCK_RULES.register(MeetingItem(), "meeting-item", 35)
BLOCK_RULES.register(SpeakerTurnRule(), "speaker-turn", 32)   # after 'meeting-item', before 'bracket-title'
BLOCK_RULES.register(BracketTitle(), "bracket-title", 30)
BLOCK_RULES.register(RunIn(), "run-in", 20)
BLOCK_RULES.register(ImplicitItem(), "implicit-item", 10)  # before 'paragraph': an indented unit is a paragraph otherwise
BLOCK_RULES.register(ParagraphRule(), "paragraph", 0)    # last: it takes whatever is left


def sheet_labels(units) -> dict[int, str]:
    """Sheet index → label, for sheets that end with a label such as 付録１."""
    labels, sheet = {}, None
    for u in units:
        if isinstance(u, SheetBreak):
            if u.label and sheet is not None:
                labels[sheet] = u.label
        else:
            sheet = u.lines[-1].sheet
    return labels


def split_title_block(units: list[Unit | SheetBreak], double_spaced: bool = True) -> tuple[list[Unit], list[Unit | SheetBreak]]:
    """The leading units that form the title block: up to the first sentence or marker (a document
    that opens with an attachment's label, 付録１：…, is that attachment: the label is its title)."""
    taken: list[Unit] = []
    rest = list(units)
    issuer = False                  # a line after the date is taken (the issuer): a gap ends the block
    while rest:
        u = rest[0]
        if isinstance(u, SheetBreak):
            if taken:
                break
            rest.pop(0)
            continue
        opening = not taken and u.scheme == "attachment"
        if "。" in u.text or (u.kind in (UnitKind.HEADING, UnitKind.BULLET, UnitKind.TABLE, UnitKind.MEETING)
                              and not opening) or len(taken) >= 6:
            break
        if issuer and (u.first.spacer_before or (u.first.blank_before and not double_spaced)):
            break
        issuer = issuer or any(DATE.match(t.text) for t in taken)
        taken.append(rest.pop(0))
    return taken, rest


def title_block(units: list[Unit]) -> TitleBlock:
    """The title sheet's fields: label (資料２－１), title, subtitle, date and issuer, as printed."""
    fields: list[TitleField] = []
    seen_date = False
    for u in units:
        text = u.text
        if not fields and LABEL.match(text):
            role = "label"
        elif DATE.match(text):
            role, seen_date = "date", True
        elif seen_date:
            role = "issuer"
        elif u.kind is UnitKind.RUN_IN:
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


def build_tree(units: list[Unit | SheetBreak], path: str, artifacts: list[Artifact], report: Reporter,
               levels: list[str] | None = None, double_spaced: bool = True, marker: re.Pattern | None = None,
               note_number=None):
    """The title block, the preamble, the top-level sections of a document's units, and the
    decisions that made them (`levels`: heading schemes in the order of their levels, from the
    metadata; else the order in which they first appear)."""
    head, rest = split_title_block(units, double_spaced)
    builder = TreeBuilder(path, artifacts, report, levels, marker, double_spaced, note_number)
    builder.build(rest)
    return title_block(head), builder.preamble, builder.sections, builder.decisions
