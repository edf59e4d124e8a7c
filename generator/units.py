"""Stage 2 — printed lines to logical units.

In:  `ingest.Ingested` (body lines with page and spacing facts).
Out: a list of `Unit`s — one per heading, paragraph, list item, title or
     flattened table — each holding the printed lines it was rejoined from.

A line opens a new unit when it starts with a marker (`１．`, `（１）`, `①`,
`ア）`, `・`, `※`, `【`, `▼`, `○`, `◎`), when it is indented, or when the
unit before it is closed; otherwise it continues the unit before it.
A unit is *open* (continues on the next line) while its brackets are
unbalanced or it ends with `、`/`・`; it is *soft-open* while a sentence is in
progress or, in double-spaced reports, while its last line runs to the right
margin. A marker or an indented line always ends a soft-open unit; a page
start ends it only after a sentence end (`。`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .ingest import SYMBOL_ROW, Ingested, Line, PageBreak, display_width
from .inline import separator

HEADINGS = [
    (1, re.compile(r"^([０-９]{1,2})．(?=\S)")),
    (2, re.compile(r"^[（(]([０-９0-9]{1,2})[）)](?=\S)")),
    (3, re.compile(r"^([①-⑳])\s*(?=\S)")),
    (4, re.compile(r"^([ア-ン])）(?=\S)")),
]
MARKERS = [
    ("bullet", re.compile(r"^・")),
    ("note", re.compile(r"^※")),
    ("bracket", re.compile(r"^【")),
    ("meeting", re.compile(r"^▼")),
    ("circle", re.compile(r"^[○◎](?![：:])")),
]
WHOLE_PAREN = re.compile(r"^[（(].*[）)]$")
# the first characters a heading number or a marker can start with (other lines skip the patterns)
MARKER_STARTS = frozenset("０１２３４５６７８９（(・※【▼○◎"
                          + "".join(map(chr, range(ord("①"), ord("⑳") + 1)))
                          + "".join(map(chr, range(ord("ア"), ord("ン") + 1))))
OPENERS, CLOSERS = "（(「『【［[", "）)」』】］]"
TERMINALS = "。：:）)」』】］]"


@dataclass
class Unit:
    kind: str                     # heading | bullet | note | bracket | meeting | circle | indented | plain | run-in | table
    lines: list[Line] = field(default_factory=list)
    level: int = 0                # heading level 1–4
    number: str = ""              # heading number as printed (３, ３, ①, ア)

    @property
    def hard_open(self) -> bool:
        """Brackets left open or a trailing 、・: the unit must go on. The bracket depth is carried
        over from the lines already counted (segmentation asks after every line)."""
        text = self.text
        counted, length, depth = self.__dict__.get("_depth", (0, 0, 0))
        if counted > len(self.lines):               # lines were taken away: count again
            length, depth = 0, 0
        if counted != len(self.lines):
            depth = bracket_depth(text[length:], depth)
            self.__dict__["_depth"] = (len(self.lines), len(text), depth)
        return text.endswith(("、", "・", "，")) or depth > 0

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def text(self) -> str:
        """The joined text (cached until a line is added: segmentation asks after every line)."""
        done, text = self.__dict__.get("_text", (0, ""))
        if done != len(self.lines):
            if done > len(self.lines):
                done, text = 0, ""
            # extended line by line, as join_lines() joins: each separator depends on its two lines only
            for i in range(done, len(self.lines)):
                text += (separator(self.lines[i - 1], self.lines[i]) if i else "") + self.lines[i].text
            self.__dict__["_text"] = (len(self.lines), text)
        return text


def line_marker(text: str) -> tuple[str, int, str] | None:
    if text[:1] not in MARKER_STARTS:
        return None
    for level, rx in HEADINGS:
        m = rx.match(text)
        if m:
            return "heading", level, m.group(1)
    for kind, rx in MARKERS:
        if rx.match(text):
            return kind, 0, ""
    return None


BRACKET = re.compile("[" + re.escape(OPENERS + CLOSERS) + "]")


def bracket_depth(text: str, depth: int = 0) -> int:
    """How many brackets are open after `text`, `depth` being open before it (a closer without
    an opener is ignored)."""
    for c in BRACKET.findall(text):
        if c in OPENERS:
            depth += 1
        elif depth:
            depth -= 1
    return depth


def unbalanced(text: str) -> bool:
    """An opening bracket is still open."""
    return bracket_depth(text) > 0


HIRAGANA = re.compile(r"[\u3041-\u309f]")


def in_sentence(text: str) -> bool:
    return not text.endswith(tuple(TERMINALS)) and ("、" in text or "。" in text)


def soft_open(unit: Unit, doc: Ingested) -> bool:
    """May the unit continue on the next printed line?"""
    if unit.kind in ("run-in", "bracket") and not unbalanced(unit.text) and unit.text.endswith(tuple(CLOSERS)):
        return False
    if in_sentence(unit.text):
        return True
    return doc.double_spaced and display_width(unit.lines[-1].text) >= 0.85 * doc.full_width    # at the margin


def continues_across_blank(unit: Unit, line: Line, doc: Ingested) -> bool:
    """Single-spaced slides: does the text run on over an empty line?"""
    text, last = unit.text, unit.lines[-1].text
    if unit.kind == "heading":
        return False
    if HIRAGANA.match(line.text[:1]) or HIRAGANA.match(last[-1:]):
        return True
    if "。" in text and not text.endswith("。"):
        return True
    return in_sentence(text) and display_width(last) >= 0.7 * doc.full_width


def table_lines(doc: Ingested) -> set[int]:
    """Line numbers of flattened tables: the rest of a page, after its first line,
    on which at least three lines are rows of ○/△ symbols."""
    by_page: dict[int, list[Line]] = {}
    for line in doc.lines:
        by_page.setdefault(line.page, []).append(line)
    found: set[int] = set()
    for lines in by_page.values():
        rows = [l for l in lines if SYMBOL_ROW.match(l.text)]
        if len(rows) >= 3:
            found.update(l.no for l in lines[1:])
    return found


def segment(doc: Ingested) -> list[Unit | PageBreak]:
    tables = table_lines(doc)
    out: list[Unit | PageBreak] = []
    cur: Unit | None = None
    for item in doc.body:
        if isinstance(item, PageBreak):
            out.append(item)
            continue
        line = item
        if line.no in tables:
            if cur is None or cur.kind != "table":
                cur = Unit("table")
                out.append(cur)
            cur.lines.append(line)
            continue
        marker = line_marker(line.text)
        if cur is None or cur.kind == "table":
            new = True
        elif cur.hard_open:
            new = False
        elif marker or line.indent:
            new = True
        elif line.page_start:
            new = not soft_open(cur, doc) or cur.text.endswith("。")
        elif line.spacer_before and not line.first_on_page:
            new = True
        elif line.blank_before and not doc.double_spaced:
            new = not continues_across_blank(cur, line, doc)
        elif WHOLE_PAREN.match(line.text) and (cur.kind in ("heading", "bracket") or not soft_open(cur, doc)):
            new = True      # a subtitle under a title, or a run-in title
        else:
            new = not soft_open(cur, doc)
        if not new:
            cur.lines.append(line)
            continue
        if marker:
            kind, level, number = marker
        elif WHOLE_PAREN.match(line.text) and not unbalanced(line.text):
            kind, level, number = "run-in", 0, ""
        else:
            kind, level, number = ("indented" if line.indent else "plain"), 0, ""
        cur = Unit(kind, [line], level, number)
        out.append(cur)
    return out
