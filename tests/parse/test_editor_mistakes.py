"""Editors' mistakes, and hostile files, get one `file:line: level: message [code]` saying what to do,
never a traceback, and `check` fails on them: each probe of the untrusted-input review, as the
editor would meet it. (What reaches the pages is escaped: tests/publish/test_hostile_input.py.)"""
import os
import subprocess
import sys

import pytest

from helpers import ROOT

SOURCE = "題名である\n\n１．総論\n\n本文である。\n\n２．各論\n\n・項目である。\n"
GLOSSARY = ("terms:\n  - id: soron\n    ja: 総論\n    reading: そうろん\n    en: general remarks\n"
            "    definition: {ja: 総論の定義, en: the definition}\n    forms: [総論]\n")
TABLE = ("id: t\nsection: '1'\ncaption: {ja: 表, en: Table}\nrow_header: {ja: 項目, en: Item}\n"
         "columns: [{ja: 甲, en: A}]\nsymbols: {○: {ja: 有, en: yes}}\nrows:\n  - {label: {ja: 行, en: Row}, cells: ○}\n")


def project(tmp_path, files: dict[str, str | bytes]):
    """A documents folder with one valid document and glossary, then `files` written over it."""
    src = tmp_path / "docs_src"
    base = {"doc/source.txt": SOURCE, "doc/meta.yml": "title_en: Title\n", "glossary.yml": GLOSSARY}
    for name, content in {**base, **files}.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            continue
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return src


def run(src, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(src.parent / "build"),
                           *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def check(tmp_path, files, *args):
    done = run(project(tmp_path, files), "check", *args)
    assert "Traceback" not in done.stderr, done.stderr
    return done


PROBES = {
    # metadata
    "unquoted impossible date": ({"doc/meta.yml": "date: 2025-13-45\n"},
                                 "docs_src/doc/meta.yml:1: error: date: a real date as \"YYYY-MM-DD\""),
    "quoted impossible date": ({"doc/meta.yml": "date: '2025-02-30'\n"}, "docs_src/doc/meta.yml:1: error: date: a real date"),
    "value that is not a text": ({"doc/meta.yml": "title_en: Title\ntitle: [a, b]\n"},
                                 "docs_src/doc/meta.yml:2: error: title must be a text"),
    "metadata in latin-1": ({"doc/meta.yml": "title: caf\xe9\n".encode("latin-1")},
                            "docs_src/doc/meta.yml:1: error: the file is not UTF-8"),
    "unknown key": ({"doc/meta.yml": "title_en: T\ntitel: x\n"}, "docs_src/doc/meta.yml:1: error: the top level: unknown key 'titel'"),
    "duplicate key": ({"doc/meta.yml": "title_en: A\ntitle_en: B\n"},
                      "docs_src/doc/meta.yml:2: error: key 'title_en' is given twice (first at line 1)"),
    "javascript: source URL": ({"doc/meta.yml": "source_url: 'javascript:alert(1)'\n"},
                               "docs_src/doc/meta.yml:1: error: source_url: an http:// or https:// address"),
    "YAML nested 100,000 deep": ({"doc/meta.yml": "title: " + "[" * 100_000 + "]" * 100_000 + "\n"},
                                 "docs_src/doc/meta.yml:1: error: the data nests deeper than 20 levels"),
    "alias bomb": ({"glossary.yml": "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\nterms: []\n"},
                   "docs_src/glossary.yml:1: error: anchors and aliases (&name, *name) are not allowed"),
    "NUL in YAML": ({"doc/meta.yml": "title_en: a\x00b\n"}, "docs_src/doc/meta.yml:1: error: the file holds a NUL character"),
    # glossary
    "definition given as a string": ({"glossary.yml": GLOSSARY.replace("{ja: 総論の定義, en: the definition}", "定義")},
                                     "docs_src/glossary.yml:6: error: terms[0].definition must be a mapping"),
    "terms as a map": ({"glossary.yml": "terms:\n  soron: {ja: 総論}\n"}, "docs_src/glossary.yml:2: error: terms must be a list"),
    "forms as a string": ({"glossary.yml": GLOSSARY.replace("forms: [総論]", "forms: 総論")},
                          "docs_src/glossary.yml:7: error: terms[0].forms must be a list"),
    "link: sometimes": ({"glossary.yml": "link: sometimes\n" + GLOSSARY},
                        "docs_src/glossary.yml:1: error: link: which occurrences link: first-per-section or all"),
    "glossary id with a quote": ({"glossary.yml": GLOSSARY.replace("id: soron", "id: 'a\" onmouseover=\"x'")},
                                 "docs_src/glossary.yml:2: error: terms[0].id: lower-case letters a–z"),
    "glossary in latin-1": ({"glossary.yml": GLOSSARY.replace("総論", "soron").replace("そうろん", "s").replace(
        "の定義", "").encode("utf-8") + "# caf\xe9\n".encode("latin-1")}, "docs_src/glossary.yml:8: error: the file is not UTF-8"),
    "a name split at its commas": ({"glossary.yml": GLOSSARY.replace("en: general remarks", "en: 'Ministry of A, B and C'")
                                    + "    en_forms: [Ministry of A, B and C]\n"},
                                   "docs_src/glossary.yml:2: error: term 'soron': the English forms 'Ministry of A', "
                                   "'B and C' are one name split at its commas"),
    # tables
    "span: three": ({"doc/tables/t.yml": TABLE + "groups: [{ja: 群, en: G, span: three}]\n"},
                    "docs_src/doc/tables/t.yml:9: error: groups[0].span: a whole number such as 3"),
    "an empty table file": ({"doc/tables/t.yml": ""}, "docs_src/doc/tables/t.yml:1: error: the top level must be a mapping"),
    "a list-shaped table file": ({"doc/tables/t.yml": "- a\n- b\n"},
                                 "docs_src/doc/tables/t.yml:1: error: the top level must be a mapping"),
    "a table id that is a path": ({"doc/tables/t.yml": TABLE.replace("id: t", "id: ../../../../tmp/x")},
                                  "docs_src/doc/tables/t.yml:1: error: id: lower-case letters a–z"),
    # translations
    "en.po that is a directory": ({"doc/en.po/x": "x"}, "docs_src/doc/en.po:1: error: the translation file is a symbolic "
                                                         "link or not a file"),
    # sources
    "source in latin-1": ({"doc/source.txt": SOURCE.encode("utf-8") + "caf\xe9\n".encode("latin-1")},
                          "docs_src/doc/source.txt:10: error: the source text is not UTF-8"),
}


@pytest.mark.parametrize("name", PROBES)
def test_each_mistake_is_one_message_at_its_line(tmp_path, name):
    files, expected = PROBES[name]
    done = check(tmp_path, files)
    assert done.returncode == 1
    assert any(line.startswith(expected) and line.endswith("]") for line in done.stderr.splitlines()), done.stderr


@pytest.mark.parametrize("folder", ["en", "glossary", "assets", "status", ".hidden", "..x", "a#b?c", "Upper", "空白 名"])
def test_folder_names_that_cannot_be_addresses_or_are_the_sites_own_are_refused(tmp_path, folder):
    done = check(tmp_path, {f"{folder}/source.txt": SOURCE})
    assert done.returncode == 1
    assert f"docs_src/{folder}/source.txt:1: error: the folder name '{folder}'" in done.stderr


def test_a_symbolic_link_to_a_file_outside_is_refused_and_nothing_of_it_published(tmp_path):
    src = project(tmp_path, {"doc/source.txt": None})
    (src / "doc" / "source.txt").symlink_to("/etc/passwd")
    done = run(src, "check")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "docs_src/doc/source.txt:1: error: source.txt is a symbolic link; commit the files themselves" in done.stderr
    assert "root:" not in done.stderr


def test_a_deleted_glossary_is_a_warning_that_stops_a_strict_check(tmp_path):
    src = project(tmp_path, {})
    (src / "glossary.yml").unlink()
    assert run(src, "check").returncode == 0
    done = run(src, "check", "--strict")
    assert done.returncode == 1 and "docs_src/glossary.yml:1: warning: there is no glossary" in done.stderr


def test_make_po_never_loses_a_translation(tmp_path):
    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          'msgctxt "1"\nmsgid "１．総論"\nmsgstr "1. General Remarks"\n\n'
          'msgctxt "1"\nmsgid "１．総論"\nmsgstr ""\n')
    src = project(tmp_path, {"doc/en.po": po})
    done = run(src, "po")
    assert done.returncode == 1 and "docs_src/doc/en.po:9: error: segment 1 has two entries (the first at line 5)" in done.stderr
    assert (src / "doc" / "en.po").read_text(encoding="utf-8") == po            # untouched
    broken = project(tmp_path / "b", {"doc/source.txt": SOURCE.encode("utf-8") + b"\xff\n",
                                      "doc/en.po": po.split("\n\nmsgctxt \"1\"\nmsgid \"１．総論\"\nmsgstr \"\"")[0]})
    kept = (broken / "doc" / "en.po").read_bytes()
    done = run(broken, "po")
    assert done.returncode == 1 and "left unchanged because of the errors above" in done.stderr
    assert (broken / "doc" / "en.po").read_bytes() == kept


def test_every_probe_leaves_check_without_a_traceback():
    assert len(PROBES) >= 20
