"""Translations: gettext PO files beside each document, read and written with polib.

In:  a document's `Segment`s and its PO file `docs_src/<doc>/<lang>.po`.
Out: the refreshed PO file (msgmerge semantics: new segments empty, removed ones
     obsolete, changed sources fuzzy with the previous msgid), the `Catalog` of
     translations the renderer looks up by segment id (with each one's `SegmentState`),
     and coverage figures.

PO entry: msgctxt = segment id, msgid = Japanese source, msgstr = translation,
`#:` = source file and line. Re-running the refresh on unchanged sources
changes no byte.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import polib

from ..diagnostics import Reporter
from ..parse.inline import MARKER, URL
from ..parse.tables import laid_out
from .segments import Segment

WRAP = 0          # never wrap lines: each msgid stays one line per source line (diffs well)
TM_NOTE = "TM: "  # a translator comment so starting: the translation memory's suggestion (translate/memory)


class SegmentState(Enum):
    """What a segment's text in a language is."""
    SOURCE = "source"                  # the Japanese itself (the source language's pages)
    TRANSLATED = "translated"          # a current translation
    FUZZY = "fuzzy"                    # a translation to review (its source changed): the Japanese is shown
    UNTRANSLATED = "untranslated"      # no translation yet: the Japanese is shown

    def is_pending(self) -> bool:
        """The translation is missing or to review, so the page shows the Japanese, marked."""
        return self in (SegmentState.FUZZY, SegmentState.UNTRANSLATED)


@dataclass
class Entry:
    """One translation of a catalog: its text, whether fuzzy, its line in the PO file."""
    text: str
    fuzzy: bool
    line: int          # line of the entry in the PO file


@dataclass
class Catalog:
    """Translations of one document in one language, by segment id."""
    path: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def lookup(self, seg_id: str) -> tuple[str | None, SegmentState]:
        """(text, state) of a segment: translated, fuzzy or untranslated (then no text)."""
        entry = self.entries.get(seg_id)
        if entry is None or not entry.text:
            return None, SegmentState.UNTRANSLATED
        return entry.text, SegmentState.FUZZY if entry.fuzzy else SegmentState.TRANSLATED


def po_path(folder: Path, lang: str) -> Path:
    """The PO file of a document folder for one language."""
    return folder / f"{lang}.po"


def _new_po(lang: str, doc_slug: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP)
    po.metadata = {
        "Project-Id-Version": doc_slug,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return po


_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'     # a quoted string, escapes included ("unrolled": no backtracking)
PO_LINE = re.compile(r'^(?:#.*|(?:#~\s*)?(?:#\|\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+' + _STRING
                     + r'|(?:#~\s*)?(?:#\|\s*)?' + _STRING + r')\s*$')


def syntax_errors(text: str) -> list[tuple[int, str]]:
    """Lines that are not PO syntax. polib is lenient (an unterminated string reads as
    empty), so editors' mistakes are caught here, line by line."""
    errors = []
    for no, line in enumerate(text.split("\n"), 1):
        if line.strip() and not PO_LINE.match(line.strip()):
            errors.append((no, line.strip()[:60]))
    return errors


def load_po(path: Path, report: Reporter, shown: str) -> polib.POFile | None:
    """A PO file read with polib, or None (with an error at its line) when it is not valid PO."""
    if path.is_symlink() or not path.is_file():
        report.error(shown, 1, "po-syntax", "the translation file is a symbolic link or not a file; replace it "
                                            "with the PO file itself (`make po` creates one)")
        return None
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        report.error(shown, raw[: e.start].count(b"\n") + 1, "po-syntax", "the translation file is not UTF-8; "
                                                                           "save it as UTF-8")
        return None
    errors = syntax_errors(path.read_text(encoding="utf-8", errors="replace"))
    for line, text in errors:
        report.error(shown, line, "po-syntax",
                     f"not valid PO syntax: {text!r}; every string must be in double quotes "
                     f"(escape a quote inside as \\\") — Poedit shows the error, or restore the file from git")
    if errors:
        return None
    try:
        po = polib.pofile(str(path), wrapwidth=WRAP)
    except (OSError, ValueError, UnicodeDecodeError) as e:
        line = _error_line(str(e))
        report.error(shown, line, "po-syntax",
                     f"cannot read the translation file: {e}; fix the PO syntax "
                     f"(Poedit shows the error) or restore it from git")
        return None
    return po


def _error_line(message: str) -> int:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else 1


def refresh(po: polib.POFile | None, segs: list[Segment], source_path: str, lang: str,
            slug: str) -> polib.POFile:
    """msgmerge: keep translations, add new segments, obsolete removed ones, flag changed ones fuzzy."""
    old = po or _new_po(lang, slug)
    by_ctx = {e.msgctxt: e for e in old if not e.obsolete}
    by_src = {}
    for e in old:
        if not e.obsolete and e.msgstr:
            by_src.setdefault(e.msgid, e)
    obsolete_old = [e for e in old if e.obsolete]
    new = _new_po(lang, slug)
    new.metadata = dict(old.metadata) or new.metadata
    new.header = old.header
    used: set[str] = set()
    for seg in segs:
        prev = by_ctx.get(seg.id)
        entry = polib.POEntry(msgctxt=seg.id, msgid=seg.source, msgstr="",
                              occurrences=[(source_path, str(seg.line))])
        if prev is not None:
            used.add(seg.id)
            entry.msgstr = prev.msgstr
            entry.flags = list(prev.flags)
            entry.tcomment = prev.tcomment
            entry.previous_msgid = prev.previous_msgid
            if prev.msgid != seg.source and prev.msgstr:
                if "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
                entry.previous_msgid = prev.previous_msgid or prev.msgid
            elif prev.msgid == seg.source and "fuzzy" not in entry.flags:
                entry.previous_msgid = None
        elif seg.source in by_src:
            # the same source moved to a new id: reuse the translation, as msgmerge does
            entry.msgstr = by_src[seg.source].msgstr
            entry.flags = ["fuzzy"]
        new.append(entry)
    for e in old:
        if not e.obsolete and e.msgctxt not in used and e.msgstr:
            e.obsolete = True
            e.occurrences = []
            new.append(e)
    active = {n.msgctxt for n in new if not n.obsolete}
    for e in obsolete_old:
        if e.msgctxt not in active:
            new.append(e)
    return new


def catalog_from(po: polib.POFile, path: str) -> Catalog:
    """A PO file's current entries as a catalog (no checks)."""
    cat = Catalog(path)
    for e in po:
        if e.obsolete or not e.msgctxt:
            continue
        cat.entries[e.msgctxt] = Entry(e.msgstr, "fuzzy" in e.flags, e.linenum)
    return cat


@dataclass
class Coverage:
    """How many segments and words of a document are translated, fuzzy, untranslated."""
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    words_translated: int = 0
    words_fuzzy: int = 0
    words_untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def source_words(text: str) -> int:
    """Japanese has no spaces: count characters, excluding whitespace, per 2 as a 'word'."""
    return max(1, len("".join(text.split())) // 2)


def coverage(segs: list[Segment], cat: Catalog) -> Coverage:
    """How many segments (and words) of a document are translated, fuzzy and untranslated."""
    cov = Coverage()
    for seg in segs:
        _, state = cat.lookup(seg.id)
        words = source_words(seg.source)
        if state is SegmentState.TRANSLATED:
            cov.translated, cov.words_translated = cov.translated + 1, cov.words_translated + words
        elif state is SegmentState.FUZZY:
            cov.fuzzy, cov.words_fuzzy = cov.fuzzy + 1, cov.words_fuzzy + words
        else:
            cov.untranslated, cov.words_untranslated = cov.untranslated + 1, cov.words_untranslated + words
    return cov


def _markers(text: str) -> list[str]:
    """Footnote markers and URLs of a text: a translation must carry the same ones."""
    if "[" not in text and "://" not in text:
        return []
    return sorted(m.group(0) for m in MARKER.finditer(text)) + sorted(m.group(0) for m in URL.finditer(text))


def _suggested(e: polib.POEntry) -> bool:
    """Whether an entry's translation was filled in by the translation memory (`make po`)."""
    return any(line.startswith(TM_NOTE) for line in (e.tcomment or "").split("\n"))


def duplicate_entries(po: polib.POFile, shown: str, report: Reporter) -> dict:
    """The entries of a PO file by segment id, each segment given twice an error at the second."""
    entries: dict = {}
    for e in po:
        if e.obsolete or not e.msgctxt:
            continue
        if e.msgctxt in entries:
            report.error(shown, e.linenum, "po-duplicate",
                         f"segment {e.msgctxt} has two entries (the first at line {entries[e.msgctxt].linenum}); "
                         f"delete one")
            continue
        entries[e.msgctxt] = e
    return entries


def load_catalog(path: Path, shown: str, segs: list[Segment], report: Reporter) -> Catalog:
    """Read a document's PO file and report what editors must do about it: untranslated, fuzzy and
    stale segments (work not yet done: `todo`), broken markers, and entries for unknown segments."""
    cat = Catalog(shown)
    if not path.exists() and not path.is_symlink():
        if segs:
            report.todo(shown, 1, "po-missing", f"no translation file; run `make po` to create it "
                                               f"({len(segs)} segments to translate)")
        return cat
    po = load_po(path, report, shown)
    if po is None:
        return cat
    entries = duplicate_entries(po, shown, report)
    for seg in segs:
        e = entries.get(seg.id)
        if e is None or not e.msgstr:
            line = e.linenum if e is not None else 1
            report.todo(shown, line, "translation-missing",
                        f"segment {seg.id} (source line {seg.line}) is not translated; fill its msgstr"
                        + ("" if e is not None else " after running `make po`"))
            continue
        fuzzy = "fuzzy" in e.flags
        if e.msgid != seg.source:
            fuzzy = True
            report.todo(shown, e.linenum, "translation-stale",
                        f"segment {seg.id}: the Japanese source changed since this file was refreshed; "
                        f"run `make po`, then review the translation and remove its fuzzy flag")
        elif fuzzy and _suggested(e):
            report.todo(shown, e.linenum, "translation-fuzzy",
                        f"segment {seg.id} is a suggestion of the translation memory (its `# TM:` comment says "
                        f"from where); check the translation against the msgid and remove the fuzzy flag")
        elif fuzzy:
            report.todo(shown, e.linenum, "translation-fuzzy",
                        f"segment {seg.id} is marked fuzzy (its source changed); review the translation "
                        f"against the new msgid and remove the fuzzy flag")
        if not fuzzy and _markers(e.msgstr) != _markers(e.msgid):
            report.warn(shown, e.linenum, "translation-markers",
                        f"segment {seg.id}: footnote markers or URLs differ from the source "
                        f"(source {_markers(e.msgid)}, translation {_markers(e.msgstr)}); copy them unchanged")
        if not fuzzy and e.msgid.count("\n") != e.msgstr.count("\n"):
            report.warn(shown, e.linenum, "translation-lines",
                        f"segment {seg.id}: the source has {e.msgid.count(chr(10)) + 1} lines, the translation "
                        f"{e.msgstr.count(chr(10)) + 1}; keep one translated line per source line")
        if not fuzzy and seg.layout is not None and laid_out(seg.layout, [l.strip() for l in e.msgstr.split("\n")]) is None:
            report.warn(shown, e.linenum, "translation-table",
                        f"segment {seg.id} is a table of {seg.layout.columns} columns, but its translation does not "
                        f"keep the table's lines, so it is shown as extracted: give the first line "
                        f"{seg.layout.columns} column labels (separated by ' | ' where a label has spaces) and "
                        f"end each row's line with its marks as in the source")
        cat.entries[seg.id] = Entry(e.msgstr, fuzzy, e.linenum)
    known = {s.id for s in segs}
    for ctx, e in entries.items():
        if ctx not in known:
            report.warn(shown, e.linenum, "translation-unknown",
                        f"entry {ctx} matches no segment of the source; run `make po` to make it obsolete")
    return cat
