"""Handover events travel in the exchange format: they name teams and institutions by id."""

from __future__ import annotations

import pytest

from schakel.cases.constants import ProtectionMeasure, TeamRole
from schakel.cases.models import Episode, Event
from schakel.exchange.importer import import_lines
from schakel.handovers import services
from schakel.tenancy.constants import OrganisationKind
from schakel.tenancy.services import create_organisation
from tests.exchange.history import exported, wipe

pytestmark = pytest.mark.django_db

FIELDS = ("external_id", "team__external_id", "state", "director__external_id",
          "director_organisation__external_id", "access_from_seq", "unit", "closed_at")


def test_a_transferred_youth_protection_history_survives_export_and_import(
        active_episode, other_team, worker, west_leader, west_coach):
    institution = create_organisation("Jeugdbescherming Regio", OrganisationKind.CARE,
                                      external_id="gi-regio")
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd")
    services.accept_transfer(active_episode, by=west_leader, worker=west_coach)
    services.decide_youth_protection(active_episode, by=west_coach,
                                     measure=ProtectionMeasure.DRANG, institution=institution,
                                     team_role=TeamRole.BRIDGING)
    episodes = list(Episode.objects.values_list(*FIELDS))
    assert episodes[0][1:5] == ("team-west", "active", None, "gi-regio")
    events = list(Event.objects.order_by("external_id").values_list("kind", "data"))
    lines = exported()
    wipe()
    import_lines(lines)
    assert list(Episode.objects.values_list(*FIELDS)) == episodes
    assert list(Event.objects.order_by("external_id").values_list("kind", "data")) == events
