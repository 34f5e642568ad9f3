"""The vocabulary of a case: sources, channels, event kinds, states, outcomes.

These values are stored in the database and in the exchange format; change a
label freely, never a value.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    """Who brought the signal. Never one lump called "network"."""

    SELF = "self", _("Resident self")
    FAMILY = "family", _("Family or acquaintance")
    VRAAGWIJZER = "vraagwijzer", _("Vraagwijzer")
    CJG = "cjg", _("CJG (youth and family centre)")
    JONGERENLOKET = "jongerenloket", _("Jongerenloket")
    CENTRAAL_ONTHAAL = "centraal_onthaal", _("Centraal Onthaal")
    GP = "gp", _("GP (huisarts)")
    POH_GGZ = "poh_ggz", _("POH-GGZ")
    SCHOOL = "school", _("School / family specialist")
    POLICE = "police", _("Police")
    HOUSING = "housing", _("Housing corporation")
    WELFARE = "welfare", _("Welfare organisation")
    VOLUNTEER = "volunteer", _("Volunteer")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    CASE_TABLE = "case_table", _("Multi-agency case table")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    DIGITAL = "digital", _("Digital form")
    WALK_IN = "walk_in", _("Walk-in")
    SECURE_MAIL = "secure_mail", _("Secure mail")
    API = "api", _("API")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent (health or safety risk)")


class EventKind(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    RETURNED = "returned", _("Returned (linked to earlier episode)")
    REFERRER_CONTACTED = "referrer_contacted", _("Referrer contacted")
    RESIDENT_CONTACTED = "resident_contacted", _("Resident contacted")
    TRIAGED = "triaged", _("Triaged")
    KITCHEN_TABLE = "kitchen_table", _("Kitchen-table conversation")
    ASSIGNED = "assigned", _("Assigned")
    HELP_STARTED = "help_started", _("Help started")
    PLAN_AGREED = "plan_agreed", _("Plan agreed")
    SCALED_UP = "scaled_up", _("Scaled up")
    SCALED_DOWN = "scaled_down", _("Scaled down")
    DIRECTOR_CHANGED = "director_changed", _("Case director changed")
    INVOLVEMENT_ADDED = "involvement_added", _("Involved person added")
    INVOLVEMENT_ENDED = "involvement_ended", _("Involved person ended")
    CLOSED = "closed", _("Closed")
    AFTERCARE_ENDED = "aftercare_ended", _("Aftercare ended")
    HOUSEHOLD_MERGED = "household_merged", _("Duplicate household merged")
    PERSON_MERGED = "person_merged", _("Duplicate person merged")
    CHILD_SAFETY_CHECK = "child_safety_check", _("Child-safety check done")
    DEADLINE_EXTENDED = "deadline_extended", _("Deadline extended")
    GUIDELINE_MOTIVATED = "guideline_motivated", _("Exceeding a guideline motivated")
    WMO_MELDING = "wmo_melding", _("Wmo report of need (melding)")
    WMO_INVESTIGATION_COMPLETED = "wmo_investigation_completed", _("Wmo investigation completed")
    WMO_AANVRAAG = "wmo_aanvraag", _("Wmo formal request (aanvraag)")
    WMO_DECISION = "wmo_decision", _("Wmo decision")
    YOUTH_AANVRAAG = "youth_aanvraag", _("Youth care request (Jeugdwet)")
    YOUTH_DECISION = "youth_decision", _("Youth care decision (Jeugdwet)")
    OBJECTION_RECEIVED = "objection_received", _("Objection received")
    OBJECTION_RECEIVED_COMMITTEE = (
        "objection_received_committee", _("Objection received (advisory committee)"))
    OBJECTION_DECIDED = "objection_decided", _("Objection decided")
    COMPLAINT_RECEIVED = "complaint_received", _("Complaint received")
    COMPLAINT_RECEIVED_COMMITTEE = (
        "complaint_received_committee", _("Complaint received (committee)"))
    COMPLAINT_HANDLED = "complaint_handled", _("Complaint handled")
    TRANSFER_REQUESTED = "transfer_requested", _("Transfer to another team requested")
    TRANSFER_ACCEPTED = "transfer_accepted", _("Transfer accepted by the receiving team")
    TRANSFER_REFUSED = "transfer_refused", _("Transfer refused by the receiving team")
    HANDOVER_MEETING = "handover_meeting", _("Warm handover meeting held")
    YOUTH_PROTECTION_DECIDED = (
        "youth_protection_decided", _("Jeugdbeschermingsplein decision"))
    YOUTH_PROTECTION_ENDED = (
        "youth_protection_ended", _("Scaled back from youth protection to the team"))
    ADULT_TRANSITION_PLANNED = (
        "adult_transition_planned", _("Transition to adult help planned (18th birthday)"))


class State(models.TextChoices):
    """Where an episode stands, derived from its events."""

    REGISTERED = "registered", _("In werkvoorraad (not assigned)")
    WAITING = "waiting", _("Waiting (assigned, help not started)")
    ACTIVE = "active", _("Help started")
    AFTERCARE = "aftercare", _("Closed, in aftercare")
    ENDED = "ended", _("Closed")


OPEN_STATES = (State.REGISTERED, State.WAITING, State.ACTIVE)
CLOSED_STATES = (State.AFTERCARE, State.ENDED)


class CloseReason(models.TextChoices):
    GOALS_MET = "goals_met", _("Goals reached")
    NO_HELP_NEEDED = "no_help_needed", _("No help needed after all")
    HANDED_OVER = "handed_over", _("Handed over")
    REFUSED = "refused", _("Resident refused help")
    NOT_REACHABLE = "not_reachable", _("Resident not reachable")
    MOVED = "moved", _("Moved away")
    DECEASED = "deceased", _("Deceased")
    OTHER = "other", _("Other")


class Destination(models.TextChoices):
    """Where the household went when the episode closed (outflow)."""

    NONE_NEEDED = "none_needed", _("No further help needed")
    OWN_NETWORK = "own_network", _("Own network")
    NEIGHBOURHOOD_NETWORK = "neighbourhood_network", _("Neighbourhood network")
    VOLUNTEER = "volunteer", _("Volunteer")
    SPECIALIST_YOUTH = "specialist_youth", _("Specialist youth care")
    WMO_SERVICE = "wmo_service", _("Wmo service")
    YOUTH_PROTECTION = "youth_protection", _("Youth protection")
    MOVED = "moved", _("Moved")
    DECEASED = "deceased", _("Deceased")
    REFUSED = "refused", _("Refused")
    OTHER = "other", _("Other")


class ShortContactCategory(models.TextChoices):
    MONEY = "money", _("Money question")
    HOUSING = "housing", _("Housing question")
    INFORMATION = "information", _("Information and advice")
    REFERRAL_ELSEWHERE = "referral_elsewhere", _("Referred elsewhere")
    CARE = "care", _("Care or health question")
    OTHER = "other", _("Other")


class InvolvementKind(models.TextChoices):
    TEAM = "team", _("Team member")
    EXTERNAL = "external", _("External professional")
    NETWORK = "network", _("Person from the network")



class ProtectionMeasure(models.TextChoices):
    """What the Jeugdbeschermingsplein chose."""

    VOLUNTARY = "voluntary", _("Voluntary help (direction stays with the team)")
    DRANG = "drang", _("Drang (pressure): a certified institution directs")
    DWANG = "dwang", _("Dwang: court supervision order (OTS), a certified institution directs")


# Measures that move case direction to a certified institution.
INSTITUTION_MEASURES = (ProtectionMeasure.DRANG, ProtectionMeasure.DWANG)


class TeamRole(models.TextChoices):
    """What the team does while a certified institution directs."""

    BRIDGING = "bridging", _("Bridging help")
    PILOT_LIGHT = "pilot_light", _("Pilot light (finger on the pulse)")
    NONE = "none", _("No role")
