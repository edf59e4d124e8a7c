"""Rendering each kind of block: one small renderer per model class, registered in `BLOCK_RENDERERS`.

In:  a `PageWriter` (the page being written), a block of the model and its heading depth.
Out: the block's parts added to the page: a section's heading in Markdown (MkDocs builds the
     table of contents and permalinks from it), every other block as one line of raw HTML with
     its text escaped and its segment id as its anchor.

Every block class a rule of `parse.structure.BLOCK_RULES` produces has its renderer here (a
test holds the two registries to each other).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import (Block, BlockTitle, Contents, FlattenedTable, ItemList, MatrixTable, MemberList, Paragraph,
                     RunInTitle, Section, SpeakerTurn)
from ..parse.tables import laid_out
from ..registry import Registry
from ..translate.catalog import SegmentState
from .escape import html_attr, html_text
from .writer import PageWriter


@dataclass(frozen=True)
class BlockRenderer:
    """How one model class is rendered: `render(writer, block, depth)` adds its parts to the page."""
    kind: type
    render: Callable[[PageWriter, Block, int], None]


def render_block(w: PageWriter, block: Block, depth: int) -> None:
    """Add a block (a section with everything in it) to the page, at heading depth `depth`."""
    for renderer in BLOCK_RENDERERS:
        if type(block) is renderer.kind:
            renderer.render(w, block, depth)
            return
    raise TypeError(f"no renderer for {type(block).__name__}")


def _section(w: PageWriter, section: Section, depth: int) -> None:
    inlines, state = w.segment(section.id, section.title)
    attrs = f"#{section.anchor}{w.state_attrs(state)}"      # attr_list takes the same attributes
    w.parts.append(f"{'#' * min(depth, 6)} {w.inline_markdown(inlines)} {{{attrs}}}")
    outer, w.scope = w.scope, section.anchor
    for child in section.children:
        if id(child) not in w.elsewhere:               # (a subsection with a page of its own)
            render_block(w, child, depth + 1)
    w.scope = outer


def _paragraph(w: PageWriter, b: Paragraph, depth: int) -> None:
    w.parts.append(w.text_block("p", b, "indent" if b.indented else "", link=True))


def _block_title(w: PageWriter, b: BlockTitle, depth: int) -> None:
    w.parts.append(w.text_block("p", b, "block-title"))


def _run_in_title(w: PageWriter, b: RunInTitle, depth: int) -> None:
    w.parts.append(w.text_block("p", b, "run-in-title"))


def _item_list_html(w: PageWriter, b: ItemList) -> str:
    items = []
    for item in b.items:
        inlines, state = w.segment(item.id, item.inlines)
        if not state.is_pending():
            inlines = w.linker.link(inlines, w.scope)
        children = "".join(_item_list_html(w, c) for c in item.children)
        items.append(f'<li id="{item.id}" data-seg="{item.id}"{w.state_attrs(state)}>'
                     f'{w.state_label(state)}{w.inline_html(inlines)}{children}</li>')
    return f'<ul id="{b.id}" class="list-{b.style}">{"".join(items)}</ul>'


def _item_list(w: PageWriter, b: ItemList, depth: int) -> None:
    w.parts.append(_item_list_html(w, b))


def _layout_table(w: PageWriter, b: FlattenedTable, laid: tuple, lang: str, state: SegmentState) -> str:
    """A table read from a flattened block: rows whose columns are known in their cells, the others'
    marks across the row with a visible note that their columns cannot be recovered."""
    header, labels, notes = laid
    lang_attr = "" if lang == w.lang.code else f' lang="{lang}"'
    cap_id = f"{b.id}-caption"
    head = "".join(f'<th scope="col" role="columnheader">{html_text(c)}</th>' for c in header)
    body = []
    for row, label in zip(b.layout.rows, labels):
        if row.is_placed():
            cells = "".join(f'<td role="cell" class="cell-{"blank" if c == "-" else "mark"}" '
                            f'data-col="{html_attr(name)}">{"" if c == "-" else html_text(c)}</td>'
                            for c, name in zip(row.cells, header))
        else:
            cells = (f'<td role="cell" class="cell-unplaced" colspan="{b.layout.columns}">'
                     f'{html_text(" ".join(row.marks))} '
                     f'<span class="unplaced-note" data-generated>{html_text(w.lang.label("unplaced"))}</span></td>')
        body.append(f'<tr role="row"><th scope="row" role="rowheader">{html_text(label)}</th>{cells}</tr>')
    notes_html = "".join(f"<p>{html_text(line)}</p>" for line in notes)
    return (f'<figure id="{b.id}" class="matrix-table partial-table" data-seg="{b.id}"{w.state_attrs(state)}>'
            f'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{cap_id}">'
            f'<table class="matrix" role="table"{lang_attr}><caption id="{cap_id}" data-generated>'
            f'{w.state_label(state)}'
            f'{html_text(w.lang.label("partial_table"))}</caption>'
            f'<thead role="rowgroup"><tr role="row"><td class="corner"></td>{head}</tr></thead>'
            f'<tbody role="rowgroup">{"".join(body)}</tbody></table></div>'
            f'<figcaption{lang_attr}>{notes_html}</figcaption></figure>')


def _flattened_table(w: PageWriter, b: FlattenedTable, depth: int) -> None:
    """A flattened table: as a table where its lines read as one (`b.layout`), else as extracted."""
    source = "\n".join(line.strip() for line in b.lines)
    text, state = w.segment_text(b.id, source)
    translated = state is SegmentState.TRANSLATED
    shown = text if translated else "\n".join(line.rstrip() for line in b.lines)
    lang = w.lang.code if translated else "ja"
    laid = laid_out(b.layout, [line.strip() for line in shown.split("\n")]) if b.layout else None
    if laid is not None:
        body = _layout_table(w, b, laid, lang, state)
        for marker, ref in zip(b.markers, b.refs):        # the notes it references, linked
            body = body.replace(html_text(marker), w.footnote_ref(ref.number), 1)
        w.parts.append(body)
        return
    body = html_text(shown)
    for marker, ref in zip(b.markers, b.refs):        # the notes it references, linked
        body = body.replace(html_text(marker), w.footnote_ref(ref.number), 1)
    w.parts.append(f'<figure id="{b.id}" class="flattened-table" data-seg="{b.id}">'
                   f'<figcaption data-generated>{w.state_label(state)}{html_text(w.lang.label("flattened_table"))}</figcaption>'
                   f'<pre lang="{lang}" tabindex="0">{body}</pre></figure>')     # (focusable: it scrolls)


def _speaker_turn(w: PageWriter, b: SpeakerTurn, depth: int) -> None:
    """A turn of speech: the speaker as printed, then what they said (its terms linked)."""
    speaker, speaker_state = w.segment_text(f"{b.id}-speaker", b.speaker)
    inlines, state = w.segment(b.id, b.inlines)
    if not state.is_pending():
        inlines = w.linker.link(inlines, w.scope)
    w.parts.append(f'<p id="{b.id}" class="speaker-turn" data-seg="{b.id}"{w.state_attrs(state)}>'
                   f'<span class="speaker" data-seg="{b.id}-speaker"{w.state_attrs(speaker_state)}>{html_text(speaker)}</span> '
                   f'{w.state_label(state)}{w.inline_html(inlines)}</p>')


def _contents(w: PageWriter, b: Contents, depth: int) -> None:
    """A printed table of contents: each line's text and the page it gives (the leaders drawn by CSS)."""
    title = ""
    if b.heading:
        text, state = w.segment_text(b.id, b.heading)
        title = (f'<p class="source-contents-title" data-seg="{b.id}"{w.state_attrs(state)}>'
                 f'{w.state_label(state)}{html_text(text)}</p>')
    entries = []
    for e in b.entries:
        text, state = w.segment_text(e.id, e.text)
        entries.append(f'<li id="{e.id}" data-seg="{e.id}"{w.state_attrs(state)}>{w.state_label(state)}'
                       f'<span class="entry">{html_text(text)}</span> <span class="page">{html_text(e.page)}</span></li>')
    w.parts.append(f'<div id="{b.id}" class="source-contents">{title}<ol>{"".join(entries)}</ol></div>')


def _member_list(w: PageWriter, b: MemberList, depth: int) -> None:
    """Members in columns — mark, name, affiliation; affiliation before name where the source prints it so."""
    columns = ("member_mark", "member_affiliation", "member_name") if b.affiliation_first else \
        ("member_mark", "member_name", "member_affiliation")
    head = "".join(f'<th scope="col">{html_text(w.lang.label(k))}</th>' for k in columns)
    rows = []
    for m in b.members:
        name, name_state = w.segment_text(f"{m.id}-name", m.name)
        aff, aff_state = w.segment_text(f"{m.id}-affiliation", m.affiliation)
        name_cell = f'<th scope="row" class="member-name"{w.state_attrs(name_state)}>{html_text(name)}</th>'
        aff_cell = f'<td{w.state_attrs(aff_state)}>{w.state_label(aff_state)}{html_text(aff)}</td>'
        cells = aff_cell + name_cell if b.affiliation_first else name_cell + aff_cell
        rows.append(f'<tr id="{m.id}" data-seg="{m.id}"><td class="member-mark">{html_text(m.mark)}</td>{cells}</tr>')
    w.parts.append(f'<table id="{b.id}" class="member-list"><thead data-generated><tr>{head}</tr></thead>'
                   f'<tbody>{"".join(rows)}</tbody></table>')


def _matrix_table(w: PageWriter, t: MatrixTable, depth: int) -> None:
    """A real table: caption, grouped column headers, row headers with scope, symbols with
    accessible text, legend, notes and a CSV download. The visible symbols are the source's;
    the words screen readers hear instead are generated. On a phone CSS shows each row as a card
    (each cell's column named from its `data-col`); the table roles are explicit, as a changed
    `display` can take the table semantics away from screen readers in some browsers."""
    lang = "ja" if w.lang.is_source else w.lang.code

    def tx(b: dict) -> str:
        """A text of the table in the page's language (in Japanese, marked, where it has none)."""
        if b.get(lang) or lang == "ja":
            return html_text(b.get(lang) or b.get("ja", ""))
        return f'<span lang="ja">{html_text(b.get("ja", ""))}</span>'
    # English headers are not source text; a decoded table's Japanese is
    gen = "" if w.lang.is_source or t.decoded else " data-generated"
    cap_id = f"{t.id}-caption"
    groups = "".join(f'<th scope="colgroup" role="columnheader" colspan="{int(g.get("span", 1))}"{gen}>{tx(g)}</th>'
                     for g in t.groups)
    head1 = f'<tr role="row"><td class="corner"></td>{groups}</tr>' if t.groups else ""
    head2 = (f'<tr role="row"><th scope="col" role="columnheader" class="row-header"{gen}>{tx(t.row_header)}</th>'
             + "".join(f'<th scope="col" role="columnheader"{gen}>{tx(c)}</th>' for c in t.columns) + "</tr>")
    # each cell carries its column's (and group's) header as text, for the phone's cards (CSS shows them)
    names = [html_attr(c.get(lang) or c.get("ja", "")) for c in t.columns]
    group_of = [n for n, g in enumerate(t.groups) for _ in range(int(g.get("span", 1)))]
    body = []
    for i, row in enumerate(t.rows):
        cells, seen = [], set()
        for n, symbol in enumerate(row.cells):
            attrs = f' data-col="{names[n]}"' if n < len(names) else ""
            group = group_of[n] if n < len(group_of) else None
            if group is not None and group not in seen and (symbol != "-" or t.numeric or t.textual):
                seen.add(group)                        # the group named once, at its first shown cell
                attrs += f' data-group="{html_attr(t.groups[group].get(lang) or t.groups[group].get("ja", ""))}"'
            if t.numeric or t.textual:                 # a figure or a word is read as it is shown
                cells.append(f'<td role="cell" class="cell-{"number" if t.numeric else "text"}"{attrs}>'
                             f'{html_text(symbol)}</td>')
                continue
            spoken = html_text(t.symbols.get(symbol, {}).get(lang, symbol))
            shown = "" if symbol == "-" else f'<span class="symbol" aria-hidden="true">{html_text(symbol)}</span>'
            cells.append(f'<td role="cell" class="cell-{"blank" if symbol == "-" else "mark"}"{attrs}>{shown}'
                         f'<span class="sr-only" data-generated>{spoken}</span></td>')
        body.append(f'<tr id="{t.id}-r{i + 1}" role="row"><th scope="row" role="rowheader"{gen}>{tx(row.label)}</th>'
                    f'{"".join(cells)}</tr>')
    legend = "".join(f"<li{gen}>{tx(x)}</li>" for x in t.legend)
    notes = "".join(f"<p{gen}>{tx(x)}</p>" for x in t.notes)
    for marker, ref in zip(t.markers, t.refs):         # the notes it references, linked
        notes = notes.replace(html_text(marker), w.footnote_ref(ref.number), 1)
    csv = w.href(f"{w.doc.meta.slug}/tables/{t.table_id}.csv")
    w.parts.append(f'<figure id="{t.id}" class="matrix-table" data-table="{t.table_id}">'
                   f'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{cap_id}">'
                   f'<table class="matrix" role="table">'
                   f'<caption id="{cap_id}"{"" if t.caption_printed else " data-generated"}>{tx(t.caption)}</caption>'
                   f'<thead role="rowgroup">{head1}{head2}</thead>'
                   f'<tbody role="rowgroup">{"".join(body)}</tbody></table></div>'
                   f'<figcaption><ul class="legend">{legend}</ul>{notes}'
                   f'<p class="table-download" data-generated><a href="{html_attr(csv)}" download>'
                   f'{html_text(w.lang.label("download_csv"))}</a></p></figcaption></figure>')


BLOCK_RENDERERS: Registry[BlockRenderer] = Registry()
# one entry per model class (the classes are distinct, so the priorities only fix the order tried:
# the commonest first)
BLOCK_RENDERERS.register(BlockRenderer(Paragraph, _paragraph), "paragraph", 100)
BLOCK_RENDERERS.register(BlockRenderer(ItemList, _item_list), "item-list", 90)
BLOCK_RENDERERS.register(BlockRenderer(Section, _section), "section", 80)
BLOCK_RENDERERS.register(BlockRenderer(BlockTitle, _block_title), "block-title", 70)
BLOCK_RENDERERS.register(BlockRenderer(RunInTitle, _run_in_title), "run-in-title", 60)
BLOCK_RENDERERS.register(BlockRenderer(MemberList, _member_list), "member-list", 50)
BLOCK_RENDERERS.register(BlockRenderer(Contents, _contents), "contents", 45)
BLOCK_RENDERERS.register(BlockRenderer(SpeakerTurn, _speaker_turn), "speaker-turn", 44)
BLOCK_RENDERERS.register(BlockRenderer(FlattenedTable, _flattened_table), "flattened-table", 40)
BLOCK_RENDERERS.register(BlockRenderer(MatrixTable, _matrix_table), "matrix-table", 30)  # tables.apply_tables puts these
