"""The languages of the site and their interface strings.

In:  a language code and, for translations, the documents' catalogs.
Out: `Language` objects the renderer asks for labels and for the text of each
     segment in that language (with its `SegmentState`: source, translated, fuzzy,
     untranslated).
"""
from __future__ import annotations

import datetime
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
        "side_by_side_link": "（{link}）",
        "side_by_side_intro": "原文（日本語）と英語訳を段落ごとに並べて表示します。各組の番号（節の番号と、節の中の段落の順番）は、"
                              "本文のその箇所へのリンクです。",
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
        "cite": "本文のこの箇所へ（{id}）", "cite_note": "注{n}",
        "cite_button": "引用", "cite_title": "この箇所の引用", "cite_copy": "コピー", "cite_copied": "引用をコピーしました",
        "cite_close": "閉じる", "cite_select": "引用を選択しました。コピーしてください", "cite_para": "第{n}段落", "cite_join": " ",
        "cite_format": "{issuer}「{title}」（{date}）{where}. {url}",
        "status": "翻訳状況",
        "status_intro": "文書ごとの英語訳の進捗状況です。訳文は各文書の翻訳ファイル（{po}）にあります。"
                        "語数は、日本語の文字数を2で除した値です。作業が必要な区分の一覧は {check} で確認できます。",
        "status_po": "docs_src/<文書のフォルダ名>/en.po",
        "status_table": "文書別の翻訳状況",
        "status_document": "文書", "status_segments": "訳文の区分数", "status_translated": "翻訳済み",
        "status_fuzzy": "要確認（fuzzy）", "status_untranslated": "未翻訳", "status_words": "語数（翻訳済み／全体）",
        "status_coverage": "翻訳率", "status_total": "合計",
        "download_csv": "この表をCSV形式でダウンロード",
        "glossary": "用語集",
        "glossary_intro": "文書中の用語の日英対照表です（五十音順）。本文中の用語は、各節の最初の出現箇所からこのページにリンクしています。",
        "reading": "読み", "english": "英語", "japanese": "日本語", "abbr": "略語", "expansion": "正式名称",
        "definition": "定義", "related": "関連語", "appears_in": "出現箇所", "downloads": "ダウンロード",
        "first_appears": "初出",
        "uses_summary": "{documents} 文書の {sections} 節", "uses_list": "出現箇所の一覧",
        "uses_title": "「{term}」の出現箇所", "uses_back": "用語集の「{term}」の項へ",
        "uses_pages": "出現箇所の一覧のページ",
        "nav_group": "{first} ～ {last}",
        "side_by_side_parts": "対訳表示のページ",
        "exports": "オープンデータ",
        "exports_intro": "各文書の文書モデル（JSON 形式。{schema} に準拠）と、日本語と英語の対応する訳文の組（TMX 1.4b 形式）を公開しています。",
        "exports_glossary": "用語集は {tbx} 形式でも入手できます。",
        "versions": "版",
        "version_current": "現行版（{date}）",
        "version_item": "{date}の版（{to}まで現行）",
        "version_title": "{title}（{date}の版）",
        "version_status": "この版は{date}に公表され、{to}まで現行でした。{next}の版で改められています。"
                          "以下に、この版の各箇所を、次の版の対応する箇所と並べて示します（削除された文字は取消線、追加された文字は下線）。",
        "version_next": "次の版へ",
        "version_summary": "次の版での変更：変更{changed}箇所、追加{added}箇所、削除{removed}箇所（変更なし{unchanged}箇所）",
        "version_only_changes": "変更のあった箇所だけを表示",
        "version_unchanged": "変更なし", "version_changed": "変更", "version_added": "追加", "version_removed": "削除",
        "version_now": "現行版のこの箇所へ",
        "version_no_english": "（この版の英語訳はありません）",
        "version_removed_notice": "引用された箇所（{date}の版）は、{by}の版で削除されました。",
        "version_removed_link": "{date}の版のその箇所を読む",
        "version_removed_here_notice": "この箇所番号は、{date}の版では別の箇所を指していました。その箇所は{by}の版で削除されています。",
        "version_moved_notice": "この箇所番号は、{date}の版では別の箇所を指していました。",
        "version_moved_away_notice": "引用された箇所（{date}の版）は、現行版では別の位置にあります。",
        "version_moved_link": "その箇所の現在の位置へ",
        "version_gone_title": "現行版にないページ",
        "version_gone": "このページは以前の版にありましたが、現行版にはありません。以前の版の各箇所の行き先は次のとおりです。",
        "pdf": "この文書の PDF（日本語、A4）",
        "concordance": "用語索引（KWIC）",
        "kwic_intro": "語句を入力すると、文書中のすべての出現箇所を前後の文脈とともに一覧し、対応する英訳の文を並べて示します。"
                      "各行から本文の該当箇所へ移動できます。",
        "kwic_query": "検索語", "kwic_show": "表示", "kwic_doc": "文書", "kwic_all": "すべての文書",
        "kwic_left": "前の文脈", "kwic_hit": "検索語", "kwic_right": "後の文脈",
        "kwic_caption": "出現箇所（文書順）",
        "kwic_noscript": "用語索引の表示には JavaScript が必要です。",
    },
    "en": {
        "site_name": "Japanese Space Policy Documents",
        "home_title": "Japanese Space Policy Documents",
        "home_intro": "Documents of Japanese councils and committees on space policy, typeset faithfully from the "
                      "original Japanese text, with an English translation and a side-by-side view.",
        "documents": "Documents",
        "overview": "Cover and contents",
        "side_by_side": "Side by side: Japanese–English",
        "side_by_side_link": "({link})",
        "side_by_side_intro": "The Japanese original and the English translation, paired segment by segment. "
                          "The number of each pair (its section's number and its place in the section) links to "
                          "that passage in the text.",
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
        "cite": "This passage in the text ({id})", "cite_note": "Note {n}",
        "cite_button": "Cite", "cite_title": "Cite this passage", "cite_copy": "Copy", "cite_copied": "Citation copied",
        "cite_close": "Close", "cite_select": "Citation selected: copy it with your device", "cite_para": "para. {n}",
        "cite_join": ", ", "cite_format": "{issuer}, \"{title}\" ({date}), {where} (unofficial English translation). {url}",
        "status": "Translation status",
        "status_intro": "English translation coverage by document. The translations are in each document's "
                        "translation file ({po}). Words: Japanese characters divided by 2. Run {check} for the "
                        "list of segments to work on.",
        "status_po": "docs_src/<document>/en.po",
        "status_table": "Translation status by document",
        "status_document": "Document", "status_segments": "Segments", "status_translated": "Translated",
        "status_fuzzy": "To review (fuzzy)", "status_untranslated": "Untranslated",
        "status_words": "Words (translated / total)", "status_coverage": "Coverage", "status_total": "Total",
        "download_csv": "Download this table as CSV",
        "glossary": "Glossary",
        "glossary_intro": "Japanese–English glossary of the terms used in the documents (alphabetical). In the text, "
                          "the first occurrence of a term in each section links here.",
        "reading": "Reading", "english": "English", "japanese": "Japanese", "abbr": "Abbreviation",
        "expansion": "Full name", "definition": "Definition", "related": "Related terms",
        "appears_in": "Appears in", "downloads": "Download", "first_appears": "First appears in",
        "uses_summary": "{sections} section{s} of {documents} document{d}", "uses_list": "list of the sections",
        "uses_title": "Where “{term}” appears", "uses_back": "“{term}” in the glossary",
        "uses_pages": "Pages of the list",
        "nav_group": "{first} – {last}",
        "side_by_side_parts": "Pages of the side-by-side view",
        "exports": "Open data",
        "exports_intro": "Each document's model (JSON, valid against its {schema}) and its aligned Japanese–English "
                         "segment pairs (TMX 1.4b) are published for reuse.",
        "exports_glossary": "The glossary is also available as {tbx}.",
        "versions": "Editions",
        "version_current": "Current edition ({date})",
        "version_item": "Edition of {date} (current to {to})",
        "version_title": "{title} (edition of {date})",
        "version_status": "This edition was issued on {date} and was current to {to}; it was revised by the edition "
                          "of {next}. Each passage of this edition is shown beside the corresponding passage of the "
                          "next edition (removed characters struck through, added characters underlined).",
        "version_next": "Go to the next edition",
        "version_summary": "Changes in the next edition: {changed} changed, {added} added, {removed} removed "
                           "({unchanged} unchanged)",
        "version_only_changes": "Show only the passages that changed",
        "version_unchanged": "Unchanged", "version_changed": "Changed", "version_added": "Added",
        "version_removed": "Removed",
        "version_now": "This passage in the current edition",
        "version_no_english": "(no English translation of this edition)",
        "version_removed_notice": "The passage cited (edition of {date}) was removed by the edition of {by}.",
        "version_removed_link": "Read it in the edition of {date}",
        "version_removed_here_notice": "In the edition of {date}, this passage number referred to another passage, which was removed by the edition of {by}.",
        "version_moved_notice": "In the edition of {date}, this passage number referred to another passage.",
        "version_moved_away_notice": "The passage cited (edition of {date}) is elsewhere in the current edition.",
        "version_moved_link": "Go to that passage as it stands now",
        "version_gone_title": "Page not in the current edition",
        "version_gone": "This page was part of an earlier edition and is not in the current edition. Where each of "
                        "its passages is now:",
        "pdf": "This document as PDF (English, A4)",
        "concordance": "Concordance (KWIC)",
        "kwic_intro": "Enter a word or phrase to list every occurrence in the documents in its context, each beside "
                      "the corresponding segment of the Japanese original. Each line links to the passage.",
        "kwic_query": "Word or phrase", "kwic_show": "Show", "kwic_doc": "Document", "kwic_all": "All documents",
        "kwic_left": "Preceding context", "kwic_hit": "Match", "kwic_right": "Following context",
        "kwic_caption": "Occurrences, in document order",
        "kwic_noscript": "The concordance requires JavaScript.",
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
    pdf: bool = False                                              # PDFs are built: print pages, cover links

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


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def format_date(iso: str, lang: Language) -> str:
    """An ISO date as an edition writes one (2025年2月12日, February 12, 2025); other text as it is."""
    try:
        d = datetime.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso or "")
    return f"{d.year}年{d.month}月{d.day}日" if lang.is_source else f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
