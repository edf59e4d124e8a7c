"""Incremental generation: nothing changed → nothing rewritten; one edit → only its pages."""
import os
import re
import shutil
import subprocess
import sys

import polib

from helpers import ROOT, SRC, copy_docs


def generate(src, out, *extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(out), "generate", *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return done.stderr


def snapshot(out):
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (out / "docs").rglob("*") if p.is_file()}


def test_no_op_and_one_file_change(tmp_path):
    src = copy_docs(tmp_path / "src")
    (src / "glossary.yml").write_bytes((SRC / "glossary.yml").read_bytes())
    out = tmp_path / "build"
    first = generate(src, out)
    assert int(re.search(r"(\d+) file\(s\) rewritten", first).group(1)) > 30
    before = snapshot(out)
    again = generate(src, out)
    assert "nothing changed, 0 file(s) rewritten" in again
    assert "table-partial" in again                        # diagnostics are replayed, not lost
    assert snapshot(out) == before

    po = polib.pofile(str(src / "isecg-coordination" / "en.po"), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == "6-p3")
    entry.msgstr = entry.msgstr.replace("In particular", "Specifically")
    po.save(str(src / "isecg-coordination" / "en.po"))
    generate(src, out)
    after = snapshot(out)
    changed = sorted(str(p.relative_to(out / "docs")) for p in after if before[p] != after[p])
    pages = [path for path in changed if not path.startswith("en/search/")]
    concordance = [path for path in pages if path.startswith("ja/search/")]        # (the English beside the Japanese)
    assert [path for path in pages if path not in concordance] == [
        "en/isecg-coordination/index.md", "en/isecg-coordination/parallel.md",
        "ja/exports/isecg-coordination.json", "ja/exports/isecg-coordination.tmx",     # (the English in them)
        "ja/isecg-coordination/parallel.md"]
    assert len(concordance) == 1 and concordance[0].startswith("ja/search/s/")      # one file of segments
    search = [path for path in changed if path.startswith("en/search/")]       # the entry's text and its pairs
    assert [path for path in search if path.startswith("en/search/e/")] and "en/search/manifest.js" not in search


def test_cached_parses_replay_their_diagnostics_and_edits_are_reparsed(tmp_path):
    src = copy_docs(tmp_path / "src", ["isecg-coordination"])
    out = tmp_path / "build"
    cold = generate(src, out, "--force")
    warm = generate(src, out, "--force")
    assert cold.splitlines()[:-1] == warm.splitlines()[:-1]   # same diagnostics from the cache
    assert list((out / "cache").glob("*.pickle"))
    source = src / "isecg-coordination" / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("６．まとめ", "６．総括"), encoding="utf-8")
    generate(src, out)
    assert "６．総括" in (out / "docs" / "ja" / "isecg-coordination" / "index.md").read_text(encoding="utf-8")


def _corpus(dest, n):
    """n documents: copies of the real ones under new names."""
    dest.mkdir(parents=True)
    (dest / "glossary.yml").write_bytes((SRC / "glossary.yml").read_bytes())
    real = sorted(p.parent for p in SRC.glob("*/source.txt"))
    for i in range(n):
        shutil.copytree(real[i % len(real)], dest / f"{real[i % len(real)].name}-{i}")
    return dest


def files(out):
    return {str(p.relative_to(out)): p.read_bytes() for p in (out / "docs").rglob("*") if p.is_file()} | \
        {str(p.relative_to(out)): p.read_bytes() for p in (out / "nav").rglob("*") if p.is_file()}


def test_worker_processes_write_the_same_bytes_as_one_process(tmp_path):
    src = _corpus(tmp_path / "src", 8)
    serial = generate(src, tmp_path / "one", "--jobs", "1")
    parallel = generate(src, tmp_path / "two", "--jobs", "2")
    assert files(tmp_path / "one") == files(tmp_path / "two")
    assert serial.splitlines()[:-1] == parallel.splitlines()[:-1]          # the same diagnostics, in order
    assert len(files(tmp_path / "one")) > 8 * 10


def test_an_edit_redoes_only_its_document_and_a_glossary_edit_redoes_all(tmp_path):
    src = _corpus(tmp_path / "src", 8)
    out = tmp_path / "build"
    generate(src, out)
    cache = set((out / "cache").glob("*.pickle"))
    assert len(cache) == 8                                  # one entry per document
    po = polib.pofile(str(src / "isecg-coordination-0" / "en.po"), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == "6-p3")
    entry.msgstr = entry.msgstr.replace("In particular", "Specifically")
    po.save(str(src / "isecg-coordination-0" / "en.po"))
    generate(src, out)
    assert len(set((out / "cache").glob("*.pickle")) - cache) == 1
    assert len(list((out / "cache").glob("*.pickle"))) == 8      # the edited document's old entry is gone
    assert "Specifically" in (out / "docs" / "en" / "isecg-coordination-0" / "index.md").read_text(encoding="utf-8")

    glossary = (src / "glossary.yml").read_text(encoding="utf-8")
    assert "en: cross-waiver of liability" in glossary
    (src / "glossary.yml").write_text(glossary.replace("en: cross-waiver of liability", "en: mutual waiver of liability"),
                                      encoding="utf-8")
    before = set((out / "cache").glob("*.pickle"))
    generate(src, out)
    assert len(set((out / "cache").glob("*.pickle")) - before) == 8
    page = (out / "docs" / "en" / "leo-activity-2025-1" / "3.md").read_text(encoding="utf-8")
    assert "mutual waiver of liability: " in page and "cross-waiver of liability: " not in page   # tooltips


def test_the_garbage_collector_is_paused_for_one_command_only(tmp_path):
    import gc
    from generator.cli import main
    src = copy_docs(tmp_path / "src", ["isecg-coordination"])
    assert gc.isenabled()
    assert main(["--src", str(src), "--out", str(tmp_path / "build"), "generate"]) == 0
    assert gc.isenabled()


def test_an_edit_that_keeps_the_size_is_seen_and_a_touch_rewrites_nothing(tmp_path):
    src = copy_docs(tmp_path / "src", ["isecg-coordination"])
    out = tmp_path / "build"
    generate(src, out)
    po = src / "isecg-coordination" / "en.po"
    text = po.read_text(encoding="utf-8")
    assert "In particular" in text
    po.write_text(text.replace("In particular", "In Particular"), encoding="utf-8")     # same size
    assert "nothing changed" not in generate(src, out)
    assert "In Particular" in (out / "docs" / "en" / "isecg-coordination" / "index.md").read_text(encoding="utf-8")
    before = snapshot(out)
    os.utime(po)                                                    # saved again, unchanged
    touched = generate(src, out)
    assert "nothing changed" not in touched and " 0 file(s) rewritten" in touched
    assert snapshot(out) == before


def test_a_cached_document_whose_pages_were_edited_or_removed_is_made_anew(tmp_path):
    src = _corpus(tmp_path / "src", 2)
    out = tmp_path / "build"
    generate(src, out)
    good = files(tmp_path / "build")
    edited = out / "docs" / "en" / "isecg-coordination-0" / "index.md"
    removed = out / "docs" / "ja" / "leo-activity-2025-1" / "3.md"
    edited.write_text("edited by hand", encoding="utf-8")
    removed.unlink()
    before = snapshot(out)
    done = generate(src, out, "--force")                     # every document's inputs are in the cache
    assert " 2 file(s) rewritten" in done
    assert files(out) == good
    after = snapshot(out)
    assert sorted(p for p in after if before.get(p) != after[p]) == sorted([edited, removed])   # no other file


def test_files_no_longer_produced_are_removed_from_both_editions(tmp_path):
    src = _corpus(tmp_path / "src", 2)
    out = tmp_path / "build"
    generate(src, out)
    gone = [out / "docs" / lang / "leo-activity-2025-1" / "index.md" for lang in ("ja", "en")]
    stray = out / "docs" / "ja" / "by-hand.md"
    other = out / "docs" / "ja" / "picture.png"                   # not a kind the generator writes
    assert all(p.exists() for p in gone)
    stray.write_text("left here", encoding="utf-8")
    other.write_bytes(b"png")
    shutil.rmtree(src / "leo-activity-2025-1")
    done = generate(src, out)
    assert not any(p.exists() for p in gone) and not stray.exists()
    assert not list((out / "docs" / "ja" / "leo-activity-2025-1").rglob("*.md"))
    assert other.exists()
    assert "leo-activity-2025-1" not in (out / "nav" / "en.json").read_text(encoding="utf-8")
    assert "1 document(s)" in done
