"""The resident's plan: printable, as a PDF, plain Dutch, never the internal notes."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from schakel.plans import pdf, resident
from tests.plans.helpers import agree_and_sign, draft_with_goal

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_resident_pdf_holds_the_goals_in_plain_dutch_and_no_internal_notes(
    active_episode, worker, youth_leader,
):
    version = agree_and_sign(draft_with_goal(active_episode.household, worker), worker,
                             youth_leader)
    content = pdf.render(resident.build(version), labels=resident.labels())
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Ons plan" in text and "Familie Bakker" in text
    assert "Schulden op een rij" in text
    assert "Aanmelden bij schuldhulpmaatje" in text
    assert "Een vrijwilliger helpt" in text  # plain words for the resource
    assert "Geld en schulden" in text
    assert "U heeft op" in text and "ingestemd met dit plan" in text
    assert "Intern" not in text and "beslag" not in text and "dreigt" not in text


def test_the_pdf_is_downloaded_from_the_plan(active_episode, worker, login):
    draft_with_goal(active_episode.household, worker)
    url = reverse("plans:resident_pdf", args=[active_episode.household.reference])
    response = login(worker).get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Concept" in text  # a draft says so
    assert "beslag" not in text


def test_the_printable_page_is_dutch_and_has_no_internal_notes(
    active_episode, worker, login, settings,
):
    draft_with_goal(active_episode.household, worker)
    client = login(worker)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("plans:resident", args=[active_episode.household.reference]))
    text = page.content.decode()
    assert '<article class="resident-plan" lang="nl">' in text
    assert "Wie doet het" in text and "Schulden op een rij" in text
    assert "beslag" not in text and "dreigt" not in text


def test_characters_outside_the_pdf_font_do_not_break_the_pdf():
    assert pdf.plain("Huur – “betalen” € 50…") == 'Huur - "betalen" EUR 50...'
    assert pdf.plain("Zoë ☺") == "Zoë ?"
