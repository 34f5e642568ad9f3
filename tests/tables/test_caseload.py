from django.urls import reverse
from django.utils import timezone

from schakel.tables import services
from tests.conftest import sign_in


def test_my_work_agreements_at_case_tables_show_on_my_caseload(client, episode, worker, leader):
    table = services.create_table(leader, services.TableInput(
        name="Wijkschakel Oost", kind="wijkschakel", chair=leader))
    services.add_member(table, worker, ring="core", by=leader)
    case = services.bring_case(table, by=worker, subject="household",
                               household=episode.household, concern="Zorgen over overlast")
    services.make_agreement(case, by=leader, what="Huisbezoek plannen", owner=worker,
                            deadline=timezone.localdate())
    sign_in(client, worker.user)
    response = client.get(reverse("web:caseload"))
    assert [s.agreement.what for s in response.context["agreements"]] == ["Huisbezoek plannen"]
    assert "Huisbezoek plannen" in response.content.decode()
