"""The pipeline: per-document work (in workers, cached) gives what the corpus-wide checks give."""
from generator.diagnostics import Reporter
from generator.glossary import check_corpus
from generator.pipeline import load
from generator.segments import segments

from conftest import SRC, copy_docs


def _flawed_corpus(tmp_path):
    """The real documents with one inconsistent translation and one glossary form found nowhere."""
    src = copy_docs(tmp_path / "src")
    glossary = (SRC / "glossary.yml").read_text(encoding="utf-8")
    (src / "glossary.yml").write_text(glossary.replace("forms: [クロスウェーバー, 損害賠償請求権の相互放棄]",
                                                       "forms: [クロスウェーバー, 損害賠償請求権の相互放棄, 相互放棄協定]"),
                                      encoding="utf-8")
    po = src / "leo-activity-2025" / "en.po"
    text = po.read_text(encoding="utf-8")
    assert "the approach to the cross-waiver of liability" in text
    po.write_text(text.replace("the approach to the cross-waiver of liability", "the approach to mutual waivers"),
                  encoding="utf-8")
    return src


def test_per_document_glossary_checks_equal_the_corpus_check(tmp_path):
    src = _flawed_corpus(tmp_path)
    report = Reporter()
    inputs = load(src, report, jobs=1)
    found = [d for d in report.diagnostics if d.code.startswith("glossary-")]
    expected = Reporter()
    check_corpus(inputs.glossary, [(d, segments(d)) for d in inputs.docs], inputs.catalogs, expected)
    assert found == expected.diagnostics
    assert {d.code for d in found} == {"glossary-unused-form", "glossary-consistency"}


def test_diagnostics_come_documents_first_then_translations_then_glossary(tmp_path):
    src = _flawed_corpus(tmp_path)
    (src / "isecg-coordination" / "en.po").write_text(
        (src / "isecg-coordination" / "en.po").read_text(encoding="utf-8").replace('msgstr "Appendix 1:', 'msgstr "', 1),
        encoding="utf-8")
    for jobs in (1, 2):
        report = Reporter()
        load(src, report, jobs=jobs)
        kinds = [d.code.split("-")[0] for d in report.diagnostics]
        order = {"table": 0, "footnote": 0, "translation": 1, "po": 1, "glossary": 2}
        assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)
        assert {"table", "glossary"} <= set(kinds)


def test_terms_per_section_and_coverage_come_with_each_document(tmp_path):
    src = copy_docs(tmp_path / "src", ["leo-activity-2025"])
    (src / "glossary.yml").write_bytes((SRC / "glossary.yml").read_bytes())
    inputs = load(src, Reporter(), jobs=1)
    [usage] = inputs.usages
    assert ("cross-waiver", "leo-activity-2025/3.md") in {(term, page) for term, page, _ in usage}
    [cov] = inputs.coverages
    assert cov.total == len(segments(inputs.docs[0])) and cov.translated == cov.total
