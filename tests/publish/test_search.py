"""Sharded search, in the browser: a query finds exactly what a scan of every entry finds — every
substring of two or more characters, NFKC-normalised and lower-cased, each term counted in text and
title as the ranking counts it — while loading only the shards of its characters and the texts of the
results it shows; the keyboard moves through the results and closes the panel."""
import json
import random
import unicodedata

import pytest

pytestmark = pytest.mark.browser


def entries_of(site):
    """Every entry of an edition's index, in number order, read from its text files."""
    manifest = json.loads((site / "search" / "manifest.js").read_text(encoding="utf-8").split("=", 1)[1].strip().rstrip(";"))
    rows = {}
    for path in (site / "search" / "e").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        k, chunk = json.loads("[" + text[text.index("(") + 1:text.rindex(")")] + "]")
        for i, row in enumerate(chunk):
            rows[k * manifest["c"] + i] = row
    return [rows[n] for n in range(manifest["n"])], manifest


def fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).lower()


def scan(entries, glossary_from, query):
    """The oracle: the full scan the sharded index replaces, over every entry."""
    terms = fold(query).split()
    if not terms or len("".join(terms)) < 2:
        return None
    hits = []
    for n, (url, title, doc, text) in enumerate(entries):
        x, t = "".join(fold(c) for c in text), fold(title)
        score = 0
        for term in terms:
            in_text, in_title = x.count(term), t.count(term)
            if not in_text and not in_title:
                break
            score += in_text + 5 * in_title
        else:
            hits.append((n >= glossary_from, -score, n))
    return [[n, -score] for _, score, n in sorted(hits)]


def queries(entries, count, seed):
    """Substrings of the entries' texts (2 to 6 characters, some upper-cased or full-width), pairs of
    words, single characters with another term, and strings found nowhere."""
    rng = random.Random(seed)
    out = ["地球低軌道", "クロスウェーバー", "ｸﾛｽｳｪｰﾊﾞｰ", "ＩＳＳ", "iss", "ISS 軌道", "a b", "の の", "zz", "ーー", "。", "、 。"]
    while len(out) < count:
        text = rng.choice(entries)[3]
        if len(text) < 8:
            continue
        at, length = rng.randrange(len(text) - 6), rng.randint(2, 6)
        q = text[at:at + length]
        kind = rng.random()
        if kind < 0.15:
            q = q.upper()
        elif kind < 0.3:
            q = unicodedata.normalize("NFKC", q).translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
        elif kind < 0.45:
            other = rng.choice(entries)[3]
            j = rng.randrange(max(1, len(other) - 3))
            q = q + " " + other[j:j + rng.randint(1, 3)]
        out.append(q)
    return out


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_sharded_index_finds_exactly_what_a_scan_finds(page, site_url, built_site, edition):
    entries, manifest = entries_of(built_site / edition.rstrip("/") if edition else built_site)
    page.goto(f"{site_url}/{edition}")
    qs = queries(entries, 300, seed=7)
    got = page.evaluate("qs => Promise.all(qs.map(q => window.__siteSearch(q)))", qs)
    wrong = [(q, g[:3] if g else g, w[:3] if w else w) for q, g, w in
             zip(qs, got, (scan(entries, manifest["g"], q) for q in qs)) if g != w]
    assert wrong == []
    assert sum(1 for g in got if g) > 200                      # (most queries find something)


def test_a_query_loads_the_shards_of_its_characters_and_the_texts_it_shows(page, site_url, built_site):
    loaded = []
    page.on("requestfinished", lambda r: loaded.append(r.url.split(site_url + "/")[1]) if "/search/" in r.url else None)
    page.goto(f"{site_url}/leo-activity-2025/1/")
    page.fill("[data-search-input]", "地球低軌道")
    page.wait_for_function("document.querySelector('[data-search-results]').dataset.done === '地球低軌道'")
    kinds = {path.split("/")[1] for path in loaded}
    assert kinds == {"manifest.js", "t", "e"}
    assert len([p for p in loaded if p.startswith("search/t/")]) <= 2              # 地球低, 低軌道
    shown = page.locator("[data-search-results] li.md-search-result__item").count()
    assert shown == 10 and len([p for p in loaded if p.startswith("search/e/")]) <= shown
    assert page.locator(".search-more button").is_visible()
    total = sum((built_site / p).stat().st_size for p in loaded)
    everything = sum(p.stat().st_size for p in (built_site / "search").rglob("*.js"))
    assert total < everything / 3


def test_the_keyboard_moves_through_the_results_and_closes_the_panel(page, site_url):
    page.goto(f"{site_url}/leo-activity-2025/1/")
    page.fill("[data-search-input]", "調達")
    page.wait_for_function("document.querySelector('[data-search-results]').dataset.done === '調達'")
    links = page.locator("[data-search-results] a.md-search-result__link")
    page.keyboard.press("ArrowDown")
    assert links.nth(0).evaluate("a => a === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert links.nth(1).evaluate("a => a === document.activeElement")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-search-input]')")
    page.keyboard.press("Escape")
    assert page.evaluate("!document.getElementById('__search').checked")
    page.fill("[data-search-input]", "調達")                          # (Escape also empties the box)
    page.wait_for_function("document.querySelector('[data-search-results]').dataset.done === '調達'")
    page.keyboard.press("ArrowDown")
    href = links.nth(0).get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === '#' + h", arg=href.split("#")[1])     # the result followed
    page.goto(f"{site_url}/leo-activity-2025/1/")
    page.focus("[data-search-input]")
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.press("Shift+Tab")                                   # out of the panel
    page.wait_for_function("!document.getElementById('__search').checked")
