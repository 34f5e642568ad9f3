"""The glossary: wijkteam words explained for staff from other organisations.

The headwords are the Dutch terms used in the work and on the screens; each
explanation is short and plain. Kept as data so the page and the user guide
say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    word: str  # the Dutch term, as used in the work
    meaning: Promise

    @property
    def anchor(self) -> str:
        return slugify(self.word)


TERMS: tuple[Term, ...] = (
    Term("Aanmelding", _("The registration of a signal about a household. It opens an episode "
                         "and puts the household in the work stock of a team.")),
    Term("Afschalen / opschalen", _("Scaling down or up: less or more intensive help, or "
                                    "handing the case to lighter or more specialised care.")),
    Term("AVG / grondslag", _("The General Data Protection Regulation. Every piece of personal "
                              "data needs a legal ground (grondslag), such as a legal task or "
                              "the resident's consent.")),
    Term("Behoeftenanalyse / brede uitvraag", _("The needs analysis: a structured conversation "
                                                "about all life areas of the household, often "
                                                "at the kitchen table.")),
    Term("Beschikking", _("A formal decision by the municipality, for example granting "
                          "youth care or support under the Wmo. The resident can object to it.")),
    Term("Bezwaar", _("An objection: a resident who disagrees with a decision (beschikking) "
                      "asks the municipality to look at it again.")),
    Term("BIG / SKJ", _("Professional registers. SKJ registers youth care professionals, BIG "
                        "registers health care professionals. Some decisions need a registered "
                        "professional.")),
    Term("Casusregie / casusregisseur", _("Case direction: one professional (the case "
                                          "director) keeps the overview and coordinates the "
                                          "help for the whole household.")),
    Term("Casustafel / Wijkschakel", _("A case table: professionals from several "
                                       "organisations discuss a case and make agreements. "
                                       "Without a legal ground they see only a pseudonym.")),
    Term("Convenant", _("An agreement between organisations about sharing data for a "
                        "case table or a joint approach.")),
    Term("Drang en dwang", _("Pressure and compulsion. Drang: strong persuasion without a "
                             "court order. Dwang: a measure ordered by a court, such as a "
                             "family supervision order.")),
    Term("Episode", _("One period of help for a household, from registration to the end of "
                      "aftercare. A household can have several episodes over the years.")),
    Term("Inzage", _("The resident's right to see which data is kept about them and who "
                     "has looked at it.")),
    Term("Keukentafelgesprek", _("The kitchen-table conversation: the first real talk with "
                                 "the household, at home, about what is going on and what "
                                 "they need.")),
    Term("Kortdurend contact", _("A short contact: a quick question answered at once. No case "
                                 "is opened and no names are recorded.")),
    Term("Maatwerkvoorziening", _("Tailored support granted by a decision (beschikking), as "
                                  "opposed to general services anyone can use without one.")),
    Term("Meldcode", _("The reporting code for domestic violence and child abuse: the "
                       "steps a professional takes when worried about safety.")),
    Term("Nazorg", _("Aftercare: a period after closing in which the team checks whether "
                     "things stay well.")),
    Term("Noodtoegang", _("Emergency access (break the glass): opening a household you are "
                          "not involved with in an acute situation. It is always reviewed "
                          "afterwards.")),
    Term("Ondersteuningsplan", _("The support plan: one plan for the whole household with "
                                 "goals per life area and person, agreed with the household.")),
    Term("Sociale kaart", _("The overview of local services, organisations and volunteers "
                            "the team can refer to.")),
    Term("Triage", _("A first judgement of how urgent a signal is and what kind of help "
                     "fits.")),
    Term("Veilig Thuis", _("The advice and reporting centre for domestic violence and child "
                           "abuse. Professionals and residents can ask it for advice or make "
                           "a report.")),
    Term("Verwijzer", _("The referrer: the person or organisation that brought the signal, "
                        "such as a GP, a school or the resident.")),
    Term("Wachtend", _("Waiting: a professional is assigned but the help has not started "
                       "yet.")),
    Term("Werkvoorraad", _("The work stock: registered households that no professional has "
                           "picked up yet.")),
    Term("Wijkteam", _("The neighbourhood team: professionals who help residents of one "
                       "area with care, youth, money, work and housing questions.")),
    Term("ZRM", _("The Self-Sufficiency Matrix (Zelfredzaamheid-Matrix): a score from 1 "
                  "(acute problems) to 5 (fully self-sufficient) on each life area.")),
)
