"""The bilingual termbase: loading, matching in running text, checks and exports.

In:  `docs_src/glossary.yml`, the documents and their translations.
Out: a `Glossary`; a `Matcher` that finds term occurrences in one pass over a text
     (a trie of all forms as one regular expression, longest match first, with script-aware word boundaries
     so that a term never fires inside a longer katakana or Latin word); a
     `Linker` that turns first occurrences per section into `TermRef`s; the
     translators' consistency check; TBX (ISO 30042) and CSV exports.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlfiles

from .diagnostics import Reporter
from .memos import Memo
from .model import Inline, TermRef, Text

GLOSSARY_NAME = "glossary.yml"


@dataclass
class Term:
    id: str
    ja: str
    reading: str
    en: str
    abbr: str = ""
    expansion: str = ""
    definition: dict = field(default_factory=dict)
    forms: list[str] = field(default_factory=list)
    en_forms: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    line: int = 0

    def english_forms(self) -> list[str]:
        """What counts as this term in English text: its English, abbreviation and variants."""
        return [f for f in [self.en, self.abbr, *self.en_forms] if f]

    def tip(self, lang: str) -> str:
        if lang == "ja":
            head = self.ja + (f"（{self.abbr}）" if self.abbr else "")
            return f"{head}：{self.definition.get('ja', '')}"
        head = self.en + (f" ({self.abbr})" if self.abbr and self.abbr not in self.en else "")
        return f"{head}: {self.definition.get('en', '')}"


@dataclass
class Glossary:
    terms: list[Term]
    path: str = ""
    link_mode: str = "first-per-section"

    def __post_init__(self):
        self.by_id = {t.id: t for t in self.terms}
        self._matchers: dict[str, Matcher] = {}

    def matcher(self, lang: str) -> "Matcher":
        if lang not in self._matchers:
            forms = []
            for t in self.terms:
                if lang == "ja":
                    forms += [(f, t.id) for f in t.forms]
                else:
                    forms += [(f, t.id) for f in t.english_forms()]
            self._matchers[lang] = Matcher(forms, ignore_case=lang != "ja")
        return self._matchers[lang]


# ------------------------------------------------------------------ matching
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
        branches = [re.escape(c) + cls._below(child) for c, child in node.items() if c]
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


# ------------------------------------------------------------------ loading and checks
def load_glossary(path: Path, shown: str, report: Reporter) -> Glossary | None:
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    try:
        root = yamlfiles.compose(text)
        data = yamlfiles.load(text) or {}
    except yamlfiles.YAMLError as e:
        report.error(shown, yamlfiles.error_line(e), "glossary-yaml", f"cannot read the glossary: {e}")
        return None
    term_nodes = getattr(yamlfiles.nodes_by_key(root).get("terms"), "value", [])
    terms: list[Term] = []
    ids: dict[str, int] = {}
    forms: dict[str, tuple[str, int]] = {}
    for i, raw in enumerate(data.get("terms") or []):
        line = yamlfiles.line_of(term_nodes[i] if i < len(term_nodes) else None)
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("ja"):
            report.error(shown, line, "glossary-term", "a term needs at least 'id' and 'ja'")
            continue
        term = Term(id=str(raw["id"]), ja=str(raw["ja"]), reading=str(raw.get("reading") or ""),
                    en=str(raw.get("en") or ""), abbr=str(raw.get("abbr") or ""),
                    expansion=str(raw.get("expansion") or ""), definition=raw.get("definition") or {},
                    forms=[str(f) for f in raw.get("forms") or [raw["ja"]]],
                    en_forms=[str(f) for f in raw.get("en_forms") or []],
                    related=[str(r) for r in raw.get("related") or []], line=line)
        if term.id in ids:
            report.error(shown, line, "glossary-duplicate",
                         f"term '{term.id}' is defined twice (first at line {ids[term.id]}); merge the entries")
            continue
        ids[term.id] = line
        if not term.en:
            report.error(shown, line, "glossary-no-english", f"term '{term.id}' ({term.ja}) has no English ('en')")
        if not term.reading:
            report.warn(shown, line, "glossary-no-reading", f"term '{term.id}' has no reading; it cannot be sorted")
        for lang in ("ja", "en"):
            if not term.definition.get(lang):
                report.warn(shown, line, "glossary-no-definition", f"term '{term.id}' has no '{lang}' definition")
        for form in term.forms:
            if form in forms and forms[form][0] != term.id:
                report.error(shown, line, "glossary-duplicate",
                             f"form '{form}' belongs to term '{forms[form][0]}' (line {forms[form][1]}) and to "
                             f"'{term.id}'; a form may name one term only")
            forms[form] = (term.id, line)
        terms.append(term)
    known = {t.id for t in terms}
    for term in terms:
        for rel in term.related:
            if rel not in known:
                report.warn(shown, term.line, "glossary-related", f"term '{term.id}' relates to unknown term '{rel}'")
    return Glossary(terms, shown, str(data.get("link") or "first-per-section"))


def forms_in(glossary: Glossary, segs: list) -> set[str]:
    """The glossary's Japanese forms that occur in these segments (one document's)."""
    text = "\n".join(seg.source for seg in segs)
    return {form for term in glossary.terms for form in term.forms if form in text}


def check_unused_forms(glossary: Glossary, used: set[str], report: Reporter) -> None:
    """Forms that occur in no document (`used`: the union of every document's `forms_in`)."""
    for term in glossary.terms:
        for form in term.forms:
            if form not in used:
                report.warn(glossary.path, term.line, "glossary-unused-form",
                            f"form '{form}' of term '{term.id}' occurs in no document; correct or remove it")


def check_translation_terms(glossary: Glossary, doc, segs: list, catalog, report: Reporter) -> None:
    """Translated segments of one document that do not use the English of the terms their source uses."""
    from .languages import Language
    ja = glossary.matcher("ja")
    english = Language("en", {doc.meta.slug: catalog} if catalog is not None else {})
    for seg in segs:
        text, state = english.text(doc.meta.slug, seg.id, seg.source)
        if state != "translated":
            continue
        folded = text.lower()
        for term_id in dict.fromkeys(t for _, _, t in ja.find(seg.source)):
            term = glossary.by_id[term_id]
            allowed = term.english_forms()
            if not any(f.lower() in folded for f in allowed):
                entry = catalog.entries.get(seg.id)
                report.warn(catalog.path, entry.line if entry else 1, "glossary-consistency",
                            f"segment {seg.id}: the source uses 「{term.ja}」 but the translation has none of "
                            f"{allowed}; use the glossary's English")


def check_corpus(glossary: Glossary, docs_segments: list[tuple[object, list]], catalogs: dict,
                 report: Reporter) -> None:
    """Forms that never occur, and translations that do not use the term's English (the pipeline
    runs the per-document half in its workers and the unused-form check once, with the same result)."""
    check_unused_forms(glossary, set().union(*(forms_in(glossary, segs) for _, segs in docs_segments)), report)
    for doc, segs in docs_segments:
        check_translation_terms(glossary, doc, segs, catalogs.get(doc.meta.slug), report)


# ------------------------------------------------------------------ exports
def to_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["id", "ja", "reading", "en", "abbreviation", "expansion", "definition_ja", "definition_en",
                "forms_ja", "forms_en", "related"])
    for t in glossary.terms:
        w.writerow([t.id, t.ja, t.reading, t.en, t.abbr, t.expansion, t.definition.get("ja", ""),
                    t.definition.get("en", ""), "|".join(t.forms), "|".join(t.en_forms), "|".join(t.related)])
    return "\ufeff" + out.getvalue()


def to_tbx(glossary: Glossary) -> str:
    """TBX-Basic (ISO 30042): one conceptEntry per term, a langSec per language."""
    e = _xml
    entries = []
    for t in glossary.terms:
        ja_terms = "".join(f'<termSec><term>{e(f)}</term><termNote type="termType">'
                           f'{"fullForm" if i == 0 else "variant"}</termNote></termSec>'
                           for i, f in enumerate(dict.fromkeys([t.ja] + t.forms)))
        en_list = list(dict.fromkeys([t.en] + ([t.abbr] if t.abbr else []) + t.en_forms))
        en_terms = "".join(f'<termSec><term>{e(f)}</term><termNote type="termType">'
                           f'{"fullForm" if i == 0 else ("abbreviation" if f == t.abbr else "variant")}</termNote></termSec>'
                           for i, f in enumerate(en_list))
        related = "".join(f'<ref type="crossReference" target="{e(r)}">{e(r)}</ref>' for r in t.related)
        entries.append(
            f'<conceptEntry id="{e(t.id)}">{related}'
            f'<langSec xml:lang="ja"><descrip type="definition">{e(t.definition.get("ja", ""))}</descrip>{ja_terms}</langSec>'
            f'<langSec xml:lang="en"><descrip type="definition">{e(t.definition.get("en", ""))}</descrip>{en_terms}</langSec>'
            f'</conceptEntry>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tbx style="dca" type="TBX-Basic" xml:lang="ja" xmlns="urn:iso:std:iso:30042:ed-2">\n'
            '<tbxHeader><fileDesc><sourceDesc><p>Japanese space-policy documents: bilingual termbase</p>'
            '</sourceDesc></fileDesc></tbxHeader>\n<text><body>\n' + "".join(entries) + '</body></text>\n</tbx>\n')


def _xml(text: str) -> str:
    """Text or a double-quoted attribute value in XML."""
    from xml.sax.saxutils import escape       # here, not above: xml.sax loads urllib and http (10 ms of every build)
    return escape(text, {'"': "&quot;"})


def sort_key(term: Term, lang: str):
    if lang == "ja":
        reading = unicodedata.normalize("NFKC", term.reading).replace("・", "").replace("ー", "")
        return reading
    return term.en.lower()
