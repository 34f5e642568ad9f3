"""Progress per domain over repeated measurements: an accessible chart and the same table."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.urls import reverse

from schakel.assessment import definitions, queries, services
from schakel.assessment.chart import line_chart, trend
from schakel.assessment.constants import ZRM
from tests.assessment.fixtures import core_answers, member, version_of

pytestmark = pytest.mark.django_db

RUNS = [
    (dt.date(2026, 3, 2), {"financien": 1, "huisvesting": 3, "sociaal-netwerk": 4}),
    (dt.date(2026, 6, 1), {"financien": 2, "huisvesting": 3, "sociaal-netwerk": 3}),
    (dt.date(2026, 9, 7), {"financien": 4, "huisvesting": 3, "sociaal-netwerk": 2}),
]


@pytest.fixture
def three_zrms(episode, worker, municipality):
    household = episode.household
    sanne = member(household, "Sanne")
    version = version_of(ZRM, municipality.pk)
    for day, levels in RUNS:
        services.record_measurement(household, sanne, version, by=worker, assessor=worker,
                                    taken_on=day, answers=core_answers(version, levels))
    return household, sanne


def row_of(table: str, title: str) -> list[str]:
    row = re.search(rf'<th scope="row">{re.escape(title)}</th>(.*?)</tr>', table, re.S)
    assert row, title
    return re.findall(r'<span class="level level-\d"[^>]*>(\d)</span>', row.group(1)) + [
        re.findall(r"<td>([^<]*)</td>\s*$", row.group(1).strip())[-1]]


def test_three_zrm_measurements_show_the_trend_per_domain_in_chart_and_table(
    three_zrms, worker, login,
):
    household, sanne = three_zrms
    url = reverse("assessment:progress", args=[household.reference, sanne.pk, ZRM])
    page = login(worker).get(url).content.decode()

    charts = re.findall(r'<svg [^>]*role="img".*?</svg>', page, re.S)
    assert len(charts) == 13
    money = next(c for c in charts if "<title id=\"chart-0-title\">Financiën</title>" in c)
    points = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', money)
    assert len(points) == 3
    ys = [float(y) for _x, y in points]
    assert ys[0] > ys[1] > ys[2]  # level 1 → 2 → 4: higher up each time
    assert 'aria-labelledby="chart-0-title chart-0-desc"' in money
    assert re.search(r'<polyline points="[\d.,\s]+"', money)
    assert "1 (Acute problematiek) op 2-3-2026" in money
    assert "verbeterd met 3 niveaus" in money

    table = page[page.index('id="progress-table"'):]
    assert row_of(table, "Financiën") == ["1", "2", "4", "verbeterd met 3 niveaus"]
    assert row_of(table, "Huisvesting") == ["3", "3", "3", "gelijk gebleven"]
    assert row_of(table, "Sociaal netwerk") == ["4", "3", "2", "achteruitgegaan met 2 niveaus"]


def test_progress_follows_a_domain_across_instrument_versions(
    three_zrms, worker, admin, municipality,
):
    household, sanne = three_zrms
    v1 = version_of(ZRM, municipality.pk)
    data = definitions.to_data(v1)
    data["domains"][0]["name"] = "Geld"
    services.revise_instrument(v1.instrument, json.dumps(data), by=admin, note="Kortere naam")
    v2 = version_of(ZRM, municipality.pk)
    services.record_measurement(household, sanne, v2, by=worker, assessor=worker,
                                taken_on=dt.date(2026, 11, 2),
                                answers=core_answers(v2, {"financien": 5}))
    taken = queries.person_measurements(household, sanne, v1.instrument)
    series = queries.progress(taken)
    money = series[0]
    assert money.title == "Geld"  # the newest name
    assert [p.value for p in money.points] == [1, 2, 4, 5]
    assert trend(money) == "improved by 4 levels"


def test_a_chart_with_a_gap_breaks_its_line(three_zrms, municipality):
    household, sanne = three_zrms
    taken = queries.person_measurements(household, sanne, version_of(ZRM, municipality.pk)
                                        .instrument)
    series = queries.progress(taken)[0]
    series.points[1] = type(series.points[1])(series.points[1].measurement, None, "")
    chart = line_chart(series)
    assert len(chart.points) == 2
    assert chart.lines == []  # two separate points, no line across the gap
