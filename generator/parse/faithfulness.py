"""Faithfulness: how much of the source text reaches the rendered pages, in order.

In:  the source text, the `Document` parsed from it (for its artifacts and note
     areas), and the text of the rendered Japanese pages — the running text of
     every page in reading order, and the text of each footnote by number.
Out: a `Faithfulness` report: source characters (whitespace aside), how many are
     preserved in order, how many are classified artifacts, and the pieces that
     are neither (which must be none).
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import ArtifactKind, Document
from .ingest import raw_lines

WS = re.compile(r"\s+")


@dataclass
class Faithfulness:
    """How much of a source reaches the pages: characters kept in order, artifacts, and the rest."""
    source_chars: int = 0
    artifact_chars: int = 0
    preserved_chars: int = 0
    missing: list[str] = field(default_factory=list)      # source pieces not rendered
    extra: list[str] = field(default_factory=list)        # rendered pieces not in the source

    @property
    def share(self) -> float:
        """Preserved share of the characters that are not artifacts."""
        base = self.source_chars - self.artifact_chars
        return self.preserved_chars / base if base else 1.0


def _strip(s: str) -> str:
    return WS.sub("", s)


def source_streams(text: str, doc: Document) -> tuple[str, dict[int, str], int]:
    """(body characters, note characters by number, artifact characters), whitespace removed,
    every classified artifact cut out where it stands."""
    by_line: dict[int, list[tuple[str, bool]]] = {}
    for a in doc.artifacts:                  # (a folio trails its line: it is cut from the end)
        by_line.setdefault(a.line, []).append((a.text, a.kind is ArtifactKind.FOLIO))
    note_lines = {no: note.number for note in doc.footnotes.values() for no in note.source_lines}
    body, notes, removed = [], {}, 0
    for no, raw in enumerate(raw_lines(text), 1):
        line = raw
        for art, trailing in by_line.get(no, []):
            i = line.rfind(art) if trailing else line.find(art)
            if i >= 0:
                line = line[:i] + line[i + len(art):]
                removed += len(_strip(art))
        if no in note_lines:
            notes[note_lines[no]] = notes.get(note_lines[no], "") + _strip(line)
        else:
            body.append(_strip(line))
    return "".join(body), notes, removed


def _matched(a: str, b: str) -> tuple[int, list[str], list[str]]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched, missing, extra = 0, [], []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            matched += i2 - i1
        if tag in ("delete", "replace"):
            missing.append(a[i1:i2])
        if tag in ("insert", "replace"):
            extra.append(b[j1:j2])
    return matched, missing, extra


def measure(text: str, doc: Document, rendered_body: str, rendered_notes: dict[int, str]) -> Faithfulness:
    """Compare a source with the text of its rendered Japanese pages (body and notes)."""
    body, notes, artifact_chars = source_streams(text, doc)
    report = Faithfulness(source_chars=len(_strip(text)), artifact_chars=artifact_chars)
    matched, missing, extra = _matched(body, _strip(rendered_body))
    report.preserved_chars += matched
    report.missing += missing
    report.extra += extra
    for number, src in notes.items():
        matched, missing, extra = _matched(src, _strip(rendered_notes.get(number, "")))
        report.preserved_chars += matched
        report.missing += missing
        report.extra += extra
    for number in set(rendered_notes) - set(notes):
        report.extra.append(rendered_notes[number])
    return report


def artifact_summary(doc: Document) -> Counter:
    return Counter(a.kind for a in doc.artifacts)
