"""Tables as CSV, XLSX and JSON: the same cells the page shows, suppressed the same way."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from schakel.insight.tables import Table, display

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def to_csv(tables: Sequence[Table]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for table in tables:
        writer.writerow([table.title])
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([display(k, c) if k != "count" else c
                             for k, c in zip(table.kinds, row, strict=True)])
        writer.writerow([])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: spreadsheets read UTF-8


def to_xlsx(tables: Sequence[Table]) -> bytes:
    book = Workbook()
    for sheet in list(book.worksheets):
        book.remove(sheet)
    used: set[str] = set()
    for table in tables:
        name = table.key[:31]
        while name in used:
            name = f"{name[:28]}_{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append([table.title])
        sheet.append(list(table.columns))
        for row in table.rows:
            sheet.append([c if c is None or isinstance(c, int | float | str) else str(c)
                          for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_dict(panel: str, tables: Sequence[Table], filters: dict[str, Any],
            summary: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "panel": panel,
        "filters": filters,
        "summary": summary or {},
        "tables": [{"key": t.key, "title": t.title, "columns": list(t.columns),
                    "kinds": list(t.kinds), "rows": [list(r) for r in t.rows]}
                   for t in tables],
    }


def to_json(panel: str, tables: Sequence[Table], filters: dict[str, Any],
            summary: dict[str, Any] | None = None) -> bytes:
    return json.dumps(as_dict(panel, tables, filters, summary), ensure_ascii=False,
                      indent=2, default=str).encode("utf-8")
