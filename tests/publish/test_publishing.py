"""Publishing: Japanese search, the offline bundle from file://, 404, print, meta, links and
reproducible builds (the editors' live preview: test_mkdocs_hooks.py)."""
import filecmp
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.diagnostics import Reporter
from generator.publish.linkcheck import check_links

from helpers import ROOT, SRC, build_site, copy_docs

pytestmark = pytest.mark.browser


def search(page, query):
    """The result links a query shows (its first page), once the list shows that query's results."""
    page.fill("[data-search-input]", query)
    page.wait_for_function("q => document.querySelector('[data-search-results]').dataset.done === q", arg=query)
    return [a.get_attribute("href") for a in page.query_selector_all("[data-search-results] a")]


def most_frequent_section(built_site, query):
    """The section of the Japanese site that uses the query most (independent of the search code):
    occurrences in its text, plus five for each in its heading — the documented ranking."""
    best, best_n = None, 0
    for html in sorted(built_site.glob("leo-activity-2025/*/index.html")):
        if html.parent.name == "parallel":
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for h in soup.select("article h1[id], article h2[id], article h3[id], article h4[id], article h5[id]"):
            text = []
            for sib in h.next_siblings:
                if getattr(sib, "name", None) in ("h1", "h2", "h3", "h4", "h5"):
                    break
                if getattr(sib, "name", None) and "footnote" not in (sib.get("class") or []) \
                        and not sib.has_attr("data-generated"):
                    text.append(sib.get_text())
            n = "".join(text).count(query) + 5 * h.get_text().count(query)
            if n > best_n:
                best, best_n = (html.parent.name, h["id"]), n
    return best


@pytest.mark.parametrize("query", ["クロスウェーバー", "調達", "地球低軌道"])
def test_japanese_queries_find_the_right_section_first(page, site_url, built_site, query):
    page.goto(f"{site_url}/leo-activity-2025/")
    hits = search(page, query)
    assert hits, query
    folder, anchor = most_frequent_section(built_site, query)
    assert hits[0].endswith(f"leo-activity-2025/{folder}/#{anchor}"), (query, hits[:3])
    page.click("[data-search-results] a >> nth=0")
    page.wait_for_url(f"**/leo-activity-2025/{folder}/#{anchor}")
    assert query in page.inner_text(f"[id='{anchor}'] ~ *") or query in page.inner_text("article")


@pytest.mark.parametrize("query, expected", [("軌道", "地球低軌道"), ("ウェーバー", "クロスウェーバー"),
                                             ("低軌", "地球低軌道"), ("ＩＳＳ", "ＩＳＳ"), ("ISS", "ＩＳＳ"),
                                             ("ｸﾛｽｳｪｰﾊﾞｰ", "クロスウェーバー")])
def test_any_substring_and_either_width_finds_the_word(page, site_url, query, expected):
    page.goto(f"{site_url}/")
    hits = search(page, query)
    assert hits
    assert expected in page.inner_text("[data-search-results] li >> nth=0")


def test_each_edition_searches_its_own_language(page, site_url):
    page.goto(f"{site_url}/en/")
    assert search(page, "cross-waiver")[0].endswith("leo-activity-2025/3/#3-3-3-d")
    # the English index holds English text; only the bilingual glossary entry knows the Japanese term
    assert search(page, "クロスウェーバー") == ["./glossary/#cross-waiver"]
    assert search(page, "procure")                           # substring of procurement
    page.goto(f"{site_url}/")
    assert search(page, "procurement") == []


# ------------------------------------------------------------------ offline bundle
@pytest.fixture(scope="module")
def offline_bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(["make", "--no-print-directory", "offline"], cwd=ROOT, check=True, env=env,
                   capture_output=True)
    with zipfile.ZipFile(ROOT / "offline" / "space-policy-docs.zip") as z:
        z.extractall(out)
    return out


def test_offline_bundle_works_from_disk_without_network(browser, offline_bundle):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    root = offline_bundle.as_uri()
    page.goto(f"{root}/index.html")
    page.click("ul.doc-list a[href='leo-activity-2025/index.html']")     # navigation
    assert page.url.endswith("/leo-activity-2025/index.html")
    page.click("nav.doc-contents a[href='3.html']")
    assert page.url.endswith("/leo-activity-2025/3.html")
    page.click("sup[id='fnref:15'] a")                                   # footnotes
    page.wait_for_function("location.hash === '#fn:15'")
    term = page.locator("a.term").first                                  # glossary tooltip
    term.hover()
    page.wait_for_function("!document.getElementById('term-tooltip').hidden")
    assert page.inner_text("#term-tooltip") == term.get_attribute("data-tip")
    page.goto(f"{root}/leo-activity-2025/3.html#3-3-1-a")               # language switch
    with page.expect_navigation():
        page.evaluate("document.querySelector('a[data-lang-switch][hreflang=en]').click()")
    assert page.url.endswith("/en/leo-activity-2025/3.html#3-3-1-a")
    page.goto(f"{root}/leo-activity-2025/annex-1.html")                 # tables
    assert page.locator("figure.matrix-table tbody tr").count() == 7
    page.goto(f"{root}/index.html")                                      # search
    hits = search(page, "クロスウェーバー")
    assert hits[0] == "./leo-activity-2025/3.html#3-3-3-d"
    page.click("[data-search-results] a >> nth=0")
    assert page.url.endswith("/leo-activity-2025/3.html#3-3-3-d")
    outside = [u for u in requests if not u.startswith("file://")]
    assert outside == []
    context.close()


def test_offline_bundle_has_no_broken_links(offline_bundle):
    report = Reporter()
    assert check_links(offline_bundle, report) > 1000
    assert report.diagnostics == []


@pytest.mark.parametrize("edition", ["", "en/"])
def test_offline_404_pages_are_styled_and_every_link_opens_a_file_of_the_bundle(browser, offline_bundle, edition):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(f"{offline_bundle.as_uri()}/{edition}404.html")
    assert "ページが見つかりません" in page.inner_text("article")
    assert page.evaluate("[...document.styleSheets].some(s => (s.href || '').endsWith('/assets/stylesheets/extra.css'))")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"    # Material's
    assert page.evaluate("getComputedStyle(document.querySelector('article p a')).textDecorationLine") == "underline"  # ours
    links = page.evaluate("[...document.querySelectorAll('a[href], link[href], script[src]')].map(e => e.href || e.src)")
    local = sorted({unquote(urlsplit(href).path) for href in links if href.startswith("file:")})
    assert len(local) > 8
    for path in local:
        assert Path(path).is_file() and Path(path).is_relative_to(offline_bundle), path
    assert not [href for href in links if "space-policy.example.org" in href]
    homes = {page.evaluate("h => new URL(h, location.href).href", a.get_attribute("href"))
             for a in page.locator("a[data-lang-switch], article a").all()}
    assert {f"{offline_bundle.as_uri()}/index.html", f"{offline_bundle.as_uri()}/en/index.html",
            f"{offline_bundle.as_uri()}/glossary.html", f"{offline_bundle.as_uri()}/en/glossary.html"} <= homes
    assert failed == []
    with page.expect_navigation():                                        # the language switch
        page.evaluate("document.querySelector('a[data-lang-switch][hreflang=en]').click()")
    assert page.url == f"{offline_bundle.as_uri()}/en/index.html"
    context.close()


@pytest.mark.parametrize("edition, title", [("", "この見出しへのリンク"), ("en/", "Link to this heading")])
def test_offline_heading_links_are_titled_in_the_editions_language(offline_bundle, edition, title):
    soup = BeautifulSoup((offline_bundle / edition / "leo-activity-2025" / "3.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert {a.get("title") for a in soup.select("article a.headerlink")} == {title}


# ------------------------------------------------------------------ hosted site
def test_hreflang_links_are_plain_alternates_in_the_html_source(built_site):
    soup = BeautifulSoup((built_site / "leo-activity-2025" / "2" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    links = {l["hreflang"]: (l["rel"], l["href"]) for l in soup.select("head link[hreflang]")}
    assert links["en"] == (["alternate"], "https://space-policy.example.org/en/leo-activity-2025/2/")
    assert links["ja"] == (["alternate"], "https://space-policy.example.org/leo-activity-2025/2/")


def test_pages_request_nothing_they_do_not_use(page, site_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{site_url}/leo-activity-2025/3/", wait_until="networkidle")     # (every request made)
    assert [u for u in requests if not u.startswith(site_url)] == []
    assert not [u for u in requests if u.endswith(("sitemap.xml", "search_index.json"))]


def test_material_draws_the_search_box_but_writes_no_index_of_its_own(built_site):
    # our sharded index drives the box; Material's search_index.json would be dead weight
    assert (built_site / "search" / "manifest.js").exists() and (built_site / "en" / "search" / "manifest.js").exists()
    assert not list(built_site.rglob("search_index.json"))
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("[data-search-input]") is not None


def test_not_found_page_speaks_both_languages(page, site_url):
    page.goto(f"{site_url}/404.html")
    text = page.inner_text("article")
    assert "ページが見つかりません" in text and "Page not found" in text
    assert page.locator("article a[href='/en/']").count() == 1       # from the server's root: sent at any depth


def test_pages_carry_open_graph_and_twitter_meta_and_a_favicon(built_site):
    soup = BeautifulSoup((built_site / "en" / "leo-activity-2025" / "3" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.select("meta")}
    assert meta["og:title"].startswith("3. Measures toward")
    assert meta["og:description"].startswith("A summary by the 12th-term")
    assert meta["og:url"] == "https://space-policy.example.org/en/leo-activity-2025/3/"
    assert meta["og:locale"] == "en_US" and meta["twitter:card"] == "summary"
    assert meta["description"] == meta["og:description"]
    assert soup.select_one("link[rel=canonical]")["href"] == "https://space-policy.example.org/en/leo-activity-2025/3/"
    assert soup.select_one("link[rel=icon]")["href"].endswith("favicon.svg")


def test_edit_links_open_the_file_an_editor_must_change(built_site):
    for prefix, file in (("", "source.txt"), ("en/", "en.po")):
        soup = BeautifulSoup((built_site / prefix / "leo-activity-2025" / "2" / "index.html").read_text(
            encoding="utf-8"), "html.parser")
        assert soup.select_one("a.page-edit")["href"].endswith(f"/edit/main/docs_src/leo-activity-2025/{file}")
    soup = BeautifulSoup((built_site / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("a.page-edit")["href"].endswith("docs_src/glossary.yml")


def test_last_updated_date_comes_from_git(built_site):
    date = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs_src/leo-activity-2025"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip()
    if not date:
        pytest.skip("not a git checkout with history")
    soup = BeautifulSoup((built_site / "leo-activity-2025" / "1" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert soup.select_one(".page-meta time")["datetime"] == date


def test_print_shows_the_document_without_chrome_and_tables_whole(page, site_url):
    page.emulate_media(media="print")
    page.goto(f"{site_url}/leo-activity-2025/annex-1/")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert page.locator(selector).first.evaluate("el => getComputedStyle(el).display") == "none", selector
    box = page.locator("figure.matrix-table .table-scroll")
    assert box.evaluate("el => getComputedStyle(el).overflowX") == "visible"
    assert page.locator("figure.matrix-table table").evaluate("el => getComputedStyle(el).breakInside") == "avoid"
    page.goto(f"{site_url}/leo-activity-2025/1/")
    assert page.locator("div.footnote li").count() == 11 and page.locator("div.footnote").is_visible()


def test_built_site_has_no_broken_internal_links(built_site):
    report = Reporter()
    assert check_links(built_site, report) > 1000
    assert report.diagnostics == []


def test_two_builds_of_one_commit_are_identical(tmp_path):
    src = copy_docs(tmp_path / "src")
    shutil.copy(SRC / "glossary.yml", src / "glossary.yml")
    env = {"SOURCE_DATE_EPOCH": "1739318400"}
    first = build_site(src, tmp_path / "one", env=env)
    second = build_site(src, tmp_path / "two", env=env)
    differ = []

    def compare(cmp):
        differ.extend(str(Path(cmp.left, f).relative_to(first)) for f in cmp.diff_files + cmp.left_only + cmp.right_only)
        for sub in cmp.subdirs.values():
            compare(sub)
    compare(filecmp.dircmp(first, second))
    assert differ == []
    files = [p for p in first.rglob("*") if p.is_file()]
    assert len(files) > 50
    for a in files:
        assert a.read_bytes() == (second / a.relative_to(first)).read_bytes(), a
