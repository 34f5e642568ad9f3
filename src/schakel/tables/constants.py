"""The vocabulary of case tables. Values are stored; change labels freely, never values."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class TableKind(models.TextChoices):
    WIJKSCHAKEL = "wijkschakel", _("Wijkschakel")
    CASUSOVERLEG = "casusoverleg", _("Casusoverleg")
    MDO = "mdo", _("MDO (multidisciplinary meeting)")
    BUURTNETWERK = "buurtnetwerk", _("Buurtnetwerk")
    WOONOVERLAST = "woonoverlast", _("Woonoverlastoverleg")
    OTHER = "other", _("Other (defined by the municipality)")


class Ring(models.TextChoices):
    CORE = "core", _("Core ring")
    SECOND = "second", _("Second ring")


class SubjectKind(models.TextChoices):
    HOUSEHOLD = "household", _("A household")
    BUILDING = "building", _("A building or housing complex")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("On the docket")
    DORMANT = "dormant", _("In portfolio (dormant)")
    CLOSED = "closed", _("Closed")


class StepKind(models.TextChoices):
    SIGNAL = "signal", _("1. Signal discussion")
    DEEPENING = "deepening", _("2. Deepening")
    ACTION = "action", _("3. Action")
    PROGRESS = "progress", _("4. Progress")
    QUICK = "quick", _("Quick format")


class AgreementStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


# The questions of DOMAIN.md §3 per step: (key, label). All optional, all short.
STEP_QUESTIONS: dict[str, list[tuple[str, Any]]] = {
    StepKind.SIGNAL: [
        ("who", _("Who exactly is it about?")),
        ("system", _("What do we know of their system (household, network)?")),
        ("involved", _("Who is already involved?")),
        ("source", _("Information source (own observation, others: who)")),
    ],
    StepKind.DEEPENING: [
        ("functioning", _("How does the person function?")),
        ("household", _("The household")),
        ("personal_support", _("Personal support system (family, friends, neighbours)")),
        ("societal_support", _("Societal support system (services, facilities)")),
        ("behaviour", _("Notable behaviour")),
        ("history", _("History: what did each organisation try, what worked?")),
        ("own_words", _("How does the person describe the problems?")),
        ("strengths", _("Strengths")),
        ("dilemmas", _("Dilemmas")),
        ("approach", _("Best conceivable approach")),
        ("needs", _("What do we need (alignment, partners, feedback, knowledge)?")),
    ],
    StepKind.ACTION: [
        ("what", _("What will we do?")),
        ("with_whom", _("With whom?")),
        ("why", _("Why?")),
    ],
    StepKind.PROGRESS: [
        ("results", _("Results of the agreements")),
        ("new_information", _("New information")),
        ("analysis", _("Revised analysis")),
    ],
    StepKind.QUICK: [
        ("complete", _("Is the situation complete?")),
        ("who_involved", _("Who is involved?")),
        ("missing", _("Who or what is missing?")),
        ("connections", _("Which connections, who does what?")),
        ("alignment", _("How is the alignment?")),
    ],
}
