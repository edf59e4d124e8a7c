"""Citation labels: each passage's anchor gets its section's number as printed and its place there."""
import json

from generator.render.citations import label_text
from generator.render.escape import json_script
from generator.render.languages import Language, format_date
from generator.render.side_by_side import passage_labels


def test_labels_number_paragraphs_within_their_section(seed_docs):
    leo_doc = seed_docs[0]["leo-activity-2025"]
    ja = passage_labels(leo_doc, Language("ja"))
    en = passage_labels(leo_doc, Language("en"))
    assert ja["3-1"] == ["3.(1)"]
    assert ja["3-1-p1-i1"] == ["3.(1)", "¶1"] and ja["3-1-p2"][-1] == "¶4"
    assert set(ja) == set(en)
    assert any(a.startswith("fn:") for a in ja)
    katakana = [a for a, p in ja.items() if "ア)" in p[0]]
    assert katakana and en[katakana[0]][0].endswith("(a)")
    assert label_text(ja["3-1-p2"], Language("ja")) == "3.(1) 第4段落"
    assert label_text(en["3-1-p2"], Language("en")) == "3.(1), para. 4"


def test_script_json_cannot_close_the_script():
    script = json_script("x", {"t": '</script><script>alert(1)</script>"&\u2028\u2029'})
    text = script.removeprefix('<script type="application/json" id="x">').removesuffix("</script>")
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text)["t"] == '</script><script>alert(1)</script>"&\u2028\u2029'


def test_dates_as_each_edition_writes_them():
    assert format_date("2025-02-12", Language("en")) == "February 12, 2025"
    assert format_date("2025-02-12", Language("ja")) == "2025年2月12日"
    assert format_date("", Language("en")) == "" and format_date("令和７年", Language("en")) == "令和７年"
