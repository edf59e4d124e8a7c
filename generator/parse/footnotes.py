"""Footnotes: the style a document writes them in, bodies cut from where they stand, matched with
their markers.

In:  the raw lines of a source (to choose its `NoteStyle`), the footnote areas of
     `ingest.Ingested` (lines), and the inline nodes of the body (to see which markers exist).
Out: `Footnote`s keyed by their printed number, artifacts for their labels (`[n]`, `※n`, `注n`, `*n`),
     and diagnostics for a marker without body, a body without marker, and a duplicate body.

The styles are entries of `NOTE_STYLES`: a marker in running text and the label a body starts
with. A document's style is the one whose labels start lines and whose markers its text uses most.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..diagnostics import Reporter
from ..model import Artifact, ArtifactKind, Footnote, FootnoteRef
from ..registry import Registry
from .inline import MARKER, URL, URL_AT_END, continues_url, join_lines, parse_inlines

FIGURE = "[0-9０-９]"
NUMBERED_KOME = re.compile(rf"※\s?{FIGURE}")


@dataclass(frozen=True)
class NoteStyle:
    """How a document writes its notes: `marker`, a reference in running text, and `label`, what
    a note's body starts with (group 1 of each: the number; a `sequential` style prints none: its
    markers and bodies pair in order)."""
    marker: re.Pattern
    label: re.Pattern
    sequential: bool = False

    def number(self, match: re.Match) -> int:
        return int(unicodedata.normalize("NFKC", match.group(1)))


class Numbering:
    """The numbers of a document's note markers and labels: as printed, or (a sequential style) the
    first marker 1, the next 2, …, and so the labels."""

    def __init__(self, style: NoteStyle):
        self.style, self.markers, self.labels = style, 0, 0

    def marker(self, match: re.Match) -> int:
        if not self.style.sequential:
            return self.style.number(match)
        self.markers += 1
        return self.markers

    def label(self, match: re.Match) -> int:
        if not self.style.sequential:
            return self.style.number(match)
        self.labels += 1
        return self.labels


NOTE_STYLES: Registry[NoteStyle] = Registry()
NOTE_STYLES.register(NoteStyle(MARKER, re.compile(r"^\[(\d{1,3})\]\s*")), "bracket", 100)      # [1] (the seeds')
NOTE_STYLES.register(NoteStyle(re.compile(rf"※\s?({FIGURE}{{1,3}})"), re.compile(rf"^※\s?({FIGURE}{{1,3}})[\s　:：]*")),
                     "kome", 90)                                                                  # ※1
NOTE_STYLES.register(NoteStyle(re.compile(rf"[（(]注\s?({FIGURE}{{1,3}})[）)]"),
                               re.compile(rf"^[（(]?注\s?({FIGURE}{{1,3}})[）)]?[\s　:：]*")), "chu", 80)   # （注１）, 注１
NOTE_STYLES.register(NoteStyle(re.compile(rf"\*({FIGURE}{{1,2}})"), re.compile(rf"^\*({FIGURE}{{1,2}})[\s　:：]*")),
                     "asterisk", 70)                                                              # *1
NOTE_STYLES.register(NoteStyle(re.compile(rf"※(?![\s　{FIGURE[1:-1]}])"), re.compile(rf"^※(?!{FIGURE})[\s　]*"),
                               sequential=True), "kome-unnumbered", 60)                         # ※ … ※ …


def note_style(lines: list[str]) -> NoteStyle:
    """The style a source writes its notes in: of the styles whose labels start some line, the one
    whose markers its running text uses most (the bracket style where none does)."""
    best, best_count = NOTE_STYLES["bracket"], 0
    for style in NOTE_STYLES:
        found = [m for line in lines if (m := style.label.match(line.strip()))]
        if not found:
            continue
        markers = [m for line in lines if not style.label.match(line.strip()) for m in style.marker.finditer(line)]
        if style.sequential:
            if any(NUMBERED_KOME.search(line) for line in lines):       # (※1 and a bare ※ mixed: ambiguous)
                continue
            used = min(len(markers), len(found))
        else:
            labels = {style.number(m) for m in found}
            used = sum(1 for m in markers if style.number(m) in labels)
        if used > best_count:
            best, best_count = style, used
    return best


def _starts_new_line(prev, line) -> bool:
    """Inside a note, an indented line or a URL at the line start opens a new printed line,
    unless it continues a URL broken at the previous line end."""
    if continues_url(prev, line):
        return False
    return line.indent or bool(URL.match(line.text)) or bool(URL_AT_END.search(prev.text))


def collect_footnotes(note_areas, path: str, artifacts: list[Artifact], report: Reporter,
                      style: NoteStyle | None = None) -> dict[int, Footnote]:
    """The notes of the footnote areas, by number (`style`: how their labels are written)."""
    style = style or NOTE_STYLES["bracket"]
    numbering = Numbering(style)
    notes: dict[int, Footnote] = {}
    for area in note_areas:
        current: Footnote | None = None
        groups: list[list] = []

        def close():
            if current is None:
                return
            current.lines.extend(parse_inlines(join_lines(g), markers=False) for g in groups if g)

        for line in area:
            m = style.label.match(line.text)
            if m:
                close()
                number = numbering.label(m)
                artifacts.append(Artifact(line.no, ArtifactKind.FOOTNOTE_LABEL, m.group(0).rstrip()))
                rest = line.text[m.end():]
                head = type(line)(**{**line.__dict__, "text": rest, "indent": False})
                groups = [[head]] if rest else [[]]
                if number in notes:
                    # kept, appended to the first body, so that nothing is lost
                    report.warn(path, line.no, "footnote-duplicate",
                                f"footnote [{number}] has a second body (first at line "
                                f"{notes[number].first_line}); renumber or delete one of them")
                    current = notes[number]
                    current.source_lines.append(line.no)
                    continue
                current = notes[number] = Footnote(id=f"fn-{number}", number=number,
                                                   first_line=line.no, last_line=line.no)
                current.source_lines.append(line.no)
                continue
            # an area always opens with a label (see ingest), so `current` is set here
            current.last_line = line.no
            current.source_lines.append(line.no)
            if groups[-1] and _starts_new_line(groups[-1][-1], line):
                groups.append([line])
            else:
                groups[-1].append(line)
        close()
    return notes


def check_references(notes: dict[int, Footnote], refs: list[FootnoteRef], path: str,
                     report: Reporter) -> None:
    seen = {r.number for r in refs}
    for r in refs:
        if r.number not in notes:
            report.warn(path, r.line, "footnote-no-body",
                        f"footnote marker [{r.number}] has no body; add a line "
                        f"'[{r.number}] ...' in the footnote area of its sheet (printed page) or remove the marker")
    for n, note in sorted(notes.items()):
        if n not in seen:
            report.warn(path, note.first_line, "footnote-no-marker",
                        f"footnote [{n}] has a body but no marker in the text; add [{n}] where it "
                        f"belongs or delete the body")


def notice_far_bodies(notes: dict[int, Footnote], refs: list[FootnoteRef], sheet_of: dict[int, int], path: str,
                      report: Reporter) -> None:
    """A notice at each note body that stands on another sheet than its first reference (the end of
    a section or of the document): paired by number alone, which the editor may want to check."""
    first: dict[int, FootnoteRef] = {}
    for r in refs:
        first.setdefault(r.number, r)
    for n, note in sorted(notes.items()):
        ref = first.get(n)
        if ref is None or sheet_of.get(ref.line) is None or sheet_of.get(ref.line) == sheet_of.get(note.first_line):
            continue
        report.notice(path, note.first_line, "note-far",
                      f"the body of note {n} stands on another printed page than its reference (line {ref.line}); "
                      f"they are paired by their number: check that this is the note's body")

