"""The two language editions in headless Chromium: switching, hreflang, parallel view, markers."""

import polib
import pytest

from helpers import build_site, copy_docs, serve, until_scrolling_stops

pytestmark = pytest.mark.browser


def switch_to(page, lang):
    with page.expect_navigation(timeout=15000):
        page.evaluate(f"document.querySelector('a[data-lang-switch][hreflang={lang}]').click()")


def test_switching_language_from_a_deep_section_lands_on_the_same_section(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/3/#3-3-1-a")
    switch_to(page, "en")
    assert page.url == f"{site_url}/en/leo-activity-2025/3/#3-3-1-a"
    assert page.get_attribute("html", "lang") == "en"
    heading = page.locator("[id='3-3-1-a']")
    assert heading.inner_text().startswith("(a) Strengthening of JAXA")
    top = page.evaluate("document.getElementById('3-3-1-a').getBoundingClientRect().top")
    assert 0 <= top < 200
    switch_to(page, "ja")
    assert page.url == f"{site_url}/leo-activity-2025/3/#3-3-1-a"
    assert page.locator("[id='3-3-1-a']").inner_text().startswith("ア）ＪＡＸＡの科学研究")


def test_switching_after_scrolling_keeps_the_passage_being_read(page, site_url):
    page.goto(f"{site_url}/en/leo-activity-2025/4/")
    page.evaluate("document.getElementById('4-3').scrollIntoView()")
    page.mouse.wheel(0, 5)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")  # (scrolled)
    switch_to(page, "ja")
    assert page.url.startswith(f"{site_url}/leo-activity-2025/4/#4-3")


@pytest.mark.parametrize("lang, prefix, other", [("en", "", "en/"), ("ja", "en/", "")])
def test_switching_language_after_following_a_footnote_lands_on_the_note(page, site_url, lang, prefix, other):
    page.goto(f"{site_url}/{prefix}leo-activity-2025/3/")
    page.click("sup[id='fnref:13'] a")
    page.wait_for_function("location.hash === '#fn:13'")
    until_scrolling_stops(page)                          # what rewrote the hash (250 ms after) has run
    assert page.evaluate("location.hash") == "#fn:13"
    switch_to(page, lang)
    assert page.url == f"{site_url}/{other}leo-activity-2025/3/#fn:13"
    assert page.get_attribute("html", "lang") == lang
    note = page.locator("li[id='fn:13']")
    assert note.get_attribute("value") == "13"
    box = page.evaluate("(() => { const r = document.getElementById('fn:13').getBoundingClientRect();"
                        " return [r.top, r.bottom, innerHeight]; })()")
    assert 0 <= box[0] < box[2] and box[1] > 0, box


@pytest.mark.parametrize("path", ["", "leo-activity-2025/", "leo-activity-2025/3/", "isecg-coordination/",
                                  "leo-activity-2025/parallel/"])
def test_lang_and_hreflang_are_right_on_every_edition(page, site_url, path):
    for lang, prefix in (("ja", ""), ("en", "en/")):
        page.goto(f"{site_url}/{prefix}{path}")
        assert page.get_attribute("html", "lang") == lang
        alternates = page.eval_on_selector_all(
            "link[hreflang]", "ls => Object.fromEntries(ls.filter(l => l.relList.contains('alternate'))"
                              ".map(l => [l.hreflang, l.href]))")
        assert alternates == {"ja": f"https://space-policy.example.org/{path}",
                              "en": f"https://space-policy.example.org/en/{path}",
                              "x-default": f"https://space-policy.example.org/{path}"}


def test_english_footnotes_keep_numbers_and_back_links(page, site_url):
    page.goto(f"{site_url}/en/leo-activity-2025/2/")
    assert page.eval_on_selector_all("sup[id^=fnref] a", "as => as.map(a => a.textContent)") == ["12", "12"]
    note = page.locator("li[id='fn:12']")
    assert note.get_attribute("value") == "12"
    assert note.inner_text().startswith("Reference Material")
    assert page.eval_on_selector_all("li[id='fn:12'] a.footnote-backref", "as => as.map(a => a.hash)") == [
        "#fnref:12", "#fnref2:12"]


def test_parallel_view_pairs_the_right_segments_in_two_columns(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/3/")
    ja = page.inner_text("li[id='3-3-1-a-p3-i1-l-i2']")
    page.goto(f"{site_url}/en/leo-activity-2025/3/")
    en = page.inner_text("li[id='3-3-1-a-p3-i1-l-i2']")
    page.goto(f"{site_url}/en/leo-activity-2025/parallel/#3-3-1-a-p3-i1-l-i2")
    pair = page.locator("[id='3-3-1-a-p3-i1-l-i2']")
    assert pair.locator(".pair-ja").inner_text().replace("14", "") == ja.replace("14", "")
    assert pair.locator(".pair-en").inner_text().replace("14", "") == en.replace("14", "")
    boxes = [pair.locator(sel).bounding_box() for sel in (".pair-ja", ".pair-en")]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[1]["x"] > boxes[0]["x"] + boxes[0]["width"] - 1
    assert pair.locator("a.pair-cite").get_attribute("href") == "../3/#3-3-1-a-p3-i1-l-i2"     # (the passage's page)


def test_parallel_view_stacks_pairs_on_a_phone(phone, site_url):
    phone.goto(f"{site_url}/leo-activity-2025/parallel/#2-1-p3-i1")
    pair = phone.locator("[id='2-1-p3-i1']")
    ja, en = (pair.locator(sel).bounding_box() for sel in (".pair-ja", ".pair-en"))
    assert en["y"] >= ja["y"] + ja["height"] - 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_an_untranslated_segment_shows_its_marker(tmp_path, browser):
    src = copy_docs(tmp_path / "src", ["isecg-coordination"])
    po = polib.pofile(str(src / "isecg-coordination" / "en.po"), wrapwidth=0)
    [entry] = [e for e in po if e.msgctxt == "6-p3"]
    entry.msgstr = ""
    po.save(str(src / "isecg-coordination" / "en.po"))
    site = build_site(src, tmp_path / "out")
    server, url = serve(site)
    try:
        page = browser.new_page()
        page.goto(f"{url}/en/isecg-coordination/")
        block = page.locator("[id='6-p3']")
        assert block.get_attribute("lang") == "ja" and block.get_attribute("data-state") == "untranslated"
        label = block.locator(".tr-state")
        assert label.is_visible() and label.inner_text() == "Not yet translated"
        assert "特に、着陸機に関しては" in block.inner_text()
        assert page.locator("[id='6-p2']").get_attribute("lang") is None
        page.close()
    finally:
        server.shutdown()
