"""The figures pages' panels: figures from the query layer, turned into tables.

Pages, CSV/XLSX/JSON exports and the monitor PDF all build their tables here,
so a number is computed and suppressed the same way wherever it is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from schakel.cases.constants import Destination, EventKind, Source
from schakel.insight import tables as t
from schakel.insight.caseload import caseload
from schakel.insight.compliance import norm_compliance
from schakel.insight.continuity import continuity
from schakel.insight.coverage import coverage
from schakel.insight.durations import durations
from schakel.insight.filters import Scope
from schakel.insight.flows import active_on, balance, inflow, outflow, stock
from schakel.insight.forecast import WhatIf, forecast
from schakel.insight.quality import quality
from schakel.insight.tables import Table
from schakel.insight.times import waiting_times
from schakel.insight.waiting import waiting_on
from schakel.tenancy.constants import UnitKind


@dataclass(frozen=True)
class Params:
    scope: Scope
    on: dt.date
    start: dt.date
    end: dt.date
    names: bool = False
    inactive_days: int = 60
    what_if: WhatIf = field(default_factory=WhatIf)


@dataclass
class Panel:
    figures: dict[str, Any]
    tables: list[Table]
    records: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)  # scalars safe for every viewer


def _unit(code: str) -> str:
    return str(UnitKind(code).label) if code in UnitKind.values else code


def _count_table(key: str, title: str, head: str, data: dict[str, int],
                 label: Callable[[str], str] = str) -> Table:
    return Table(key, title, (head, _("Number")), (t.LABEL, t.COUNT),
                 tuple((label(k), v) for k, v in data.items()))


def _three(key: str, title: str, names: tuple[str, str, str], cols: tuple[str, str, str],
           groups: dict[str, dict[str, int]], label: Callable[[str], str] = str) -> Table:
    return Table(key, title, (_("Group"), *names), (t.LABEL, t.COUNT, t.COUNT, t.COUNT),
                 tuple((label(k), v[cols[0]], v[cols[1]], v[cols[2]])
                       for k, v in groups.items()), chart=3)


def overview(p: Params) -> Panel:
    rows = stock(p.on, p.scope)
    waiting = waiting_on(p.on, p.scope, distribution=False, rows=rows)
    active = active_on(p.on, p.scope, rows)
    came = inflow(p.start, p.end, p.scope)
    went = outflow(p.start, p.end, p.scope)
    wait_cols = (_("Work stock"), _("Assigned, help not started"), _("Total waiting"))
    wait_keys = ("werkvoorraad", "assigned_not_started", "total")
    active_cols = (_("Waiting"), _("In help"), _("Active"))
    active_keys = ("waiting", "in_help", "total")
    sources = dict(Source.choices)
    destinations = dict(Destination.choices)
    tables = [
        _three("waiting_unit", _("Waiting list by unit"), wait_cols, wait_keys,
               {"all": {k: waiting[k] for k in wait_keys}, **waiting["by_unit"]},
               lambda k: _("All") if k == "all" else _unit(k)),
        _three("waiting_team", _("Waiting list by team"), wait_cols, wait_keys,
               waiting["by_team"]),
        _three("active_unit", _("Active cases by unit"), active_cols, active_keys,
               active["by_unit"], _unit),
        _three("active_team", _("Active cases by team"), active_cols, active_keys,
               active["by_team"]),
        _count_table("inflow_source", _("Inflow by source"), _("Source"), came["by_source"],
                     lambda k: str(sources.get(k, k))),
        _count_table("inflow_unit", _("Inflow by unit"), _("Unit"), came["by_unit"], _unit),
        _count_table("inflow_team", _("Inflow by team"), _("Team"), came["by_team"]),
        _count_table("inflow_month", _("Inflow by month"), _("Month"), came["by_month"]),
        _count_table("outflow_destination", _("Outflow by destination"), _("Destination"),
                     went["by_destination"], lambda k: str(destinations.get(k, k))),
        _count_table("outflow_unit", _("Outflow by unit"), _("Unit"), went["by_unit"], _unit),
        _count_table("outflow_team", _("Outflow by team"), _("Team"), went["by_team"]),
        _count_table("outflow_month", _("Outflow by month"), _("Month"), went["by_month"]),
    ]
    return Panel({"waiting": waiting, "active": active, "inflow": came, "outflow": went},
                 tables)


def durations_panel(p: Params) -> Panel:
    d = durations(p.start, p.end, p.scope)
    c = continuity(p.start, p.end, p.scope)
    rows = []
    for unit, u in d["units"].items():
        rows.append((_("All") if unit == "all" else _unit(unit), u["closed"],
                     u["closed_without_help"], u["episode_days"]["median"],
                     u["help_days"]["median"], u["help_days"]["p90"],
                     u["linked_days"]["median"], u["over_guideline"],
                     u["share_over_guideline"]))
    r = d["returns"]
    tables = [
        Table("durations", _("Durations of episodes closed in the period (days)"),
              (_("Unit"), _("Closed"), _("Closed without help"),
               _("Registration to closure, median"), _("Help, median"), _("Help, p90"),
               _("Across linked episodes, median"), _("Over the guideline"),
               _("Share over the guideline")),
              (t.LABEL, t.COUNT, t.COUNT, t.DAYS, t.DAYS, t.DAYS, t.DAYS, t.COUNT, t.SHARE),
              tuple(rows), chart=4),
        Table("returns", _("Returns among registrations in the period"),
              (_("Unit"), _("Registrations"), _("Returns"), _("Return rate")),
              (t.LABEL, t.COUNT, t.COUNT, t.SHARE),
              ((_("All"), r["registrations"], r["returns"], r["return_rate"]),
               *((_unit(k), v["registrations"], v["returns"], v["return_rate"])
                 for k, v in r["by_unit"].items())), chart=2),
        _count_table("workers_per_case", _("Case directors per case, episodes closed in the "
                                           "period"), _("Directors"), c["workers_per_case"]),
        Table("continuity_team", _("Cases with more than one director, by team"),
              (_("Team"), _("Cases"), _("More than one director"), _("Share")),
              (t.LABEL, t.COUNT, t.COUNT, t.SHARE),
              tuple((k, v["cases"], v["more_than_one"], v["share"])
                    for k, v in c["by_team"].items()), chart=2),
    ]
    return Panel({"durations": d, "continuity": c}, tables)


def caseload_panel(p: Params) -> Panel:
    load = caseload(p.scope)
    cover = coverage(p.on, p.scope)
    tables = [
        Table("caseload_team", _("Caseload by team (norm: %(norm)s per fte)")
              % {"norm": load["norm"]},
              (_("Team"), _("Open cases with a director"), _("Professionals"), _("Fte"),
               _("Cases per fte"), _("Capacity at the norm")),
              (t.LABEL, t.COUNT, t.COUNT, t.RATIO, t.RATIO, t.RATIO),
              tuple((k, v["cases"], v["professionals"], v["fte"], v["cases_per_fte"],
                     v["capacity_at_norm"]) for k, v in load["by_team"].items()), chart=4),
    ]
    if p.names:
        tables.append(Table(
            "caseload_professional", _("Caseload per professional"),
            (_("Professional"), _("Open cases"), _("Fte"), _("Cases per fte"),
             _("Over the norm")),
            (t.LABEL, t.COUNT, t.RATIO, t.RATIO, t.TEXT),
            tuple((x["name"], x["cases"], x["fte"], x["cases_per_fte"],
                   _("yes") if x["over_norm"] else _("no")) for x in load["by_professional"])))
    units = {"all": cover, **cover["by_unit"]}
    tables.append(Table(
        "coverage", _("Households in help on %(day)s: needs analysis, plan, specialist care")
        % {"day": p.on.isoformat()},
        (_("Unit"), _("In help"), _("With needs analysis"), _("Share (target 80%)"),
         _("With a plan"), _("Share (target 70%)"), _("Specialist care"),
         _("Specialist care without a plan")),
        (t.LABEL, t.COUNT, t.COUNT, t.SHARE, t.COUNT, t.SHARE, t.COUNT, t.COUNT),
        tuple((_("All") if k == "all" else _unit(k), v["in_help"], v["needs_analysis"],
               v["needs_analysis_share"], v["plan"], v["plan_share"], v["specialist"],
               v["specialist_without_plan"]) for k, v in units.items()), chart=3))
    tables.append(_count_table("two_directors", _("Households with two case directors"),
                               _("Check"), {_("Households"): cover[
                                   "households_with_two_directors"]}))
    figures = {"caseload": load if p.names else {k: v for k, v in load.items()
                                                 if k != "by_professional"},
               "coverage": cover}
    return Panel(figures, tables)


def norms_panel(p: Params) -> Panel:
    comp = norm_compliance(p.start, p.end, p.scope)
    times = waiting_times(p.start, p.end, p.scope)
    return Panel({"compliance": comp, "times": times}, [
        Table("norm_compliance", _("Norm compliance, deadlines in the period"),
              (_("Norm"), _("Deadlines"), _("On time"), _("Missed"), _("Share on time"),
               _("Days late, median"), _("Days late, longest")),
              (t.LABEL, t.COUNT, t.COUNT, t.COUNT, t.SHARE, t.DAYS, t.DAYS),
              tuple((v["name"], v["due"], v["met_on_time"], v["missed"], v["share_on_time"],
                     v["days_late_median"], v["days_late_max"])
                    for v in comp["norms"].values()), chart=4),
        Table("waiting_times", _("Waiting times for registrations in the period (days)"),
              (_("From registration to"), _("Reached"), _("Still waiting"), _("Median"),
               "p75", "p90", _("Longest"), _("Within norm")),
              (t.LABEL, t.COUNT, t.COUNT, t.DAYS, t.DAYS, t.DAYS,
               t.DAYS, t.SHARE),
              tuple((str(EventKind(k).label), v["reached"], v["still_waiting"], v["median"],
                     v["p75"], v["p90"], v["max"], v["share_within_norm"])
                    for k, v in times["milestones"].items()), chart=3),
    ])


def quality_panel(p: Params) -> Panel:
    q = quality(p.scope, days=p.inactive_days, names=p.names)
    table = Table("data_quality", _("Data-quality checks"), (_("Check"), _("Records")),
                  (t.LABEL, t.COUNT),
                  tuple((v["label"], v["count"]) for v in q["checks"].values()))
    sums = balance(p.start, p.end, p.scope)
    totals = Table(
        "balance", _("Active at the start + inflow − outflow = active at the end"),
        (_("Active at the start"), _("Inflow"), _("Outflow"), _("Active at the end"),
         _("Difference")), (t.COUNT, t.COUNT, t.COUNT, t.COUNT, t.RATIO),
        ((sums["active_at_start"], sums["inflow"], sums["outflow"], sums["active_at_end"],
          sums["difference"]),), chart=None,
        note=_("A difference other than 0 means dates on some cases do not add up."))
    records = {v["label"]: v["records"] for v in q["checks"].values() if v.get("records")}
    return Panel({"quality": q, "balance": sums}, [table, totals], records)


def forecast_panel(p: Params) -> Panel:
    f = forecast(p.scope, as_of=p.on, what=p.what_if)
    b, bt = f["baseline"], f["backtest"]
    month_cols = (_("Month end"), _("Waiting"), _("Starts of help"), _("In help"),
                  _("Expected wait (days)"))
    kinds = (t.LABEL, t.ESTIMATE, t.ESTIMATE, t.ESTIMATE, t.DAYS)
    return Panel({"forecast": f}, summary={
        "backtest_from": bt["from"],
        "backtest_mean_absolute_error": bt["mean_absolute_error"],
        "backtest_mean_absolute_percentage_error": bt["mean_absolute_percentage_error"],
    }, tables=[
        Table("forecast_baseline", _("Starting point on %(day)s") % {"day": b["as_of"]},
              (_("Waiting"), _("In help"), _("Fte"), _("Registrations per month"),
               _("Starts of help per month"), _("Leave without help (share)"),
               _("Help lasts (days, mean)")),
              (t.COUNT, t.COUNT, t.RATIO, t.RATIO, t.RATIO, t.SHARE, t.DAYS),
              ((b["waiting"], b["in_help"], b["fte"], b["inflow_per_month"],
                b["starts_per_month"], b["unhelped_share"], b["mean_help_days"]),), chart=None),
        Table("forecast", _("Projection with the what-ifs"), month_cols, kinds,
              tuple((r["month"], r["waiting"], r["starts"], r["in_help"],
                     r["expected_wait_days"]) for r in f["months"])),
        Table("forecast_unchanged", _("Projection without changes"), month_cols, kinds,
              tuple((r["month"], r["waiting"], r["starts"], r["in_help"],
                     r["expected_wait_days"]) for r in f["without_changes"])),
        Table("backtest", _("Back-test: forecast from %(day)s against what happened")
              % {"day": bt["from"]},
              (_("Month end"), _("Actually waiting"), _("Forecast"), _("Error")),
              (t.LABEL, t.COUNT, t.ESTIMATE, t.RATIO),
              tuple((r["month"], r["actual"], r["forecast"], r["error"])
                    for r in bt["months"])),
    ])


PANELS: dict[str, Callable[[Params], Panel]] = {
    "overview": overview,
    "durations": durations_panel,
    "caseload": caseload_panel,
    "norms": norms_panel,
    "quality": quality_panel,
    "forecast": forecast_panel,
}


def build(name: str, p: Params) -> Panel:
    """The panel with every table as the viewer may see it."""
    panel = PANELS[name](p)
    panel.tables = [t.for_viewer(table, p.names) for table in panel.tables]
    if not p.names:
        panel.records = {}
    return panel
