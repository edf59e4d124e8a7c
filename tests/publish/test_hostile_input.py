"""Hostile input: every string an editor's file can carry is text wherever it lands. One site is
built from documents that carry a payload (markup, event handlers, `javascript:` URLs, quotes,
template syntax, Markdown syntax, bidi controls, very long strings) in every field — each
metadata field, the source's title block, headings, paragraphs and items, every msgstr of its PO
file, the glossary's terms, forms and definitions, a curated table's caption, headers, symbols and
labels — and every page of both editions (and each table's CSV) is read back
with an HTML parser: no element, attribute or URL came from a payload, and the payload's text is
there as text."""
import json
import re
import subprocess
import sys

import polib
import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, build_site, serve

PAYLOADS = [
    "<script>pwn(1)</script>",
    "<img src=x onerror=pwn(2) data-pwn>",
    '"><svg onload=pwn(3) data-pwn>',
    "' onmouseover='pwn(4)' data-pwn='",
    "javascript:pwn(5)",
    "</textarea></title><b data-pwn>6</b>",
    "{{ 7*7 }}{% if true %}pwn7{% endif %}",
    "[pwn8](javascript:pwn(8)) *em8* `code8` <http://pwn.example/>",
    "rlo\u202eevil\u202c ltr\u200f end",
    "long" + "x" * 4000,
    '=HYPERLINK("http://pwn.example","pwn11")',
    '</script><script>pwn(12)</script>"\u2028x',
]
META_FIELDS = ("title", "title_en", "issuer", "issuer_en", "date_note", "date_note_en", "description",
               "description_en")


def source(i: int, payload: str) -> str:
    return (f"{payload}についての報告\n\n令和７年３月１４日\n\n{payload}委員会\n\n"
            f"１．{payload}の総論\n\n　本文である。{payload}危険語{i}を含む。\n\n"
            f"２．各論\n\n・項目{payload}である。\n\n・危険語{i}の項目である。\n\n"
            "３．表\n\n項目 甲 乙\n\n行一 ○ △\n\n行二 △ ○\n\n行三 ○ ○\n")


def table(payload: str) -> dict:
    """A curated table of the source's ○/△ rows, its English all payload."""
    return {"id": "t", "section": "3", "caption": {"ja": "表", "en": payload},
            "row_header": {"ja": "項目", "en": payload},
            "columns": [{"ja": "甲", "en": payload}, {"ja": "乙", "en": "B"}],
            "symbols": {"○": {"ja": "有", "en": payload}, "△": {"ja": "一部", "en": "partly"}},
            "rows": [{"label": {"ja": label, "en": f"{payload} {n}"}, "cells": cells}
                     for n, (label, cells) in enumerate([("行一", "○ △"), ("行二", "△ ○"), ("行三", "○ ○")])]}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    src = tmp / "docs_src"
    terms = []
    for i, payload in enumerate(PAYLOADS):
        folder = src / f"doc-{i}"
        folder.mkdir(parents=True)
        (folder / "source.txt").write_text(source(i, payload), encoding="utf-8")
        short = payload[:400]                       # (within the schema's limits: longer is refused)
        meta = {field: short for field in META_FIELDS}
        meta["source_url"] = f"https://example.org/doc-{i}?q=a'b&x=1"      # (a quote and an ampersand)
        (folder / "meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
        (folder / "tables").mkdir()
        (folder / "tables" / "t.yml").write_text(yaml.safe_dump(table(short), allow_unicode=True), encoding="utf-8")
        terms.append({"id": f"pwn-{i}", "ja": f"危険語{i}", "reading": "きけんご", "en": f"term {short}",
                      "definition": {"ja": f"定義{short}", "en": f"definition {short}"},
                      "forms": [f"危険語{i}"], "en_forms": [f"term {payload}"[:80]]})
    (src / "glossary.yml").write_text(yaml.safe_dump({"link": "first-per-section", "terms": terms},
                                                     allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(tmp / "po-build"), "po"],
                   cwd=ROOT, check=True, capture_output=True)
    for i, payload in enumerate(PAYLOADS):
        po = polib.pofile(str(src / f"doc-{i}" / "en.po"), wrapwidth=0)
        for entry in po:
            lines = entry.msgid.split("\n")
            entry.msgstr = "\n".join(f"term {payload} {n}" for n, _ in enumerate(lines))
        po.save()
    return build_site(src, tmp / "out")


def pages(site):
    return sorted(site.rglob("*.html"))


def test_every_payload_reaches_the_tables_english_and_their_csv_as_text(hostile_site):
    import csv
    for i, payload in enumerate(PAYLOADS):
        page = BeautifulSoup((hostile_site / "en" / f"doc-{i}" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        table = page.select_one("figure.matrix-table table")
        assert table.caption.get_text() == payload[:400]
        assert table.select_one("tbody td")["data-col"] == payload[:400]      # (for the phone's cards)
        rows = list(csv.reader((hostile_site / "en" / f"doc-{i}" / "tables" / "t.csv").read_text(
            encoding="utf-8-sig").splitlines()))
        cell = payload[:400].replace("\u2028", "")                  # (a CSV cell carries no line separator)
        assert rows[1][0] in (f"{cell} 0", f"'{cell} 0")    # (a formula quoted)
        assert not any(cell[:1] in ("=", "@") for row in rows for cell in row)      # never a formula


def test_every_page_of_both_editions_is_built(hostile_site):
    assert len(pages(hostile_site)) >= 4 * len(PAYLOADS)
    for i in range(len(PAYLOADS)):
        assert (hostile_site / f"doc-{i}" / "index.html").is_file()
        assert (hostile_site / "en" / f"doc-{i}" / "index.html").is_file()


def test_no_element_attribute_or_url_comes_from_a_payload(hostile_site):
    found = []
    for path in pages(hostile_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for el in soup.find_all(True):
            where = f"{path.relative_to(hostile_site)}: <{el.name}>"
            if el.name in ("svg", "img", "b", "textarea") and ("data-pwn" in el.attrs or el.get("src") == "x"):
                found.append(where)
            for name, value in el.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if (name.startswith("on") and "pwn" in value) or "pwn" in name:     # (Material: onsubmit)
                    found.append(f"{where} {name}")
                if name in ("href", "src", "action") and re.match(r"\s*javascript:", value, re.I):
                    found.append(f"{where} {name}={value}")
            if el.name == "script" and el.get("type") == "application/json":      # (cite-data: JSON, no tag)
                json.loads(el.get_text())
                if "<" in el.get_text():
                    found.append(f"{where} json")
            elif el.name == "script" and "pwn(" in el.get_text():
                found.append(f"{where} script")
            if el.name in ("em", "code") and el.get_text() in ("em8", "code8"):
                found.append(f"{where} markdown")
    assert found == []


def test_the_payloads_are_shown_as_text(hostile_site):
    soup = BeautifulSoup((hostile_site / "doc-0" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text() == PAYLOADS[0] + " - 宇宙政策文書"                # (meta.yml's title)
    assert soup.select_one('meta[name="description"]')["content"] == PAYLOADS[0]
    assert "<script>pwn(1)</script>委員会" in soup.get_text()
    six = BeautifulSoup((hostile_site / "doc-6" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "{{ 7*7 }}{% if true %}pwn7{% endif %}" in six.get_text()           # no template ran
    nav = [a.get_text(" ", strip=True) for a in six.select("nav.md-nav a")]
    assert any(PAYLOADS[6] in text for text in nav)


def test_the_search_files_are_valid_scripts_and_hold_the_payload_as_text(hostile_site):
    texts = []
    for path in sorted((hostile_site / "search").rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        assert "</script" not in text.lower(), path
        if path.parent.name in ("e", "b", "u"):
            texts.append(json.loads("[" + text[text.index("(") + 1:text.rindex(")")] + "]"))
    assert PAYLOADS[1] in json.dumps(texts, ensure_ascii=False)


def test_a_citation_shows_its_payloads_literally(hostile_site, page):
    """cite-data parses as JSON and the dialog shows title and issuer as the editor wrote them."""
    i = PAYLOADS.index('</script><script>pwn(12)</script>"\u2028x')
    server, url = serve(hostile_site)
    try:
        page.goto(f"{url}/doc-{i}/")
        data = page.evaluate("JSON.parse(document.getElementById('cite-data').textContent)")
        assert data["title"] == data["issuer"] == PAYLOADS[i]
        page.locator("[data-seg] > .cite-button").first.click()
        page.wait_for_function("document.getElementById('cite-dialog').open")
        text = page.evaluate("document.getElementById('cite-text').textContent")
        assert f"{PAYLOADS[i]}「{PAYLOADS[i]}」" in text
        assert page.evaluate("typeof window.pwn") == "undefined" and page.locator("#cite-dialog script").count() == 0
    finally:
        server.shutdown()
