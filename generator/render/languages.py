"""The languages of the site and their interface strings.

In:  a language code and, for translations, the documents' catalogs.
Out: `Language` objects the renderer asks for labels and for the text of each
     segment in that language (with its `SegmentState`: source, translated, fuzzy,
     untranslated).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..translate.catalog import Catalog, SegmentState
from .urls import UrlStyle

SOURCE_LANG = "ja"
LANGUAGES = (SOURCE_LANG, "en")         # the editions, the source's first (its build empties the site folder)

LABELS = {
    "ja": {
        "site_name": "宇宙政策文書",
        "home_title": "宇宙政策文書",
        "home_intro": "我が国の宇宙政策に関する審議会等の文書を、原文テキストから忠実に組版して公開しています。"
                      "各文書は英語訳と対訳表示でも読めます。",
        "documents": "収録文書",
        "overview": "表紙・目次",
        "side_by_side": "対訳表示",
        "side_by_side_intro": "原文（日本語）と英語訳を段落ごとに並べて表示します。各組の番号は引用用のリンクです。",
        "flattened_table": "この表は原文の抽出テキストのまま表示しています（表の整形は未対応）。",
        "partial_table": "抽出テキストから再構成した表（一部の行は列の位置を復元できません）",
        "unplaced": "（列の位置は抽出テキストから復元できません）",
        "member_mark": "役職", "member_name": "氏名", "member_affiliation": "所属",
        "backref": "本文の参照箇所へ戻る",
        "contents": "目次", "doc_contents": "この文書の目次", "provenance": "出典", "issuer": "発行", "date": "日付", "original": "原本",
        "no_original": "原本の所在は本文に記載がありません",
        "footnotes": "脚注",
        "untranslated": "未翻訳", "fuzzy": "翻訳が古い可能性があります",
        "pending": "翻訳作業中：この文書の {total} 箇所のうち {done} 箇所を翻訳済みです。",
        "notice": "",
        "cite": "この箇所へのリンク",
        "status": "翻訳状況",
        "download_csv": "この表をCSV形式でダウンロード",
        "glossary": "用語集",
        "glossary_intro": "文書中の用語の日英対照表です（五十音順）。本文中の用語は、各節の最初の出現箇所からこのページにリンクしています。",
        "reading": "読み", "english": "英語", "japanese": "日本語", "abbr": "略語", "expansion": "正式名称",
        "definition": "定義", "related": "関連語", "appears_in": "出現箇所", "downloads": "ダウンロード",
        "first_appears": "初出",
    },
    "en": {
        "site_name": "Japanese Space Policy Documents",
        "home_title": "Japanese Space Policy Documents",
        "home_intro": "Documents of Japanese councils and committees on space policy, typeset faithfully from the "
                      "original Japanese text, with an English translation and a side-by-side view.",
        "documents": "Documents",
        "overview": "Cover and contents",
        "side_by_side": "Side by side (Japanese–English)",
        "side_by_side_intro": "The Japanese original and the English translation, paired segment by segment. "
                          "The number of each pair is a link for citation.",
        "flattened_table": "This table is shown as extracted from the original text (table layout not yet curated).",
        "partial_table": "Table reconstructed from the extracted text (the columns of some rows cannot be recovered)",
        "unplaced": "(columns cannot be recovered from the extracted text)",
        "member_mark": "Role", "member_name": "Name", "member_affiliation": "Affiliation",
        "backref": "Back to the reference in the text",
        "contents": "Contents", "doc_contents": "Contents of this document", "provenance": "Source", "issuer": "Issued by", "date": "Date", "original": "Original",
        "no_original": "The text does not state where the original is published",
        "footnotes": "Notes",
        "untranslated": "Not yet translated", "fuzzy": "Translation may be outdated",
        "pending": "Translation in preparation: {done} of the {total} passages of this document are translated so "
                   "far. The others are shown in the original Japanese, marked as such.",
        "notice": "This is an unofficial English translation prepared for reference. Only the Japanese original "
                  "is authoritative.",
        "cite": "Link to this passage",
        "status": "Translation status",
        "download_csv": "Download this table as CSV",
        "glossary": "Glossary",
        "glossary_intro": "Japanese–English glossary of the terms used in the documents (alphabetical). In the text, "
                          "the first occurrence of a term in each section links here.",
        "reading": "Reading", "english": "English", "japanese": "Japanese", "abbr": "Abbreviation",
        "expansion": "Full name", "definition": "Definition", "related": "Related terms",
        "appears_in": "Appears in", "downloads": "Download", "first_appears": "First appears in",
    },
}


@dataclass
class Language:
    """One language edition's view of the documents: its labels, each segment's text, its links."""
    code: str = SOURCE_LANG
    catalogs: dict[str, Catalog] = field(default_factory=dict)     # document slug → catalog
    glossary: object = None                                        # glossary.Glossary, or None
    urls: UrlStyle = field(default_factory=UrlStyle)               # directory URLs, or .html files (offline)
    updated: dict[str, str] = field(default_factory=dict)          # document slug → last change (git)

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANG

    def label(self, key: str) -> str:
        return LABELS.get(self.code, LABELS["en"]).get(key) or LABELS[SOURCE_LANG].get(key, key)

    def text(self, slug: str, seg_id: str, source: str) -> tuple[str, SegmentState]:
        """The text to print for a segment, and its state. A pending one (fuzzy, untranslated)
        prints the Japanese source (marked by the renderer)."""
        if self.is_source:
            return source, SegmentState.SOURCE
        catalog = self.catalogs.get(slug)
        if catalog is None:
            return source, SegmentState.UNTRANSLATED
        text, state = catalog.lookup(seg_id)
        return (text if state is SegmentState.TRANSLATED else source), state
