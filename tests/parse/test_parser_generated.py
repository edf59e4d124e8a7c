"""The parser on generated inputs: it never crashes and never loses text."""
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.parse.faithfulness import measure
from generator.model import (BlockTitle, FlattenedTable, ItemList, MemberList, Paragraph, RunInTitle, Section,
                             plain_text)

from helpers import parse

PIECES = ["・", "※", "【", "】", "（", "）", "１．", "（１）", "①", "ア）", "▼", "○", "◎", "△", " ", "  ", "[1]", "[2]",
          "[3]", "。", "、", "地球低軌道", "ＩＳＳ", "ISS", "https://x.jp/a-", "b.pdf", "16", "付録１", "<", "&", "*",
          "_", "#", "|", "1.", "石 井", "ア", "本文", "が", "である", "\u3000"]

line = st.lists(st.sampled_from(PIECES), min_size=0, max_size=8).map("".join)
document = st.lists(st.tuples(line, st.sampled_from(["\n\n", "\n", "\n\n\n"])), min_size=1, max_size=30).map(
    lambda parts: "".join(l + sep for l, sep in parts))


def model_text(doc):
    """The text a reader gets from the model, in reading order, and each note's text."""
    out = [f.text for f in doc.title_block.fields]

    def visit(blocks):
        for b in blocks:
            if isinstance(b, Section):
                out.append(plain_text(b.title))
                visit(b.children)
            elif isinstance(b, ItemList):
                for item in b.items:
                    out.append(plain_text(item.inlines))
                    visit(item.children)
            elif isinstance(b, (Paragraph, BlockTitle, RunInTitle)):
                out.append(plain_text(b.inlines))
            elif isinstance(b, FlattenedTable):
                out.extend(b.lines)
            elif isinstance(b, MemberList):
                out.extend(m.mark + m.name + m.affiliation for m in b.members)
    visit(doc.preamble)
    visit(doc.sections)
    notes = {n: "".join(plain_text(l) for l in f.lines) for n, f in doc.footnotes.items()}
    return "".join(out), notes


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_no_crash_and_nothing_lost(text):
    doc = parse(text)
    body, notes = model_text(doc)
    report = measure(text, doc, body, notes)
    assert report.missing == [], (text, report.missing)
    assert report.extra == [], (text, report.extra)
