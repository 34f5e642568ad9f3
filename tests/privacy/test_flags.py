"""Sensitive flags are shown and honoured on every page, export and notification."""

import pytest
from django.urls import reverse

from schakel.cases import services
from schakel.privacy import consents, flags, inzage
from schakel.privacy.disclosure import disclosed
from schakel.privacy.models import AccessLog, EventCategory

pytestmark = pytest.mark.django_db


def household_url(world):
    return reverse("web:household", args=[world.household.reference])


def test_a_flag_is_set_from_the_household_page_and_shown_prominently(login, world):
    client = login(world["director"])
    response = client.post(reverse("web:set_flag", args=[world.household.reference]), {
        "flag-kind": "do_not_contact_parents", "flag-person": world.mila.pk,
        "flag-note": "Mila krijgt hulp zonder medeweten van de ouders"})
    assert response.status_code == 302
    page = client.get(household_url(world)).content.decode()
    banner = page.split('id="flags"')[1].split("</section>")[0]
    assert "Ouders niet benaderen" in banner and "Mila" in banner
    # the warning is on every action form
    assert page.count('class="flag-warning"') >= page.count('class="action card" id="action-')
    assert AccessLog.objects.filter(action="change:flag_set").exists()


def test_flags_show_as_icon_and_text_in_the_lists(login, world, team):
    flags.set_flag(world.household, "danger_home_visit", by=world["director"])
    client = login(world["director"])
    caseload = client.get(reverse("web:caseload")).content.decode()
    assert 'class="flag flag--danger_home_visit"' in caseload
    assert "Gevaar voor medewerkers bij huisbezoek" in caseload
    waiting = login(world["leader"]).get(reverse("web:waiting")).content.decode()
    assert 'flag--danger_home_visit' in waiting
    found = client.post(reverse("web:search"), {"q": "Oudewater"}).content.decode()
    assert 'flag--danger_home_visit' in found


def test_a_secret_address_is_shown_to_the_director_and_leader_only(login, world):
    flags.set_flag(world.household, "secret_address", by=world["director"], person=world.sanne)
    for name in ("director", "leader"):
        assert "Lindelaan" in login(world[name]).get(household_url(world)).content.decode()
    for name in ("scientist_consulted", "front_door"):
        page = login(world[name]).get(household_url(world)).content.decode()
        assert "Sanne Oudewater" in page and "Lindelaan" not in page
        assert "0612345678" not in page


def test_a_partner_never_receives_a_secret_address(world):
    consents.give_consent(by=world["director"], person=world.sanne, purpose="referral",
                          recipient=world.gp, categories=["identity", "contact"],
                          method="written")
    assert not disclosed(world.sanne, frozenset({"identity", "contact"})).address_secret
    flags.set_flag(world.household, "secret_address", by=world["director"])
    assert disclosed(world.sanne, frozenset({"identity", "contact"})).address_secret


def test_do_not_contact_parents_keeps_the_childs_help_out_of_a_parents_inzage(world):
    flags.set_flag(world.household, "do_not_contact_parents", by=world["director"],
                   person=world.mila)
    parent = inzage.collect(world.sanne)
    assert parent.withheld == [world.household.reference]
    events = next(s for s in parent.sections if s.model == "cases.Event")
    assert events.rows == []
    child = inzage.collect(world.mila)
    assert next(s for s in child.sections if s.model == "cases.Event").rows


def test_do_not_contact_parents_keeps_the_case_out_of_a_disclosure_about_a_parent(world):
    flags.set_flag(world.household, "do_not_contact_parents", by=world["director"])
    view = disclosed(world.sanne, frozenset({"identity", "case"}))
    assert view.withheld_case and view.episodes == []


def test_an_ended_flag_no_longer_shows(login, world):
    flag = flags.set_flag(world.household, "danger_home_visit", by=world["director"])
    client = login(world["director"])
    client.post(reverse("web:end_flag", args=[world.household.reference, flag.pk]))
    page = client.get(household_url(world)).content.decode()
    assert 'id="flags"' not in page


def test_a_sensitive_note_is_hidden_from_those_who_do_not_take_part_in_the_help(login, world):
    response = login(world["director"]).post(household_url(world), {
        "action": "resident_contacted", "resident_contacted-note": "Moeder heeft een depressie",
        "resident_contacted-category": "health"})
    assert response.status_code == 302
    assert EventCategory.objects.get().category == "health"
    for name in ("director", "scientist_consulted"):
        assert "depressie" in login(world[name]).get(household_url(world)).content.decode()
    for name in ("leader", "front_door"):
        page = login(world[name]).get(household_url(world)).content.decode()
        assert "depressie" not in page
        assert "Verborgen" in page


def test_an_ordinary_note_is_read_by_everyone_involved(login, world):
    services.record(world.episode, "resident_contacted", by=world["director"],
                    note="Afspraak gemaakt")
    assert "Afspraak gemaakt" in login(world["leader"]).get(household_url(world)).content.decode()
