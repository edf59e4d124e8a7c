"""Nothing of the source is lost: every character reaches the Japanese pages, in order,
or is an artifact that the generator classified on purpose."""
import pytest
from bs4 import BeautifulSoup

from generator.parse.faithfulness import measure
from generator.render.languages import Language
from generator.render.pages import render_document

from helpers import SRC, reading_text


def rendered_text(site, pages):
    """Running text of the pages in reading order (the side-by-side page repeats the text: it is not
    part of the reading order), and each note's text by number."""
    return reading_text(
        BeautifulSoup((site / page.path.removesuffix("index.md").removesuffix(".md") / "index.html")
                      .read_text(encoding="utf-8"), "html.parser").select_one("article")
        for page in pages if page.anchor != "parallel")


@pytest.mark.parametrize("slug", [p.name for p in sorted(SRC.glob("*/source.txt")) for p in [p.parent]])
def test_source_characters_are_preserved_in_order(slug, seed_docs, built_site):
    docs, _ = seed_docs
    doc = docs[slug]
    text = (SRC / slug / "source.txt").read_text(encoding="utf-8")
    body, notes = rendered_text(built_site, render_document(doc, Language("ja")))
    report = measure(text, doc, body, notes)
    print(f"{slug}: {report.preserved_chars}/{report.source_chars - report.artifact_chars} preserved "
          f"({report.share:.4%}), {report.artifact_chars} artifact characters")
    assert report.missing == []
    assert report.extra == []
    assert report.share == 1.0


def test_the_measure_notices_a_lost_character(seed_docs, built_site):
    docs, _ = seed_docs
    doc = docs["isecg-coordination"]
    text = (SRC / "isecg-coordination" / "source.txt").read_text(encoding="utf-8")
    body, notes = rendered_text(built_site, render_document(doc, Language("ja")))
    damaged = body.replace("ロバスト性", "ロバスト", 1)
    report = measure(text, doc, damaged, notes)
    assert report.missing == ["性"] and report.share < 1.0
