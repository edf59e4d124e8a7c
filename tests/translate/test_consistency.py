"""Checks of the translations under JA→EN conventions: pofilter's checks on the source as English would
write it (era years, months, full-width forms, Japanese punctuation, glosses in brackets), so that a
wrong number or a lost bracket is found and a right translation is not; the same Japanese translated
two ways anywhere in the corpus; an abbreviation expanded again on a page."""
import pytest

from generator.diagnostics import Reporter
from generator.glossary.checks import check_expansions
from generator.glossary.termbase import Glossary, Term
from generator.translate.catalog import Catalog, Entry
from generator.translate.consistency import (as_compared, as_english, check_inconsistent, check_translations,
                                             translation_keys)
from generator.translate.segments import Segment


def catalog(path, pairs):
    return Catalog(path, {sid: Entry(en, False, 10 * (i + 1)) for i, (sid, en) in enumerate(pairs.items())})


def codes(report):
    return sorted(d.code for d in report.diagnostics)


@pytest.mark.parametrize("source, english", [
    ("令和７年２月 12 日", "2025年February 12 日"),
    ("令和８年度以降", "FY2026以降"),
    ("平成元年", "1989年"),
    ("（１）ＩＳＳの運用", "(1)ISSの運用"),
    ("①概要", "①概要"),
    ("ア）目的", "(ア)目的"),
    ("利益（ベネフィット）をもたらす。", "利益をもたらす."),
    ("地球低軌道（Low Earth Orbit：LEO）", "地球低軌道Low Earth Orbit:LEO"),     # (its English stays, unbracketed)
    ("多目的宇宙船 (MPCV)", "多目的宇宙船MPCV"),
    ("３か月", "3か月"),
    ("令和８年度（2026 年度）以降", "FY2026以降"),
    ("SSAU（ｳｸﾗｲﾅ）、UKSA（英）", "SSAU(ウクライナ),UKSA(英)"),       # a bracket glossing an abbreviation
    ("(c) Russian Space.com", "(c) Russian Space.com"),
    ("ヒアリング（ＪＡＭＳＳ、Space BD）", "ヒアリング(JAMSS,Space BD)"),
    ("（資料から抜粋]）", "(資料から抜粋)"),
    ("倉 本  圭", "倉 本 圭"),
    ("教育交信イベント      等", "教育交信イベント 等"),
    ("宇宙服 ○ ○ ○", "宇宙服"),
    ("（特に②ア参照）", "(特に② (ア)参照)"),
])
def test_the_source_is_read_as_english_writes_its_numbers_and_punctuation(source, english):
    assert as_english(source) == english


def test_the_translation_is_compared_with_small_numbers_as_figures_and_no_repeated_abbreviation():
    assert as_compared("four private operators, once a year, in the International Space Station (ISS)") == \
        "4 private operators, 1 a year, in the International Space Station"
    assert as_compared("ESA (Europe), NASA (USA), UKSA (UK)") == "ESA (Europe), NASA (USA), UKSA (UK)"
    assert as_compared("Usage (related to 2.(3)③ [sic])") == "Usage (related to 2.(3)③)"


def test_a_number_word_counts_as_a_figure_only_as_far_as_the_source_has_that_figure():
    source = as_english("ヒト臓器原基創出・３次元培養の基礎的知見（細胞立体培養）")
    assert as_compared("three-dimensional culture (three-dimensional cell culture)", source) == \
        "3-dimensional culture (three-dimensional cell culture)"


@pytest.mark.parametrize("source, english, found", [
    ("令和７年２月 12 日", "February 12, 2025", []),
    ("令和７年２月 12 日", "February 12, 2024", ["translation-numbers"]),
    ("ＮＡＳＡは４社を選定した。", "NASA selected four operators.", []),
    ("ＮＡＳＡは４社を選定した。", "NASA selected five operators.", ["translation-numbers"]),
    ("（１）概要", "(1) Overview", []),
    ("（１）概要", "1) Overview", ["translation-brackets"]),
    ("ＩＳＳ（国際宇宙ステーション）の運用。", "Operation of the ISS (International Space Station).", []),
    ("運用を終了する。", "Operation ends", ["translation-endpunc"]),
    ("詳細は https://www.mext.go.jp/a/b を参照。", "See https://www.mext.go.jp/a/b for details.", []),
    ("詳細は https://www.mext.go.jp/a/b を参照。", "See https://www.mext.go.jp/a/c for details.", ["translation-urls"]),
    ("宇宙の利用", "the the use of space", ["translation-doublewords"]),
    ("日本、カナダ、ロシア。ロシアは 1998 年に参加。", "Japan, Canada and Russia. Russia joined in 1998.", []),
    ("米国 日本\n宇宙服 ○ ○\n掘削 ○ ○", "USA Japan\nSpacesuits ○ ○\nExcavation ○ ○", []),
    ("教育交信イベント      等", "Educational communication events, etc.", []),
    ("シー・エス・ピー・ジャパン株式会社 代表取締役社長", "President, CSP Japan, Inc.", []),
    ("補修技術等が考えられる。", "These include repair technologies, etc.", []),
    ("補修技術等が考えられる。", "These include repair technologies, etc", ["translation-endpunc"]),
    ("令和８年度（2026 年度）以降", "from FY2026 onward", []),
    ("令和８年度（2026 年度）以降", "from FY2026 (Reiwa 8) onward", ["translation-brackets"]),
    ("ヒト臓器原基創出・３次元培養の基礎的知見（細胞立体培養）",
     "Knowledge on three-dimensional culture (three-dimensional cell culture)", []),
    ("ヒト臓器原基創出・３次元培養の基礎的知見（細胞立体培養）",
     "Knowledge on two-dimensional culture (cell culture)", ["translation-numbers"]),
    ("第一段階（Phase 1）として選定した。", "It selected them in Phase 1.", []),
    ("（２．（３）③関係）", "(related to 2.(3)③ [sic])", []),
])
def test_pofilters_checks_find_what_is_wrong_and_pass_what_is_right(source, english, found):
    report = Reporter()
    check_translations([Segment("s", source, 1)], catalog("docs_src/d/en.po", {"s": english}), report)
    assert codes(report) == found
    assert all(d.file == "docs_src/d/en.po" and d.line == 10 for d in report.diagnostics)


def test_fuzzy_and_untranslated_segments_are_not_checked():
    report = Reporter()
    cat = Catalog("p.po", {"a": Entry("wrong 9", True, 5), "b": Entry("", False, 7)})
    check_translations([Segment("a", "１件", 1), Segment("b", "２件", 2)], cat, report)
    assert report.diagnostics == []


def test_the_same_japanese_translated_two_ways_is_a_warning_naming_both_places():
    segs = [Segment("3-2-2", "（２）多様な主体の参加拡大", 1), Segment("x", "別の文", 2)]
    first = catalog("docs_src/a/en.po", {"3-2-2": "(2) Expanding the participation of diverse actors", "x": "Other."})
    again = catalog("docs_src/a/en.po", {"3-2-2": "(2)  Expanding  the participation of diverse actors"})
    other = catalog("docs_src/b/en.po", {"3-2-2": "(2) Broader participation of various entities"})
    report = Reporter()
    check_inconsistent([(first.path, translation_keys(segs, first)),
                        ("docs_src/c/en.po", translation_keys(segs[:1], again)),      # (spacing aside: the same)
                        (other.path, translation_keys(segs[:1], other))], report)
    [warning] = report.diagnostics
    assert warning.code == "translation-inconsistent" and warning.file == "docs_src/b/en.po" and warning.line == 10
    assert "docs_src/a/en.po:10" in warning.message and "3-2-2" in warning.message


def test_an_abbreviation_expanded_again_on_the_same_page_is_a_warning_and_on_another_page_not():
    leo = Term(id="leo", ja="地球低軌道", reading="", en="low Earth orbit", abbr="LEO", en_forms=["LEO"])
    glossary = Glossary([leo], "docs_src/glossary.yml")
    cat = catalog("docs_src/d/en.po", {"a": "Activities in low Earth orbit (LEO) grow.",
                                       "b": "LEO utilization and Low Earth Orbit (LEO) research.",
                                       "c": "In low Earth orbit (LEO), stations."})
    report = Reporter()
    check_expansions(glossary, [["a", "b"], ["c"]], cat, report)
    [warning] = report.diagnostics
    assert warning.code == "glossary-expanded-again" and warning.line == 20 and "segment a" in warning.message


def test_the_seed_translations_pass_every_check():
    from generator.generate.pipeline import load
    from helpers import SRC
    report = Reporter()
    load(SRC, report)
    found = [str(d) for d in report.diagnostics if d.level.fails(strict=True)]
    assert found == []
