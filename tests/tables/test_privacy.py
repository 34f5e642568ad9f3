"""A member without a basis never receives who a pseudonymous case is about, anywhere."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from schakel.privacy import consents
from schakel.tables import queries, services
from schakel.tables.constants import SubjectKind
from tests.tables.conftest import MARKERS, covenant_for

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    """The raw bytes of a PDF plus each stream decompressed, read by its /Length."""
    parts = [content.decode("latin-1")]
    reader = PdfReader(io.BytesIO(content))
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            parts.append(contents.get_data().decode("latin-1"))
        parts.append(page.extract_text() or "")
    return "\n".join(parts)


def leaks(text: str) -> list[str]:
    return [m for m in MARKERS if m in text]


def build_pseudonymous(tw, make_table):
    table = make_table()
    case = services.bring_case(table, by=tw["bringer"], subject=SubjectKind.HOUSEHOLD,
                               household=tw.household, concern="Verward gedrag, overlast")
    services.record_step(case, "signal", {"involved": "Wijkagent, corporatie"}, by=tw["police"])
    meeting = services.plan_meeting(table, timezone.localdate(), by=tw["chair"])
    services.make_agreement(case, by=tw["chair"], what="Huisbezoek afleggen",
                            owner=tw["police"], deadline=timezone.localdate(), meeting=meeting)
    return table, case, meeting


def every_output(tw, table, case, meeting, member: str) -> dict[str, str]:
    client = tw.client(member)
    pages = {
        "index": reverse("tables:index"), "table": reverse("tables:table", args=[table.pk]),
        "bring": reverse("tables:bring", args=[table.pk]),
        "case": reverse("tables:case", args=[case.pk]),
        "meeting": reverse("tables:meeting", args=[meeting.pk]),
        "pack": reverse("tables:pack", args=[meeting.pk]),
        "learnings": reverse("tables:learnings"),
    }
    out = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, member)
        out[name] = response.content.decode()
    pdf = client.get(reverse("tables:pack_pdf", args=[meeting.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    out["pack_pdf"] = pdf_text(pdf.content)
    out["signals"] = " ".join(s.case_label for s in
                              queries.my_agreement_signals(tw[member]))
    return out


def test_member_without_basis_never_receives_identifying_data_on_any_output(tw, make_table):
    table, case, meeting = build_pseudonymous(tw, make_table)
    assert case.pseudonym.startswith("H-") and not case.identified
    services.close_case(case, services.Closure(problem_owner="Wijkteam Oost",
                                               learnings="Vroeg de corporatie betrekken"),
                        by=tw["chair"])
    table2, case2, meeting2 = build_pseudonymous(tw, lambda: make_table("Tweede tafel"))
    for member in ("police", "housing", "bringer", "chair"):
        for name, text in every_output(tw, table2, case2, meeting2, member).items():
            assert not leaks(text), f"{member} receives {leaks(text)} on {name}"
    case_page = tw.client("police").get(reverse("tables:case", args=[case2.pk])).content
    assert case2.pseudonym in case_page.decode()


def test_the_pseudonym_is_stable_per_table_and_differs_between_tables(tw, make_table):
    one, two = make_table("Een"), make_table("Twee")
    a = services.bring_case(one, by=tw["bringer"], subject="household", household=tw.household)
    b = services.bring_case(two, by=tw["bringer"], subject="household", household=tw.household)
    services.close_case(a, services.Closure(problem_owner="x"), by=tw["chair"])
    again = services.bring_case(one, by=tw["bringer"], subject="household",
                                household=tw.household)
    assert a.pseudonym == again.pseudonym != b.pseudonym


def test_with_the_tables_covenant_members_see_who_it_is(tw, make_table):
    table = make_table(covenant=covenant_for(tw))
    case = services.bring_case(table, by=tw["bringer"], subject="household",
                               household=tw.household)
    assert case.identified
    page = tw.client("police").get(reverse("tables:case", args=[case.pk])).content.decode()
    assert NAME_IN(page)


def NAME_IN(text: str) -> bool:  # noqa: N802
    return "Oudewater" in text


def test_a_covenant_the_table_does_not_work_under_is_no_basis(tw, make_table):
    covenant_for(tw)
    table = make_table()
    case = services.bring_case(table, by=tw["bringer"], subject="household",
                               household=tw.household)
    assert not case.identified
    assert not NAME_IN(tw.client("police").get(reverse("tables:case", args=[case.pk]))
                       .content.decode())


def test_consent_identifies_the_person_only_to_the_organisation_it_names(tw, make_table):
    sanne = tw.household.members.get().person
    consent = consents.give_consent(by=tw["bringer"], person=sanne, purpose="case_table",
                                    recipient=tw["police"].organisation,
                                    categories=["identity"], method="written")
    table = make_table()
    case = services.bring_case(table, by=tw["bringer"], subject="household",
                               household=tw.household)
    url = reverse("tables:case", args=[case.pk])
    assert NAME_IN(tw.client("police").get(url).content.decode())
    assert not NAME_IN(tw.client("housing").get(url).content.decode())
    consents.withdraw_consent(consent, by=tw["bringer"])
    assert not NAME_IN(tw.client("police").get(url).content.decode())


def test_someone_not_at_the_table_is_refused_every_page(tw, make_table):
    table, case, meeting = build_pseudonymous(tw, make_table)
    client = tw.client("outsider")
    for url in (reverse("tables:table", args=[table.pk]), reverse("tables:case", args=[case.pk]),
                reverse("tables:meeting", args=[meeting.pk]),
                reverse("tables:pack", args=[meeting.pk]),
                reverse("tables:pack_pdf", args=[meeting.pk])):
        response = client.get(url)
        assert response.status_code == 403, url
        assert not leaks(response.content.decode("latin-1"))


def test_only_a_member_involved_with_the_household_can_bring_it(tw, make_table):
    table = make_table()
    with pytest.raises(services.TableError):
        services.bring_case(table, by=tw["police"], subject="household", household=tw.household)
    response = tw.client("police").post(reverse("tables:bring", args=[table.pk]), {
        "subject": "household", "reference": tw.household.reference})
    assert response.status_code == 400
    assert not leaks(response.content.decode())


def test_bringing_and_reading_a_case_is_audit_logged(tw, make_table):
    from schakel.privacy.models import AccessLog

    table, case, _meeting = build_pseudonymous(tw, make_table)
    tw.client("police").get(reverse("tables:case", args=[case.pk]))
    actions = set(AccessLog.objects.filter(household=tw.household).values_list("action",
                                                                               flat=True))
    assert {"change:table_case_brought", "table_case"} <= actions
    assert dt.date  # keep the import used for readers


def test_erasing_a_household_erases_what_tables_wrote_about_it(tw, make_table):
    from schakel.tables.erasure import erase_table_cases

    _table, case, _meeting = build_pseudonymous(tw, make_table)
    assert erase_table_cases(tw.household) >= 3
    case.refresh_from_db()
    assert case.concern == "—" and case.steps.get().answers == {}
    assert case.agreements.get().what == "—"


def test_each_member_pack_shows_only_what_that_member_may_see(tw, make_table):
    sanne = tw.household.members.get().person
    consents.give_consent(by=tw["bringer"], person=sanne, purpose="case_table",
                          recipient=tw["police"].organisation, categories=["identity"],
                          method="written")
    table, case, meeting = build_pseudonymous(tw, make_table)
    url = reverse("tables:pack", args=[meeting.pk])
    police = tw.client("police").get(url).content.decode()
    housing = tw.client("housing").get(url).content.decode()
    assert "Oudewater" in police and "Huisbezoek afleggen" in police
    assert not leaks(housing) and case.pseudonym in housing and "Huisbezoek afleggen" in housing
    pdf = pdf_text(tw.client("housing").get(reverse("tables:pack_pdf", args=[meeting.pk]))
                   .content)
    assert not leaks(pdf) and case.pseudonym in pdf
