"""Generation: every document by one function (on worker processes or here, the same bytes either
way) gives what the corpus-wide checks give; a document with errors is not written."""
from generator.diagnostics import Reporter
from generator.parse.documents import discover, load_document
from generator.glossary.checks import check_corpus
from generator.render.pages import page_segments
from generator.generate.pipeline import Editions, load, load_catalog_of
from generator.translate.segments import segments
from generator.render.urls import UrlStyle

from helpers import SRC, copy_docs


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
    docs = [load_document(folder, Reporter(), src.parent) for folder in discover(src)]
    catalogs = {d.meta.slug: load_catalog_of(d, src, Reporter()) for d in docs}
    expected = Reporter()
    check_corpus(inputs.glossary, [(d, segments(d), page_segments(d)) for d in docs], catalogs, expected)
    assert found == expected.diagnostics
    assert {d.code for d in found} >= {"glossary-unused-form", "glossary-consistency"}


def test_diagnostics_come_documents_first_then_translations_then_glossary(tmp_path):
    src = _flawed_corpus(tmp_path)
    (src / "isecg-coordination" / "en.po").write_text(
        (src / "isecg-coordination" / "en.po").read_text(encoding="utf-8").replace('msgstr "Appendix 1:', 'msgstr "', 1),
        encoding="utf-8")
    for jobs in (1, 2):
        report = Reporter()
        load(src, report, jobs=jobs)
        kinds = [d.code.split("-")[0] for d in report.diagnostics]
        order = {"table": 0, "footnote": 0, "heading": 0, "bracket": 0, "list": 0, "note": 0, "translation": 1, "po": 1,
                 "glossary": 2}
        assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)
        assert {"table", "glossary"} <= set(kinds)


def test_terms_per_section_and_coverage_come_with_each_document(tmp_path):
    src = copy_docs(tmp_path / "src", ["leo-activity-2025"])
    (src / "glossary.yml").write_bytes((SRC / "glossary.yml").read_bytes())
    inputs = load(src, Reporter(), jobs=1)
    [result] = inputs.documents
    assert ("cross-waiver", "leo-activity-2025/4.md", "4-4",
            {"ja": "（４）政府（文部科学省等）：",
             "en": "(4) Government (Ministry of Education, Culture, Sports, Science and Technology (MEXT), etc.):"}
            ) in result.summary.usage
    cov = result.summary.coverage
    doc = load_document(src / "leo-activity-2025", Reporter(), src.parent)
    assert cov.total == len(segments(doc)) and cov.translated == cov.total
    assert result.artifacts["footnote-label"] == 20 and result.artifacts["sheet-label"] == 2


def test_every_document_is_written_by_a_worker_process_with_the_bytes_of_a_serial_run(tmp_path):
    src = copy_docs(tmp_path / "src")
    (src / "glossary.yml").write_bytes((SRC / "glossary.yml").read_bytes())
    runs = {}
    for jobs in (1, 2):
        out = tmp_path / f"build-{jobs}"
        inputs = load(src, Reporter(), jobs=jobs, editions=Editions(out, UrlStyle(), {}))
        for result in inputs.documents:
            assert set(result.summary.outputs) == {"ja", "en"}
            for code, output in result.summary.outputs.items():
                assert output.paths and all((out / "docs" / code / path).is_file() for path in output.paths)
        assert sorted(inputs.written) == sorted(out / "docs" / code / path for r in inputs.documents
                                                 for code, o in r.summary.outputs.items() for path in o.paths)
        runs[jobs] = {p.relative_to(out): p.read_bytes() for p in sorted((out / "docs").rglob("*")) if p.is_file()}
    assert runs[1] == runs[2] and len(runs[1]) > 20


def test_the_documents_are_processed_in_other_processes_with_more_than_one_job(tmp_path, monkeypatch):
    import os
    from generator.generate import pipeline
    src = copy_docs(tmp_path / "src")
    pids = tmp_path / "pids"
    pids.mkdir()
    real = pipeline.load_document

    def load_document(folder, report, root):
        (pids / f"{folder.name}-{os.getpid()}").touch()     # (the worker inherits the patched function)
        return real(folder, report, root)
    monkeypatch.setattr(pipeline, "load_document", load_document)
    load(src, Reporter(), jobs=2)
    seen = {path.name.rsplit("-", 1)[1] for path in pids.iterdir()}
    assert len(list(pids.iterdir())) == 2 and str(os.getpid()) not in seen


def test_a_document_with_a_broken_translation_is_not_written(tmp_path):
    src = copy_docs(tmp_path / "src")
    po = src / "isecg-coordination" / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "', 'msgstr ', 1), encoding="utf-8")
    for jobs in (1, 2):
        report, out = Reporter(), tmp_path / f"build-{jobs}"
        inputs = load(src, report, jobs=jobs, editions=Editions(out, UrlStyle(), {}))
        assert any(d.code == "po-syntax" and d.file.endswith("isecg-coordination/en.po") for d in report.diagnostics)
        assert [r.summary.meta.slug for r in inputs.documents if r.failed()] == ["isecg-coordination"]
        assert (out / "docs" / "ja" / "leo-activity-2025" / "index.md").is_file()
        assert not (out / "docs" / "ja" / "isecg-coordination").exists()
