"""Checks of the translations themselves, under Japanese-to-English conventions.

In:  a document's segments and catalog (`check_translations`); every document's translation keys
     (`translation_keys`, then `check_inconsistent` over the corpus).
Out: warnings at the PO entry: translate-toolkit's pofilter checks that make sense for JA→EN, run
     on the source as English would write it (`as_english`: full-width forms folded by NFKC, era
     years as Gregorian years, months by name, Japanese punctuation as English) so that brackets,
     end punctuation and the numbers of era dates are compared, not silenced
     (`translation-<check>`); the same Japanese translated two ways anywhere in the corpus, both
     places named (`translation-inconsistent`).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from ..diagnostics import Reporter
from .catalog import Catalog, SegmentState

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911}     # the year before each era's first
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ERA_YEAR = re.compile(r"(令和|平成|昭和|大正)\s*(元|\d+)\s*(年度|年)")
MONTH = re.compile(r"(?<![\dか])(\d{1,2})\s*月(?!\s*[間])")
PUNCTUATION = str.maketrans({"。": ".", "、": ",", "「": "“", "」": "”", "『": "“", "』": "”", "・": "/",
                             "【": "[", "】": "]", "〔": "(", "〕": ")", "〈": "<", "〉": ">", "《": "«",
                             "》": "»", "～": "-", "〜": "-", "―": "-", "…": "...", "○": "", "◎": ""})
CIRCLED = re.compile("[\u2460-\u2473]")          # ①–⑳: numbering, kept as printed in the English too


GLOSS = re.compile(r"\((?:[\u30a0-\u30ff/ー]+|[\u3040-\u309fー]+|[A-Za-z][A-Za-z0-9 .,:&/'-]*)\)")   # (ベネフィット), (Low Earth Orbit:LEO)
KANA_NUMBER = re.compile(r"^([\u30a2-\u30f3a-z])\)")                       # ア）, as English numbers it: (a)
ACRONYM = re.compile(r" ?\((?:[A-Z][A-Za-z0-9&-]*[A-Z0-9])\)")             # (ISS): an expansion's abbreviation
WORDS = {w: str(n) for n, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                          "nine", "ten", "eleven", "twelve"))} | {"once": "1", "twice": "2",
                                                                                "single": "1", "both": "2"}
NUMBER_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.IGNORECASE)


def as_english(source: str) -> str:
    """The Japanese source as JA→EN conventions write its numbers and punctuation: NFKC (but ①
    stays ①, as the translation keeps it), era years as Gregorian (令和７年 → 2025, 令和８年度 →
    FY2026), months by name, 。 as a full stop, ア） as (ア); without the readings, glosses and English
    names it gives in brackets, which a translation does not repeat."""
    text = "".join(c if CIRCLED.match(c) else unicodedata.normalize("NFKC", c) for c in source.translate(PUNCTUATION))

    def year(m: re.Match) -> str:
        number = ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
        return f"FY{number}" if m.group(3) == "年度" else f"{number}年"
    text = ERA_YEAR.sub(year, text)
    text = MONTH.sub(lambda m: MONTHS[int(m.group(1)) - 1] if 1 <= int(m.group(1)) <= 12 else m.group(0), text)
    return KANA_NUMBER.sub(r"(\1)", GLOSS.sub("", text))


def as_compared(translation: str) -> str:
    """The translation as it is compared with the source: small numbers in words as figures (four
    operators, once a year), an abbreviation given after its expansion — (ISS) — left out."""
    return NUMBER_WORD.sub(lambda m: WORDS[m.group(1).lower()], ACRONYM.sub("", translation))


# translate-toolkit's pofilter checks that mean something for a Japanese source and an English
# translation; the others do not (spelling, capitals, accelerators, printf, plurals, acronyms — the
# glossary checks abbreviations — and `long`/`short`, as English runs longer than Japanese)
POFILTER_CHECKS = ("brackets", "numbers", "urls", "emails", "doublewords", "doublespacing",
                   "startwhitespace", "endwhitespace", "newlines", "xmltags", "escapes", "endpunc")


def _checker():
    from translate.filters import checks
    filters = checks.StandardChecker(checks.CheckerConfig(targetlanguage="en")).getfilters()
    return {name: filters[name] for name in POFILTER_CHECKS}, checks.FilterFailure


def check_translations(segs: list, catalog: Catalog | None, report: Reporter) -> None:
    """pofilter's checks on each translated segment of a document, its source written as English would."""
    if catalog is None:
        return
    filters, failure = _checker()
    for seg in segs:
        text, state = catalog.lookup(seg.id)
        if state is not SegmentState.TRANSLATED:
            continue
        source, compared = as_english(seg.source), as_compared(text)
        for name, check in filters.items():
            try:
                check(source, compared)
            except failure as e:
                entry = catalog.entries[seg.id]
                report.warn(catalog.path, entry.line, f"translation-{name}",
                            f"segment {seg.id}: {e} (pofilter's '{name}' check, the source read as "
                            f"{source[:60]!r}{'…' if len(source) > 60 else ''}); correct the translation")


@dataclass(frozen=True)
class TranslationKey:
    """One translated segment, its texts as digests: enough to find the same Japanese translated two ways."""
    source: str
    translation: str
    segment: str
    line: int


def _digest(text: str) -> str:
    return hashlib.blake2b(" ".join(unicodedata.normalize("NFKC", text).split()).encode(), digest_size=8).hexdigest()


def translation_keys(segs: list, catalog: Catalog | None) -> list[TranslationKey]:
    """A document's translated segments as keys (kept small: a corpus has hundreds of thousands)."""
    keys = []
    for seg in segs:
        text, state = catalog.lookup(seg.id) if catalog is not None else (None, SegmentState.UNTRANSLATED)
        if state is SegmentState.TRANSLATED:
            keys.append(TranslationKey(_digest(seg.source), _digest(text), seg.id, catalog.entries[seg.id].line))
    return keys


def check_inconsistent(documents: list[tuple[str, list[TranslationKey]]], report: Reporter) -> None:
    """The same Japanese translated otherwise than where it is first translated, anywhere in the corpus
    (`documents`: each PO file's path and keys, in corpus order): a warning at each other rendering,
    naming the first."""
    first: dict[str, tuple[str, TranslationKey]] = {}
    for path, keys in documents:
        for key in keys:
            if key.source not in first:
                first[key.source] = (path, key)
                continue
            where, earlier = first[key.source]
            if earlier.translation != key.translation:
                report.warn(path, key.line, "translation-inconsistent",
                            f"segment {key.segment} has the same Japanese as segment {earlier.segment} at "
                            f"{where}:{earlier.line}, translated differently; translate both alike (or "
                            f"reword one if the two should differ)")
