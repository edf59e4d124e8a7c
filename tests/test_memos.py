"""Memos: an answer is computed once per document, and forgotten when the next one starts."""
from generator.memos import Memo, next_document, per_document


def test_a_function_answers_from_memory_until_the_next_document():
    calls = []

    @per_document
    def shout(text):
        calls.append(text)
        return text.upper()

    assert shout("iss") == "ISS" and shout("iss") == "ISS"
    assert calls == ["iss"]
    next_document()
    assert shout("iss") == "ISS"
    assert calls == ["iss", "iss"]


def test_a_table_is_emptied_at_the_next_document():
    table = Memo()
    table["地球低軌道"] = [(0, 5, "leo")]
    next_document()
    assert table == {}


def test_the_glossary_matcher_forgets_the_texts_of_the_previous_document():
    from generator.glossary.matcher import Matcher
    matcher = Matcher([("クロスウェーバー", "cross-waiver")])
    assert matcher.find("クロスウェーバーの扱い") == [(0, 8, "cross-waiver")]
    assert "クロスウェーバーの扱い" in matcher.memo
    next_document()
    assert not matcher.memo
