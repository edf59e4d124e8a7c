"""Named entries in priority order, as Python-Markdown's `util.Registry`.

In:  entries registered with a name and a priority (`register(item, "name", 50)`).
Out: the entries, highest priority first (ties in the order registered); by name with `[name]`.
Heading schemes, line markers, block rules and block renderers are entries of registries like this
one: each is added in one line, with a comment on what it must come before or after.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Iterator, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class _Entry(Generic[T]):
    item: T
    name: str
    priority: float


class Registry(Generic[T]):
    """Items by name, iterated from the highest priority to the lowest."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry[T]] = {}
        self._sorted: list[_Entry[T]] | None = None

    def register(self, item: T, name: str, priority: float) -> None:
        """Add `item` under `name` (replacing an entry of that name)."""
        self._entries.pop(name, None)
        self._entries[name] = _Entry(item, name, priority)
        self._sorted = None

    def deregister(self, name: str) -> None:
        del self._entries[name]
        self._sorted = None

    def _order(self) -> list[_Entry[T]]:
        if self._sorted is None:
            self._sorted = sorted(self._entries.values(), key=lambda e: -e.priority)   # (stable: ties as registered)
        return self._sorted

    def __iter__(self) -> Iterator[T]:
        return (e.item for e in self._order())

    def __getitem__(self, name: str) -> T:
        return self._entries[name].item

    def __contains__(self, name: str) -> bool:
        return name in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def names(self) -> list[str]:
        """The names, in priority order."""
        return [e.name for e in self._order()]

    def items(self) -> list[tuple[str, T]]:
        """(name, item) pairs, in priority order."""
        return [(e.name, e.item) for e in self._order()]
