"""Every page × every role × every relation to the household: personal data only where allowed.

The pages are enumerated from the URL resolver, so a page added later without
a declared expectation below fails ``test_every_page_declares_who_may_see_personal_data``.
For each page the declaration names how to build its URL and which of the
actors may see the synthetic resident's personal data (her name, her family
name, her BSN). Every actor then opens the page; the data must appear for
exactly the declared actors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from schakel.privacy import consents, flags, glass, rights
from schakel.privacy.models import CorrectionRequest, Objection
from tests.conftest import sign_in
from tests.privacy import others
from tests.privacy.conftest import BSN, NAME

pytestmark = pytest.mark.django_db

MARKERS = ("Sanne", NAME, BSN)
ACTORS = ("director", "colleague", "leader", "other_leader", "scientist_consulted", "scientist",
          "front_door", "front_door_other", "glass", "partner_consent", "partner_no_consent",
          "policy", "admin", "privacy_officer", "anonymous")
# Involved with the household: director, team leader of its team, consulted behavioural
# scientist, the front-door worker who registered it, and the break-the-glass holder.
READERS = frozenset({"director", "leader", "scientist_consulted", "front_door", "glass"})
# Involved and a casework member of the household's team: may record.
RECORDERS = frozenset({"director", "leader", "scientist_consulted"})
NOBODY: frozenset[str] = frozenset()

Args = Callable[[dict[str, Any]], dict[str, Any]]


def ref(ctx: dict[str, Any]) -> dict[str, Any]:
    return {"reference": ctx["household"].reference}


def person(ctx: dict[str, Any]) -> dict[str, Any]:
    return {"pk": ctx["sanne"].pk}


def with_ref(**names: str) -> Args:
    """The household reference plus keyword arguments taken from the context."""
    return lambda ctx: {**ref(ctx), **{k: ctx[v] for k, v in names.items()}}


def pk_of(name: str) -> Args:
    return lambda ctx: {"pk": ctx[name]}


def none(ctx: dict[str, Any]) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Page:
    args: Args
    sees: frozenset[str]
    post: dict[str, Any] = field(default_factory=dict)  # also POST this and check it
    post_sees: frozenset[str] = NOBODY


PAGES: dict[str, Page] = {
    "set_language": Page(none, NOBODY),
    "login": Page(none, NOBODY),
    "logout": Page(none, NOBODY),
    "insight:figures": Page(none, NOBODY),  # aggregates only
    "insight:durations": Page(none, NOBODY),
    "insight:caseload": Page(none, NOBODY),  # professionals' names, no residents
    "insight:norms": Page(none, NOBODY),
    "insight:quality": Page(none, NOBODY),  # household references, no names
    "insight:forecast": Page(none, NOBODY),
    "insight:export": Page(lambda ctx: {"panel": "overview", "fmt": "csv"}, NOBODY),
    "insight:monitor": Page(none, NOBODY),
    "norms:team_signals": Page(none, NOBODY),  # references, no names
    "norms:admin": Page(none, NOBODY),
    "web:home": Page(none, NOBODY),
    "web:caseload": Page(none, frozenset({"director"})),
    "web:werkvoorraad": Page(none, NOBODY),  # assigned: no longer in the work stock
    "web:waiting": Page(none, NOBODY),  # help has started
    "web:register": Page(none, NOBODY),
    "web:short_contact": Page(none, NOBODY),
    "web:search": Page(none, NOBODY, post={"q": NAME}, post_sees=READERS),
    "web:glossary": Page(none, NOBODY),  # explanations of terms only
    "web:household": Page(ref, READERS),
    "web:end_involvement": Page(with_ref(pk="involvement"), NOBODY),
    "web:merge_households": Page(ref, frozenset({"leader"})),
    "web:merge_persons": Page(ref, RECORDERS),
    "web:give_consent": Page(ref, NOBODY),
    "web:withdraw_consent": Page(with_ref(pk="consent"), NOBODY),
    "web:set_flag": Page(ref, NOBODY),
    "web:end_flag": Page(with_ref(pk="flag"), NOBODY),
    "privacy:home": Page(none, NOBODY),
    "privacy:audit": Page(none, NOBODY),  # staff names and record numbers, no residents
    "privacy:audit_export": Page(none, NOBODY),
    "privacy:emergency_queue": Page(none, NOBODY),
    "privacy:emergency_request": Page(none, NOBODY),
    "privacy:emergency_review": Page(pk_of("grant"), NOBODY),
    "privacy:persons": Page(none, NOBODY, post={"q": BSN},
                            post_sees=frozenset({"privacy_officer"})),
    "privacy:person": Page(person, frozenset({"privacy_officer"})),
    "privacy:inzage": Page(person, frozenset({"privacy_officer"})),
    "privacy:inzage_json": Page(person, frozenset({"privacy_officer"})),
    "privacy:correction": Page(person, NOBODY),
    "privacy:objection": Page(person, NOBODY),
    "privacy:handle_correction": Page(pk_of("correction"), NOBODY),
    "privacy:decide_objection": Page(pk_of("objection"), NOBODY),
    "privacy:covenants": Page(none, NOBODY),
    "privacy:retention": Page(none, NOBODY),
    "privacy:shared": Page(none, frozenset({"partner_consent"})),
    "privacy:shared_person": Page(person, frozenset({"partner_consent"})),
    "assessment:overview": Page(ref, READERS),
    "assessment:new": Page(with_ref(code="instrument"), RECORDERS),
    "assessment:measurement": Page(with_ref(pk="measurement"), READERS),
    "assessment:progress": Page(with_ref(person="sanne_pk", code="instrument"), READERS),
    "assessment:safety": Page(ref, NOBODY),  # the checks, without names
    "assessment:admin_list": Page(none, NOBODY),
    "assessment:admin_add": Page(none, NOBODY),
    "assessment:admin_revise": Page(pk_of("instrument_pk"), NOBODY),
    "assessment:admin_version": Page(pk_of("version_pk"), NOBODY),
    "plans:plan": Page(ref, READERS),
    "plans:edit_goal": Page(with_ref(pk="goal"), READERS),
    "plans:edit_action": Page(with_ref(pk="action"), READERS),
    "plans:action_status": Page(with_ref(pk="action"), NOBODY),
    "plans:remove": Page(with_ref(what="goal_word", pk="goal"), NOBODY),
    "plans:version": Page(with_ref(number="plan_number"), READERS),
    "plans:resident": Page(ref, READERS),
    "plans:resident_pdf": Page(ref, READERS),
    "plans:network": Page(ref, READERS),
    "plans:edit_entry": Page(with_ref(pk="entry"), READERS),
    "plans:end_entry": Page(with_ref(pk="entry"), NOBODY),
    "decisions:household": Page(ref, READERS),
    "decisions:letter": Page(lambda ctx: {**ref(ctx), "pk": 0}, NOBODY),  # no decision here
    "decisions:catalogue": Page(none, NOBODY),
    "decisions:complaints": Page(none, NOBODY),  # leaders only, none about this world
    "decisions:figures": Page(none, NOBODY),  # counts only
    "decisions:budget": Page(none, NOBODY),  # money per team and product
    "decisions:feedback": Page(none, frozenset({"partner_consent"})),  # the GP who referred
    # Handovers: the household's handover page; incoming transfers show references only.
    "handovers:household": Page(ref, READERS),
    "handovers:incoming": Page(none, NOBODY),
    "handovers:answer": Page(pk_of("episode_pk"), NOBODY),  # POST only
    # Case tables: the household is brought without a basis, so nobody sees who it is.
    "tables:index": Page(none, NOBODY),
    "tables:create": Page(none, NOBODY),
    "tables:learnings": Page(none, NOBODY),
    "tables:table": Page(pk_of("table"), NOBODY),
    "tables:bring": Page(pk_of("table"), NOBODY),
    "tables:new_meeting": Page(pk_of("table"), NOBODY),
    "tables:case": Page(pk_of("table_case"), NOBODY),
    "tables:agreement_result": Page(pk_of("table_agreement"), NOBODY),
    "tables:meeting": Page(pk_of("table_meeting"), NOBODY),
    "tables:pack": Page(pk_of("table_meeting"), NOBODY),
    "tables:pack_pdf": Page(pk_of("table_meeting"), NOBODY),
    # Second factor, logging out everywhere, health checks: no resident data.
    "security:verify": Page(none, NOBODY),
    "security:enrol": Page(none, NOBODY),
    "security:logout_everywhere": Page(none, NOBODY),
    "security:health": Page(none, NOBODY),
    "security:ready": Page(none, NOBODY),
    # Partner API: bearer tokens only, so no session user gets past 401.
    "api_v1:api-root": Page(none, NOBODY),
    "api_v1:openapi-json": Page(none, NOBODY),
    "api_v1:signals": Page(none, NOBODY),
    "api_v1:referrals": Page(none, NOBODY),
    "api_v1:submissions": Page(none, NOBODY),
    "api_v1:submission": Page(lambda ctx: {"submission_id": ctx["submission_id"]}, NOBODY),
    "api_v1:teams": Page(none, NOBODY),
    # The GP's own submissions: number, kind, team and status, never a name.
    "partner:submit": Page(none, NOBODY),
    "partner:submissions": Page(none, NOBODY),
    "partner:tokens": Page(none, NOBODY),
    # Sociale kaart: organisations and offers; district pages hold suppressed counts.
    "socialmap:public": Page(none, NOBODY),
    "socialmap:public_json": Page(none, NOBODY),
    "socialmap:manage": Page(none, NOBODY),
    "socialmap:organisation_new": Page(none, NOBODY),
    "socialmap:organisation": Page(pk_of("map_org"), NOBODY),
    "socialmap:contact_new": Page(pk_of("map_org"), NOBODY),
    "socialmap:offer_new": Page(lambda ctx: {"organisation_pk": ctx["map_org"]}, NOBODY),
    "socialmap:offer": Page(pk_of("map_offer"), NOBODY),
    "socialmap:link": Page(ref, READERS),
    "socialmap:districts": Page(none, NOBODY),
    "socialmap:district": Page(lambda ctx: {"code": ctx["district_code"]}, NOBODY),
}


def url_names() -> list[str]:
    def walk(patterns: list[Any], namespace: str | None) -> list[str]:
        names: list[str] = []
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                names += walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.append(f"{namespace}:{pattern.name}" if namespace else pattern.name)
        return names

    return walk(get_resolver().url_patterns, None)


def test_every_page_declares_who_may_see_personal_data():
    undeclared = sorted(set(url_names()) - set(PAGES))
    assert not undeclared, (
        f"pages without a declared expectation: {undeclared}; add them to PAGES in "
        "tests/privacy/test_authorisation.py with who may see personal data there")
    assert not set(PAGES) - set(url_names()), "declared pages that no longer exist"


def case_table(world: Any) -> dict[str, Any]:
    """A Wijkschakel chaired by the team leader where the director brings the household
    without a basis (no covenant, no consent for the table): it is pseudonymous."""
    from django.utils import timezone

    from schakel.tables import services as tables

    leader = world["leader"]
    table = tables.create_table(leader, tables.TableInput(
        name="Wijkschakel Oost", kind="wijkschakel", chair=leader))
    for member in ("director", "partner_consent", "partner_no_consent"):
        tables.add_member(table, world[member], ring="core", by=leader)
    case = tables.bring_case(table, by=world["director"], subject="household",
                             household=world.household, concern="Zorgen")
    meeting = tables.plan_meeting(table, timezone.localdate(), by=leader)
    agreement = tables.make_agreement(case, by=leader, what="Huisbezoek",
                                      owner=world["partner_consent"],
                                      deadline=timezone.localdate(), meeting=meeting)
    return {"table": table.pk, "table_case": case.pk, "table_meeting": meeting.pk,
            "table_agreement": agreement.pk}


@pytest.fixture
def context(world) -> dict[str, Any]:
    """The world with a consent for the GP, an emergency grant and one of every object."""
    director = world["director"]
    extra = others.build(world)
    consent = consents.give_consent(
        by=director, person=world.sanne, purpose="referral", recipient=world.gp,
        categories=["identity", "case"], method="written", household=world.household)
    flag = flags.set_flag(world.household, "danger_home_visit", by=director)
    grant = glass.request_access(world["glass"], world.household,
                                 "Politie meldt acute zorgen, direct nodig")
    rights.request_correction(world.sanne, by=world["privacy_officer"], request="Adres")
    rights.object_to_processing(world.sanne, by=world["privacy_officer"],
                                purpose="case_table", grounds="Liever niet")
    measurement = extra["measurement"]
    version = measurement.version
    table = case_table(world)
    return {
        "world": world, "household": world.household, "sanne": world.sanne,
        "sanne_pk": world.sanne.pk, "involvement": world.household.involvements.first().pk,
        "consent": consent.pk, "flag": flag.pk, "grant": grant.pk,
        "correction": CorrectionRequest.objects.get().pk, "objection": Objection.objects.get().pk,
        "measurement": measurement.pk, "instrument": version.instrument.code,
        "instrument_pk": version.instrument.pk, "version_pk": version.pk,
        "goal": extra["goal"].pk, "action": extra["action"].pk, "goal_word": "doel",
        "plan_number": extra["plan"].number, "entry": extra["entry"].pk,
        "episode_pk": world.household.episodes.first().pk,
        "map_org": extra["map_org"], "map_offer": extra["map_offer"],
        "district_code": extra["district_code"], "submission_id": extra["submission_id"],
        **table,
    }


def client_for(world: Any, actor: str) -> Client:
    client = Client()
    if actor != "anonymous":
        sign_in(client, world[actor].user)
    return client


def shows_personal_data(content: bytes, typed: dict[str, Any]) -> bool:
    """A marker on the page, not counting what the user typed in (a search echoes it)."""
    text = content.decode("utf-8", errors="replace")
    markers = [m for m in MARKERS if not any(m in str(v) for v in typed.values())]
    return any(marker in text for marker in markers)


def test_personal_data_appears_only_where_allowed(context):
    world = context["world"]
    clients = {actor: client_for(world, actor) for actor in ACTORS}
    wrong: list[str] = []
    for name, page in sorted(PAGES.items()):
        url = reverse(name, kwargs=page.args(context))
        checks = [("GET", page.sees, {})] + ([("POST", page.post_sees, page.post)]
                                              if page.post else [])
        for method, expected, data in checks:
            seen = set()
            for actor, client in clients.items():
                response = client.post(url, data) if method == "POST" else client.get(url)
                if shows_personal_data(response.content, data):
                    seen.add(actor)
            if seen != expected:
                wrong.append(f"{method} {name}: shown to {sorted(seen)}, "
                             f"allowed {sorted(expected)}")
    assert not wrong, "\n".join(wrong)
