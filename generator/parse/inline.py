"""Inline text: joining printed lines and finding footnote markers and URLs.

In:  printed lines (`ingest.Line`) or a joined string with its source line.
Out: a list of inline nodes (`Text`, `FootnoteRef`, `Link`) and the
     `Artifact`s for the marker brackets that become generated references.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import Artifact, ArtifactKind, FootnoteRef, Inline, Link, Text

URL_CHARS = r"A-Za-z0-9._~:/?#@!$&'*+,;=%\-"
URL = re.compile(rf"https?://[{URL_CHARS}]+(?:\([{URL_CHARS}]*\)[{URL_CHARS}]*)*")
MARKER = re.compile(r"\[(\d{1,3})\]")
ASCII_WORD_END = re.compile(r"[A-Za-z0-9]$")
ASCII_WORD_START = re.compile(r"^[A-Za-z0-9]")
URL_AT_END = re.compile(rf"https?://[{URL_CHARS}]+$")
URL_CONTINUATION = re.compile(rf"^[{URL_CHARS}]+(\s|$)")


def continues_url(prev, nxt) -> bool:
    """A URL broken at the end of `prev` (no trailing space) that `nxt` continues."""
    return bool(URL_AT_END.search(prev.text)) and not prev.trailing_space and bool(URL_CONTINUATION.match(nxt.text))


def separator(prev, nxt) -> str:
    """What stands between two printed lines of one unit.

    Japanese joins with nothing. A space survives only where the text itself had
    one at the line end between two Latin words or numbers (`OneWeb 社` style
    spaces inside a line are untouched). A URL broken at the line end joins whole.
    """
    if continues_url(prev, nxt):
        return ""
    if prev.trailing_space and ASCII_WORD_END.search(prev.text) and ASCII_WORD_START.match(nxt.text):
        return " "
    return ""


def join_lines(lines) -> list[tuple[int, str]]:
    """Printed lines to (source line, text) pieces with the right separators."""
    pieces: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        sep = separator(lines[i - 1], line) if i else ""
        pieces.append((line.no, sep + line.text))
    return pieces


def parse_inlines(pieces: list[tuple[int, str]], artifacts: list[Artifact] | None = None,
                  markers: bool = True, marker: re.Pattern = MARKER, number=None) -> list[Inline]:
    """Joined pieces to inline nodes. URLs may span pieces; note markers (`marker`: the document's
    style, `[n]` by default; `number(match)` its note's number, by default group 1) may not."""
    text = "".join(t for _, t in pieces)
    if "://" not in text and not markers:                          # plain text: the common case
        return [Text(text)] if text else []
    if "://" not in text and marker is MARKER and "[" not in text:
        return [Text(text)] if text else []
    starts = []            # offset in `text` where each piece starts, with its line
    pos = 0
    for no, t in pieces:
        starts.append((pos, no))
        pos += len(t)

    def line_at(offset: int) -> int:
        no = pieces[0][0] if pieces else 0
        for start, n in starts:
            if start <= offset:
                no = n
        return no

    spans: list[tuple[int, int, Inline]] = []
    for m in URL.finditer(text):
        url = m.group(0).rstrip(".,;:")
        spans.append((m.start(), m.start() + len(url), Link(url)))
    if markers:
        bounds = [start for start, _ in starts[1:]]
        for m in marker.finditer(text):
            if any(s <= m.start() < e for s, e, _ in spans) or any(m.start() < b < m.end() for b in bounds):
                continue                         # (inside a URL, or across two printed lines: *1 + 6 is no *16)
            note = number(m) if number else int(unicodedata.normalize("NFKC", m.group(1)))
            spans.append((m.start(), m.end(), FootnoteRef(note, line_at(m.start()))))
    spans.sort(key=lambda s: s[0])
    out: list[Inline] = []
    pos = 0
    for start, end, node in spans:
        if start > pos:
            out.append(Text(text[pos:start]))
        out.append(node)
        if isinstance(node, FootnoteRef) and artifacts is not None:
            artifacts.append(Artifact(node.line, ArtifactKind.FOOTNOTE_REF, text[start:end]))
        pos = end
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out
