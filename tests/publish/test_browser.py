"""The built Japanese pages in a real headless Chromium (Debian's, driven by Playwright)."""
import pytest

from helpers import until_scrolling_stops

pytestmark = pytest.mark.browser


def test_document_page_renders_with_japanese_lang_and_title(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/")
    assert page.get_attribute("html", "lang") == "ja"
    assert page.inner_text("article h1").startswith("我が国の地球低軌道活動の充実・強化に向けた取組の方向性")
    nav = page.locator("nav.md-nav--primary").first          # the sidebar, at desktop width
    assert nav.is_visible()
    assert "表紙・目次" in nav.inner_text() and "対訳表示" in nav.inner_text()
    assert "（第 12 期国際宇宙ステーション・国際宇宙探査小委員会議論の整理）" in page.inner_text(".title-block")


def test_footnote_reference_jumps_to_its_note_and_back(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/1/")
    page.click("sup[id='fnref:8'] a")
    page.wait_for_function("location.hash === '#fn:8'")
    assert page.locator("li[id='fn:8']").is_visible()
    page.click("li[id='fn:8'] a.footnote-backref")
    page.wait_for_function("location.hash === '#fnref:8'")


def test_a_followed_footnote_and_its_way_back_stay_in_the_url(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/3/")
    page.click("sup[id='fnref:13'] a")
    page.wait_for_function("location.hash === '#fn:13'")
    until_scrolling_stops(page)                          # what rewrote the hash (250 ms after) has run
    assert page.evaluate("location.hash") == "#fn:13"
    scroll_a_little(page, -40)                           # the reader, reading the note, moves a little
    assert page.evaluate("location.hash") == "#fn:13"
    page.click("li[id='fn:13'] a.footnote-backref")
    page.wait_for_function("location.hash === '#fnref:13'")
    until_scrolling_stops(page)
    assert page.evaluate("location.hash") == "#fnref:13"
    scroll_a_little(page, 40)
    assert page.evaluate("location.hash") == "#fnref:13"


def scroll_a_little(page, dy):
    """Scroll by hand by `dy` pixels and wait until the page has settled."""
    y = page.evaluate("scrollY")
    page.mouse.wheel(0, dy)
    page.wait_for_function(f"scrollY {'>' if dy > 0 else '<'} {y}")
    until_scrolling_stops(page)


def test_a_followed_passage_anchor_stays_while_its_passage_is_on_screen(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/3/#3-3-1-a-p3-i1")
    scroll_a_little(page, 40)                                            # the reader reads on a little
    scroll_a_little(page, 40)
    assert page.evaluate("location.hash") == "#3-3-1-a-p3-i1"


def test_scrolling_away_by_hand_names_the_passage_at_the_top_in_the_url(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/3/")
    page.click("sup[id='fnref:13'] a")
    page.wait_for_function("location.hash === '#fn:13'")
    page.evaluate("document.getElementById('3-3-1-a').scrollIntoView()")
    page.mouse.wheel(0, 5)
    page.wait_for_function("location.hash !== '#fn:13'")
    assert page.evaluate("location.hash").startswith("#3-3-1-a")
    top = page.evaluate("document.getElementById(location.hash.slice(1)).getBoundingClientRect().top")
    assert 0 <= top <= 120


def test_citation_anchor_scrolls_to_the_numbered_passage(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/3/#3-3-1-a")
    top = page.evaluate("document.getElementById('3-3-1-a').getBoundingClientRect().top")
    assert 0 <= top < 200


def test_phone_width_page_does_not_scroll_sideways(phone, site_url):
    for path in ("leo-activity-2025/", "leo-activity-2025/annex-1/", "leo-activity-2025/appendix-2/",
                 "isecg-coordination/", "glossary/", "en/leo-activity-2025/3/", "en/glossary/"):
        phone.goto(f"{site_url}/{path}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (path, width)


def test_bullets_show_the_source_glyph(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/1/")
    style = page.evaluate("getComputedStyle(document.querySelector('ul.list-bullet > li')).listStyleType")
    assert style == '"・"'


@pytest.mark.parametrize("prefix, first", [("", "Hiragino Sans"), ("en/", "-apple-system")])
def test_text_is_set_in_the_editions_font_stack_not_materials_latin_one(page, site_url, prefix, first):
    page.goto(f"{site_url}/{prefix}leo-activity-2025/1/")
    family = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
    assert family.split(",")[0].strip().strip('"') == first and "Noto Sans CJK JP" in family
