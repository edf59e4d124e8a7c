"""The corpus pages and the page chrome in Chromium, in both editions: the status page at desktop
and phone width, the 404 page wherever a server sends it, the header's title, glossary terms in
print, the heading links' title (the offline bundle's 404 page: test_publishing.py)."""
import functools
import http.server
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.render.languages import Language

from helpers import ROOT, Quiet

pytestmark = pytest.mark.browser

EDITIONS = [("ja", ""), ("en", "en/")]
STATUS_COLUMNS = ("document", "segments", "translated", "fuzzy", "untranslated", "words", "coverage")


# ------------------------------------------------------------------ status page
def status_table(pg):
    """The status table's region, measured: its size and scroll extent, and the page's."""
    return pg.evaluate("""() => {
      const region = document.querySelector('article .status-scroll');
      return {page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
              region: region && [region.scrollWidth, region.clientWidth],
              tabindex: region && region.getAttribute('tabindex'), role: region && region.getAttribute('role'),
              label: region && region.getAttribute('aria-label')};
    }""")


@pytest.mark.parametrize("code, prefix", EDITIONS)
def test_the_status_page_fits_a_phone_its_table_scrolling_in_a_focusable_region_of_its_own(phone, site_url, code,
                                                                                           prefix):
    phone.goto(f"{site_url}/{prefix}status/")
    measured = status_table(phone)
    assert measured["page"][0] <= measured["page"][1]                   # the page does not scroll sideways
    assert measured["region"][0] > measured["region"][1]                # the table does, in its region
    assert (measured["tabindex"], measured["role"]) == ("0", "region")
    assert measured["label"] == Language(code).label("status_table")
    region = phone.locator("article .status-scroll")
    region.focus()
    phone.keyboard.press("ArrowRight")                                  # a keyboard scrolls it
    phone.wait_for_function("document.querySelector('article .status-scroll').scrollLeft > 0")
    name = phone.locator("article table.status tbody th").first          # the title stays in sight
    assert name.evaluate("el => el.getBoundingClientRect().left") >= \
        region.evaluate("el => el.getBoundingClientRect().left")


@pytest.mark.parametrize("code, prefix", EDITIONS)
def test_the_status_page_shows_its_whole_table_on_a_desktop_in_the_editions_language(page, site_url, code, prefix):
    page.goto(f"{site_url}/{prefix}status/")
    lang = Language(code)
    measured = status_table(page)
    assert measured["region"][0] <= measured["region"][1]
    heads = page.locator("article table.status thead th").all_inner_texts()
    assert ["".join(h.split()) for h in heads] == ["".join(lang.label(f"status_{c}").split()) for c in STATUS_COLUMNS]
    titles = page.locator("article table.status tbody th a").all_inner_texts()
    figures = page.locator("article table.status td.num")
    assert figures.count() == 6 * page.locator("article table.status tr:has(td)").count()
    for cell in figures.all():
        style = cell.evaluate("el => [getComputedStyle(el).textAlign, getComputedStyle(el).fontVariantNumeric]")
        assert style == ["right", "tabular-nums"]
    assert page.locator("article table.status tfoot th").inner_text() == lang.label("status_total")
    bar = page.locator("article table.status tfoot .coverage-bar > span")
    assert bar.evaluate("el => el.getBoundingClientRect().width") > 0
    page.goto(f"{site_url}/{prefix}")                                  # the documents named as on the home page
    assert titles == page.locator("article ul.doc-list > li > a:first-child").all_inner_texts()


# ------------------------------------------------------------------ 404 page
class NotFoundPage(Quiet):
    """A static server that answers a missing path with the site's own 404.html, as GitHub Pages."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def pages_url(built_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NotFoundPage, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def assert_styled_and_every_link_found(pg, site):
    """The page has its stylesheets applied, and every link of it on `site` leads to a page that is there."""
    assert pg.evaluate("[...document.styleSheets].some(s => (s.href || '').endsWith('/assets/stylesheets/extra.css'))")
    assert pg.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    hrefs = pg.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    local = {h.split("#")[0] for h in hrefs if h.startswith(site)}
    assert len(local) >= 5                    # home, glossary and status, both editions' homes and glossaries
    for href in sorted(local):
        assert pg.request.get(href).status == 200, href
    return hrefs


@pytest.mark.parametrize("code, prefix", EDITIONS)
def test_the_404_page_of_each_edition_is_styled_and_its_links_lead_to_pages_that_exist(page, site_url, code, prefix):
    page.goto(f"{site_url}/{prefix}404.html")
    hrefs = assert_styled_and_every_link_found(page, site_url)
    for path in ("", "glossary/", "en/", "en/glossary/"):
        assert page.locator("article a").evaluate_all("(links, want) => links.some(a => a.href === want)",
                                                      f"{site_url}/{path}"), path
    assert f"{site_url}/en/" in hrefs and f"{site_url}/" in hrefs            # the language switch
    assert page.locator("article p").first.get_attribute("lang") == code      # the edition's language first


def test_the_404_page_sent_for_a_missing_page_deep_in_the_site_is_styled_and_its_links_work(page, pages_url):
    response = page.goto(f"{pages_url}/leo-activity-2025/no/such/page/")
    assert response.status == 404 and "ページが見つかりません" in page.inner_text("article")
    hrefs = assert_styled_and_every_link_found(page, pages_url)
    switch = page.locator("a[data-lang-switch][hreflang=en]").get_attribute("href")
    assert page.evaluate("href => new URL(href, location.href).href", switch) == f"{pages_url}/en/"
    assert f"{pages_url}/glossary/" in hrefs
    page.locator("article a[hreflang=en]").first.click()
    page.wait_for_url(f"{pages_url}/en/")
    assert page.get_attribute("html", "lang") == "en"


# ------------------------------------------------------------------ header, print, heading links
@pytest.mark.parametrize("width", [1280, 1024, 768, 375])
def test_the_english_site_title_keeps_to_one_line_beside_the_header_buttons(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    pg.goto(f"{site_url}/en/leo-activity-2025/3/")
    for shown in (0, 1):                  # the site's title; after scrolling, the page's
        if shown:
            pg.mouse.wheel(0, 1200)
        pg.wait_for_function("n => getComputedStyle(document.querySelectorAll('.md-header__topic')[n]).opacity === '1'",
                             arg=shown)
        box = pg.evaluate("""n => {
          const title = document.querySelector('.md-header__title');
          const text = title.querySelectorAll('.md-header__topic')[n].querySelector('.md-ellipsis');
          const after = [...document.querySelectorAll('.md-header__inner > *')].filter(el =>
            el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().left > title.getBoundingClientRect().left);
          return {header: document.querySelector('.md-header').getBoundingClientRect().height,
                  inner: document.querySelector('.md-header__inner').getBoundingClientRect().height,
                  lines: text.getClientRects().length, clipped: text.scrollWidth > text.clientWidth,
                  ellipsis: getComputedStyle(text).textOverflow, right: text.getBoundingClientRect().right,
                  next: Math.min(...after.map(el => el.getBoundingClientRect().left))};
        }""", shown)
        assert box["header"] <= box["inner"] + 1 and box["lines"] == 1, (shown, box)
        assert box["right"] <= box["next"] + 1, (shown, box)
        assert not box["clipped"] or box["ellipsis"] == "ellipsis", (shown, box)
    context.close()


def test_glossary_terms_in_running_text_are_printed_without_their_underline(page, site_url):
    page.emulate_media(media="print")
    page.goto(f"{site_url}/leo-activity-2025/3/")
    terms = page.locator("article a.term")
    assert terms.count() > 5
    decorations = terms.evaluate_all("links => [...new Set(links.map(a => getComputedStyle(a).textDecorationLine))]")
    assert decorations == ["none"]
    page.emulate_media(media="screen")
    assert terms.first.evaluate("a => getComputedStyle(a).textDecorationLine") == "underline"


@pytest.mark.parametrize("code, prefix, title", [("ja", "", "この見出しへのリンク"), ("en", "en/", "Link to this heading")])
def test_heading_links_are_titled_in_the_editions_language(built_site, code, prefix, title):
    soup = BeautifulSoup((built_site / prefix / "leo-activity-2025" / "3" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    titles = {a.get("title") for a in soup.select("article a.headerlink")}
    assert titles == {title}


def test_the_english_config_repeats_the_markdown_extensions_of_the_japanese_one():
    # a list in a config replaces its parent's: mkdocs.en.yml (and the offline English config that
    # inherits it) must keep every extension of mkdocs.yml, changing only the headings' link title
    load = lambda name: yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))["markdown_extensions"]
    names = lambda extensions: [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    ja, en = load("mkdocs.yml"), load("mkdocs.en.yml")
    assert names(ja) == names(en)
    assert without_link_title(ja) == without_link_title(en)


def without_link_title(extensions: list) -> list:
    """A config's Markdown extensions, the headings' link title left out."""
    out = []
    for extension in extensions:
        if isinstance(extension, dict):
            [(name, options)] = extension.items()
            extension = {name: {k: v for k, v in (options or {}).items() if k != "permalink_title"}}
        out.append(extension)
    return out
