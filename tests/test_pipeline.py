"""The pipeline: per-document work (in workers, cached) gives what the corpus-wide checks give."""
from generator.diagnostics import Reporter
from generator.documents import discover, load_document
from generator.glossary import check_corpus
from generator.pipeline import Editions, Progress, load, load_catalog_of
from generator.segments import segments
from generator.urls import UrlStyle

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
    docs = [load_document(folder, Reporter(), src.parent) for folder in discover(src)]
    catalogs = {d.meta.slug: load_catalog_of(d, src, Reporter()) for d in docs}
    expected = Reporter()
    check_corpus(inputs.glossary, [(d, segments(d)) for d in docs], catalogs, expected)
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
    [result] = inputs.documents
    assert ("cross-waiver", "leo-activity-2025/4.md", "4-4",
            {"ja": "（４）政府（文部科学省等）：",
             "en": "(4) Government (Ministry of Education, Culture, Sports, Science and Technology (MEXT), etc.):"}
            ) in result.summary.usage
    cov = result.summary.coverage
    doc = load_document(src / "leo-activity-2025", Reporter(), src.parent)
    assert cov.total == len(segments(doc)) and cov.translated == cov.total
    assert result.artifacts["footnote-label"] == 20 and result.artifacts["page-label"] == 2


def test_each_worker_writes_its_documents_files_and_sends_back_only_their_paths(tmp_path):
    src = copy_docs(tmp_path / "src")
    out = tmp_path / "build"
    inputs = load(src, Reporter(), jobs=2, editions=Editions(out, UrlStyle(), {}))
    for result in inputs.documents:
        for code, output in result.summary.outputs.items():
            assert output.paths and all((out / "docs" / code / path).is_file() for path in output.paths)
            assert not hasattr(output, "files")                   # no page text travels back
    assert sorted(inputs.written) == sorted(out / "docs" / code / path for r in inputs.documents
                                             for code, o in r.summary.outputs.items() for path in o.paths)


def test_the_plan_then_each_document_then_each_edition_is_announced_as_soon_as_it_is_so(tmp_path, monkeypatch):
    from generator import workers
    monkeypatch.setattr(workers, "MIN_ITEMS", 1)              # two documents are enough to use the workers
    src = _flawed_corpus(tmp_path)
    sizes = {folder.name: (folder / "source.txt").stat().st_size for folder in discover(src)}
    for jobs in (1, 2):
        out, report, seen = tmp_path / f"build-{jobs}", Reporter(), []

        def files_of(lang, inputs, slug=None):
            return [out / "docs" / lang.code / path for r in inputs.documents for path in r.summary.outputs[lang.code].paths
                    if slug in (None, r.summary.meta.slug)]

        def planned(lang, inputs, order):
            navs = {r.summary.meta.slug: (r.summary.outputs[lang.code].title, r.summary.outputs[lang.code].nav)
                    for r in inputs.documents}
            seen.append(("planned", lang.code, order, navs, len(report.diagnostics)))

        def written(lang, slug):
            seen.append(("written", lang.code, slug))

        def edition_done(lang, inputs):
            complete = all(path.is_file() for path in files_of(lang, inputs))
            seen.append(("done", lang.code, complete, len(report.diagnostics)))
        inputs = load(src, report, jobs=jobs, editions=Editions(out, UrlStyle(), {}),
                      progress=Progress(planned, written, edition_done))
        kinds = [(event[0], event[1]) for event in seen]
        assert sorted(kinds) == sorted([("planned", "ja"), ("written", "ja"), ("written", "ja"), ("done", "ja"),
                                        ("written", "en"), ("written", "en"), ("done", "en")])
        # a document's pages may be written before the others are parsed, or its English ones before
        # the others' Japanese ones (workers go on with their own documents); each edition is done last
        assert kinds.index(("planned", "ja")) < kinds.index(("done", "ja")) < kinds.index(("done", "en"))
        assert max(i for i, kind in enumerate(kinds) if kind == ("written", "ja")) < kinds.index(("done", "ja"))
        assert kinds[-1] == ("done", "en")
        for slug in sizes:
            assert seen.index(("written", "ja", slug)) < seen.index(("written", "en", slug))
        _, _, order, navs, known = next(event for event in seen if event[0] == "planned")
        assert order == sorted(sizes, key=lambda slug: -sizes[slug])               # the costliest first
        assert navs == {r.summary.meta.slug: (r.summary.outputs["ja"].title, r.summary.outputs["ja"].nav)
                        for r in inputs.documents}                             # the pages as written later
        assert 0 < known < len(report.diagnostics)                             # the sources' problems, by then
        assert {event[2] for event in seen if event[0] == "written"} == set(sizes)
        done = [event[2:] for event in seen if event[0] == "done"]
        assert done == [(True, len(report.diagnostics))] * 2                   # every diagnostic known at the first
        assert all(set(r.summary.outputs) == {"ja", "en"} for r in inputs.documents)


def test_a_document_with_a_broken_translation_is_not_announced_as_written(tmp_path, monkeypatch):
    from generator import workers
    monkeypatch.setattr(workers, "MIN_ITEMS", 1)
    src = copy_docs(tmp_path / "src")
    po = src / "isecg-coordination" / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "', 'msgstr ', 1), encoding="utf-8")
    for jobs in (1, 2):
        written, report = [], Reporter()
        load(src, report, jobs=jobs, editions=Editions(tmp_path / f"build-{jobs}", UrlStyle(), {}),
             progress=Progress(written=lambda lang, slug: written.append((lang.code, slug))))
        assert any(d.code == "po-syntax" and d.file.endswith("isecg-coordination/en.po") for d in report.diagnostics)
        assert ("ja", "leo-activity-2025") in written and ("ja", "isecg-coordination") not in written
        assert not (tmp_path / f"build-{jobs}" / "docs" / "ja" / "isecg-coordination").exists()
