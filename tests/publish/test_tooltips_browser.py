"""Glossary term tooltips in headless Chromium (assets/javascripts/terms.js): the text shown on hover,
focus and a first tap, inside the viewport at every width, never widening the page."""
import pytest

pytestmark = pytest.mark.browser

PAGE = "leo-activity-2025/3/"
TIP = "#term-tooltip"
RIGHTMOST = """() => {
  const terms = [...document.querySelectorAll('article a.term')];
  let best = -1, right = -1;
  terms.forEach((t, i) => { const r = t.getBoundingClientRect(); if (r.width && r.right > right) { right = r.right; best = i; } });
  return best;
}"""
SHOWN = f"() => {{ const t = document.querySelector('{TIP}'); return t && !t.hidden && t.textContent !== ''; }}"
HIDDEN = f"() => document.querySelector('{TIP}').hidden"


@pytest.fixture
def sized(browser, request):
    """A page of the width `request.param` (desktop pointer)."""
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    yield context.new_page()
    context.close()


def geometry(pg) -> dict:
    return pg.evaluate(f"""() => {{
      const r = document.querySelector('{TIP}').getBoundingClientRect(), d = document.documentElement;
      return {{scroll: d.scrollWidth, width: d.clientWidth, height: d.clientHeight,
               left: r.left, right: r.right, top: r.top, bottom: r.bottom}};
    }}""")


@pytest.mark.parametrize("sized", [768, 375], indirect=True)
@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("how", ["hover", "focus"])
def test_the_rightmost_terms_tooltip_stays_inside_the_viewport(sized, site_url, prefix, how):
    sized.goto(f"{site_url}/{prefix}{PAGE}")
    term = sized.locator("article a.term").nth(sized.evaluate(RIGHTMOST))
    term.evaluate("el => el.scrollIntoView({block: 'center'})")
    assert sized.evaluate("document.documentElement.scrollWidth") <= sized.viewport_size["width"]   # hidden
    term.hover() if how == "hover" else term.focus()
    sized.wait_for_function(SHOWN)
    g = geometry(sized)
    assert g["scroll"] <= g["width"] == sized.viewport_size["width"], g
    assert 0 <= g["left"] < g["right"] <= g["width"] and 0 <= g["top"] < g["bottom"] <= g["height"], g


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_hovering_or_focusing_a_term_shows_its_tip_and_escape_hides_it(page, site_url, prefix):
    page.goto(f"{site_url}/{prefix}{PAGE}")
    term = page.locator("a.term[data-term='cross-waiver']").first
    assert page.evaluate(HIDDEN)
    term.hover()
    page.wait_for_function(SHOWN)
    assert ("クロスウェーバー" if not prefix else "cross-waiver of liability") in page.inner_text(TIP)
    page.mouse.move(0, 0)
    page.wait_for_function(HIDDEN)
    term.focus()
    page.wait_for_function(SHOWN)
    assert page.inner_text(TIP) == term.get_attribute("data-tip")
    page.keyboard.press("Escape")
    page.wait_for_function(HIDDEN)
    assert page.evaluate("document.activeElement.matches('a.term')")       # focus stays where it was


def test_the_tooltip_is_hidden_from_screen_readers_which_get_the_description(page, site_url):
    page.goto(f"{site_url}/{PAGE}")
    term = page.locator("a.term[data-term='cross-waiver']").first
    described = term.get_attribute("aria-describedby")
    assert page.locator(f"[id='{described}']").text_content() == term.get_attribute("data-tip")
    assert page.get_attribute(TIP, "aria-hidden") == "true"


@pytest.fixture
def touch(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def open_at_a_term(pg, url):
    """The page opened at a passage with a term (the followed #anchor, which stays in the URL)."""
    pg.goto(url)
    passage = pg.evaluate("document.querySelector('article [data-seg] a.term').closest('[data-seg]').id")
    pg.goto(f"{url}#{passage}")
    return pg.locator(f"[id='{passage}'] a.term").first


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_first_tap_shows_the_tooltip_and_a_second_follows_the_link(touch, site_url, prefix):
    term = open_at_a_term(touch, f"{site_url}/{prefix}{PAGE}")
    before = touch.url
    term.tap()
    touch.wait_for_function(SHOWN)
    assert touch.inner_text(TIP) == term.get_attribute("data-tip")
    assert touch.url == before
    g = geometry(touch)
    assert g["scroll"] <= 375 and 0 <= g["left"] and g["right"] <= 375, g
    glossary = term.evaluate("el => el.href")
    term.tap()
    touch.wait_for_url(glossary)


def test_tapping_elsewhere_or_escape_hides_the_tooltip(touch, site_url):
    term = open_at_a_term(touch, f"{site_url}/{PAGE}")
    before = touch.url
    term.tap()
    touch.wait_for_function(SHOWN)
    touch.touchscreen.tap(4, 400)                      # the page's margin: no link there
    touch.wait_for_function(HIDDEN)
    term.tap()                                          # after hiding, a tap shows it again
    touch.wait_for_function(SHOWN)
    touch.keyboard.press("Escape")
    touch.wait_for_function(HIDDEN)
    assert touch.url == before
