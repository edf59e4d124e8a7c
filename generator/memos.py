"""Answers remembered for one document at a time.

In:  functions and tables whose answers depend on a text or a document only (the glossary matches
     of a segment, the HTML of a side-by-side pair, a document's segments), registered here.
Out: the same answers, computed once per document: several stages ask the same question of
     the same text (the Japanese of a segment is matched for the page links, the glossary
     usage and the translation check; both editions show the same pairs). `next_document()`,
     called by the pipeline before each document, forgets them: documents share almost no
     text, so keeping answers across documents would only grow memory — and would flatter
     a benchmark corpus made of copies.
"""
from __future__ import annotations

import functools
import weakref
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)

_tables: list[weakref.ref] = []       # (a dict is not hashable, so no WeakSet)
_functions: list = []


class Memo(dict):
    """A table of answers (text → answer), emptied when the next document starts."""

    def __init__(self) -> None:
        super().__init__()
        _tables.append(weakref.ref(self))


def per_document(fn: F) -> F:
    """`fn` with its answers remembered until the next document (its arguments must be hashable)."""
    cached = functools.lru_cache(maxsize=None)(fn)
    _functions.append(cached)
    return cached


def next_document() -> None:
    """Forget every answer remembered: the next document starts."""
    alive = []
    for ref in _tables:
        table = ref()
        if table is not None:                # (tables of matchers no longer used are dropped)
            table.clear()
            alive.append(ref)
    _tables[:] = alive
    for fn in _functions:
        fn.cache_clear()
