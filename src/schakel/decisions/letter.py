"""The decision letter (beschikking) as a PDF, in plain Dutch.

The letter is a legal document for the resident, so it is always Dutch,
whatever language the staff member uses. It states what was decided and why,
and names the objection route with its 6-week term and the last day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from schakel.decisions.constants import DecisionOutcome, Law, TariffUnit
from schakel.decisions.models import Decision
from schakel.decisions.queries import objection_term_end
from schakel.plans.pdf import BRAND, INK, MUTED, plain

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
OUTCOME = {DecisionOutcome.GRANTED: "Wij geven u wat u heeft gevraagd.",
           DecisionOutcome.PARTLY: "Wij geven u een deel van wat u heeft gevraagd.",
           DecisionOutcome.REFUSED: "Wij geven u niet wat u heeft gevraagd."}
UNIT = {TariffUnit.HOUR: "uur", TariffUnit.DAY: "dagdelen", TariffUnit.WEEK: "weken",
        TariffUnit.MONTH: "maanden", TariffUnit.PIECE: "stuks"}


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _amount(volume: Decimal) -> str:
    return f"{volume.normalize():f}".replace(".", ",")


def _write(pdf: FPDF, text: str, size: float = 11, style: str = "", height: float = 6,
           color: tuple[int, int, int] = INK) -> None:
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.set_text_color(*color)
    pdf.multi_cell(pdf.epw, height, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def lines(decision: Decision) -> list[tuple[str, str]]:
    """(style, text) pairs of the letter; also what the tests read."""
    decided = timezone.localdate(decision.decided_at) if decision.decided_at else None
    law = ("de Jeugdwet (de wet voor hulp aan kinderen en ouders)" if decision.law == Law.YOUTH
           else "de Wmo (de wet voor hulp en ondersteuning thuis)")
    result = [
        ("h1", "Besluit over uw aanvraag"),
        ("muted", f"Datum: {dutch_date(decided) if decided else '-'}   Kenmerk: B-{decision.pk}"),
        ("", f"Beste {decision.person.full_name},"),
        ("", f"U vroeg ons om hulp. Dat deed u via {law}. In deze brief leest u wat wij "
             "hebben besloten. En waarom."),
        ("h2", "Wat hebben wij besloten?"),
        ("", OUTCOME.get(DecisionOutcome(decision.outcome), "") if decision.outcome else ""),
    ]
    if decision.product is not None and decision.outcome != DecisionOutcome.REFUSED:
        period = ""
        if decision.period_start and decision.period_end:
            period = (f" van {dutch_date(decision.period_start)} tot en met "
                      f"{dutch_date(decision.period_end)}")
        provider = f" bij {decision.provider.name}" if decision.provider else ""
        result.append(("", f"U krijgt: {decision.product.name}, {_amount(decision.volume)} "
                           f"{UNIT.get(TariffUnit(decision.product.unit), '')}{period}"
                           f"{provider}."))
    result += [
        ("h2", "Waarom?"),
        ("", decision.motivation),
        ("h2", "Bent u het niet eens met dit besluit?"),
        ("", "Dan kunt u bezwaar maken. Dat doet u binnen 6 weken na de datum van deze brief."),
    ]
    until = objection_term_end(decision)
    if until is not None:
        result.append(("b", f"Uw bezwaar moet uiterlijk op {dutch_date(until)} bij ons zijn."))
    result += [
        ("", "Schrijf in uw bezwaar:"),
        ("", "- uw naam en adres;"),
        ("", "- de datum en het kenmerk van deze brief;"),
        ("", "- waarom u het niet eens bent met het besluit;"),
        ("", "- uw handtekening."),
        ("", "Stuur uw bezwaar naar het college van burgemeester en wethouders van de gemeente."),
        ("h2", "Wilt u eerst praten?"),
        ("", "Bel of mail uw contactpersoon van het wijkteam. Dat mag ook als u al bezwaar "
             "maakt. Vindt u bezwaar maken lastig? Vraag dan hulp aan een "
             "cliëntondersteuner. Dat is gratis."),
        ("", "Met vriendelijke groet,"),
        ("", decision.team.name),
    ]
    return [(style, text) for style, text in result if text]


def render(decision: Decision) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(plain(f"Besluit B-{decision.pk}"))
    pdf.set_lang("nl")
    pdf.set_creator("Schakel")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    styles = {"h1": (20, "B", 10, BRAND), "h2": (13, "B", 8, BRAND), "b": (11, "B", 6, INK),
              "muted": (10, "", 6, MUTED), "": (11, "", 6, INK)}
    for style, text in lines(decision):
        size, weight, height, color = styles[style]
        if style == "h2":
            pdf.ln(2)
        _write(pdf, text, size=size, style=weight, height=height, color=color)
        if style in ("", "b", "muted"):
            pdf.ln(1)
    return bytes(pdf.output())
