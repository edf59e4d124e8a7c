"""Checks of the translations themselves, under Japanese-to-English conventions.

In:  a document's segments and catalog (`check_translations`); every document's translation keys
     (`translation_keys`, then `check_inconsistent` over the corpus).
Out: warnings at the PO entry: translate-toolkit's pofilter checks that make sense for JA→EN, run
     on the source as English would write it (`as_english`: full-width forms folded by NFKC, era
     years as Gregorian years, months by name, Japanese punctuation as English, glosses, table marks
     and print layout aside) so that brackets, end punctuation and the numbers of era dates are
     compared, not silenced (`translation-<check>`); the same Japanese translated two ways anywhere
     in the corpus, both places named (`translation-inconsistent`).
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
# 令和８年度（2026 年度）: the era year and, in brackets, the same year again — one year in English (FY2026)
YEAR_REPEATED = re.compile(r"((?:FY)?(\d{4})(?:年度|年)?)\s*\((?:FY)?\2\s*(?:年度|年)?\)")
MONTH = re.compile(r"(?<![\dか])(\d{1,2})\s*月(?!\s*[間])")
PUNCTUATION = str.maketrans({"。": ".", "「": "“", "」": "”", "『": "“", "』": "”", "・": "/",
                             "【": "[", "】": "]", "〔": "(", "〕": ")", "〈": "<", "〉": ">", "《": "«",
                             "》": "»", "～": "-", "〜": "-", "―": "-", "…": "..."})
CIRCLED = re.compile("[\u2460-\u2473]")          # ①–⑳: numbering, kept as printed in the English too
CIRCLED_SPLIT = re.compile("([\u2460-\u2473])")
# the marks of a table or a legend (○ ○ △): the translation copies them, so they are left out of both texts
# (a row of them is no repeated word, and their spacing is the source's)
MARKS = re.compile(" ?[○◎△●▲◯]")

JAPANESE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々〆ー"
# A gloss in brackets right after the Japanese it glosses (or a quoted name): a reading or loanword
# (ベネフィット), which the translation does not repeat, or the English name (Low Earth Orbit：ＬＥＯ, Phase 1),
# which it writes in place of the Japanese: its brackets go, its English stays. Not a gloss: a bracket
# after a Latin abbreviation, which glosses it and is translated as a bracket (ASI（伊）, SSAU（ｳｸﾗｲﾅ）,
# ＩＳＳ（きぼう）), one at the start — (c) — and a list of names with Japanese commas (ＪＡＭＳＳ、Space BD).
GLOSS = re.compile(rf"(?<=[{JAPANESE}”])\s?\((?:[\u30a0-\u30ff/ー]+|[\u3040-\u309fー]+|([A-Za-z][A-Za-z0-9 .,:&/'-]*))\)")
KANA_NUMBER = re.compile(r"^([\u30a2-\u30f3a-z])\)")                       # ア）, as English numbers it: (a)
# a katakana letter after a circled number is its item, as English refers to it: ②ア → ② (a)
KANA_ITEM = re.compile(r"(?<=[\u2460-\u2473])([\u30a2-\u30f3])(?![\u30a0-\u30ff])")
LAYOUT_SPACES = re.compile(rf"(?<=[{JAPANESE}]) {{2,}}(?=[{JAPANESE}])")   # 倉 本  圭, イベント      等: print layout
# an abbreviation after a word that is not one, as an expansion gives it (International Space Station (ISS));
# an abbreviation glossing another — NASA (USA), UKSA (UK) — is the source's bracket, translated
ACRONYM = re.compile(r"(?<![A-Z0-9&-]{2})(?<![A-Z0-9&-]{2}\s) ?\((?:[A-Z][A-Za-z0-9&-]*[A-Z0-9])\)")
# the full stop of an abbreviation that ends the English (…, etc.; CSP Japan, Inc.) ends a sentence only
# where the source does: after a list ending in 等 or a title, English word order puts it last
ABBREVIATION_END = re.compile(r"\b(etc|Inc|Ltd|Co|Corp)\.$")
SIC = re.compile(r" ?\[sic\]")           # the translator's mark on an error of the source, not the source's bracket
WORDS = {w: str(n) for n, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                          "nine", "ten", "eleven", "twelve"))} | {"once": "1", "twice": "2",
                                                                                "single": "1", "both": "2"}
NUMBER_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?;:])(?=\s)")
BRACKETS = {")": "(", "]": "["}


def as_english(source: str) -> str:
    """The Japanese source as JA→EN conventions write its numbers and punctuation: NFKC (but ①
    stays ①, as the translation keeps it), era years as Gregorian (令和７年 → 2025, 令和８年度 →
    FY2026, once where the source repeats the year in brackets), months by name, 。 as a full stop,
    ア） as (ア); without the readings and glosses it gives in brackets, which a translation does not
    repeat, the brackets it leaves unpaired (a misprint), table marks and the spaces of its layout."""
    text = "".join(part if CIRCLED.fullmatch(part) else unicodedata.normalize("NFKC", part)
                   for part in CIRCLED_SPLIT.split(source.translate(PUNCTUATION)))
    text = KANA_ITEM.sub(r" (\1)", KANA_NUMBER.sub(r"(\1)", MARKS.sub("", text)))

    def year(m: re.Match) -> str:
        number = ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
        return f"FY{number}" if m.group(3) == "年度" else f"{number}年"
    text = YEAR_REPEATED.sub(r"\1", ERA_YEAR.sub(year, text))
    text = MONTH.sub(lambda m: MONTHS[int(m.group(1)) - 1] if 1 <= int(m.group(1)) <= 12 else m.group(0), text)
    text = GLOSS.sub(lambda m: m.group(1) or "", _paired(text)).replace("、", ",")
    return LAYOUT_SPACES.sub(" ", text)


def _paired(text: str) -> str:
    """The text without the brackets it leaves unpaired (抜粋]）, 姿）】): a misprint English does not copy."""
    chars, open_at = list(text), {"(": [], "[": []}
    for i, c in enumerate(chars):
        if c in open_at:
            open_at[c].append(i)
        elif c in BRACKETS:
            if open_at[BRACKETS[c]]:
                open_at[BRACKETS[c]].pop()
            else:
                chars[i] = ""
    for unclosed in open_at.values():
        for i in unclosed:
            chars[i] = ""
    return "".join(chars)


def as_compared(translation: str, source: str | None = None) -> str:
    """The translation as it is compared with the source (`as_english`): an abbreviation given after
    its expansion — (ISS) — and a [sic] left out, table marks left out as in the source, the full stop
    of a closing abbreviation (etc., Inc.) not taken as the sentence's; a small number in words (four
    operators, once a year) as a figure, as far as the source has that figure (a number word may also
    render Japanese with none: 立体 → three-dimensional)."""
    text = MARKS.sub("", SIC.sub("", ACRONYM.sub("", translation)))
    if source is not None and not source.rstrip().endswith("."):
        text = ABBREVIATION_END.sub(r"\1", text)
    out, at = [], 0
    for m in NUMBER_WORD.finditer(text):
        figure = WORDS[m.group(1).lower()]
        head = "".join(out) + text[at:m.start()]          # (the words before it already figures)
        wanted = source is None or source.count(figure) > (head + text[m.start():]).count(figure)
        out.append(text[at:m.start()] + (figure if wanted else m.group(0)))
        at = m.end()
    return "".join(out) + text[at:]


def _sentences_apart(text: str) -> str:
    """The text as pofilter's doublewords reads it, a sentence's last word and the next one's first
    kept apart (it drops full stops: "…Canada and Russia. Russia joined in 1998" is no repeated word)."""
    return SENTENCE_END.sub(" ¶", text)


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
        source = as_english(seg.source)
        compared = as_compared(text, source)
        for name, check in filters.items():
            try:
                check(source, _sentences_apart(compared) if name == "doublewords" else compared)
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
