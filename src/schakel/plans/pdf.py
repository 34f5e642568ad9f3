"""The resident's plan as a PDF (fpdf2: pure Python, no system libraries).

Uses the built-in Helvetica, which covers the Latin-1 characters of Dutch
(ë, é, ï, ...); typographic quotes and dashes are replaced by plain ones.
"""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from schakel.plans.resident import ResidentPlan

REPLACE = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
                         "„": '"', "…": "...", "€": "EUR", "\u00a0": " "})
INK, MUTED, BRAND = (27, 31, 35), (80, 90, 100), (11, 79, 108)


def plain(text: str) -> str:
    """Text the built-in font can show."""
    return text.translate(REPLACE).encode("latin-1", "replace").decode("latin-1")


class _Document(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.set_text_color(*MUTED)
        self.cell(0, 10, plain(f"{self.footer_text} - {self.page_no()}"), align="C")


def _line(pdf: FPDF, text: str, size: float = 11, style: str = "", height: float = 6,
          color: tuple[int, int, int] = INK, indent: float = 0) -> None:
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.set_text_color(*color)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, height, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render(plan: ResidentPlan, *, labels: dict[str, str]) -> bytes:
    """The PDF bytes; ``labels`` holds the translated headings (what, who, help, ...)."""
    pdf = _Document(format="A4")
    pdf.footer_text = f"{plan.title} - {plan.household} - {labels['version']} {plan.version}"
    pdf.set_title(plain(f"{plan.title} - {plan.household}"))
    pdf.set_lang("nl")
    pdf.set_creator("Schakel")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    _line(pdf, plan.title, size=22, style="B", height=10, color=BRAND)
    _line(pdf, plan.household, size=14, style="B", height=8)
    _line(pdf, f"{labels['version']} {plan.version} - {plan.made_on}", size=10, color=MUTED)
    if plan.is_draft:
        _line(pdf, labels["draft"], size=11, style="B", color=(179, 38, 30))
    pdf.ln(3)
    if plan.summary:
        _line(pdf, labels["summary"], size=13, style="B", height=8)
        _line(pdf, plan.summary)
        pdf.ln(2)
    for number, goal in enumerate(plan.goals, start=1):
        pdf.ln(2)
        _line(pdf, f"{labels['goal']} {number}: {goal.area} ({goal.person})", size=13,
              style="B", height=8, color=BRAND)
        _line(pdf, goal.text, style="B")
        for action in goal.actions:
            pdf.ln(1)
            _line(pdf, f"- {action.text}", indent=4)
            _line(pdf, f"{labels['who']}: {action.who}", size=10, color=MUTED, indent=8)
            _line(pdf, f"{labels['help']}: {action.help}", size=10, color=MUTED, indent=8)
            _line(pdf, f"{labels['check_on']}: {action.check_on}", size=10, color=MUTED,
                  indent=8)
            _line(pdf, f"{labels['status']}: {action.status}", size=10, color=MUTED, indent=8)
    pdf.ln(4)
    for sentence in (plan.agreed, plan.signed, plan.contact, *plan.rights):
        if sentence:
            _line(pdf, sentence)
    return bytes(pdf.output())
