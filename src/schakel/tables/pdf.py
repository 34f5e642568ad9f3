"""The progress pack as a PDF (fpdf2), built from exactly what the reader may see."""

from __future__ import annotations

from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from schakel.plans.pdf import plain


def _line(pdf: FPDF, text: str, size: float = 11, style: str = "") -> None:
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.multi_cell(pdf.epw, 6, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _day(value: Any) -> str:
    return str(formats.date_format(value, "SHORT_DATE_FORMAT"))


def render_pack(context: dict[str, Any]) -> bytes:
    meeting, table = context["meeting"], context["table"]
    pdf = FPDF(format="A4")
    pdf.set_title(plain(_("Progress pack") + f" - {table.name}"))
    pdf.set_creator("Schakel")
    pdf.add_page()
    _line(pdf, _("Progress pack") + f" - {table.name}", 18, "B")
    _line(pdf, _("Meeting of %(day)s, for %(reader)s") % {
        "day": _day(meeting.held_on), "reader": context["reader"].display_name}, 10)
    pdf.ln(3)
    _line(pdf, _("Open agreements"), 13, "B")
    for agreement, label in context["agreements"]:
        _line(pdf, f"{label} (#{agreement.case.number}): {agreement.what} - "
              f"{agreement.owner.display_name} - {_('deadline')} {_day(agreement.deadline)}")
    pdf.ln(3)
    _line(pdf, _("Cases on the docket"), 13, "B")
    for shown in context["cases"]:
        case = shown.case
        _line(pdf, f"#{case.number} {shown.label}", 11, "B")
        if case.concern:
            _line(pdf, case.concern)
    return bytes(pdf.output())
