"""Matrix tables: curated data checked against the flattened text it replaces.

In:  `docs_src/<doc>/tables/*.yml` (curated tables with bilingual headers) and the
     document model, whose `FlattenedTable` blocks hold the extracted lines.
Out: the model with each curated table standing where its flattened block was,
     diagnostics where data and source disagree, and a notice for every flattened
     table that has no curated data yet (it stays visible, marked).

The extraction encodes a row's cells in its run of spaces: each cell is two
characters, a symbol or a space followed by a space ("○ ○   △ " is ○, ○, blank,
△). Some rows lose blank cells; `decode_row` says when it cannot place them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..diagnostics import Reporter
from ..model import (Document, FlattenedTable, ItemList, LayoutRow, MatrixRow, MatrixTable, Section, TableLayout,
                     plain_text)
from . import schemas, yamlfiles
from .ingest import SYMBOL_ROW

SYMBOLS = "○△"
BLANK = "-"
CELLS = re.compile(rf"^(?P<label>.*?[^\s{SYMBOLS}])?(?P<cells>[{SYMBOLS} ]*[{SYMBOLS}][{SYMBOLS} ]*)$")
WS = re.compile(r"\s+")


@dataclass
class Decoded:
    """A flattened row's symbols, and its cells when the spacing places them."""
    symbols: list[str]                     # the symbols in order, whatever their columns
    cells: list[str] | None                # one per column when the spacing says so, else None
    note: str = ""                         # why the columns could not be recovered


@dataclass
class RawRow:
    """One row of a flattened table as extracted."""
    line: int
    context: str                           # text since the previous row (label lines), no whitespace
    cells_text: str                        # the part of the line that holds the cells, spaces kept


def decode_row(cells_text: str, columns: int) -> Decoded:
    """Recover the columns of a row from its spacing, where that is unambiguous."""
    text = cells_text.rstrip("\n")
    symbols = [c for c in text if c in SYMBOLS]
    if len(text) % 2:
        text += " "
    pairs = [text[i:i + 2] for i in range(0, len(text), 2)]
    if any(p[1] != " " or p[0] not in SYMBOLS + " " for p in pairs):
        return Decoded(symbols, None, "the spacing does not follow the two-characters-per-cell layout")
    cells = [p[0] if p[0] != " " else BLANK for p in pairs]
    while len(cells) > columns and cells[-1] == BLANK:
        cells.pop()
    if len(cells) == columns:
        return Decoded(symbols, cells)
    if len(cells) < columns:
        lost = columns - len(cells)
        return Decoded(symbols, None, f"{lost} blank cell(s) were lost in extraction; their position is unknown")
    return Decoded(symbols, None, f"the spacing gives {len(cells)} cells for {columns} columns")


def raw_rows(flat: FlattenedTable) -> list[RawRow]:
    """The rows of a flattened table: lines holding symbols, each with the label text before it."""
    rows: list[RawRow] = []
    context: list[str] = []
    for no, raw in zip(flat.numbers, flat.lines):
        line = raw.rstrip("\n")
        m = CELLS.match(line) if SYMBOL_ROW.match(line) else None
        if m:
            label, cells = m.group("label") or "", m.group("cells")
            if label and cells.startswith(" "):
                cells = cells[1:]            # the space between a label and its first cell
            context.append(label)
            rows.append(RawRow(no, WS.sub("", "".join(context)), cells))
            context = []
        else:
            context.append(line)
    return rows


# ------------------------------------------------------------------ loading
def load_table(path: Path, shown: str, report: Reporter) -> MatrixTable | None:
    """A curated table from its YAML file, or None (with errors at their lines) when it is malformed."""
    read = yamlfiles.read(path, shown, report, "table-yaml", schemas.TABLE)
    if read is None:
        return None
    data, root = read
    lines = yamlfiles.nodes_by_key(root)
    row_lines = [yamlfiles.line_of(n) for n in getattr(lines.get("rows"), "value", [])]
    ncol = len(data["columns"])
    table = MatrixTable(table_id=data["id"], caption=data["caption"], row_header=data["row_header"],
                        groups=data.get("groups") or [], columns=data["columns"],
                        symbols=data["symbols"], legend=data.get("legend") or [], notes=data.get("notes") or [],
                        data_path=shown)
    table.section = data["section"]
    ok = True
    for bilingual, where in ([(table.caption, "caption"), (table.row_header, "row_header")]
                             + [(c, f"column {i + 1}") for i, c in enumerate(table.columns)]
                             + [(g, f"group {i + 1}") for i, g in enumerate(table.groups)]
                             + [(x, "legend") for x in table.legend] + [(x, "notes") for x in table.notes]):
        if isinstance(bilingual, dict) and set(bilingual) - {"ja", "en", "span"}:
            report.error(shown, yamlfiles.line_of(lines.get(where.split()[0] + ("s" if " " in where else ""))),
                         "table-field", f"{where} has unexpected keys {sorted(set(bilingual) - {'ja', 'en', 'span'})}"
                         f" — quote text that contains a comma or a colon")
            ok = False
        if not isinstance(bilingual, dict) or not bilingual.get("ja") or not bilingual.get("en"):
            report.error(shown, yamlfiles.line_of(lines.get(where.split()[0] + ("s" if " " in where else ""))),
                         "table-language", f"{where} needs both 'ja' and 'en' text")
            ok = False
    if table.groups and sum(int(g.get("span", 0)) for g in table.groups) != ncol:
        report.error(shown, yamlfiles.line_of(lines.get("groups")), "table-groups",
                     f"the group spans add up to {sum(int(g.get('span', 0)) for g in table.groups)}, "
                     f"but there are {ncol} columns")
        ok = False
    for i, row in enumerate(data["rows"]):
        line = row_lines[i] if i < len(row_lines) else 1
        cells = str(row.get("cells", "")).split()
        label = row.get("label") or {}
        if not label.get("ja") or not label.get("en"):
            report.error(shown, line, "table-language", f"row {i + 1} needs a label in 'ja' and 'en'")
            ok = False
        if len(cells) != ncol:
            report.error(shown, line, "table-cells",
                         f"row {i + 1} ({label.get('ja', '?')}) has {len(cells)} cells for {ncol} columns")
            ok = False
        unknown = sorted({c for c in cells if c not in table.symbols})
        if unknown:
            report.error(shown, line, "table-symbol",
                         f"row {i + 1} uses {unknown}, which 'symbols' does not define")
            ok = False
        table.rows.append(MatrixRow(label=label, cells=cells, decision=str(row.get("decision") or "")))
    table.row_lines = row_lines
    return table if ok else None


def load_tables(folder: Path, root: Path, report: Reporter) -> list[MatrixTable]:
    tables = []
    for path in sorted((folder / "tables").glob("*.yml")):
        table = load_table(path, str(path.relative_to(root)), report)
        if table is not None:
            tables.append(table)
    return tables


# ------------------------------------------------------------------ checking
def reading_text(table: MatrixTable) -> str:
    """The Japanese text of a curated table in the order the extraction printed it."""
    parts = [g["ja"] for g in table.groups] + [table.row_header["ja"]] + [c["ja"] for c in table.columns]
    for row in table.rows:
        parts.append(row.label["ja"])
        parts += [c for c in row.cells if c != BLANK]
    parts += [x["ja"] for x in table.legend] + [x["ja"] for x in table.notes]
    return WS.sub("", "".join(parts))


def check_table(table: MatrixTable, flat: FlattenedTable, report: Reporter) -> bool:
    """Does the curated table agree with the extracted lines? Errors name table, row and both versions."""
    where = f"table {table.table_id}"
    rows = raw_rows(flat)
    ok = True
    if len(rows) != len(table.rows):
        report.error(table.data_path, 1, "table-rows",
                     f"{where}: {len(table.rows)} curated rows, but the source (lines {flat.numbers[0]}–"
                     f"{flat.numbers[-1]}) has {len(rows)} rows of symbols")
        ok = False
    for i, (row, raw) in enumerate(zip(table.rows, rows)):
        line = table.row_lines[i]
        label = WS.sub("", row.label["ja"])
        curated = [c for c in row.cells if c != BLANK]
        decoded = decode_row(raw.cells_text, len(table.columns))
        if not raw.context.endswith(label):
            report.error(table.data_path, line, "table-label",
                         f"{where}, row {i + 1}: curated label '{row.label['ja']}' but the source row at line "
                         f"{raw.line} reads '{raw.context[-len(label) - 4:]}'")
            ok = False
        if curated != decoded.symbols:
            report.error(table.data_path, line, "table-symbols",
                         f"{where}, row {i + 1} ({row.label['ja']}): curated symbols {' '.join(curated) or '(none)'} "
                         f"but the source line {raw.line} has {' '.join(decoded.symbols) or '(none)'}")
            ok = False
        elif decoded.cells is not None and decoded.cells != row.cells:
            report.error(table.data_path, line, "table-columns",
                         f"{where}, row {i + 1} ({row.label['ja']}): curated cells {' '.join(row.cells)} but the "
                         f"spacing of source line {raw.line} gives {' '.join(decoded.cells)}")
            ok = False
        elif decoded.cells is None and not row.decision:
            report.warn(table.data_path, line, "table-ambiguous",
                        f"{where}, row {i + 1} ({row.label['ja']}): {decoded.note}; record in 'decision' "
                        f"how the curated cells settle it")
    src = WS.sub("", "".join(flat.lines))
    if ok and reading_text(table) != src:
        report.error(table.data_path, 1, "table-text",
                     f"{where}: the curated Japanese headers, labels and legend do not reproduce the source "
                     f"text (lines {flat.numbers[0]}–{flat.numbers[-1]}); compare them character by character")
        ok = False
    return ok


MARKS = "○△×◎－-●▲"
LEGEND = re.compile(rf"([{re.escape(MARKS)}])[：:]\s*([^\s{re.escape(MARKS)}]+)")


def split_marks(line: str) -> tuple[list[str], list[str]]:
    """A line's words before its closing run of marks, and those marks (○ ○ △ → ['○', '○', '△'])."""
    tokens = line.split()
    cells: list[str] = []
    while tokens and tokens[-1] in MARKS:
        cells.insert(0, tokens.pop())
    return tokens, cells


def header_cells(line: str) -> list[str]:
    """The column labels of a header line: split at `|` where it has one (labels with spaces), else at spaces."""
    return [c.strip() for c in line.split("|")] if "|" in line else line.split()


def laid_out(layout: TableLayout, lines: list[str]) -> tuple[list[str], list[str], list[str]] | None:
    """The column labels, row labels and notes of a table's text (the source's or its translation,
    line for line), or None where that text does not follow the layout."""
    header = header_cells(lines[0]) if lines else []
    if len(lines) < layout.notes_from() or len(header) != layout.columns:
        return None
    labels = []
    for row in layout.rows:
        words, marks = split_marks(lines[row.line])
        if marks != row.marks:
            return None
        labels.append(" ".join(words))
    return header, labels, lines[layout.notes_from():]


def read_layout(flat: FlattenedTable) -> TableLayout | None:
    """The rows of a table whose rows do not all have a mark per column: a header line of k labels,
    then rows of a label and at most k marks (at least one row with k), then note lines; each row's
    columns where it has k marks or its spacing places them, else unknown. None if it is no such table."""
    lines = [line.strip() for line in flat.lines]
    split = [split_marks(line) for line in lines]
    rows = [i for i, (tokens, marks) in enumerate(split) if marks and tokens]
    header = header_cells(lines[0]) if lines else []
    width = len(header)
    if (len(rows) < 2 or rows != list(range(1, len(rows) + 1)) or width < 2 or any(t in MARKS for t in header)
            or max(len(split[i][1]) for i in rows) != width):
        return None
    layout = TableLayout(columns=width)
    cells_text = {r.line: r.cells_text for r in raw_rows(flat)}
    for i in rows:
        marks = split[i][1]
        cells = marks if len(marks) == width else None
        if cells is None and flat.numbers[i] in cells_text:
            cells = decode_row(cells_text[flat.numbers[i]], width).cells
        layout.rows.append(LayoutRow(line=i, marks=marks, cells=cells))
    return layout


def decode_matrix(flat: FlattenedTable, caption: str) -> MatrixTable | None:
    """A flattened table read as a matrix, where its text says so unambiguously: a header line of k
    column labels, then rows of a label and k marks each (○ △ × ◎ － …), then legend lines (○：…)
    and note lines; else None (it stays as extracted)."""
    lines = [line.strip() for line in flat.lines]
    split = [split_marks(line) for line in lines]
    rows = [i for i, (tokens, cells) in enumerate(split) if len(cells) >= 2 and tokens]
    if len(rows) < 2 or rows != list(range(rows[0], rows[-1] + 1)) or rows[0] != 1:
        return None
    width = len(split[rows[0]][1])
    header = lines[0].split()
    if any(len(split[i][1]) != width for i in rows) or len(header) != width or any(t in MARKS for t in header):
        return None
    after = lines[rows[-1] + 1:]
    legend = [line for line in after if LEGEND.search(line)]
    notes = [line for line in after if line not in legend]
    if after[:len(legend)] != legend:                  # (the legend first, then the notes)
        return None
    symbols = {mark: {"ja": meaning} for line in legend for mark, meaning in LEGEND.findall(line)}
    table = MatrixTable(table_id=flat.id, caption={"ja": caption}, row_header={"ja": ""},
                        columns=[{"ja": c} for c in header],
                        rows=[MatrixRow(label={"ja": " ".join(split[i][0])}, cells=split[i][1]) for i in rows],
                        symbols=symbols, legend=[{"ja": line} for line in legend],
                        notes=[{"ja": "".join(notes)}] if notes else [], refs=list(flat.refs),
                        markers=list(flat.markers), decoded=True)
    table.id, table.first_line, table.last_line = flat.id, flat.first_line, flat.last_line
    return table


def decode_numbers(flat: FlattenedTable, caption: str) -> MatrixTable | None:
    """A flattened number table read as a table: an optional units line （単位：億円）, a header of k
    column labels, rows of a label and k figures; else None."""
    from .units import NUMBER_ROW, UNITS_LINE, header_labels
    lines = [line.strip() for line in flat.lines]
    units = lines[0] if UNITS_LINE.match(lines[0]) else ""
    header, body = (lines[1], lines[2:]) if units else (lines[0], lines[1:])
    rows = [NUMBER_ROW.match(line) for line in body]
    if len(rows) < 2 or not all(rows) or len({len(m.group("numbers").split()) for m in rows}) != 1:
        return None
    labels = header_labels(header, len(rows[0].group("numbers").split()))
    if labels is None:
        return None
    table = MatrixTable(table_id=flat.id, caption={"ja": units or caption}, row_header={"ja": ""},
                        columns=[{"ja": c} for c in labels],
                        rows=[MatrixRow(label={"ja": m.group("label")}, cells=m.group("numbers").split()) for m in rows],
                        refs=list(flat.refs), markers=list(flat.markers), decoded=True, numeric=True,
                        caption_printed=bool(units))
    table.id, table.first_line, table.last_line = flat.id, flat.first_line, flat.last_line
    return table


def decode_words(flat: FlattenedTable, caption: str) -> MatrixTable | None:
    """A flattened table of words read as a table: a header of k words, the first naming the rows,
    then rows of k words (a label and k − 1 cells); else None."""
    lines = [line.split() for line in flat.lines]
    width = len(lines[0]) if lines else 0
    if width < 3 or len(lines) < 4 or any(len(words) != width for words in lines):
        return None
    table = MatrixTable(table_id=flat.id, caption={"ja": caption}, row_header={"ja": lines[0][0]},
                        columns=[{"ja": c} for c in lines[0][1:]],
                        rows=[MatrixRow(label={"ja": words[0]}, cells=words[1:]) for words in lines[1:]],
                        refs=list(flat.refs), markers=list(flat.markers), decoded=True, textual=True)
    table.id, table.first_line, table.last_line = flat.id, flat.first_line, flat.last_line
    return table


def apply_tables(doc: Document, tables: list[MatrixTable], report: Reporter) -> None:
    """Put each curated table where its flattened block stands, else the table decoded from its text;
    list flattened blocks left as extracted."""
    by_section = {t.section: t for t in tables}
    used = set()

    def visit(blocks: list, section: Section | None):
        for i, block in enumerate(blocks):
            if isinstance(block, Section):
                visit(block.children, block)
            elif isinstance(block, ItemList):
                for item in block.items:
                    visit(item.children, section)
            elif isinstance(block, FlattenedTable):
                table = by_section.get(section.anchor if section else "")
                title = plain_text(section.title) if section else ""
                decoded = (decode_matrix(block, title) or decode_numbers(block, title)
                           or decode_words(block, title)) if table is None else None
                if decoded is not None:
                    report.notice(doc.source_path, block.first_line, "table-decoded",
                                  f"the table at lines {block.first_line}–{block.last_line} is read as a "
                                  f"{'table of figures' if decoded.numeric else 'table of words' if decoded.textual else 'matrix'} of "
                                  f"{len(decoded.rows)} rows and {len(decoded.columns)} columns; to give its English, "
                                  f"write docs_src/{doc.meta.slug}/tables/<id>.yml with section: "
                                  f"{section.anchor if section else '?'}")
                    blocks[i] = decoded
                    continue
                layout = read_layout(block) if table is None else None
                if layout is not None:
                    unplaced = sum(not r.is_placed() for r in layout.rows)
                    report.notice(doc.source_path, block.first_line, "table-partial",
                                  f"the table at lines {block.first_line}–{block.last_line} is read as "
                                  f"{len(layout.rows)} rows and {layout.columns} columns, but the columns of "
                                  f"{unplaced} row(s) cannot be recovered from the text: they are shown with their "
                                  f"marks as printed. To place them, write docs_src/{doc.meta.slug}/tables/<id>.yml "
                                  f"(python -m generator table-draft) with section: "
                                  f"{section.anchor if section else '?'}")
                    blocks[i] = replace(block, layout=layout)
                    continue
                if table is None:
                    report.notice(doc.source_path, block.first_line, "table-uncurated",
                                  f"the table at lines {block.first_line}–{block.last_line} has no curated data; "
                                  f"it is shown as extracted. Add docs_src/{doc.meta.slug}/tables/<id>.yml "
                                  f"with section: {section.anchor if section else '?'}")
                    continue
                used.add(table.table_id)
                if check_table(table, block, report):
                    table.id, table.first_line, table.last_line = block.id, block.first_line, block.last_line
                    blocks[i] = table

    visit(doc.preamble, None)
    visit(doc.sections, None)
    for table in tables:
        if table.table_id not in used:
            report.error(table.data_path, 1, "table-no-source",
                         f"table {table.table_id}: section '{table.section}' of {doc.source_path} holds no "
                         f"flattened table; fix 'section'")


# ------------------------------------------------------------------ drafts for editors
def _table_sections(doc: Document):
    """Each table block of the document (flattened or decoded) with the section it stands in."""
    def visit(blocks, section):
        for block in blocks:
            if isinstance(block, Section):
                yield from visit(block.children, block)
            elif isinstance(block, ItemList):
                for item in block.items:
                    yield from visit(item.children, section)
            elif isinstance(block, FlattenedTable) or (isinstance(block, MatrixTable) and block.decoded):
                yield block, section
    yield from visit(doc.preamble, None)
    yield from visit(doc.sections, None)


def draft_tables(doc: Document) -> str:
    """The YAML skeleton of every table of a document that has no curated file: what the text gives
    (labels, marks, legend) filled in, the English and what the text cannot tell left to the editor."""
    drafts = []
    for block, section in _table_sections(doc):
        anchor = section.anchor if section else ""
        entry: dict = {"id": f"table-{block.id}", "section": anchor,
                       "caption": {"ja": plain_text(section.title) if section else "", "en": ""},
                       "row_header": {"ja": "", "en": ""}}
        if isinstance(block, MatrixTable):
            entry["columns"] = [{"ja": c["ja"], "en": ""} for c in block.columns]
            entry["symbols"] = {m: {"ja": v["ja"], "en": ""} for m, v in block.symbols.items()}
            entry["rows"] = [{"label": {"ja": r.label["ja"], "en": ""}, "cells": " ".join(r.cells)} for r in block.rows]
        else:
            rows = raw_rows(block)
            width = max((len(decode_row(r.cells_text, 99).symbols) for r in rows), default=0)
            header = block.lines[0].split() if block.lines else []
            named = len(header) == width                 # (the first line names the columns)
            entry["columns"] = [{"ja": header[i] if named else "", "en": ""} for i in range(width)]
            if named and rows:
                rows[0].context = rows[0].context.removeprefix("".join(header))
            entry["symbols"] = {m: {"ja": "", "en": ""} for m in SYMBOLS} | {BLANK: {"ja": "", "en": ""}}
            entry["rows"] = []
            for r in rows:
                decoded = decode_row(r.cells_text, width)
                row = {"label": {"ja": r.context, "en": ""},
                       "cells": " ".join(decoded.cells) if decoded.cells else " ".join(decoded.symbols)}
                if decoded.cells is None:
                    row["decision"] = f"TODO: {decoded.note}; place the marks {' '.join(decoded.symbols)} in their columns"
                entry["rows"].append(row)
        drafts.append(entry)
    if not drafts:
        return ""
    text = yamlfiles.dump(drafts[0] if len(drafts) == 1 else {"tables": drafts})
    return (f"# Draft of the tables of {doc.source_path} (python -m generator table-draft): save each as\n"
            f"# docs_src/{doc.meta.slug}/tables/<id>.yml, write every 'en', and settle every TODO.\n" + text)
