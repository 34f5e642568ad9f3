"""A small, valid exchange file built as dicts, so each test can break one thing."""

from __future__ import annotations

import json
from typing import Any

HEADER = {"type": "header", "format": "schakel-exchange", "version": 1,
          "exported_at": "2025-06-01T12:00:00.000000+00:00"}


def at(day: int, hour: int = 9) -> str:
    return f"2025-03-{day:02d}T{hour:02d}:00:00.123456+00:00"


def sample() -> list[dict[str, Any]]:
    """Municipality to short contact: one household with a full episode."""
    return [
        {"type": "municipality", "id": "gm", "name": "Voorbeeldstad", "cbs_code": "GM9998"},
        {"type": "district", "id": "wk1", "municipality": "gm", "level": "wijk",
         "cbs_code": "WK999801", "name": "Centrum", "parent": None},
        {"type": "organisation", "id": "org", "name": "Welzijn Voorbeeld", "kind": "parent",
         "municipality": "gm"},
        {"type": "team", "id": "t1", "municipality": "gm", "name": "Team Centrum",
         "district": "wk1", "rayon": ""},
        {"type": "staff", "id": "s1", "municipality": "gm", "organisation": "org",
         "username": "coach.een", "display_name": "Coach Een", "roles": [],
         "places": [{"team": "t1", "role": "team_member", "unit": None, "deputy": False}],
         "specialisms": ["schulden"], "fte": "0.89",
         "registration": {"kind": "skj", "number": "100099999", "expires": "2030-01-01"}},
        {"type": "staff", "id": "s2", "municipality": "gm", "organisation": "org",
         "username": "leider.twee", "display_name": "Leider Twee", "roles": ["admin"],
         "places": [{"team": "t1", "role": "team_leader", "unit": "jeugd", "deputy": True}],
         "specialisms": [], "fte": "1.00",
         "registration": {"kind": "", "number": "", "expires": None}},
        {"type": "person", "id": "p1", "given_name": "Anna", "family_name_prefix": "de",
         "family_name": "Vries", "birth_date": "1985-02-03", "bsn": "999990019",
         "phone": "", "email": "", "street": "Voorbeeldstraat", "house_number": "1",
         "postcode": "9999AA", "city": "Voorbeeldstad", "merged_into": None},
        {"type": "person", "id": "p2", "given_name": "Bo", "family_name_prefix": "de",
         "family_name": "Vries", "birth_date": "2014-09-15", "bsn": "", "phone": "",
         "email": "", "street": "", "house_number": "", "postcode": "", "city": "",
         "merged_into": None},
        {"type": "household", "id": "h1", "reference": "H-1000001", "team": "t1",
         "name": "De Vries", "members": [{"person": "p1", "role": "parent"},
                                         {"person": "p2", "role": "child"}],
         "merged_into": None},
        {"type": "episode", "id": "e1", "household": "h1", "team": "t1", "number": 1,
         "previous": None},
        event("e1", 1, "registered", at(1), data={
            "source": "gp", "channel": "phone", "urgency": "normal", "unit": "jeugd"}),
        event("e1", 2, "assigned", at(2), worker="s1"),
        event("e1", 3, "help_started", at(3)),
        event("e1", 4, "involvement_added", at(4), data={
            "involvement": "inv1", "kind": "external", "name": "Jeugdarts"}),
        event("e1", 5, "involvement_ended", at(5), data={"involvement": "inv1"}),
        event("e1", 6, "closed", at(6), data={"reason": "goals_met",
                                               "destination": "own_network"}),
        {"type": "short_contact", "id": "c1", "team": "t1", "category": "money",
         "source": "self", "channel": "walk_in", "occurred_at": at(7),
         "recorded_at": at(7, 10), "recorded_by": "s1",
         "note": "Verwezen naar de formulierenbrigade"},
    ]


def event(episode: str, seq: int, kind: str, occurred_at: str, *, worker: str | None = None,
          data: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "event", "id": f"{episode}-ev{seq}", "episode": episode, "seq": seq,
            "kind": kind, "occurred_at": occurred_at, "recorded_at": occurred_at,
            "recorded_by": "s1", "worker": worker, "backdate_reason": "", "data": data or {}}


def lines(records: list[dict[str, Any]], header: dict[str, Any] | None = HEADER) -> list[str]:
    out = [json.dumps(header)] if header is not None else []
    return out + [json.dumps(r) for r in records]


def line_of(records: list[dict[str, Any]], record_id: str, kind: str) -> int:
    """The 1-based line a record lands on in ``lines(records)`` (the header is line 1)."""
    for i, r in enumerate(records):
        if r["id"] == record_id and r["type"] == kind:
            return i + 2
    raise KeyError(record_id)


def flag(flag_id: str = "f1", **values: Any) -> dict[str, Any]:
    return {"type": "sensitive_flag", "id": flag_id, "household": "h1", "person": "p2",
            "kind": "do_not_contact_parents", "note": "Hulp zonder medeweten ouders",
            "set_by": "s1", "set_at": at(2, 11), "ended_by": None, "ended_at": None, **values}


def consent(consent_id: str = "k1", **values: Any) -> dict[str, Any]:
    return {"type": "consent", "id": consent_id, "person": "p1", "household": "h1",
            "purpose": "referral", "recipient": "org", "categories": ["contact", "finances"],
            "method": "written", "given_at": at(3, 10), "valid_until": "2026-03-03",
            "note": "", "recorded_by": "s1", "withdrawn_at": None, "withdrawn_by": None,
            "withdrawal_note": "", **values}


def with_privacy(records: list[dict[str, Any]], *extra: dict[str, Any]) -> list[dict[str, Any]]:
    """``records`` with a flag and a consent (or ``extra``) right after the households."""
    last = max(i for i, r in enumerate(records) if r["type"] == "household")
    return [*records[:last + 1], *(extra or (flag(), consent())), *records[last + 1:]]
