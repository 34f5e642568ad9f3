"""Figures pages per role: leaders with names, rayon managers and policy aggregates only."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from schakel.insight.cells import SMALL_CELL, SUPPRESSED
from schakel.insight.tables import COUNT, ESTIMATE
from schakel.tenancy.constants import Role
from schakel.tenancy.models import Membership
from tests.conftest import make_staff
from tests.insight.crafted import build

PAGES = ("insight:figures", "insight:durations", "insight:caseload", "insight:norms",
         "insight:quality", "insight:forecast")
PANELS = ("overview", "durations", "caseload", "norms", "quality", "forecast")
JUNE = {"start": "2026-06-01", "end": "2026-06-30", "on": "2026-06-30"}
EPISODES = ("a1", "a2", "b", "c", "d", "e", "f")
PERSONS = ("Coach Jansen", "Coach de Vries", "Coach West", "Bakker", "Sanne")


@pytest.fixture
def crafted(municipality, team, other_team, worker, second_worker, shipped_instruments):
    return build(municipality, team, other_team, worker, second_worker)


@pytest.fixture
def policy(municipality):
    return make_staff(municipality, None, "beleid", roles=[Role.POLICY])


@pytest.fixture
def rayon_manager(municipality, team, other_team):
    staff = make_staff(municipality, team, "rayon", Role.RAYON_MANAGER)
    Membership.objects.create(staff=staff, team=other_team, role=Role.RAYON_MANAGER)
    return staff


def small_counts(tables):
    """Every count or estimate cell under five that is shown as a number."""
    found = []
    for table in tables:
        for row in table["rows"]:
            for kind, cell in zip(table["kinds"], row, strict=True):
                if kind in (COUNT, ESTIMATE) and isinstance(cell, int | float) \
                        and cell < SMALL_CELL:
                    found.append((table["key"], row, cell))
    return found


def references(crafted):
    return [e.reference for key, e in crafted.items() if key in EPISODES]


@pytest.mark.parametrize("who", ["policy", "rayon_manager"])
def test_aggregate_roles_never_see_a_count_under_five_or_a_person(
        who, request, crafted, login):
    client = login(request.getfixturevalue(who))
    for name, panel in zip(PAGES, PANELS, strict=True):
        response = client.get(reverse(name), JUNE)
        assert response.status_code == 200, name
        page = response.content.decode()
        for person in [*PERSONS, *references(crafted)]:
            assert person not in page, (name, person)
        for table, _chart, _rows in response.context["blocks"]:
            assert not small_counts([{"key": table.key, "kinds": table.kinds,
                                      "rows": table.rows}]), name
        data = json.loads(client.get(reverse("insight:export", args=[panel, "json"]),
                                     JUNE).content)
        assert not small_counts(data["tables"]), panel
        text = json.dumps(data, ensure_ascii=False)
        for person in [*PERSONS, *references(crafted)]:
            assert person not in text, (panel, person)
        csv = client.get(reverse("insight:export", args=[panel, "csv"]), JUNE)
        for person in PERSONS:
            assert person not in csv.content.decode("utf-8-sig")
    assert SUPPRESSED in page


def test_policy_spreadsheet_and_monitor_show_small_counts_as_under_five(crafted, login, policy):
    client = login(policy)
    response = client.get(reverse("insight:export", args=["overview", "xlsx"]), JUNE)
    book = load_workbook(io.BytesIO(response.content))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows(min_row=3,
             values_only=True) for c in row[1:]]
    assert SUPPRESSED in cells
    assert not [c for c in cells if isinstance(c, int) and 0 <= c < SMALL_CELL]
    pdf = client.get(reverse("insight:monitor"), {"month": "2026-06"})
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "<5" in text
    assert "Coach Jansen" not in text


def test_team_leader_sees_caseloads_by_name_and_records_to_fix(crafted, login, leader):
    client = login(leader)
    page = client.get(reverse("insight:caseload"), JUNE).content.decode()
    assert "Coach Jansen" in page
    quality = client.get(reverse("insight:quality"), {**JUNE, "days": "1"}).content.decode()
    assert crafted["d"].reference in quality
    assert reverse("web:household", args=[crafted["d"].household.reference]) in quality
    # The leader's view is the own team: Team West's closure is not in it.
    data = json.loads(client.get(reverse("insight:export", args=["overview", "json"]),
                                 JUNE).content)
    outflow = next(t for t in data["tables"] if t["key"] == "outflow_team")
    assert outflow["rows"] == [["Team Oost", 3]]


def test_charts_are_accessible_svg_beside_their_table(crafted, login, leader):
    page = login(leader).get(reverse("insight:figures"), JUNE).content.decode()
    assert '<svg class="figure-chart" role="img"' in page
    assert "<title id=" in page and "<desc id=" in page
    assert "<caption>" in page and '<th scope="row">' in page
    assert "style=" not in page.split("<main", 1)[-1]


def test_forecast_page_shows_the_backtest_error(crafted, login, policy):
    page = login(policy).get(reverse("insight:forecast"), {"on": "2026-07-31"})
    assert "Back-test from 2026-01-31" in page.content.decode()
    data = json.loads(login(policy).get(reverse("insight:export", args=["forecast", "json"]),
                                        {"on": "2026-07-31"}).content)
    assert data["summary"]["backtest_mean_absolute_error"] == 0.5


def test_a_bad_what_if_is_refused_with_the_field_named(crafted, login, policy):
    page = login(policy).get(reverse("insight:forecast"), {"shorter_help": "150"})
    assert page.context["form"].errors["shorter_help"]


def test_a_team_member_gets_no_figures(login, worker):
    assert login(worker).get(reverse("insight:caseload")).status_code == 403
    assert login(worker).get(reverse("insight:export", args=["overview", "csv"])
                             ).status_code == 403


@pytest.mark.parametrize("figure,args", [
    ("inflow", ["--from", "2026-06-01", "--to", "2026-06-30"]),
    ("outflow", ["--from", "2026-06-01", "--to", "2026-06-30"]),
    ("balance", ["--from", "2026-06-01", "--to", "2026-06-30"]),
    ("durations", ["--from", "2026-06-01", "--to", "2026-06-30"]),
    ("continuity", ["--from", "2026-06-01", "--to", "2026-06-30"]),
    ("active", ["--on", "2026-06-30"]),
    ("coverage", ["--on", "2026-06-30"]),
    ("caseload", []),
    ("quality", ["--days", "30"]),
])
def test_report_prints_every_figure_as_json(crafted, figure, args):
    out = io.StringIO()
    call_command("report", figure, *args, "--json", stdout=out)
    data = json.loads(out.getvalue())
    expected = {"inflow": ("total", 4), "outflow": ("total", 4), "balance": ("difference", 0),
                "active": ("total", 3), "coverage": ("in_help", 2), "caseload": ("cases", 3),
                "continuity": ("cases", 4)}
    if figure in expected:
        key, value = expected[figure]
        assert data[key] == value


def test_report_writes_the_council_monitor(crafted, tmp_path):
    target = tmp_path / "monitor.pdf"
    out = io.StringIO()
    call_command("report", "monitor", "--month", "2026-06", "--out", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF")
