"""Printed lines to logical units.

In:  `ingest.Ingested` (body lines with sheet and spacing facts).
Out: a list of `Unit`s (`find_units`) — one per heading, paragraph, list item, title or
     flattened table — each holding the printed lines it was rejoined from.

A line opens a new unit when it starts with a marker (an entry of `LINE_MARKERS`: `１．`,
`（１）`, `①`, `ア）`, `・`, `※`, `【`, `▼`, `○`, `◎`), when it is indented, or when the
unit before it is closed; otherwise it continues the unit before it.
A unit is *open* (continues on the next line) while it ends with `、`/`・`, or while a bracket
is open — but an open bracket never joins a line that ends the paragraph (a marker, an indented
line, a sheet start, a spacer): the unit ends there, and the bracket left open is a warning at
its line (`bracket-unclosed`). A unit is *soft-open* while a sentence is in progress or, in
double-spaced reports, while its last line runs to the right margin. A marker or an indented
line always ends a soft-open unit; a sheet start ends it only after a sentence end (`。`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from ..diagnostics import Reporter
from ..registry import Registry
from .ingest import SYMBOL_ROW, Ingested, Line, SheetBreak, display_width
from .inline import separator


class UnitKind(Enum):
    """What a unit is, as far as its lines tell."""
    HEADING = "heading"          # a numbered heading (`１．`, `（１）`, `①`, `ア）`)
    BULLET = "bullet"            # ・ item
    NOTE = "note"                # ※ note
    BRACKET = "bracket"          # 【…】 title or text
    MEETING = "meeting"          # ▼ meeting
    CIRCLE = "circle"            # ○ or ◎ line
    INDENTED = "indented"        # an indented line without marker
    PLAIN = "plain"              # anything else
    RUN_IN = "run-in"            # a whole line in parentheses: （ＪＡＸＡラボ機能）
    TABLE = "table"              # the lines of a flattened table
    CONTENTS = "contents"        # a line of a table of contents: text, dotted leaders, a page number

    def is_text(self) -> bool:
        """Running text without a marker (plain or indented)."""
        return self in (UnitKind.PLAIN, UnitKind.INDENTED)

    def is_title(self) -> bool:
        """A title that ends where its brackets close (【…】, （…））."""
        return self in (UnitKind.RUN_IN, UnitKind.BRACKET)


@dataclass(frozen=True)
class LineMarker:
    """A marker that opens a unit when a line starts with it: what it opens, how it is recognised
    (`pattern`, whose group 1 is a heading's number as printed), the characters it can start with;
    for a heading scheme, `key` (its part of an anchor: `3`, `a`, `ch1`) and `ordinal` (its place
    in the scheme's sequence: 1 for １, ア, a, ⅰ, ①), `rank` where the scheme has a fixed
    place (a known title: 1 for an attachment, 2 beside the first numbered level), 0 where the
    document's order decides (see `parse.structure`), and `sequenced` where a line is a heading
    only when its number starts the scheme or follows on from the last one (schemes that ordinary
    text also starts lines with: `(c) 出典`, `1) 項目`)."""
    kind: UnitKind
    pattern: re.Pattern
    starts: str
    key: Callable[[str], str] | None = None
    ordinal: Callable[[str], int] | None = None
    rank: int = 0
    sequenced: bool = False


def _range(first: str, last: str) -> str:
    return "".join(map(chr, range(ord(first), ord(last) + 1)))


KANJI_DIGITS = "〇一二三四五六七八九"
KATAKANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
ROMAN = {"i": 1, "v": 5, "x": 10}


def number_of(number: str) -> int:
    """A printed number's value: １２, 12, 十二, ⑫, ⅻ (none: 0)."""
    text = unicodedata.normalize("NFKC", number)
    if text.isdigit():
        return int(text)
    if all(c in KANJI_DIGITS + "十" for c in text):
        tens, _, ones = text.rpartition("十")
        return (KANJI_DIGITS.index(tens) if tens else (1 if "十" in text else 0)) * 10 + \
            (KANJI_DIGITS.index(ones) if ones else 0)
    if len(number) == 1 and unicodedata.numeric(number, 0):
        return int(unicodedata.numeric(number))
    value = 0
    for i, c in enumerate(text.lower()):                     # roman, as a last resort
        if c not in ROMAN:
            return 0
        later = ROMAN.get(text.lower()[i + 1:i + 2], 0)
        value += -ROMAN[c] if later > ROMAN[c] else ROMAN[c]
    return value


def katakana_ordinal(letter: str) -> int:
    return KATAKANA_ORDER.index(unicodedata.normalize("NFKC", letter)) + 1


def latin_ordinal(letter: str) -> int:
    return ord(unicodedata.normalize("NFKC", letter).lower()) - ord("a") + 1


def _letter(ordinal: Callable[[str], int]) -> Callable[[str], str]:
    return lambda number: chr(ord("a") + ordinal(number) - 1)


def _numbered(prefix: str = "") -> Callable[[str], str]:
    return lambda number: f"{prefix}{number_of(number)}"


KNOWN_TITLES = {"はじめに": "introduction", "おわりに": "closing", "まとめ": "summary", "参考文献": "references",
                "参考資料": "reference-materials"}
ATTACHMENTS = {"別添": "annex", "別紙": "attachment", "付録": "appendix"}
DIGITS, FIGURES = "0-9０-９", "0-9０-９〇一二三四五六七八九十"
SPACE = "[ 　]"
ROMAN_NUMERALS = "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ"
UPPER_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"


def _heading(pattern: str, starts: str, key, ordinal=number_of, rank: int = 0, sequenced: bool = False) -> LineMarker:
    return LineMarker(UnitKind.HEADING, re.compile(pattern), starts, key, ordinal, rank, sequenced)


LINE_MARKERS: Registry[LineMarker] = Registry()
# heading schemes first: a numbered heading is never a bullet or a note. Those that share a first
# character come longest first (第N章 before 第N, (ⅰ) before (a)); a scheme's level in a document is
# the order in which it first appears there (parse.structure), its anchor part its `key`
LINE_MARKERS.register(_heading(rf"^第([{FIGURES}]+)章{SPACE}*(?=\S)", "第", _numbered("ch")), "chapter", 140)
LINE_MARKERS.register(_heading(rf"^第([{FIGURES}]+)節{SPACE}*(?=\S)", "第", _numbered("s")), "section", 135)
LINE_MARKERS.register(_heading(rf"^第([{FIGURES}]+){SPACE}+(?=\S)", "第", _numbered("n")), "dai-number", 130)
LINE_MARKERS.register(_heading(rf"^({'|'.join(KNOWN_TITLES)})(?:{SPACE}.*)?$", "はおま参",
                               KNOWN_TITLES.__getitem__, lambda title: 1, rank=2),
                      "known-title", 125)          # beside the first numbered level
LINE_MARKERS.register(_heading(rf"^((?:{'|'.join(ATTACHMENTS)})[{DIGITS}]+)(?:{SPACE}.*|[:：].*)?$", "別付",
                               lambda title: f"{ATTACHMENTS[title[:2]]}-{number_of(title[2:])}", lambda title: 1,
                               rank=1), "attachment", 124)     # above every numbered level
LINE_MARKERS.register(_heading(rf"^([{DIGITS}]{{1,2}})[．.](?![{DIGITS}]){SPACE}*(?=\S)", _range("０", "９") + "0123456789",
                               _numbered()), "number-period", 100)
LINE_MARKERS.register(_heading(rf"^([{DIGITS}]{{1,2}})　(?=\S)", _range("０", "９") + "0123456789", _numbered(),
                               sequenced=True), "number-space", 99)
LINE_MARKERS.register(_heading(rf"^[（(]([{DIGITS}]{{1,2}})[）)]{SPACE}*(?=\S)", "（(", _numbered()),
                      "parenthesised-number", 90)
LINE_MARKERS.register(_heading(rf"^([{DIGITS}]{{1,2}})[）)]{SPACE}*(?=\S)", _range("０", "９") + "0123456789",
                               _numbered(), sequenced=True), "number-paren", 89)
LINE_MARKERS.register(_heading(r"^([①-⑳])\s*(?=\S)", _range("①", "⑳"), _numbered()), "circled-number", 80)
LINE_MARKERS.register(_heading(rf"^([ア-ンｱ-ﾝ])[）)]{SPACE}*(?=\S)", _range("ア", "ン") + _range("ｱ", "ﾝ"),
                               _letter(katakana_ordinal), katakana_ordinal), "katakana-paren", 70)
LINE_MARKERS.register(_heading(r"^([ア-ン])　(?=\S)", _range("ア", "ン"), _letter(katakana_ordinal), katakana_ordinal,
                               sequenced=True), "katakana-space", 69)
LINE_MARKERS.register(_heading(rf"^[（(]([{ROMAN_NUMERALS}]|i{{1,3}}|iv|vi{{0,3}}|ix|x)[）)]{SPACE}*(?=\S)", "（(",
                               lambda n: unicodedata.normalize("NFKC", n).lower(), sequenced=True), "paren-roman", 68)
LINE_MARKERS.register(_heading(rf"^[（(]([ア-ンｱ-ﾝ])[）)]{SPACE}*(?=\S)", "（(", _letter(katakana_ordinal),
                               katakana_ordinal), "paren-katakana", 67)
LINE_MARKERS.register(_heading(rf"^[（(]([a-zａ-ｚ])[）)]{SPACE}*(?=\S)", "（(", _letter(latin_ordinal), latin_ordinal,
                               sequenced=True), "paren-latin", 66)
LINE_MARKERS.register(_heading(rf"^([{ROMAN_NUMERALS}])[）)．.]?{SPACE}*(?=\S)", ROMAN_NUMERALS,
                               lambda n: unicodedata.normalize("NFKC", n).lower(), sequenced=True), "roman", 65)
LINE_MARKERS.register(_heading(rf"^([a-zａ-ｚ])[）)]{SPACE}*(?=\S)", _range("a", "z") + _range("ａ", "ｚ"),
                               _letter(latin_ordinal), latin_ordinal, sequenced=True), "latin-paren", 64)
LINE_MARKERS.register(_heading(rf"^([{UPPER_ROMAN}])(?:[．.]{SPACE}*|{SPACE}+)(?=\S)", UPPER_ROMAN,
                               lambda n: unicodedata.normalize("NFKC", n).lower()), "upper-roman", 63)   # Ⅰ．Ⅱ．: parts
# then the markers of items and titles (each begins with its own character); a list nests by its
# bullet glyphs, in the order they first appear in it (parse.structure); the name is the list's style
LINE_MARKERS.register(LineMarker(UnitKind.BULLET, re.compile(r"^・"), "・"), "bullet", 50)
for _style, _glyphs in (("square", "■"), ("white-square", "□"), ("diamond", "◆"), ("white-diamond", "◇"),
                        ("disc", "●"), ("arrow", "➢➤▶►"), ("middle-dot", "･")):
    LINE_MARKERS.register(LineMarker(UnitKind.BULLET, re.compile(rf"^[{_glyphs}]{SPACE}*(?=\S)"), _glyphs), _style, 49)
LINE_MARKERS.register(LineMarker(UnitKind.BULLET, re.compile(rf"^[-–—]{SPACE}+(?=\S)"), "-–—"), "dash", 48)
LINE_MARKERS.register(LineMarker(UnitKind.NOTE, re.compile(r"^※"), "※"), "note", 40)
LINE_MARKERS.register(LineMarker(UnitKind.BRACKET, re.compile(r"^【"), "【"), "bracket", 30)
LINE_MARKERS.register(LineMarker(UnitKind.MEETING, re.compile(r"^▼"), "▼"), "meeting", 20)
LINE_MARKERS.register(LineMarker(UnitKind.CIRCLE, re.compile(r"^[○◎](?![：:])"), "○◎"), "circle", 10)

WHOLE_PAREN = re.compile(r"^[（(].*[）)]$")
CONTENTS_ENTRY = re.compile(r"^(?P<text>.*?\S)\s*(?P<leader>[…‥・･.．\-－—―]{3,}[…‥・･.．\-－—― ]*)\s*"
                            r"(?P<page>[0-9０-９]{1,3})$")
DATE_LINE = re.compile(r"^(令和|平成|昭和)\s*\S+\s*年\s*\S+\s*月\s*\S+\s*日$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
OPENERS, CLOSERS = "（(「『【［[", "）)」』】］]"
TERMINALS = "。：:）)」』】］]"


@dataclass
class Unit:
    """Printed lines rejoined into one heading, paragraph, item, title or table."""
    kind: UnitKind
    lines: list[Line] = field(default_factory=list)
    number: str = ""              # heading number as printed (３, ①, ア, 第１章's １), or a known title
    scheme: str = ""              # the `LINE_MARKERS` entry that opened it

    @property
    def trailing_open(self) -> bool:
        """A trailing 、・: the unit must go on."""
        return self.text.endswith(("、", "・", "，"))

    @property
    def bracket_open(self) -> bool:
        """A bracket left open. The depth is carried over from the lines already counted
        (`find_units` asks after every line)."""
        text = self.text
        counted, length, depth = self.__dict__.get("_depth", (0, 0, 0))
        if counted > len(self.lines):               # lines were taken away: count again
            length, depth = 0, 0
        if counted != len(self.lines):
            depth = bracket_depth(text[length:], depth)
            self.__dict__["_depth"] = (len(self.lines), len(text), depth)
        return depth > 0

    def unclosed_line(self) -> int:
        """The source line of the first bracket of the unit that is never closed."""
        stack: list[int] = []
        for line in self.lines:
            for c in BRACKET.findall(line.text):
                if c in OPENERS:
                    stack.append(line.no)
                elif stack:
                    stack.pop()
        return stack[0] if stack else self.first.no

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


_STARTS: dict[str, list[tuple[str, LineMarker]]] = {}    # first character → the markers it can begin, in order
for _name, _marker in LINE_MARKERS.items():
    for _c in _marker.starts:
        _STARTS.setdefault(_c, []).append((_name, _marker))


def line_marker(text: str) -> tuple[UnitKind, str, str] | None:
    """(kind, heading number, marker name) of the marker a line starts with, or None."""
    for name, marker in _STARTS.get(text[:1], ()):
        m = marker.pattern.match(text)
        if m:
            number = "".join(g for g in m.groups() if g) if marker.kind is UnitKind.HEADING else ""
            return marker.kind, number, name
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
    if unit.kind.is_title() and not unbalanced(unit.text) and unit.text.endswith(tuple(CLOSERS)):
        return False
    if in_sentence(unit.text):
        return True
    return doc.double_spaced and display_width(unit.lines[-1].text) >= 0.85 * doc.full_width    # at the margin


def continues_across_blank(unit: Unit, line: Line, doc: Ingested) -> bool:
    """Single-spaced slides: does the text run on over an empty line?"""
    text, last = unit.text, unit.lines[-1].text
    if unit.kind is UnitKind.HEADING:
        return False
    if HIRAGANA.match(line.text[:1]) or HIRAGANA.match(last[-1:]):
        return True
    if "。" in text and not text.endswith("。"):
        return True
    return in_sentence(text) and display_width(last) >= 0.7 * doc.full_width


NUMBER = r"[-−△▲]?[0-9０-９][0-9０-９,，.．]*"
NUMBER_ROW = re.compile(rf"^(?P<label>.*?[^\s0-9０-９,，.．])\s+(?P<numbers>{NUMBER}(?:\s+{NUMBER})+)$")
UNITS_LINE = re.compile(r"^[（(]単位[：:].*[）)]$")          # （単位：億円）


def header_labels(text: str, count: int) -> list[str] | None:
    """A table's header line as `count` column labels: its words, or pairs of them where every second
    word is the same unit (2020 年 2021 年 …); else None."""
    tokens = text.split()
    if len(tokens) == count:
        return tokens
    if len(tokens) == 2 * count and len(set(tokens[1::2])) == 1:
        return [f"{a} {b}" for a, b in zip(tokens[::2], tokens[1::2])]
    return None


def number_rows(lines: list[Line]) -> set[int]:
    """The lines of number tables: three or more rows in a row of a label and the same count of
    numbers, under a header line of as many labels (and a units line （単位：億円） above it)."""
    found: set[int] = set()
    counts = [len(m.group("numbers").split()) if (m := NUMBER_ROW.match(l.text)) else 0 for l in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and counts[j] and counts[j] == counts[i]:
            j += 1
        if j - i >= 3 and i >= 1 and header_labels(lines[i - 1].text, counts[i]):
            start = i - 2 if i >= 2 and UNITS_LINE.match(lines[i - 2].text) else i - 1
            found.update(l.no for l in lines[start:j])
        i = max(j, i + 1)
    return found


def word_row_count(line: Line) -> int:
    """The words of a line that may be a row of a table of words: three or more, no sentence in it,
    no name spaced between its characters (石 井 由梨佳)."""
    words = line.text.split()
    return len(words) if len(words) >= 3 and not any(c in line.text for c in "。、，") \
        and sum(len(w) == 1 for w in words) < 2 and not line_marker(line.text) else 0


def word_rows(lines: list[Line], taken: set[int] = frozenset()) -> set[int]:
    """The lines of tables of words: a header line of k words (k ≥ 3), then three or more rows of k
    words each (ミッション 打上げ時期 主な目的 分担 / SLIM 令和５年度 …)."""
    found: set[int] = set()
    counts = [0 if l.no in taken else word_row_count(l) for l in lines]
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and counts[j] and counts[j] == counts[i]:
            j += 1
        if counts[i] and j - i >= 4:
            found.update(l.no for l in lines[i:j])
        i = j
    return found


MARKS_RUN = re.compile(r"[○△](?:\s+[○△])*\s*$")
LEGEND_LINE = re.compile(r"^[○△×◎●▲□■◇◆－-]\s*[：:]")          # ○：保有 (a key, not a bullet)


def _opens_text(line: Line) -> bool:
    """A line that cannot belong to a table: a heading or bullet (not a legend key), or indented prose
    (a paragraph's first line)."""
    marker = line_marker(line.text)
    return bool(marker and marker[0] is not UnitKind.TABLE and not LEGEND_LINE.match(line.text)) \
        or (line.indent and ("、" in line.text or "。" in line.text))


def symbol_table(lines: list[Line]) -> set[int]:
    """The lines of a sheet's table of ○/△ rows (three or more): from its header line where one line
    before the rows names the columns, else from the line after the sheet's first line or its last
    sentence before the rows (a header broken over lines); to the line before the next heading,
    bullet or indented sentence after the rows (its legend and notes kept)."""
    rows = [i for i, l in enumerate(lines) if SYMBOL_ROW.match(l.text)]
    if len(rows) < 3:
        return set()
    width = max(len(MARKS_RUN.search(lines[i].text).group(0).split()) for i in rows)
    start = rows[0]
    header = lines[start - 1].text.split() if start > 1 else []
    if len(header) < width or SYMBOL_ROW.match(lines[start - 1].text):
        while start > 1 and not lines[start - 1].text.endswith("。"):
            start -= 1
    else:
        start -= 1
    end = rows[-1] + 1
    while end < len(lines) and not _opens_text(lines[end]):
        end += 1
    return {l.no for l in lines[start:end]}


def table_lines(doc: Ingested) -> set[int]:
    """Line numbers of flattened tables: tables of ○/△ rows (`symbol_table`), of figures (`number_rows`)
    and of words (`word_rows`)."""
    by_sheet: dict[int, list[Line]] = {}
    for line in doc.lines:
        by_sheet.setdefault(line.sheet, []).append(line)
    found: set[int] = set()
    for lines in by_sheet.values():
        tables = symbol_table(lines) or number_rows(lines)
        found |= tables | word_rows(lines, tables)
    return found


def hangs(unit: Unit, line: Line) -> bool:
    """Is an indented line the next line of a paragraph whose first line is indented further (text
    extracted in layout mode, every line at its block's depth): left of the first line, level with the
    second?"""
    first = unit.lines[0]
    return unit.kind in (UnitKind.PLAIN, UnitKind.INDENTED) and line.indent and first.indent \
        and line.col < first.col and (len(unit.lines) == 1 or line.col == unit.lines[-1].col)


def ends_paragraph(line: Line, marker, before: Line) -> bool:
    """Whatever is open before it, a line that starts a new paragraph: a marker, a line indented
    more or less than the line `before` it, the first line of a sheet, a line after a spacer. (An
    empty line in single-spaced text does not: extractors put them inside sentences.)"""
    return bool(marker) or (line.indent and line.col != before.col) or line.sheet_start \
        or (line.spacer_before and not line.first_on_sheet)


def find_units(doc: Ingested, report: Reporter | None = None) -> list[Unit | SheetBreak]:
    """The units of an ingested text, with its sheet breaks between them (a bracket left open
    reported in `report`)."""
    tables = table_lines(doc)
    out: list[Unit | SheetBreak] = []
    cur: Unit | None = None
    for item in doc.body:
        if isinstance(item, SheetBreak):
            out.append(item)
            continue
        line = item
        if line.no in tables:
            if cur is None or cur.kind is not UnitKind.TABLE:
                cur = Unit(UnitKind.TABLE)
                out.append(cur)
            cur.lines.append(line)
            continue
        if CONTENTS_ENTRY.match(line.text):                 # (before the markers: 第１ 総論 …… 2)
            _check_brackets(cur, doc, report)
            cur = Unit(UnitKind.CONTENTS, [line])
            out.append(cur)
            continue
        marker = line_marker(line.text)
        if cur is None or cur.kind in (UnitKind.TABLE, UnitKind.CONTENTS):
            new = True
        elif cur.trailing_open or (cur.bracket_open and not ends_paragraph(line, marker, cur.lines[-1])):
            new = False
        elif not marker and hangs(cur, line) and soft_open(cur, doc):
            new = False         # layout-mode text: the next line of an indented paragraph
        elif marker or line.indent or DATE_LINE.match(line.text):
            new = True          # (a date standing alone is never the end of a sentence)
        elif line.sheet_start:
            new = not soft_open(cur, doc) or cur.text.endswith("。")
        elif line.spacer_before and not line.first_on_sheet:
            new = True
        elif line.blank_before and not doc.double_spaced:
            new = not continues_across_blank(cur, line, doc)
        elif WHOLE_PAREN.match(line.text) and (cur.kind in (UnitKind.HEADING, UnitKind.BRACKET)
                                                or not soft_open(cur, doc)):
            new = True      # a subtitle under a title, or a run-in title
        else:
            new = not soft_open(cur, doc)
        if not new:
            cur.lines.append(line)
            continue
        _check_brackets(cur, doc, report)
        if marker:
            kind, number, scheme = marker
        elif WHOLE_PAREN.match(line.text) and not unbalanced(line.text):
            kind, number, scheme = UnitKind.RUN_IN, "", ""
        else:
            kind, number, scheme = (UnitKind.INDENTED if line.indent else UnitKind.PLAIN), "", ""
        cur = Unit(kind, [line], number, scheme)
        out.append(cur)
    _check_brackets(cur, doc, report)
    return out


def _check_brackets(unit: Unit | None, doc: Ingested, report: Reporter | None) -> None:
    """A unit that ends with a bracket still open: a warning at the bracket's line."""
    if unit is not None and unit.kind is not UnitKind.TABLE and unit.bracket_open and report is not None:
        report.warn(doc.path, unit.unclosed_line(), "bracket-unclosed",
                    f"a bracket opened on this line is not closed before the paragraph ends (line "
                    f"{unit.lines[-1].no}); close it, or delete it if the extraction added it")
