"""Translation memory: the corpus's reviewed translations offered for the empty entries of a PO file.

In:  the PO files of every document as read before `make po` refreshes them, then one refreshed PO file.
Out: that PO file with each empty entry filled where the memory has an identical Japanese source
     (an exact match) or a similar one (a close match, similarity >= 75 %), marked fuzzy, with a
     translator comment `TM: exact match from <doc> <id>` / `TM: 87% match from <doc> <id>`;
     how many of each.

The memory holds every non-empty, non-fuzzy translation of every PO file, current or obsolete (`#~`),
the document's own included (a segment removed and back again). Its suggestions are fuzzy, so they
never feed the memory, and nothing unreviewed is published as a translation. Similarity: rapidfuzz's
`fuzz.ratio` (Indel distance, as difflib's ratio) on NFKC text with whitespace folded; only
translations with as many lines as the new source are offered (one English line per Japanese line).
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

import polib
from rapidfuzz import fuzz, process

from .catalog import TM_NOTE as NOTE

CLOSE = 75.0            # the least similarity (%) of a close match


@dataclass(frozen=True)
class Unit:
    """One reviewed translation: its English and where it is (document, segment id, whether obsolete)."""
    target: str
    slug: str
    ctx: str
    obsolete: bool = False

    @property
    def origin(self) -> str:
        """Where it is, as the comment names it: '<doc> <segment id>' (an editor's id made one short line)."""
        ctx = "".join(ch if ch.isprintable() else " " for ch in " ".join(self.ctx.split()))[:80]
        return f"{self.slug} {ctx}" + (" (obsolete)" if self.obsolete else "")


@dataclass
class Filled:
    """How many empty entries of a PO file the memory filled, by exact and by close matches."""
    exact: int = 0
    close: int = 0

    @property
    def total(self) -> int:
        return self.exact + self.close


@dataclass
class Memory:
    """Reviewed translations by their Japanese (exact matches) and by line count (close matches)."""
    exact: dict[str, list[Unit]] = field(default_factory=dict)
    folded: dict[int, dict[str, Unit]] = field(default_factory=dict)      # line count → folded source → first unit

    def add(self, po: polib.POFile, slug: str) -> None:
        """Take in the reviewed translations of a document's PO file."""
        for e in po:
            if not e.msgid or not e.msgstr or e.msgid_plural or "fuzzy" in e.flags or not _fits(e.msgstr, e.msgid):
                continue
            unit = Unit(e.msgstr, slug, e.msgctxt or "?", bool(e.obsolete))
            self.exact.setdefault(e.msgid, []).append(unit)
            self.folded.setdefault(e.msgid.count("\n"), {}).setdefault(fold(e.msgid), unit)

    def suggest(self, source: str, slug: str, ctx: str) -> tuple[Unit, float | None] | None:
        """The best translation for a segment's Japanese: (unit, None) for an exact match (the document's
        own first, then one of the same segment id), (unit, score) for a close one, or None."""
        same = self.exact.get(source)
        if same:
            return min(same, key=lambda u: (u.slug != slug, u.ctx != ctx)), None
        units = self.folded.get(source.count("\n"))
        best = process.extractOne(fold(source), units.keys(), scorer=fuzz.ratio, score_cutoff=CLOSE) if units else None
        return (units[best[0]], best[1]) if best else None


def fold(text: str) -> str:
    """A text as compared for similarity: NFKC, each line's runs of whitespace one space, lines kept."""
    return "\n".join(" ".join(line.split()) for line in unicodedata.normalize("NFKC", text).split("\n"))


def _fits(target: str, source: str) -> bool:
    """Whether a translation keeps the source's lines (a multi-line msgid, one msgstr line per line)."""
    return target.count("\n") == source.count("\n")


def fill(po: polib.POFile, memory: Memory, slug: str) -> Filled:
    """Fill each empty current entry of a refreshed PO file from the memory, fuzzy, with a TM comment."""
    filled = Filled()
    for e in po:
        if e.obsolete or e.msgstr or not e.msgctxt or e.msgid_plural:
            continue
        found = memory.suggest(e.msgid, slug, e.msgctxt)
        if found is None or not _fits(found[0].target, e.msgid):
            continue
        unit, score = found
        e.msgstr = unit.target
        if "fuzzy" not in e.flags:
            e.flags.append("fuzzy")
        match = "exact match" if score is None else f"{math.floor(score)}% match"
        kept = [line for line in e.tcomment.split("\n") if not line.startswith(NOTE)] if e.tcomment else []
        e.tcomment = "\n".join(kept + [f"{NOTE}{match} from {unit.origin}"])
        if score is None:
            filled.exact += 1
        else:
            filled.close += 1
    return filled
