"""The outline an editor asks for: every part of a document in source order, with the rule that
recognised it — headings with level and anchor, notes with the lines that reference them, tables,
the title block, and the artifacts by kind."""
import os
import subprocess
import sys

from generator.parse.outline import outline

from helpers import ROOT, parse, raw


def test_each_unit_is_recorded_with_the_rule_that_decided_it():
    doc = parse(raw("題名", "１．総論", "・項目である。", "（１）細目", "本文である。"))
    assert [(d.line, d.rule, d.made) for d in doc.decisions] == [
        (3, "heading: number-period", "1"), (5, "bullet", "1-p1-i1"), (7, "heading: parenthesised-number", "1-1"),
        (9, "paragraph", "1-1-p1")]


def test_the_outline_of_the_seed_report_names_headings_notes_tables_and_artifacts(seed_docs):
    docs, _ = seed_docs
    text = outline(docs["leo-activity-2025"])
    lines = text.splitlines()
    assert lines[0].startswith("docs_src/leo-activity-2025/source.txt: outline")
    assert any("title block: title" in line and "我が国の地球低軌道活動" in line for line in lines)
    assert any("heading L4 #3-3-1-a  [heading: katakana-paren]  ア）ＪＡＸＡの科学研究" in line for line in lines)
    assert any("curated table (lines" in line and "[table]" in line for line in lines)
    assert sum(1 for line in lines if " note [" in line) == len(docs["leo-activity-2025"].footnotes)
    assert any(line.startswith("artifacts: sheet-label: line(s) ") for line in lines)
    headings = [line for line in lines if "  heading L" in line]
    assert [int(line.split()[0]) for line in headings] == sorted(int(line.split()[0]) for line in headings)


def test_the_outline_command_prints_it_and_names_a_missing_document():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "generator", "outline", "isecg-coordination"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "heading L2 #2-1  [heading: circled-number]  ①宇宙探査の共通目的" in done.stdout
    assert "  139  table read in part (9 of 14 rows' columns unknown) (lines 139–170)  [table]" in done.stdout
    missing = subprocess.run([sys.executable, "-m", "generator", "outline", "no-such-doc"], cwd=ROOT, env=env,
                             capture_output=True, text=True)
    assert missing.returncode == 1 and "outline: error: no document 'no-such-doc'" in missing.stderr
