"""Finding glossary terms in running text.

In:  the forms of every term in one language (`(form, term id)`), and texts.
Out: a `Matcher` that finds term occurrences in one pass over a text (a trie of all forms as one
     regular expression, longest match first, with script-aware word boundaries so that a term
     never fires inside a longer katakana or Latin word), and a `Linker` that turns the first
     occurrence per section into `TermRef`s.
"""
from __future__ import annotations

import re

from ..memos import Memo
from ..model import Inline, TermRef, Text


def script(c: str) -> str:
    """The script class that decides word boundaries."""
    if not c:
        return ""
    o = ord(c)
    if c.isascii() and c.isalnum() or 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return "latin"
    if 0x30A0 <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9F:
        return "katakana"
    if 0x3041 <= o <= 0x309F:
        return "hiragana"
    return "other"


# the characters of each script whose words a form must not cut into, as regular-expression classes
WORD_CHARACTERS = {
    "latin": "0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a",
    "katakana": "\u30a0-\u30ff\uff66-\uff9f",
    "hiragana": "\u3041-\u309f",
}
KELVIN = "\u212a"          # the one character whose lower case ("k") is of another script


def cuts(a: str, b: str) -> bool:
    """Are two neighbouring characters one word (Latin, katakana or hiragana on both sides)?"""
    first = script(a)
    return first in WORD_CHARACTERS and first == script(b)


class Matcher:
    """All forms in one trie, compiled into one regular expression that scans the text once, in
    C, for the longest form at each position that does not begin inside a word of its script
    (katakana, Latin, hiragana: one look-behind per script, before the forms beginning in it);
    a form that would end inside a word gives way to the longest shorter one that does not.
    Kanji compounds have no visible boundary: longer forms win instead. (A Python loop over
    the trie cost a quarter of a document's time. The look-behinds are one per script, not
    one per form: a look-ahead after each form's end took 30 ms to compile, more than it saved.)"""

    def __init__(self, forms: list[tuple[str, str]], ignore_case: bool = False):
        self.ignore_case = ignore_case
        self.memo = Memo()                       # the same segment is matched by several stages
        self.terms: dict[str, str] = {}          # folded form → term id (the first term to claim it)
        for form, term in forms:
            if form:
                self.terms.setdefault(self._fold(form), term)
        by_script: dict[str, dict] = {}          # the trie, its first level split by script
        for form in self.terms:
            node = by_script.setdefault(script(form[0]), {})
            for c in form:
                node = node.setdefault(c, {})
            node[""] = True
        starts = [(f"(?<![{WORD_CHARACTERS[name]}])" if name in WORD_CHARACTERS else "") + self._below(trie)
                  for name, trie in by_script.items()]
        self.pattern = re.compile("|".join(starts)) if starts else None

    @classmethod
    def _below(cls, node: dict) -> str:
        """The forms below a trie node: longer continuations first, the form ending here last, so
        that a match is the longest form at its position."""
        branches = []
        for c, child in node.items():
            if not c:
                continue
            run = [c]
            while len(child) == 1 and "" not in child:        # a chain with no choice: one literal
                (c, child), = child.items()
                run.append(c)
            branches.append(re.escape("".join(run)) + cls._below(child))    # (recursion: one per fork)
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    def _fold(self, s: str) -> str:
        """Lower case for English, character by character where lowering would change the length or
        the script (so that the boundaries seen in the folded text are those of the text)."""
        if not self.ignore_case:
            return s
        low = s.lower()
        if len(low) == len(s) and KELVIN not in s:
            return low
        return "".join(c.lower() if len(c.lower()) == 1 and c != KELVIN else c for c in s)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        found = self.memo.get(text)
        if found is None:
            found = self.memo[text] = self._find(text)
        return found

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        if self.pattern is None:
            return []
        folded, out, at = self._fold(text), [], 0
        while (m := self.pattern.search(folded, at)) is not None:
            start = m.start()
            end = self._bounded_end(folded, start, m.end())
            if end is None:
                at = start + 1
            else:
                out.append((start, end, self.terms[folded[start:end]]))
                at = end
        return out

    def _bounded_end(self, folded: str, start: int, longest: int) -> int | None:
        """Where the longest form at `start` ends that does not end inside a word (the forms there
        are the prefixes of the longest match that are forms), or None."""
        for end in range(longest, start, -1):
            if (end == len(folded) or not cuts(folded[end - 1], folded[end])) and folded[start:end] in self.terms:
                return end
        return None


class Linker:
    """Turns occurrences in running text into `TermRef`s: the first per scope (section),
    or all, as the glossary says."""

    def __init__(self, glossary: Glossary | None, lang: str):
        self.glossary = glossary
        self.matcher = glossary.matcher(lang) if glossary else None
        self.seen: set[tuple[str, str]] = set()
        self.used: list[str] = []              # term ids linked on this page, in order

    def link(self, inlines: list[Inline], scope: str) -> list[Inline]:
        """The inline nodes with the terms found in their text as `TermRef`s (first per scope, or all)."""
        if self.matcher is None:
            return inlines
        out: list[Inline] = []
        for node in inlines:
            if not isinstance(node, Text):
                out.append(node)
                continue
            pos = 0
            for start, end, term in self.matcher.find(node.text):
                key = (scope, term)
                if self.glossary.link_mode != "all" and key in self.seen:
                    continue
                self.seen.add(key)
                if term not in self.used:
                    self.used.append(term)
                if start > pos:
                    out.append(Text(node.text[pos:start]))
                out.append(TermRef(term, node.text[start:end]))
                pos = end
            if pos < len(node.text):
                out.append(Text(node.text[pos:]))
        return out
