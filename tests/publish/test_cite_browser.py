"""Cite this passage, in the real browser: the citation's text in each edition, its URL, the keyboard,
the clipboard and its announcement, and the dialog at phone width."""
import pytest

SITE = "https://space-policy.example.org/"        # mkdocs.yml's site_url: the citation's address
PASSAGE = "3-1-p2"


def open_citation(page, url, anchor=PASSAGE) -> str:
    page.goto(url)
    page.locator(f'[id="{anchor}"] > .cite-button').click()
    page.wait_for_function("document.getElementById('cite-dialog') && document.getElementById('cite-dialog').open")
    return page.locator("#cite-text").inner_text()


@pytest.mark.parametrize("lang, title, issuer, date, number, unofficial", [
    ("", "我が国の地球低軌道活動の充実・強化に向けた取組の方向性", "国際宇宙ステーション・国際宇宙探査小委員会",
     "令和７年２月 12 日", "3.(1) 第4段落", False),
    ("en/", "Direction of Initiatives for Enhancing", "ISS and International Space Exploration Subcommittee",
     "February 12, 2025", "3.(1), para. 4", True)])
def test_citation_names_the_passage(page, site_url, lang, title, issuer, date, number, unofficial):
    text = open_citation(page, f"{site_url}/{lang}leo-activity-2025/3/")
    for part in (title, issuer, date, number):
        assert part in text
    url = f"{SITE}{lang}leo-activity-2025/3/#{PASSAGE}"
    assert text.endswith(url)
    assert ("unofficial English translation" in text) is unofficial
    assert "unofficial" not in text.lower() or lang
    page.goto(url.replace(SITE, site_url + "/"))
    page.wait_for_function(f"""(() => {{ const r = document.getElementById("{PASSAGE}").getBoundingClientRect();
                                 return r.top >= 0 && r.top < innerHeight; }})()""")


def test_heading_and_note_are_citable(page, site_url):
    page.goto(f"{site_url}/en/leo-activity-2025/3/")
    assert page.locator('[id="3-1"] > .cite-button').count() == 1
    notes = page.locator('[id^="fn:"] > .cite-button')
    assert notes.count() >= 1


def test_keyboard_and_clipboard(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"{site_url}/leo-activity-2025/3/")
        button = page.locator(f'[id="{PASSAGE}"] > .cite-button')
        button.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('cite-button')")
        assert page.evaluate("document.activeElement.parentElement.id") == PASSAGE
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('cite-dialog').open")
        assert page.evaluate("document.activeElement.classList.contains('cite-copy')")
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('.cite-status').textContent === '引用をコピーしました'")
        assert page.locator(".cite-status").get_attribute("role") == "status"
        text = page.locator("#cite-text").inner_text()
        assert page.evaluate("navigator.clipboard.readText()") == text
        page.keyboard.press("Escape")
        page.wait_for_function("!document.getElementById('cite-dialog').open")
        assert page.evaluate("document.activeElement.parentElement.id") == PASSAGE
    finally:
        context.close()


def test_dialog_fits_a_phone(phone, site_url):
    open_citation(phone, f"{site_url}/en/leo-activity-2025/3/")
    box = phone.locator("#cite-dialog").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    button = phone.locator(f'[id="{PASSAGE}"] > .cite-button').bounding_box()
    assert button["height"] >= 24 and button["width"] >= 24


def test_buttons_do_not_print(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/3/")
    page.emulate_media(media="print")
    assert page.locator(".cite-button").first.is_hidden()
