"""Accessibility, measured by axe-core in Debian's Chromium: every page type of both editions, at
desktop and phone width — home, section, table, side-by-side, glossary, status, 404, and a page
with the search panel open — has no violation of WCAG 2.2 A/AA or axe's best practices, ours or
the theme's (axe-core as shipped by axe-playwright-python)."""
import pytest
from axe_playwright_python.sync_playwright import Axe

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                                "best-practice"]},
         "resultTypes": ["violations"]}
PAGES = {
    "home": "", "section": "leo-activity-2025/1/", "table": "leo-activity-2025/annex-1/",
    "slides": "isecg-coordination/", "side-by-side": "leo-activity-2025/parallel/", "glossary": "glossary/",
    "status": "status/", "404": "404.html",
}


def violations(pg) -> list[str]:
    result = Axe().run(pg, options=RULES)
    return [f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']}" for v in result.response["violations"]]


@pytest.mark.parametrize("edition", ["", "en/"])
@pytest.mark.parametrize("kind", PAGES)
def test_every_page_type_has_no_violation_on_a_desktop(page, site_url, edition, kind):
    page.goto(f"{site_url}/{edition}{PAGES[kind]}")
    assert violations(page) == []


@pytest.mark.parametrize("edition", ["", "en/"])
@pytest.mark.parametrize("kind", ["home", "section", "table", "glossary", "status"])
def test_every_page_type_has_no_violation_on_a_phone(phone, site_url, edition, kind):
    phone.goto(f"{site_url}/{edition}{PAGES[kind]}")
    assert violations(phone) == []


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_open_search_panel_has_no_violation(page, site_url, edition):
    page.goto(f"{site_url}/{edition}leo-activity-2025/1/")
    page.fill("[data-search-input]", "軌道" if not edition else "orbit")
    page.wait_for_selector("[data-search-results] li")
    assert violations(page) == []


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_concordance_with_results_has_no_violation(page, phone, site_url, edition):
    for pg in (page, phone):
        pg.goto(f"{site_url}/{edition}concordance/?q=ISS")
        pg.wait_for_selector("[data-kwic-table][data-done] .kwic-line")
        assert violations(pg) == []


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_open_citation_dialog_has_no_violation(page, site_url, edition):
    page.goto(f"{site_url}/{edition}leo-activity-2025/3/")
    page.locator('[id="3-1-p2"] > .cite-button').click()
    page.wait_for_function("document.getElementById('cite-dialog').open")
    assert violations(page) == []
