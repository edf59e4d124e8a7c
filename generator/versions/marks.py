"""The changed characters of a segment between two versions.

In:  its earlier and its later text (Japanese, compared character by character; English, word by word).
Out: `Mark`s in order: the text both share, removed, or added.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum

WORD = re.compile(r"\w+|\s+|[^\w\s]")        # (English: a word, a space or a punctuation mark at a time)


class Op(Enum):
    """What a run of characters is in the later version."""
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class Mark:
    """A run of characters, and what became of it."""
    op: Op
    text: str


def marks(old: str, new: str, words: bool = False) -> list[Mark]:
    """The runs of `old` and `new` in reading order, a replaced run as its removed then its added text."""
    a, b = (WORD.findall(old), WORD.findall(new)) if words else (list(old), list(new))
    out: list[Mark] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Mark(Op.SAME, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Mark(Op.REMOVED, "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Mark(Op.ADDED, "".join(b[j1:j2])))
    return out
