"""Each earlier version paired with the version that replaced it, segment by segment.

In:  the current `Document` and catalog; the earlier versions as `Earlier` (date, `Document`, catalog),
     oldest first.
Out: a `Version` per earlier one, oldest first: its `Row`s in reading order, and each of its passages'
     `Fate` (the current page and anchor it went to, or the version that removed it).

Pairing: segments with the same text (NFKC, spaces folded) pair by longest common runs (difflib);
between two such runs, a removed and an added segment pair as changed where they are similar enough
(rapidfuzz's Indel ratio, at least `SIMILAR`), in order, so that a reworded paragraph is one change,
not a removal and an addition. A passage keeps one anchor on every version's page: the current text's
where it survives, else the one it had in the version that removed it.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum

from rapidfuzz import fuzz

from ..model import Document
from ..translate.catalog import Catalog, SegmentState
from ..translate.segments import Segment, segments

SIMILAR = 50.0          # the least similarity (%) of a removed and an added segment read as one changed


class Change(Enum):
    """What the next version did to a passage."""
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"

    def is_change(self) -> bool:
        return self is not Change.UNCHANGED

    def in_earlier(self) -> bool:
        """Whether the earlier version has the passage."""
        return self is not Change.ADDED

    def in_later(self) -> bool:
        """Whether the next version has it."""
        return self is not Change.REMOVED


@dataclass(frozen=True)
class Earlier:
    """An earlier version as read: its date, its text, its translation (empty without a PO file), and
    where it printed each segment when it was current (segment id → page, element id)."""
    date: str
    doc: Document
    catalog: Catalog
    places: dict[str, tuple[str, str]]


@dataclass(frozen=True)
class Row:
    """One passage of a version's comparison: its segment in each version, their English, its anchor."""
    change: Change
    old: Segment | None
    new: Segment | None
    old_en: str | None              # the translation of each side (None: none, or one to review)
    new_en: str | None
    anchor: str                     # its id on every version's page (the current text's where it survives)
    now: "Fate | None" = None       # where the passage is in the current text (None: removed)


@dataclass(frozen=True)
class Fate:
    """Where a passage of an earlier version is now: on a current page, or removed by a later version."""
    page: str                       # the current page, or the page of the version that last had it
    anchor: str
    removed: bool = False
    removed_by: str = ""            # the date of the version that removed it ("" for a current text with none)

    def is_removed(self) -> bool:
        return self.removed


@dataclass(frozen=True)
class Version:
    """An earlier version: its dates, its rows against the next version, where its passages went."""
    date: str
    until: str                      # the date of the version that replaced it
    doc: Document
    rows: list[Row]
    fates: dict[str, Fate]          # its segment id → where that passage is now
    page: str                       # its page in each edition: <doc>/versions/<date>.md
    places: dict[str, tuple[str, str]]    # where it printed each segment when it was current

    def counts(self) -> dict[Change, int]:
        return {c: sum(1 for r in self.rows if r.change is c) for c in Change}


def version_page(slug: str, date: str) -> str:
    return f"{slug}/versions/{date}.md"


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pair(old: list[Segment], new: list[Segment]) -> list[tuple[int | None, int | None]]:
    """The two versions' segments paired in reading order: (i, j), (i, None) removed, (None, j) added."""
    a, b = [_key(s.source) for s in old], [_key(s.source) for s in new]
    out: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        else:
            out += _similar(a, b, range(i1, i2), range(j1, j2))
    return out


def _similar(a: list[str], b: list[str], olds: range, news: range) -> list[tuple[int | None, int | None]]:
    """Pairs of similar segments between two common runs, in order, the most similarity in all
    (the others removed or added where they stand)."""
    n, m = len(olds), len(news)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            r = fuzz.ratio(a[olds[i]], b[news[j]])
            score[i][j] = max(score[i + 1][j], score[i][j + 1], score[i + 1][j + 1] + r if r >= SIMILAR else 0.0)
    out, i, j = [], 0, 0
    while i < n or j < m:
        if i < n and j < m and fuzz.ratio(a[olds[i]], b[news[j]]) >= SIMILAR and \
                score[i][j] == score[i + 1][j + 1] + fuzz.ratio(a[olds[i]], b[news[j]]):
            out.append((olds[i], news[j]))
            i, j = i + 1, j + 1
        elif i < n and (j == m or score[i][j] == score[i + 1][j]):
            out.append((olds[i], None))
            i += 1
        else:
            out.append((None, news[j]))
            j += 1
    return out


def _english(catalog: Catalog, seg: Segment | None) -> str | None:
    if seg is None:
        return None
    text, state = catalog.lookup(seg.id)
    return text if state is SegmentState.TRANSLATED else None


def compare(doc: Document, catalog: Catalog, places: dict[str, tuple[str, str]],
            earlier: list[Earlier]) -> list[Version]:
    """Every earlier version against the next, oldest first (computed from the current one back);
    `places`: where the current text prints each segment."""
    slug = doc.meta.slug
    later_doc, later_catalog = doc, catalog
    anchors = {seg.id: places[seg.id][1] for seg in segments(doc)}           # the later version's anchors
    fates = {seg.id: Fate(*places[seg.id]) for seg in segments(doc)}          # where its passages are now
    later_date = doc.meta.date
    out: list[Version] = []
    for version in reversed(earlier):
        old, new = segments(version.doc), segments(later_doc)
        own = version.places
        page = version_page(slug, version.date)
        rows, my_anchors, my_fates = [], {}, {}
        pairs = pair(old, new)
        taken = {anchors[new[j].id] for _, j in pairs if j is not None}
        for i, j in pairs:
            o, n = (old[i] if i is not None else None), (new[j] if j is not None else None)
            if o is not None and n is not None:
                anchor = anchors[n.id]
                change = Change.UNCHANGED if _key(o.source) == _key(n.source) else Change.CHANGED
                my_fates[o.id] = fates[n.id]
            elif n is not None:
                anchor, change = anchors[n.id], Change.ADDED
            else:
                anchor = _free(own[o.id][1], taken)
                change = Change.REMOVED
                my_fates[o.id] = Fate(page, anchor, True, later_date)
            if o is not None:
                my_anchors[o.id] = anchor
            now = fates[n.id] if n is not None else None
            rows.append(Row(change, o, n, _english(version.catalog, o), _english(later_catalog, n), anchor,
                            now if now is not None and not now.is_removed() else None))
        out.append(Version(version.date, later_date, version.doc, rows, my_fates, page, version.places))
        later_doc, later_catalog, anchors, fates, later_date = (version.doc, version.catalog, my_anchors,
                                                                my_fates, version.date)
    return out[::-1]


def _free(anchor: str, taken: set[str]) -> str:
    """An anchor not yet taken on a page (a removed passage's, whose id the next text gave another)."""
    out, n = anchor, 2
    while out in taken:
        out = f"{anchor}-was-{n}" if n > 2 else f"{anchor}-was"
        n += 1
    taken.add(out)
    return out


def citations(versions: list[Version]) -> dict[str, list[tuple[str, str, Fate]]]:
    """By current page path: the ids earlier versions published on that page whose passage is now
    elsewhere or gone — (id, the version's date, its `Fate`) — so that an old citation can be followed."""
    out: dict[str, list[tuple[str, str, Fate]]] = {}
    for version in versions:
        for seg_id, (page, anchor) in version.places.items():
            fate = version.fates.get(seg_id)
            if fate is None or (not fate.is_removed() and (fate.page, fate.anchor) == (page, anchor)):
                continue
            entry = (anchor, version.date, fate)
            if entry not in out.setdefault(page, []):
                out[page].append(entry)
    return out
