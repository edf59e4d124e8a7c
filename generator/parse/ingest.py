"""Source text to cleaned lines.

In:  the raw text of a PDF extraction (a `str`) and its file name.
Out: `Ingested`: the body lines in order, each with its sheet (a printed page of the PDF),
     indentation and spacing recorded, the footnote areas cut out of the sheets (still as
     lines), and the `Artifact`s removed on purpose (folios, sheet labels).

"Sheet" is a printed page of the source; "page" is reserved for the site's pages.
What the extractions look like (see docs_src/*/source.txt):
* Reports are "double spaced": every printed line is followed by an empty line,
  except the last line of a sheet, which is followed directly by the first line
  of the next sheet, and that line starts with one space.
* A whitespace-only line (a "spacer") is an empty printed line.
* Footnote areas start with a spacer followed directly by a line `[n] ...`
  and run to the end of the sheet.
* Folios (printed page numbers) stand alone (`16`), or trail a sentence (`破線とした。 7`);
  sheet labels (`付録１`) stand alone at a sheet's end.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from ..model import Artifact, ArtifactKind
from ..registry import Registry
from .footnotes import NOTE_STYLES, NoteStyle

# page furniture: the forms a printed page number (folio) stands alone on its line in; each ends its
# sheet. (Tried in priority order; a text line never matches: each is a number and punctuation only.)
FOLIOS: Registry[re.Pattern] = Registry()
FOLIOS.register(re.compile(r"^\s*([0-9０-９]{1,3})\s*$"), "number", 100)                       # 16
FOLIOS.register(re.compile(r"^\s*[－\-–—ー]\s*([0-9０-９]{1,3})\s*[－\-–—ー]\s*$"), "dashes", 90)   # － 2 －, - 3 -
FOLIOS.register(re.compile(r"^\s*([0-9０-９]{1,3})\s*[/／]\s*[0-9０-９]{1,3}\s*$"), "of-total", 80)  # 3/12
FOLIOS.register(re.compile(r"^\s*[pPｐＰ][.．]\s*([0-9０-９]{1,3})\s*$"), "p-dot", 70)           # p.3
FOLIOS.register(re.compile(r"^\s*[（(]\s*([0-9０-９]{1,3})\s*[）)]\s*$"), "parenthesised", 60)   # (3)
TRAILING_FOLIO = re.compile(r"^(.*。)(\s+)(\d{1,3})\s*$")
SHEET_LABEL = re.compile(r"^\s*(付録[０-９0-9]{1,2})\s*$")
FORM_FEED = "\f"              # pdftotext ends each page with one
RUNNING_MIN = 3               # a line that opens (or closes) this many sheets, and most of them, is running
RULE = re.compile(r"^[―─━－\-_＿=＝]{4,}$")         # a separator line (above end notes)
NOTES_HEADING = re.compile(r"^[（(【]?(注|注記|脚注)[）)】]?$")    # （注）: the heading of a block of notes
SYMBOL_ROW = re.compile(r"^(?:.*?[^\s：:])??\s*[○△](?:\s+[○△])*\s*$")   # a flattened table row


@dataclass
class Line:
    """One printed line of the body, with where it stands on its sheet."""
    no: int                 # 1-based line number in the source file
    text: str               # without sheet-start space, indentation and trailing space
    indent: bool = False    # the printed line is indented (after the sheet-start space)
    sheet_start: bool = False
    sheet: int = 0          # index of the printed sheet
    blank_before: bool = False      # an empty line separates it from the previous line
    spacer_before: bool = False     # a whitespace-only line precedes it on its sheet
    first_on_sheet: bool = False    # the first body line after a sheet break
    trailing_space: bool = False
    col: int = 0            # column of `text` in the raw line
    raw: str = ""           # the printed line as extracted


@dataclass
class SheetBreak:
    """The end of a printed sheet (at source line `no`)."""
    no: int
    label: str = ""         # a sheet label such as 付録１ ending the sheet


@dataclass
class Ingested:
    """A source text as lines: the body (with sheet breaks), the footnote areas, the artifacts."""
    path: str
    body: list[Line | SheetBreak] = field(default_factory=list)
    note_areas: list[list[Line]] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    guesses: list[tuple[int, str, str]] = field(default_factory=list)     # (line, code, what was guessed)
    double_spaced: bool = True
    full_width: int = 64    # display width of a full printed line

    @property
    def lines(self) -> list[Line]:
        return [x for x in self.body if isinstance(x, Line)]


class _Cells(dict):
    """Code point → its printed cells as a string of that length ("x" or "xx"), learnt on first
    sight: `str.translate` then measures a line in C, one lookup per character."""
    def __missing__(self, code: int) -> str:
        cells = self[code] = "xx" if unicodedata.east_asian_width(chr(code)) in "WF" else "x"
        return cells


_CELLS = _Cells()


def display_width(s: str) -> int:
    """Printed width in half-width cells: wide and full-width characters count 2."""
    return len(s) if s.isascii() else len(s.translate(_CELLS))


def _is_double_spaced(raw: list[str]) -> bool:
    content = [i for i, l in enumerate(raw[:-1]) if l.strip()]
    if not content:
        return False
    followed = sum(1 for i in content if raw[i + 1] == "")
    return followed / len(content) >= 0.8


MIN_FULL_WIDTH = 50      # a printed A4 line is wider; short texts must not make every line "full"


def _full_width(raw: list[str]) -> int:
    widths = sorted(display_width(l.strip()) for l in raw if l.strip())
    return max(widths[int(len(widths) * 0.75)] if widths else 0, MIN_FULL_WIDTH)


def raw_lines(text: str) -> list[str]:
    """The printed lines of a source text, numbered from 1 by position: any line ending, no BOM."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")


def folio(printed: str) -> str | None:
    """The number of a line that is a folio in one of the `FOLIOS` forms, else None."""
    if len(printed) > 12:
        return None
    for form in FOLIOS:
        m = form.match(printed)
        if m:
            return m.group(1)
    return None


def ingest(text: str, path: str = "<text>", style: NoteStyle | None = None,
           heading: Callable[[str], bool] | None = None) -> Ingested:
    """The lines of a source text, its sheet breaks, footnote areas and artifacts. A footnote area
    (the notes' bodies, in `style`) runs to the end of its sheet or the next line that is a
    `heading`; it opens at a body's label after a spacer (an empty printed line), a separator line
    or a notes heading (（注）), or — a guess, noticed — at a label whose number the text referenced."""
    style = style or NOTE_STYLES["bracket"]
    raw = raw_lines(text)
    out = Ingested(path=path, double_spaced=_is_double_spaced(raw), full_width=_full_width(raw))
    sheet = 0
    blank = False          # an empty line since the last content line
    spacer = False         # a whitespace-only line since the sheet began / last content
    prev_content = False   # the raw line just before is a content line
    in_notes: list[Line] | None = None
    referenced: set[int] = set()         # the note numbers the running text has referenced so far

    def opens_notes(j: int) -> bool:
        """Whether the next content line after raw line j is a note's label."""
        for r in itertools.islice(raw, j + 1, None):
            if r.strip():
                return bool(style.label.match(r.strip()))
        return False

    def open_area() -> list[Line]:
        area: list[Line] = []
        out.note_areas.append(area)
        return area
    i = 0
    while i < len(raw):
        r = raw[i]
        no = i + 1
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if r.startswith(FORM_FEED):                      # a new page: the rest of the line opens it
            r = r.lstrip(FORM_FEED)
            if out.body and not isinstance(out.body[-1], SheetBreak):
                out.body.append(SheetBreak(no - 1))
                sheet += 1
            in_notes, spacer, blank, prev_content = None, False, False, False
        if r == "":
            blank, prev_content = True, False
            i += 1
            continue
        printed = r.strip()
        if not printed:
            if nxt is not None and style.label.match(nxt) and in_notes is None:
                in_notes = open_area()
            spacer, blank, prev_content = True, False, False
            i += 1
            continue
        if in_notes is None and (RULE.match(printed) or NOTES_HEADING.match(printed)) and opens_notes(i):
            kind = ArtifactKind.NOTES_RULE if RULE.match(printed) else ArtifactKind.NOTES_HEADING
            out.artifacts.append(Artifact(no, kind, printed))
            in_notes = open_area()
            blank, spacer, prev_content = False, False, True
            i += 1
            continue
        if in_notes is not None and heading is not None and heading(printed):
            in_notes = None                              # (notes at the end of a section)
        # a table row of symbols may be indented without starting a sheet; in single-spaced text an
        # ideographic space or a run of spaces lays a line out (only the extractor's one space opens
        # a sheet)
        opens = r.startswith((" ", "\u3000")) if out.double_spaced else (r.startswith(" ") and r[1:2] not in (" ", ""))
        sheet_start = prev_content and opens and not SYMBOL_ROW.match(r)
        if sheet_start:
            sheet += 1
            out.body.append(SheetBreak(no - 1))
            in_notes, spacer = None, False
            body = r[1:]
            col = 1
        else:
            body, col = r, 0
        number = folio(printed)
        if number is not None:
            out.artifacts.append(Artifact(no, ArtifactKind.FOLIO, printed))
            out.body.append(SheetBreak(no))
            sheet += 1
            in_notes, spacer = None, False
            # the next printed line opens a sheet but carries no sheet-start space
            blank, prev_content = False, False
            i += 1
            continue
        m = SHEET_LABEL.match(r) if len(printed) <= 4 else None
        if m and _ends_sheet(raw, i):
            out.artifacts.append(Artifact(no, ArtifactKind.SHEET_LABEL, m.group(1)))
            out.body.append(SheetBreak(no, label=m.group(1)))
            sheet += 1
            in_notes, spacer = None, False
            blank, prev_content = False, False
            i += 1
            continue
        trailing_number = None
        m = TRAILING_FOLIO.match(body) if not out.double_spaced else None
        if m:
            trailing_number = m.group(3)
            body = m.group(1)
        stripped = body.lstrip(" \u3000")
        line = Line(
            no=no,
            text=stripped.rstrip(),
            indent=len(stripped) != len(body),
            sheet_start=sheet_start,
            sheet=sheet,
            blank_before=blank,
            spacer_before=spacer,
            trailing_space=stripped != stripped.rstrip(),
            first_on_sheet=bool(out.body) and isinstance(out.body[-1], SheetBreak) and in_notes is None,
            col=col + len(body) - len(stripped),
            raw=r,
        )
        label = style.label.match(line.text) if in_notes is None and not line.indent else None
        if label and (bool(referenced) if style.sequential else style.number(label) in referenced):
            out.guesses.append((no, "note-area-unmarked",
                                f"the note {label.group(0).strip()} starts the notes of this sheet, with no "
                                "separator line before it"))
            in_notes = open_area()
        if in_notes is not None:
            in_notes.append(line)
        else:
            out.body.append(line)
            referenced.update(style.number(m) if not style.sequential else 0 for m in style.marker.finditer(line.text))
        if trailing_number:
            out.artifacts.append(Artifact(no, ArtifactKind.FOLIO, trailing_number))
            out.body.append(SheetBreak(no))
            sheet += 1
            in_notes, spacer = None, False
        blank, spacer, prev_content = False, False, True
        i += 1
    _set_running_lines_aside(out)
    return out


def _running_key(text: str) -> str:
    """A line as it repeats from sheet to sheet (its digits aside: 資料２－１, 第８回)."""
    return re.sub(r"[0-9０-９]+", "#", text.replace(" ", "").replace("\u3000", ""))


def _set_running_lines_aside(out: Ingested) -> None:
    """Running headers and footers, found by their repetition: a line that opens (or closes) at
    least `RUNNING_MIN` sheets and most of them is an artifact wherever it opens or closes one."""
    sheets: list[list[Line]] = [[]]
    for item in out.body:
        if isinstance(item, SheetBreak):
            sheets.append([])
        else:
            sheets[-1].append(item)
    sheets = [lines for lines in sheets if lines]
    if len(sheets) < RUNNING_MIN:
        return
    running: dict[int, ArtifactKind] = {}
    for end, kind in ((0, ArtifactKind.RUNNING_HEADER), (-1, ArtifactKind.RUNNING_FOOTER)):
        counts: dict[str, int] = {}
        for lines in sheets:
            key = _running_key(lines[end].text)
            counts[key] = counts.get(key, 0) + 1
        for lines in sheets:
            n = counts[_running_key(lines[end].text)]
            if n >= RUNNING_MIN and n * 2 > len(sheets) and len(lines) > 1:
                running[lines[end].no] = kind
    if not running:
        return
    body: list[Line | SheetBreak] = []
    opens = False                                   # the next line opens its sheet
    for item in out.body:
        if isinstance(item, Line) and item.no in running:
            out.artifacts.append(Artifact(item.no, running[item.no], item.text))
            opens = opens or item.first_on_sheet or item.sheet_start
            continue
        if isinstance(item, Line) and opens:
            item.first_on_sheet, item.sheet_start = True, True
        opens = False
        body.append(item)
    out.body = body


def _ends_sheet(raw: list[str], i: int) -> bool:
    """A sheet label ends its sheet: what follows is a sheet start or the end."""
    for r in itertools.islice(raw, i + 1, None):
        if r == "":
            continue
        return r.startswith(" ") or not r.strip()
    return True
