"""The side-by-side page in headless Chromium: citation links readable and unbroken, leading to the
passage on its normal page; in print, the pairs in two columns (Japanese | English) on markedly fewer
pages than the same pairs stacked in one column."""
import re

import pytest

pytestmark = pytest.mark.browser

PARALLEL = "leo-activity-2025/parallel/"
DEEP = "3-3-1-a-p3-i1-l-i2"          # a list item in a list item of section 3.(3)①ア)
A4_TEXT_WIDTH = 605                  # px: A4 less the theme's 25 mm margins (@page), the width print lays out
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
ONE_COLUMN = ".md-typeset .parallel .pair { grid-template-columns: minmax(0, 1fr) !important; }"

LABELS = """() => [...document.querySelectorAll('.pair-cite')].map(a => {
  const style = getComputedStyle(a), parts = [...a.querySelectorAll('.cite-part')];
  return {size: parseFloat(style.fontSize), color: style.color, parts: parts.map(p => p.getClientRects().length),
          lines: a.getBoundingClientRect().height / parseFloat(style.lineHeight), id: a.parentElement.id};
})"""

CONTRAST = """([fg, bg]) => {
  const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("edition", ["", "en/"])
@pytest.mark.parametrize("device", ["page", "phone"])
def test_citation_labels_are_readable_and_break_only_between_their_parts(request, site_url, edition, device):
    pg = request.getfixturevalue(device)
    pg.goto(f"{site_url}/{edition}{PARALLEL}")
    labels = pg.evaluate(LABELS)
    assert len(labels) > 200
    background = pg.evaluate("getComputedStyle(document.body).backgroundColor")
    for label in labels:
        assert label["size"] >= 11, label
        assert label["parts"] and all(n == 1 for n in label["parts"]), label      # no part wraps
        assert pg.evaluate(CONTRAST, [label["color"], background]) >= 4.5, label
    deep = next(label for label in labels if label["id"] == DEEP)
    assert round(deep["lines"], 1) == 1.0, deep                             # the whole label on one line


def test_a_citation_link_opens_the_passage_on_its_normal_page(page, site_url):
    page.goto(f"{site_url}/{PARALLEL}")
    pair = page.locator(f"[id='{DEEP}']")
    japanese = pair.locator(".pair-ja").inner_text()
    pair.locator("a.pair-cite").click()
    page.wait_for_function("id => location.hash === '#' + id && document.querySelector(':target')", arg=DEEP)
    assert page.url == f"{site_url}/leo-activity-2025/3/#{DEEP}"
    assert page.locator(":target").inner_text() == japanese


def test_print_sets_the_pairs_in_two_columns_on_markedly_fewer_pages(page, site_url):
    page.goto(f"{site_url}/{PARALLEL}")
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 900})
    page.emulate_media(media="print")
    pair = page.locator(f"[id='{DEEP}']")
    ja, en = (pair.locator(side).bounding_box() for side in (".pair-ja", ".pair-en"))
    assert abs(ja["y"] - en["y"]) < 2 and en["x"] >= ja["x"] + ja["width"]            # side by side
    wide = page.locator("[id='annex-1-p1']")                     # an 11-column table: the whole width
    assert "pair-wide" in wide.get_attribute("class")
    for side in (".pair-ja", ".pair-en"):
        assert wide.locator(side).bounding_box()["width"] >= wide.bounding_box()["width"] - 1
    two = len(PDF_PAGE.findall(page.pdf(format="A4")))
    page.add_style_tag(content=ONE_COLUMN)                       # the same pairs stacked, as on a phone
    ja, en = (pair.locator(side).bounding_box() for side in (".pair-ja", ".pair-en"))
    assert en["y"] >= ja["y"] + ja["height"] - 1
    one = len(PDF_PAGE.findall(page.pdf(format="A4")))
    assert two <= 0.9 * one, (two, one)
