"""Footnotes: bodies cut from the bottoms of sheets, matched with their markers.

In:  the footnote areas of `ingest.Ingested` (lines), and the inline nodes of the
     body (to see which markers exist).
Out: `Footnote`s keyed by their printed number, artifacts for the `[n]` labels,
     and diagnostics for a marker without body, a body without marker, and a
     duplicate body.
"""
from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import Artifact, ArtifactKind, Footnote, FootnoteRef
from .inline import URL, URL_AT_END, continues_url, join_lines, parse_inlines

LABEL = re.compile(r"^\[(\d{1,3})\]\s*")


def _starts_new_line(prev, line) -> bool:
    """Inside a note, an indented line or a URL at the line start opens a new printed line,
    unless it continues a URL broken at the previous line end."""
    if continues_url(prev, line):
        return False
    return line.indent or bool(URL.match(line.text)) or bool(URL_AT_END.search(prev.text))


def collect_footnotes(note_areas, path: str, artifacts: list[Artifact],
                      report: Reporter) -> dict[int, Footnote]:
    notes: dict[int, Footnote] = {}
    for area in note_areas:
        current: Footnote | None = None
        groups: list[list] = []

        def close():
            if current is None:
                return
            current.lines.extend(parse_inlines(join_lines(g), markers=False) for g in groups if g)

        for line in area:
            m = LABEL.match(line.text)
            if m:
                close()
                number = int(m.group(1))
                artifacts.append(Artifact(line.no, ArtifactKind.FOOTNOTE_LABEL, f"[{number}]"))
                rest = line.text[m.end():]
                head = type(line)(**{**line.__dict__, "text": rest, "indent": False})
                groups = [[head]] if rest else [[]]
                if number in notes:
                    # kept, appended to the first body, so that nothing is lost
                    report.warn(path, line.no, "footnote-duplicate",
                                f"footnote [{number}] has a second body (first at line "
                                f"{notes[number].first_line}); renumber or delete one of them")
                    current = notes[number]
                    continue
                current = notes[number] = Footnote(id=f"fn-{number}", number=number,
                                                   first_line=line.no, last_line=line.no)
                continue
            # an area always opens with a label (see ingest), so `current` is set here
            current.last_line = line.no
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

