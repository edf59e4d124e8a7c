"""The concordance (KWIC), in the browser: for a query, one line per occurrence (not overlapping, after
NFKC and lower-casing) in every segment of the documents, in document and reading order — its match,
its context in a fixed window either side, the segment's aligned text in the other language — exactly
as an oracle computed from the document model and the catalogs finds them; each line links to its
segment's element; the document filter, `?q=`, a phone's width and file:// work."""
import unicodedata
from urllib.parse import quote

import pytest

from generator.diagnostics import Reporter
from generator.generate.pipeline import load_catalog_of
from generator.parse.inline import MARKER
from generator.render.languages import Language
from generator.render.pages import section_segments
from generator.render.writer import document_title
from generator.translate.catalog import SegmentState
from generator.translate.segments import segments

from helpers import SRC

pytestmark = pytest.mark.browser

WINDOW = {"ja": 20, "en": 40}


def fold(text: str) -> tuple[str, list[int]]:
    """The text folded character by character (NFKC, lower case), and each folded character's origin."""
    out, origin = [], []
    for i, c in enumerate(text):
        f = unicodedata.normalize("NFKC", c).lower()
        out.append(f)
        origin += [i] * len(f)
    return "".join(out), origin + [len(text)]


def occurrences(text: str, needle: str, window: int):
    """(left, match, right) of each occurrence of `needle` in `text`, not overlapping."""
    x, origin = fold(text)
    found, at = [], x.find(needle)
    while needle and at >= 0:
        a, b = origin[at], origin[at + len(needle) - 1] + 1
        found.append((text[max(0, a - window):a], text[a:b], text[b:b + window]))
        at = x.find(needle, at + len(needle))
    return found


def oracle(seed_docs, code: str, query: str, only: int | None = None):
    """Every line the concordance should show: (document title, left, match, right, aligned text)."""
    docs, _ = seed_docs
    needle = unicodedata.normalize("NFKC", query).lower().strip()
    lines = []
    for k, name in enumerate(sorted(docs)):
        doc = docs[name]
        if only is not None and k != only:
            continue
        catalog = load_catalog_of(doc, SRC, Reporter())
        title = document_title(doc, Language(code, {doc.meta.slug: catalog}))
        source = {seg.id: MARKER.sub("", seg.source) for seg in segments(doc)}

        def english(i):
            text, state = catalog.lookup(i) if catalog else (None, SegmentState.UNTRANSLATED)
            return MARKER.sub("", text) if state is SegmentState.TRANSLATED else None
        for _, _, ids in section_segments(doc):
            for i in ids:
                if i not in source:
                    continue
                ja, en = source[i], english(i)
                text, aligned = (ja, en or "") if code == "ja" else (en or ja, ja)
                lines += [(title, *hit, aligned) for hit in occurrences(text, needle, WINDOW[code])]
    return lines


SHOWN = """() => { let doc = ""; const out = [];
  for (const tr of document.querySelectorAll("[data-kwic-table] tbody tr")) {
    if (tr.classList.contains("kwic-doc")) { doc = tr.textContent; continue; }
    out.push([doc, tr.querySelector(".kwic-left").textContent, tr.querySelector(".kwic-hit").textContent,
              tr.querySelector(".kwic-right").textContent, tr.querySelector(".kwic-aligned-text").textContent,
              tr.querySelector(".kwic-hit a").href]);
  }
  return out; }"""


def all_lines(pg):
    """The lines, once every one is read ('show more' pressed until none are left)."""
    while True:
        pg.wait_for_selector("[data-kwic-table][data-done]", state="attached")
        if pg.locator("[data-kwic-more]").is_hidden():
            return pg.evaluate(SHOWN)
        pg.click("[data-kwic-more]")


def ask(pg, url: str, query: str):
    pg.goto(url)
    pg.wait_for_selector("[data-kwic-table][data-done]", state="attached")
    pg.fill("[data-kwic-input]", query)
    pg.press("[data-kwic-input]", "Enter")
    pg.wait_for_function("q => document.querySelector('[data-kwic-table]').getAttribute('data-done') === q + '|'",
                         arg=unicodedata.normalize("NFKC", query).lower().strip())
    return all_lines(pg)


@pytest.mark.parametrize("code,query", [("ja", "地球低軌道"), ("ja", "ISS"), ("ja", "クロスウェーバー"), ("ja", "軌"),
                                        ("ja", "絶無の語句ぬ"), ("en", "cross-waiver"), ("en", "ISS"),
                                        ("en", "low Earth orbit")])
def test_each_occurrence_is_a_line_in_its_context_beside_its_aligned_segment(page, site_url, seed_docs, code, query):
    edition = "" if code == "ja" else "en/"
    shown = ask(page, f"{site_url}/{edition}concordance/", query)
    expected = oracle(seed_docs, code, query)
    assert [tuple(line[:5]) for line in shown] == expected
    if query == "絶無の語句ぬ":
        assert expected == []
    else:
        assert expected
    count = page.locator("[data-kwic-status]").text_content()
    assert str(len(expected)) in count


def test_the_english_edition_shows_the_japanese_beside_an_english_match(page, site_url, seed_docs):
    shown = ask(page, f"{site_url}/en/concordance/", "cross-waiver")
    assert shown and all(line[2].lower() == "cross-waiver" for line in shown)
    assert all(any("\u3040" <= c <= "\u9fff" for c in line[4]) for line in shown)
    assert page.locator("td.kwic-aligned").first.get_attribute("lang") == "ja"


def test_each_line_links_to_the_element_of_its_segment(page, site_url):
    shown = ask(page, f"{site_url}/concordance/", "ISS")
    targets = {}
    for line in shown:
        url, anchor = line[5].split("#", 1)
        targets.setdefault(url, set()).add(anchor)
    assert len(targets) > 1
    for url, anchors in targets.items():
        page.goto(url)
        ids = set(page.evaluate("() => Array.from(document.querySelectorAll('[id]'), e => e.id)"))
        assert anchors <= ids, (url, anchors - ids)


def test_the_document_filter_keeps_one_documents_lines(page, site_url, seed_docs):
    everything = ask(page, f"{site_url}/concordance/", "ISS")
    options = page.eval_on_selector_all("[data-kwic-doc] option", "os => os.map(o => o.value)")
    assert options[0] == "" and len(options) == 3           # all, and both seeds (both have ISS)
    page.select_option("[data-kwic-doc]", options[2])
    page.wait_for_function("() => document.querySelector('[data-kwic-table]').getAttribute('data-done') === 'iss|1'")
    shown = all_lines(page)
    assert [tuple(line[:5]) for line in shown] == oracle(seed_docs, "ja", "ISS", only=1)
    assert 0 < len(shown) < len(everything)
    assert len({line[0] for line in shown}) == 1
    assert "doc=1" in page.url and "q=ISS" in page.url


def test_the_query_in_the_url_runs_on_load(page, site_url, seed_docs):
    page.goto(f"{site_url}/concordance/?q={quote('地球低軌道')}")
    assert [tuple(line[:5]) for line in all_lines(page)] == oracle(seed_docs, "ja", "地球低軌道")
    assert page.input_value("[data-kwic-input]") == "地球低軌道"


def test_a_phone_has_no_horizontal_scroll(phone, site_url):
    for edition, query in (("", "地球低軌道"), ("en/", "low Earth orbit")):
        phone.goto(f"{site_url}/{edition}concordance/?q={quote(query)}")
        phone.wait_for_selector("[data-kwic-table][data-done] .kwic-line")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_it_works_from_file_urls(page, built_site, seed_docs):
    page.goto((built_site / "concordance" / "index.html").as_uri() + "?q=ISS")
    assert [tuple(line[:5]) for line in all_lines(page)] == oracle(seed_docs, "ja", "ISS")
