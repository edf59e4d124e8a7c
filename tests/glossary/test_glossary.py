"""The bilingual glossary: matching in Japanese running text, links and tooltips, pages, checks, exports."""
import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.diagnostics import Reporter
from generator.glossary.checks import check_corpus
from generator.glossary.export import to_csv, to_tbx
from generator.glossary.matcher import Linker
from generator.glossary.termbase import Glossary, Term, load_glossary
from generator.render.languages import Language
from generator.model import TermRef, Text
from generator.render.pages import render_document
from generator.translate.segments import segments
from generator.translate.catalog import catalog_from, refresh

from helpers import SRC, parse, raw

GLOSSARY = SRC / "glossary.yml"


@pytest.fixture(scope="module")
def glossary():
    report = Reporter()
    g = load_glossary(GLOSSARY, "docs_src/glossary.yml", report)
    assert report.diagnostics == []
    return g


def found(glossary, text, lang="ja"):
    return [(text[a:b], t) for a, b, t in glossary.matcher(lang).find(text)]


def test_the_termbase_has_the_required_terms(glossary):
    ids = {t.id for t in glossary.terms}
    assert len(ids) >= 40
    for required in ("cld", "eclss", "cross-waiver", "iss", "kibo", "kounotori", "jaxa", "nasa", "mext", "leo",
                     "isecg", "ger", "gateway", "artemis", "sls", "mpcv", "eml", "j-sparc", "space-strategy-fund",
                     "anchor-tenancy", "platform", "hisui", "iga", "lms", "basic-plan", "space-tech-strategy"):
        assert required in ids
    for t in glossary.terms:
        assert t.ja and t.reading and t.en and t.definition.get("ja") and t.definition.get("en") and t.forms


def test_matching_inside_running_japanese_text(glossary):
    assert found(glossary, "ＮＡＳＡのCLDプログラム") == [("ＮＡＳＡ", "nasa"), ("CLD", "cld")]
    assert found(glossary, "国際ルールとしてのクロスウェーバーの検討") == [("クロスウェーバー", "cross-waiver")]


def test_full_width_and_half_width_forms(glossary):
    assert found(glossary, "ＣＬＤとCLD") == [("ＣＬＤ", "cld"), ("CLD", "cld")]
    assert found(glossary, "ＩＳＳ及びISS") == [("ＩＳＳ", "iss"), ("ISS", "iss")]
    assert found(glossary, "ポストＩＳＳとポスト ISS") == [("ポストＩＳＳ", "post-iss"), ("ポスト ISS", "post-iss")]


def test_python_markdowns_abbr_extension_cannot_do_this():
    """Why the glossary has its own matcher: `abbr` wraps matches in \\b…\\b, and in Unicode regular
    expressions Japanese characters are word characters, so an abbreviation inside running Japanese
    text is never found."""
    import markdown
    html = markdown.markdown("ＮＡＳＡのCLDプログラムと CLD の比較\n\n*[CLD]: Commercial LEO Destination",
                             extensions=["abbr"])
    assert html.count("<abbr") == 1 and "のCLDプ" in html


def test_a_term_inside_a_longer_word_does_not_fire(glossary):
    assert found(glossary, "ISSUE と ＥＳＡＳ と GERMAN") == []
    g = Glossary([Term("w", "ウェーバー", "うぇーばー", "waiver", forms=["ウェーバー"])])
    assert found(g, "クロスウェーバーの検討") == []
    assert found(g, "ウェーバーの検討") == [("ウェーバー", "w")]


def test_longest_form_wins(glossary):
    assert found(glossary, "宇宙基本計画工程表と宇宙基本計画") == [("宇宙基本計画工程表", "basic-plan-roadmap"),
                                                            ("宇宙基本計画", "basic-plan")]
    assert found(glossary, "地球低軌道微小重力戦略") == [("地球低軌道微小重力戦略", "lms")]


def test_english_matching_is_case_insensitive_and_bounded(glossary):
    assert found(glossary, "Low Earth orbit (LEO) and the ISS; ISSUES", "en") == [
        ("Low Earth orbit", "leo"), ("LEO", "leo"), ("ISS", "iss")]


def test_linker_links_the_first_occurrence_per_section(glossary):
    linker = Linker(glossary, "ja")
    first = linker.link([Text("ＪＡＸＡとＪＡＸＡ")], "1")
    again = linker.link([Text("ＪＡＸＡの活動")], "1")
    other = linker.link([Text("ＪＡＸＡの活動")], "2")
    assert [type(n).__name__ for n in first] == ["TermRef", "Text"]
    assert all(not isinstance(n, TermRef) for n in again)
    assert isinstance(other[0], TermRef)


def render_ja(text, glossary):
    doc = parse(text)
    return render_document(doc, Language("ja", {}, glossary))[0].markdown


def test_no_links_in_headings_titles_or_urls(glossary):
    md = render_ja(raw("題名", "１．ＣＬＤの概要", "【ＪＡＸＡの取組】", "・詳細は https://x.example.jp/ISS/JAXA/ を参照。",
                       "・ＪＡＸＡはＣＬＤを調達する。"), glossary)
    heading = next(line for line in md.splitlines() if line.startswith("## "))
    assert 'class="term"' not in heading
    soup = BeautifulSoup(md, "html.parser")
    assert not soup.select("p.block-title a.term")
    assert [a.get_text() for a in soup.select("a.term")] == ["ＪＡＸＡ", "ＣＬＤ"]
    url = soup.select_one("a[href^='https://x.example.jp']")
    assert url.get_text() == "https://x.example.jp/ISS/JAXA/" and not url.select("a.term")


def test_linked_terms_carry_the_tooltip_text(glossary):
    soup = BeautifulSoup(render_ja(raw("題名", "１．総論", "・ＣＬＤを調達する。"), glossary), "html.parser")
    link = soup.select_one("a.term")
    assert link["href"] == "../glossary/#cld" and link["data-tip"].startswith("商業低軌道到達拠点（CLD）：")
    assert soup.select_one("#tip-cld").get_text() == link["data-tip"]


def test_consistency_check_catches_a_planted_mismatch(glossary):
    doc = parse(raw("題名", "１．総論", "・国際ルールとしてのクロスウェーバーの検討を行う。"))
    po = refresh(None, segments(doc), "x/source.txt", "en", "test")
    for e in po:
        e.msgstr = {"1-p1-i1": "Consider a mutual waiver as an international rule."}.get(e.msgctxt, "x")
    report = Reporter()
    check_corpus(glossary, [(doc, segments(doc))], {"test": catalog_from(po, "x/en.po")}, report)
    [d] = [d for d in report.diagnostics if d.code == "glossary-consistency"]
    assert "1-p1-i1" in d.message and "cross-waiver" in d.message and d.file == "x/en.po"


def test_the_shipped_translations_are_consistent_with_the_glossary(seed_docs, glossary):
    from generator.generate.pipeline import load_catalog_of
    docs, _ = seed_docs
    report = Reporter()
    catalogs = {d.meta.slug: load_catalog_of(d, SRC, report) for d in docs.values()}
    check_corpus(glossary, [(d, segments(d)) for d in docs.values()], catalogs, report)
    assert report.diagnostics == []


def test_termbase_errors_and_warnings(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(yaml.safe_dump({"terms": [
        {"id": "a", "ja": "用語", "reading": "ようご", "en": "term", "forms": ["用語"],
         "definition": {"ja": "定義", "en": "definition"}},
        {"id": "a", "ja": "別", "reading": "べつ", "en": "other", "definition": {"ja": "x", "en": "y"}},
        {"id": "b", "ja": "英語なし", "reading": "えいごなし", "forms": ["用語"], "definition": {"ja": "x", "en": "y"}},
        {"id": "c", "ja": "存在しない語", "reading": "そんざいしないご", "en": "missing", "forms": ["存在しない語"],
         "definition": {"ja": "x", "en": "y"}},
    ]}, allow_unicode=True), encoding="utf-8")
    report = Reporter()
    g = load_glossary(path, "docs_src/glossary.yml", report)
    doc = parse(raw("題名", "１．総論", "・用語の説明。"))
    check_corpus(g, [(doc, segments(doc))], {}, report)
    codes = [(d.code, d.level) for d in report.diagnostics]
    assert ("glossary-duplicate", "error") in codes                      # id a twice, form 用語 twice
    assert ("glossary-no-english", "error") in codes
    assert ("glossary-unused-form", "warning") in codes
    assert all(d.file == "docs_src/glossary.yml" and d.line > 1 for d in report.diagnostics)


def test_tbx_is_valid_xml_with_the_expected_structure(glossary):
    root = ET.fromstring(to_tbx(glossary).encode("utf-8"))
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("type") == "TBX-Basic"
    entries = root.findall(".//t:conceptEntry", ns)
    assert len(entries) == len(glossary.terms)
    cld = next(e for e in entries if e.get("id") == "cld")
    langs = [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in cld.findall("t:langSec", ns)]
    assert langs == ["ja", "en"]
    en_terms = [t.text for t in cld.findall("t:langSec[2]/t:termSec/t:term", ns)]
    assert en_terms[0] == "Commercial LEO Destination" and "CLD" in en_terms


def test_where_a_terms_english_comes_from_is_exported_on_the_english_term_and_as_a_column(glossary):
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    entries = {e.get("id"): e for e in ET.fromstring(to_tbx(glossary).encode("utf-8")).findall(".//t:conceptEntry", ns)}
    [full, *variants] = entries["iga"].findall("t:langSec[2]/t:termSec", ns)
    assert full.find("t:term", ns).text == "Space Station Intergovernmental Agreement"
    assert "NASA" in full.find("t:admin[@type='source']", ns).text
    assert all(v.find("t:admin", ns) is None for v in variants)
    assert entries["astronaut"].find(".//t:admin", ns) is None                 # (a term with no source)
    rows = list(csv.DictReader(io.StringIO(to_csv(glossary).lstrip("\ufeff"))))
    assert next(r for r in rows if r["id"] == "maxi")["source"].startswith("JAXA")


def test_no_cell_of_the_glossary_csv_runs_as_a_formula():
    hostile = Term(id="x", ja="=HYPERLINK(\"http://evil\")", reading="@SUM(1)", en="+cmd|' /C calc'!A0",
                   definition={"en": "-A1+1", "ja": "-3"}, source="=1+1")
    [row] = list(csv.DictReader(io.StringIO(to_csv(Glossary([hostile], "g.yml")).lstrip("\ufeff"))))
    assert row["ja"].startswith("'=") and row["reading"].startswith("'@") and row["en"].startswith("'+")
    assert row["definition_en"] == "'-A1+1" and row["definition_ja"] == "-3" and row["source"] == "'=1+1"


@pytest.mark.parametrize("prefix, lang", [("", "ja"), ("en/", "en")])
def test_glossary_page_lists_every_term_in_order_with_links_that_resolve(built_site, glossary, prefix, lang):
    page = built_site / prefix / "glossary" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    entries = soup.select("dl.glossary-entry")
    assert len(entries) == len(glossary.terms)
    order = [e["data-term"] for e in entries]
    if lang == "ja":
        readings = [glossary.by_id[t].reading.replace("・", "").replace("ー", "") for t in order]
        assert readings == sorted(readings)
    else:
        names = [glossary.by_id[t].en.lower() for t in order]
        assert names == sorted(names)
    cross = soup.select_one("dl[data-term='cross-waiver']").get_text()
    assert "クロスウェーバー" in cross and "cross-waiver of liability" in cross
    assert "損害賠償請求権" in cross and "mutual waiver" in cross
    first = [dd for dt, dd in zip(soup.select("dl[data-term='cross-waiver'] dt"),
                                  soup.select("dl[data-term='cross-waiver'] dd")) if dt.get_text() in ("初出", "First appears in")]
    uses = soup.select_one("dl[data-term='cross-waiver'] a.glossary-uses")
    assert first and uses is not None
    uses_page = (page.parent / uses["href"]).resolve() / "index.html"    # the list of where it appears
    listing = BeautifulSoup(uses_page.read_text(encoding="utf-8"), "html.parser")
    links = listing.select(".uses-list a")
    assert len(links) >= 2 and first[0].a["href"] == "../" + links[0]["href"].removeprefix("../../../")
    documents = [li.select_one(".appears-doc").get_text() for li in listing.select(".uses-list > li")]
    assert len(documents) == len(set(documents))                     # each document named once, its sections after it
    counts = (f"{len(documents)} 文書の {len(links)} 節" if lang == "ja" else
              f"{len(links)} section{'s' * (len(links) > 1)} of {len(documents)} document{'s' * (len(documents) > 1)}")
    assert uses.parent.get_text().startswith(counts) and counts in listing.select_one("article").get_text()
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for a in listing.select(".uses-list a, .uses-list .appears-doc"):   # titles in the page's language
        assert bool(japanese.search(a.get_text())) == (lang == "ja"), a.get_text()
    for a in links:
        target = (uses_page.parent / a["href"].split("#")[0]).resolve() / "index.html"
        anchor = a["href"].split("#")[1]
        assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").select_one(f"[id='{anchor}']")
    back = listing.select_one("article a[href$='#cross-waiver']")
    assert back is not None and (uses_page.parent / back["href"].split("#")[0]).resolve() == page.parent
    assert (page.parent.parent / "glossary.tbx").exists() and (page.parent.parent / "glossary.csv").exists()


def _longest_bounded(forms: dict, text: str, fold) -> list:
    """The matcher's rule, spelt out position by position: at each position the longest form whose
    first character does not continue, and whose last character is not continued by, a word of the
    same script (katakana, Latin, hiragana); then on after it."""
    from generator.glossary.matcher import script

    def cuts(a, b):
        return script(a) in ("latin", "katakana", "hiragana") and script(a) == script(b)
    folded, out, i = fold(text), [], 0
    while i < len(text):
        best = None
        for form, term in forms.items():
            j = i + len(form)
            if folded[i:j] == form and not (i and cuts(text[i], text[i - 1])) \
                    and not (j < len(text) and cuts(text[j - 1], text[j])):
                if best is None or j > best[1]:
                    best = (i, j, term)
        out.append(best) if best else None
        i = best[1] if best else i + 1
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_matcher_follows_the_longest_bounded_form_rule_on_random_text(glossary, lang):
    from hypothesis import given, settings, strategies as st
    matcher = glossary.matcher(lang)
    forms = sorted(matcher.terms)
    pieces = st.sampled_from(forms + ["ア", "あ", "x", "X", "１", "の", " ", "・", "ー", "漢", "\u212a", "ｱ", "Ａ"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=8))
    def check(parts):
        text = "".join(parts)
        assert matcher.find(text) == _longest_bounded(matcher.terms, text, matcher._fold)
    check()


def test_the_word_classes_of_the_pattern_are_the_scripts_and_folding_keeps_each_script(glossary):
    """The matcher checks boundaries on the folded text, with character classes: both must agree,
    character by character, with `script`, the rule the reference above spells out."""
    import re
    from generator.glossary.matcher import WORD_CHARACTERS, script
    classes = {name: re.compile(f"[{chars}]") for name, chars in WORD_CHARACTERS.items()}
    fold = glossary.matcher("en")._fold
    for o in range(0x110000):
        c = chr(o)
        of = script(c)
        assert [n for n, cls in classes.items() if cls.match(c)] == ([of] if of in classes else []), hex(o)
        assert script(fold(c)[0]) == of, hex(o)
