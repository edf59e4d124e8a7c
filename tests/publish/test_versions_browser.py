"""Earlier versions in the real browser: the cover page links each one; its page shows every passage
beside the next version's in both languages, changed characters marked; a citation of an earlier
version's passage says where that passage is now, or in which version it was removed."""
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import build_site, serve
from test_accessibility import violations

from generator.diagnostics import Reporter
from generator.parse.documents import load_versions, load_document
from generator.translate.segments import segments

DOCS = Path(__file__).parent.parent / "versions" / "documents"
SLUG = "debris-guidelines"
PAGE = f"{SLUG}/versions/2024-12-20/"


@pytest.fixture(scope="module")
def versions_site(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(DOCS / SLUG, src / SLUG)
    (src / "glossary.yml").write_text("terms: []\n", encoding="utf-8")
    site = build_site(src, tmp_path_factory.mktemp("versions-site"))
    server, url = serve(site)
    yield site, url, src
    server.shutdown()


def test_the_cover_page_links_each_earlier_version_with_the_date_it_was_current_to(page, versions_site):
    _, url, _ = versions_site
    page.goto(f"{url}/{SLUG}/")
    link = page.locator(".provenance a", has_text="2024年12月20日の版")
    assert "2025年6月29日まで現行" in link.inner_text()
    link.click()
    page.wait_for_url(f"**/{PAGE}")
    assert "2025年6月29日まで現行でした" in page.locator(".version-status").inner_text()
    page.goto(f"{url}/en/{SLUG}/")
    assert "current to June 29, 2025" in page.locator(".provenance a", has_text="Edition of December 20, 2024").inner_text()


def test_a_changed_passage_marks_its_changed_characters_in_both_languages(page, versions_site):
    _, url, _ = versions_site
    for edition in ("", "en/"):
        page.goto(f"{url}/{edition}{PAGE}")
        row = page.locator('[id="1-p2"]')
        assert "vrow-changed" in row.get_attribute("class")
        assert row.locator(".vrow-ja del").all_inner_texts() == ["５"]
        assert row.locator(".vrow-ja ins").all_inner_texts() == ["８"]
        assert row.locator(".vrow-en del").all_inner_texts() == ["five"]
        assert row.locator(".vrow-en ins").all_inner_texts() == ["eight"]
    # removed and added passages: wholly struck through, wholly underlined
    assert page.locator('[id="5-p1"] .vrow-ja del').inner_text().startswith("本中間取りまとめ")
    assert page.locator('[id="2-p3"] .vrow-ja ins').inner_text().startswith("また、民間事業者")


def test_the_page_holds_every_character_of_the_earlier_version_in_order(versions_site):
    site, _, src = versions_site
    report = Reporter()
    doc = load_document(src / SLUG, report, src.parent)
    [(_, earlier)] = load_versions(src / SLUG, doc.meta, report, src.parent)
    soup = BeautifulSoup((site / PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")
    for ins in soup.select(".vrow ins"):
        ins.decompose()
    shown = [cell.get_text() for row in soup.select(".vrow:not(.vrow-added)") for cell in row.select(".vrow-ja")]
    assert shown == [seg.source for seg in segments(earlier)]


def test_only_the_changes_can_be_shown(page, versions_site):
    _, url, _ = versions_site
    page.goto(f"{url}/{PAGE}")
    everything = page.locator(".vrow:visible").count()
    page.get_by_label("変更のあった箇所だけを表示").check()
    page.wait_for_function("document.querySelectorAll('.vrow-unchanged')[0].offsetParent === null")
    changed = page.locator(".vrow:visible")
    assert 0 < changed.count() < everything
    assert page.locator(".vrow-unchanged:visible").count() == 0


def test_a_passage_in_both_versions_links_to_its_current_place(page, versions_site):
    _, url, _ = versions_site
    page.goto(f"{url}/{PAGE}")
    page.locator('[id="3-p1"] .vrow-now').click()           # (the earlier 4-p1: renumbered 3-p1 now)
    page.wait_for_url(f"**/{SLUG}/3/#3-p1")
    assert page.locator('[id="3-p1"]').inner_text().startswith("人工衛星の設計段階から")


def test_a_citation_of_a_removed_passage_says_which_version_removed_it(page, versions_site):
    _, url, _ = versions_site
    page.goto(f"{url}/{SLUG}/3/#3-p1")               # the earlier 3-p1 was removed; the id is another's now
    notice = page.locator(".version-notice")
    notice.wait_for()
    assert "2024年12月20日の版では別の箇所を指していました" in notice.inner_text()
    assert "2025年6月30日の版で削除されています" in notice.inner_text()
    notice.locator("a").click()
    page.wait_for_url(f"**/{PAGE}#3-p1-was")
    assert page.locator('[id="3-p1-was"] .vrow-ja').inner_text().startswith("運用を終えた衛星")
    assert page.locator('[id="3-p1-was"]').evaluate("e => e.getBoundingClientRect().top < innerHeight")


def test_a_page_the_current_text_no_longer_has_lists_where_its_passages_went(page, versions_site):
    _, url, _ = versions_site
    for path, passage, to in [("5/", "5-p1", f"{PAGE}#5-p1"), ("4/", "4-p1", f"{SLUG}/3/#3-p1")]:
        page.goto(f"{url}/en/{SLUG}/{path}#{passage}")
        item = page.locator(f'li[id="{passage}"]')
        assert "December 20, 2024" in item.inner_text()
        item.locator("a").click()
        page.wait_for_url(f"**/en/{to}")


@pytest.mark.parametrize("path", [PAGE, f"en/{PAGE}", f"{SLUG}/5/", f"{SLUG}/3/#3-p1"])
def test_the_version_pages_have_no_accessibility_violation(page, phone, versions_site, path):
    _, url, _ = versions_site
    for pg in (page, phone):
        pg.goto(f"{url}/{path}")
        if "#" in path:
            pg.locator(".version-notice").wait_for()
        assert violations(pg) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
