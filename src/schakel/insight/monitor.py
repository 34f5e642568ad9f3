"""The monthly council monitor as a PDF (fpdf2), per team, rayon or the city.

Aggregates only, always: every count under five is shown as "<5", whoever
prints it, since the monitor goes to the council.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from schakel.insight.panels import Params, build
from schakel.insight.tables import Table, display
from schakel.plans.pdf import INK, MUTED, plain

SECTIONS = ("overview", "durations", "caseload")


def month_params(base: Params, month: dt.date) -> Params:
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    return Params(scope=base.scope, on=last, start=month, end=last, names=False)


def monitor_tables(params: Params) -> list[Table]:
    return [table for name in SECTIONS for table in build(name, params).tables]


def render(title: str, subtitle: str, tables: Sequence[Table]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(plain(title))
    pdf.set_creator("Schakel")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.set_text_color(*INK)
    pdf.multi_cell(pdf.epw, 8, plain(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(pdf.epw, 5, plain(subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for table in tables:
        if not table.rows:
            continue
        pdf.ln(4)
        pdf.set_font("Helvetica", style="B", size=11)
        pdf.set_text_color(*INK)
        pdf.multi_cell(pdf.epw, 6, plain(table.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", size=8)
        with pdf.table(text_align="LEFT", first_row_as_headings=True) as grid:
            head = grid.row()
            for column in table.columns:
                head.cell(plain(str(column)))
            for row in table.rows:
                line = grid.row()
                for kind, cell in zip(table.kinds, row, strict=True):
                    line.cell(plain(display(kind, cell)))
    return bytes(pdf.output())
