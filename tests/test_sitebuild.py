"""The full build in one run: the same site as the generator and `mkdocs build` per edition;
generation beside MkDocs' start, and its failures, MkDocs' warnings and broken configurations
stop the build with the file named."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.sitebuild import Background, build

from conftest import ROOT, SRC, build_site, copy_docs, eventually


def small_project(root: Path, page: str, strict: bool) -> Path:
    """A MkDocs project of one page (MkDocs' own theme: nothing of ours involved)."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(f"site_name: t\nstrict: {'true' if strict else 'false'}\n", encoding="utf-8")
    return config


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_one_process_writes_the_site_mkdocs_build_writes_per_edition(tmp_path):
    src = copy_docs(tmp_path / "src", ["isecg-coordination"])
    shutil.copy(SRC / "glossary.yml", src / "glossary.yml")
    env = {"SOURCE_DATE_EPOCH": "1739318400"}
    ours = build_site(src, tmp_path / "out", env=env)
    theirs = tmp_path / "mkdocs-site"
    for lang, site_dir in (("ja", theirs), ("en", theirs / "en")):
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "out" / f"mkdocs.{lang}.yml"),
                        "-d", str(site_dir)], check=True, cwd=ROOT, capture_output=True,
                       env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env))
    expected = files(theirs)
    assert len(expected) > 40 and "en/index.html" in expected
    assert files(ours) == expected


def test_a_mkdocs_warning_stops_a_strict_build_naming_the_config(tmp_path, capfd):
    config = small_project(tmp_path, "# A\n\n[x](missing.md)\n", strict=False)
    status, _ = build(lambda tell: 0, [config], strict=True, docs_dirs={})
    err = capfd.readouterr().err
    assert status == 1
    assert "WARNING" in err and "missing.md" in err                 # what and where
    assert f"{config}: error: MkDocs stopped" in err


def test_without_strict_the_warning_is_shown_and_the_site_built(tmp_path, capfd):
    config = small_project(tmp_path, "# A\n\n[x](missing.md)\n", strict=False)
    status, _ = build(lambda tell: 0, [config], strict=False, docs_dirs={})
    assert status == 0
    assert "missing.md" in capfd.readouterr().err
    assert (tmp_path / "site" / "index.html").exists()


def test_a_broken_config_is_reported_with_its_file_and_later_editions_are_not_built(tmp_path, capfd):
    bad = tmp_path / "bad" / "mkdocs.yml"
    bad.parent.mkdir()
    bad.write_text("site_name: t\nnav: [x\n", encoding="utf-8")
    good = small_project(tmp_path / "good", "# A\n", strict=True)
    status, _ = build(lambda tell: 0, [bad, good], strict=True, docs_dirs={})
    err = capfd.readouterr().err
    assert status == 1
    assert f"{bad}: error:" in err and "line 3" in err
    assert not (tmp_path / "good" / "site").exists()


def test_generation_runs_in_another_process_and_its_status_and_time_come_back(tmp_path):
    marker = tmp_path / "pid"

    def generate(tell):
        marker.write_text(str(os.getpid()))
        time.sleep(0.2)
        return 3
    generation = Background(generate)
    status = generation.until()
    assert (status, int(marker.read_text()) != os.getpid()) == (3, True)
    assert 0.2 <= generation.took < 5 and generation.waited <= generation.took + 0.05


def test_a_generation_that_fails_or_crashes_stops_the_build_before_mkdocs(tmp_path, capfd):
    config = small_project(tmp_path, "# A\n", strict=True)

    def crash(tell):
        raise RuntimeError("a bug in a stage")
    for generate, background in ((lambda tell: 1, True), (crash, True), (lambda tell: 1, False)):
        status, _ = build(generate, [config], strict=True, docs_dirs={"ja": tmp_path / "made"}, background=background)
        assert status == 1
        assert not (tmp_path / "site").exists()
    assert "RuntimeError: a bug in a stage" in capfd.readouterr().err
    assert (tmp_path / "made").is_dir()                  # the docs_dir exists before MkDocs reads the config


def test_each_edition_is_built_as_soon_as_it_is_written_while_generation_goes_on(tmp_path):
    ja = small_project(tmp_path / "ja", "# ja\n", strict=True)
    en = small_project(tmp_path / "en", "# en\n", strict=True)
    docs = {"ja": tmp_path / "ja" / "docs", "en": tmp_path / "en" / "docs"}

    def generate(tell):
        """The Japanese edition is ready; the English one only once the Japanese site is built."""
        tell("edition ja", "")
        built = tmp_path / "ja" / ".site.building" / "index.html"     # (published once everything is built)
        if not eventually(built.exists):
            return 5                                  # MkDocs waited for the end: it would never come
        tell("edition en", "")
        return 0
    status, timing = build(generate, [ja, en], strict=True, docs_dirs=docs)
    assert status == 0
    assert (tmp_path / "en" / "site" / "index.html").exists()
    assert timing.waited < timing.generation


def test_a_generation_failing_after_an_edition_was_built_stops_the_build(tmp_path, capfd):
    ja = small_project(tmp_path / "ja", "# ja\n", strict=True)
    en = small_project(tmp_path / "en", "# en\n", strict=True)
    docs = {"ja": tmp_path / "ja" / "docs", "en": tmp_path / "en" / "docs"}

    (tmp_path / "ja" / "site").mkdir()
    (tmp_path / "ja" / "site" / "index.html").write_text("the site as last published")

    def generate(tell):
        tell("edition ja", "")
        eventually((tmp_path / "ja" / ".site.building" / "index.html").exists)     # (the Japanese edition built meanwhile)
        raise RuntimeError("the English edition broke")
    status, _ = build(generate, [ja, en], strict=True, docs_dirs=docs)
    assert status == 1
    assert "RuntimeError: the English edition broke" in capfd.readouterr().err
    assert not (tmp_path / "en" / "site").exists()
    assert (tmp_path / "ja" / "site" / "index.html").read_text() == "the site as last published"   # left as it was
    assert not (tmp_path / "ja" / ".site.building").exists()
