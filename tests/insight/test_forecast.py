"""The capacity forecast: hand-computed projections and the back-test on crafted data."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from schakel.insight.filters import Scope
from schakel.insight.forecast import Baseline, WhatIf, backtest, baseline, project
from tests.insight.crafted import build

# 10 registrations a month, 10% leave unhelped: 9 join the list. 8 start help a month.
# Help lasts 60.88 days = 2 months, so half of those in help leave each month.
BASE = Baseline(as_of="2026-06-30", inflow_per_month=10, unhelped_share=0.1,
                starts_per_month=8, mean_help_days=60.88, waiting=20, in_help=16, fte=2)


def test_without_changes_the_list_grows_by_what_joins_minus_what_starts():
    first, second = project(BASE, WhatIf(), months=2)
    assert first["month"] == "2026-07-31"
    # 20 + 9 − 8 = 21 waiting; 16 + 8 − 16/2 = 16 in help; 21 / 8 months = 79.9 days
    assert (first["waiting"], first["starts"], first["in_help"]) == (21, 8, 16)
    assert first["expected_wait_days"] == 79.9
    assert second["month"] == "2026-08-31"
    assert second["waiting"] == 22


def test_extra_fte_raises_the_starts_in_proportion():
    first = project(BASE, WhatIf(extra_fte=2), months=1)[0]
    # Twice the fte: 16 starts; 20 + 9 − 16 = 13 waiting; 16 + 16 − 8 = 24 in help
    assert (first["starts"], first["waiting"], first["in_help"]) == (16, 13, 24)
    assert first["expected_wait_days"] == 24.7  # 13 / 16 × 30.44


def test_lower_inflow_and_shorter_help_shrink_the_list():
    first = project(BASE, WhatIf(lower_inflow=0.5, shorter_help=0.5), months=1)[0]
    # 5 registrations, 4.5 join; starts 8 / 0.5 = 16 but only 24.5 wait: all 16 start.
    assert first["inflow"] == 5
    assert (first["starts"], first["waiting"]) == (16, 8.5)
    # Help now lasts 1 month: all 16 leave, 16 start.
    assert first["in_help"] == 16


def test_the_list_never_goes_below_zero():
    rows = project(BASE, WhatIf(extra_fte=20), months=3)
    assert [r["waiting"] for r in rows] == [0, 0, 0]
    assert rows[1]["starts"] == 9  # only those who joined


def test_a_what_if_removing_more_fte_than_there_is_is_refused():
    assert "extra_fte" in WhatIf(extra_fte=-3).errors(2)
    assert "shorter_help" in WhatIf(shorter_help=1).errors(2)


@pytest.fixture
def crafted(municipality, team, other_team, worker, second_worker, shipped_instruments):
    return build(municipality, team, other_team, worker, second_worker)


def test_baseline_reads_the_six_months_before_the_date(crafted):
    base = baseline(dt.date(2026, 6, 30), Scope())
    # From 1 Jan 2026: A1, B, A2, D, E, F registered; starts A1, A2, E, F; C's was earlier.
    assert base.inflow_per_month == 1.0
    assert base.starts_per_month == round(4 / 6, 3)
    # Closed in the window: A1, A2, B, C; B unhelped, per 6 registrations
    assert base.unhelped_share == round(1 / 6, 4)
    assert (base.waiting, base.in_help, base.fte) == (1, 2, 3.8)
    # Help of A1 65, A2 5, C 214 − 1 h: mean 94.65 days
    assert base.mean_help_days == round((65 + 5 + 214 - 1 / 24) / 3, 1)


def test_backtest_compares_the_forecast_with_what_happened(crafted):
    result = backtest(dt.date(2026, 7, 31), Scope())
    assert result["from"] == "2026-01-31"
    # On 31 Jan only C (in help since Nov) existed: 1/6 registration and start a month,
    # nobody waiting, so the forecast stays at 0. In truth B waited at the end of May
    # and D from June.
    assert [r["month"] for r in result["months"]] == [
        "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31"]
    assert [r["forecast"] for r in result["months"]] == [0, 0, 0, 0, 0, 0]
    assert [r["actual"] for r in result["months"]] == [0, 0, 0, 1, 1, 1]
    assert result["mean_absolute_error"] == 0.5
    assert result["mean_absolute_percentage_error"] == 1.0


def test_report_forecast_json_carries_the_backtest_error(crafted):
    out = StringIO()
    call_command("report", "forecast", "--on", "2026-07-31", "--extra-fte", "1", "--json",
                 stdout=out)
    data = json.loads(out.getvalue())
    assert data["what_if"]["extra_fte"] == 1
    assert len(data["months"]) == 12
    assert data["backtest"]["mean_absolute_error"] == 0.5
