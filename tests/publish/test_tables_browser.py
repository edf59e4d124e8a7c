"""Matrix tables for readers, in Debian's Chromium: the row labels stay in place when a wide table
scrolls sideways; the page scrolls down, never the table's box; on a phone each row is a card whose
marks sit next to their column's name, still a table to screen readers; in print every column is on
the page, in both editions."""
import pytest

pytestmark = pytest.mark.browser

ANNEX = "leo-activity-2025/annex-1/"
SLIDES = "isecg-coordination/"
EDITIONS = ["", "en/"]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE_LANDSCAPE = {"viewport": {"width": 740, "height": 360}, "is_mobile": True, "has_touch": True}
# the width of a printed page's text: A4 (210 mm) less Material's margins (@page 25 mm), in CSS px
PRINT_WIDTH = 600

# every mark of every row as the phone shows it: where the mark, its row's label and its card are,
# and the column name shown beside it with the column header it must be
CARD_MARKS = """() => {
  const fig = document.querySelector('figure.matrix-table');
  const head = [...fig.querySelectorAll('thead tr:last-child th[scope=col]:not(.row-header)')];
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return [...fig.querySelectorAll('tbody tr')].flatMap(tr => [...tr.querySelectorAll('td')]
    .filter(td => td.classList.contains('cell-mark'))
    .map(td => ({row: tr.querySelector('th').textContent, card: box(tr), label: box(tr.querySelector('th')),
                 mark: box(td), shown: getComputedStyle(td, '::after').content,
                 header: JSON.stringify(head[[...tr.querySelectorAll('td')].indexOf(td)].textContent)})));
}"""


def inside(inner, outer) -> bool:
    return (outer[0] - 0.5 <= inner[0] and inner[2] <= outer[2] + 0.5
            and outer[1] - 0.5 <= inner[1] and inner[3] <= outer[3] + 0.5)


@pytest.fixture(params=["desktop", "phone-landscape"])
def wide_view(request, browser):
    context = browser.new_context(**(DESKTOP if request.param == "desktop" else PHONE_LANDSCAPE))
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_row_headers_stay_in_place_when_the_table_scrolls_sideways(wide_view, site_url, edition):
    wide_view.goto(f"{site_url}/{edition}{ANNEX}")
    box = wide_view.locator("figure.matrix-table .table-scroll")
    box.scroll_into_view_if_needed()
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")          # (it does scroll sideways)
    labels = ["figure.matrix-table tbody tr:first-child th", "figure.matrix-table thead th.row-header"]
    before = [wide_view.locator(s).bounding_box()["x"] for s in labels]
    box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    wide_view.wait_for_function("document.querySelector('figure.matrix-table .table-scroll').scrollLeft > 100")
    assert [wide_view.locator(s).bounding_box()["x"] for s in labels] == pytest.approx(before, abs=0.5)
    on_top = """el => { const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 2, r.top + r.height / 2);
        return el.contains(hit) && getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)'; }"""
    for s in labels:                                    # drawn over the cells passing under it, opaque
        assert wide_view.locator(s).evaluate(on_top), s


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_table_box_scrolls_sideways_only_the_page_scrolls_down(wide_view, site_url, edition):
    wide_view.goto(f"{site_url}/{edition}{ANNEX}")
    box = wide_view.locator("figure.matrix-table .table-scroll")
    assert box.evaluate("el => el.scrollHeight <= el.clientHeight")
    assert box.evaluate("el => el.clientHeight >= el.querySelector('table').offsetHeight")


@pytest.mark.parametrize("edition", EDITIONS)
def test_on_a_phone_each_mark_sits_in_its_rows_card_beside_its_column_name(phone, site_url, edition):
    phone.goto(f"{site_url}/{edition}{ANNEX}")
    marks = phone.evaluate(CARD_MARKS)
    assert len(marks) == 42
    for m in marks:
        assert m["shown"] == m["header"], m                            # the right column's name
        assert inside(m["mark"], m["card"]) and inside(m["label"], m["card"]), m
        assert m["label"][3] <= m["mark"][1] + 0.5, m                  # under its row's label
        assert 0 <= m["card"][0] and m["card"][2] <= 375, m            # and on the screen
    first = [m for m in marks if m["row"] == marks[0]["row"]]
    column = "JAXA ラボ機能" if not edition else "JAXA laboratory function"
    assert first[0]["shown"] == f'"{column}"' and len(first) == 7
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    legend = phone.locator("figure.matrix-table .legend")
    assert legend.is_visible() and legend.bounding_box()["x"] + legend.bounding_box()["width"] <= 375


@pytest.mark.parametrize("edition", EDITIONS)
def test_on_a_phone_the_cards_are_still_a_table_to_screen_readers(phone, site_url, edition):
    phone.goto(f"{site_url}/{edition}{ANNEX}")
    cdp = phone.context.new_cdp_session(phone)
    nodes = [n for n in cdp.send("Accessibility.getFullAXTree")["nodes"] if not n.get("ignored")]
    roles = [n["role"]["value"] for n in nodes]
    assert roles.count("table") == 1 and roles.count("rowheader") == 7
    assert roles.count("columnheader") == 3 + 12 and roles.count("cell") == 1 + 7 * 11   # (and the corner)
    names = [n.get("name", {}).get("value", "") for n in nodes if n["role"]["value"] == "cell"]
    word, column = ("直接", "JAXA ラボ機能") if not edition else ("direct", "JAXA laboratory function")
    assert word in names[1] and column in names[1]          # the first row's first mark: what, and where


def test_on_a_phone_a_partly_placed_table_names_the_columns_it_knows(phone, site_url):
    phone.goto(f"{site_url}/{SLIDES}")
    fig = phone.locator("figure[id='3-p1']")
    fig.scroll_into_view_if_needed()
    placed = fig.locator("tbody tr", has_text="重力天体への高精度着陸、危険回避").locator("td")
    shown = placed.evaluate_all("tds => tds.map(td => getComputedStyle(td, '::after').content)")
    assert shown == ['"米国"', '"ロシア"', '"欧州"', '"中国"', '"日本"']
    card = fig.locator("tbody tr", has_text="掘削")
    lost = card.locator("td.cell-unplaced")
    assert lost.is_visible() and inside(box(lost), box(card)) and box(card)[2] <= 375
    assert "（列の位置は抽出テキストから復元できません）" in lost.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def box(locator) -> list[float]:
    b = locator.bounding_box()
    return [b["x"], b["y"], b["x"] + b["width"], b["y"] + b["height"]]


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("path", [ANNEX, SLIDES])
def test_print_keeps_every_column_of_a_table_on_the_page(browser, site_url, edition, path):
    context = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 900})
    pg = context.new_page()
    pg.emulate_media(media="print")
    pg.goto(f"{site_url}/{edition}{path}")
    for fig in pg.locator("figure.matrix-table").all():
        last = fig.locator("thead tr:last-child > th:last-child")
        assert box(last)[2] <= PRINT_WIDTH and box(fig.locator("table"))[2] <= PRINT_WIDTH
        assert fig.locator(".table-scroll").evaluate("el => el.scrollWidth <= el.clientWidth")
    assert pg.evaluate("document.documentElement.scrollWidth") <= PRINT_WIDTH
    context.close()
