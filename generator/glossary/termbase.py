"""The bilingual termbase, `docs_src/glossary.yml`.

In:  the YAML file (editors').
Out: a `Glossary` of `Term`s (with a `Matcher` per language, made on first use), and the problems
     of its entries at their lines.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Reporter
from ..parse import schemas, yamlfiles
from .matcher import Matcher

GLOSSARY_NAME = "glossary.yml"


@dataclass
class Term:
    """One entry of the termbase: its forms in both languages, its definition, related terms."""
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
    source: str = ""            # where the English comes from (for translators; exported, not shown)
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
    """Every term, by id, and a `Matcher` of their forms per language (made on first use)."""
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


def load_glossary(path: Path, shown: str, report: Reporter) -> Glossary | None:
    """The termbase of `path` (None without one), each problem reported at its term's line."""
    if not path.exists() and not path.is_symlink():
        return None
    read = yamlfiles.read(path, shown, report, "glossary-yaml", schemas.GLOSSARY)
    if read is None:
        return None
    data, root = read
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
                    related=[str(r) for r in raw.get("related") or []], source=str(raw.get("source") or ""),
                    line=line)
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
        _check_english_forms(term, shown, report)
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


def _check_english_forms(term: Term, shown: str, report: Reporter) -> None:
    """English forms that would link ordinary words: a name split at its commas (an unquoted YAML
    flow list), and a single lower-case word that is not the term's own English."""
    forms = term.en_forms
    for name in (term.en, term.expansion):
        for i in range(len(forms)):
            for j in range(i + 2, len(forms) + 1):
                if name and ", ".join(forms[i:j]) == name:
                    report.error(shown, term.line, "glossary-form-split",
                                 f"term '{term.id}': the English forms {', '.join(map(repr, forms[i:j]))} are one "
                                 f"name split at its commas; quote it: \"{name}\"")
    for form in forms:
        if form.isalpha() and form.islower() and form != term.en.lower():
            report.warn(shown, term.line, "glossary-form-word",
                        f"term '{term.id}': the English form '{form}' is a single ordinary word, so every "
                        f"'{form}' in English text would link to this term; give a longer form")


def sort_key(term: Term, lang: str):
    """A term's place on the glossary page: gojūon order of its reading, or its English."""
    if lang == "ja":
        reading = unicodedata.normalize("NFKC", term.reading).replace("・", "").replace("ー", "")
        return reading
    return term.en.lower()
