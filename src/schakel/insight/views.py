"""Figures pages: thin views over the insight query layer (tables from ``panels``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.insight import export, monitor
from schakel.insight.access import Viewer, viewer_for
from schakel.insight.charts import chart
from schakel.insight.filters import Scope
from schakel.insight.forecast import WhatIf
from schakel.insight.forms import (
    FigureFilterForm,
    ForecastFilterForm,
    MonitorForm,
    QualityFilterForm,
)
from schakel.insight.panels import PANELS, Params, build
from schakel.insight.tables import display_rows
from schakel.privacy.access import log_read
from schakel.web.permissions import no_access, staff_of

TABS = (
    ("overview", "insight:figures", gettext_lazy("Waiting, inflow and outflow")),
    ("durations", "insight:durations", gettext_lazy("Durations and returns")),
    ("caseload", "insight:caseload", gettext_lazy("Caseload and coverage")),
    ("norms", "insight:norms", gettext_lazy("Norms and waiting times")),
    ("quality", "insight:quality", gettext_lazy("Data quality")),
    ("forecast", "insight:forecast", gettext_lazy("Forecast")),
)
FORMS: dict[str, type[FigureFilterForm]] = {
    "quality": QualityFilterForm, "forecast": ForecastFilterForm,
}


def _form(request: HttpRequest, viewer: Viewer, cls: type[FigureFilterForm]) -> Any:
    teams = None if viewer.teams is None else list(viewer.teams)
    form = cls(request.GET or {}, teams=teams, municipality_id=viewer.municipality_id)
    return form, (form.cleaned_data if form.is_valid() else None)


def _params(viewer: Viewer, data: dict[str, Any]) -> Params:
    team_ids = (data["team"].pk,) if data.get("team") else viewer.team_ids
    district = data.get("district")
    scope = Scope(viewer.municipality_id, team_ids, data.get("rayon") or "",
                  data.get("unit") or "", district.pk if district else None)
    what = WhatIf(float(data.get("extra_fte") or 0), (data.get("lower_inflow") or 0) / 100,
                  (data.get("shorter_help") or 0) / 100)
    return Params(scope=scope, on=data["on"], start=data["start"], end=data["end"],
                  names=viewer.names, inactive_days=data.get("days") or 60, what_if=what)


def _viewer(request: HttpRequest) -> tuple[Viewer | None, HttpResponse | None]:
    staff = staff_of(request)
    viewer = viewer_for(staff)
    if viewer is None:
        return None, no_access(request, staff)
    return viewer, None


def _page(request: HttpRequest, name: str) -> HttpResponse:
    viewer, refused = _viewer(request)
    if viewer is None:
        assert refused is not None
        return refused
    form, data = _form(request, viewer, FORMS.get(name, FigureFilterForm))
    context: dict[str, Any] = {"form": form, "nav": "figures", "tab": name, "tabs": TABS,
                               "query": request.GET.urlencode(), "names": viewer.names}
    if data is not None:
        params = _params(viewer, data)
        try:
            panel = build(name, params)
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            context.update(panel.figures)
            context.update(panel=panel, blocks=[(t, chart(t), display_rows(t))
                                               for t in panel.tables])
            if panel.records:
                staff = staff_of(request)
                assert staff is not None
                log_read(staff, "figures_data_quality",
                         detail=", ".join(str(k) for k in panel.records))
    return render(request, "insight/panel.html", context)


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    return _page(request, "overview")


@login_required
def durations(request: HttpRequest) -> HttpResponse:
    return _page(request, "durations")


@login_required
def caseload(request: HttpRequest) -> HttpResponse:
    return _page(request, "caseload")


@login_required
def norms(request: HttpRequest) -> HttpResponse:
    return _page(request, "norms")


@login_required
def quality(request: HttpRequest) -> HttpResponse:
    return _page(request, "quality")


@login_required
def forecast(request: HttpRequest) -> HttpResponse:
    return _page(request, "forecast")


@login_required
def export_panel(request: HttpRequest, panel: str, fmt: str) -> HttpResponse:
    if panel not in PANELS or fmt not in export.FORMATS:
        raise Http404
    viewer, refused = _viewer(request)
    if viewer is None:
        assert refused is not None
        return refused
    form, data = _form(request, viewer, FORMS.get(panel, FigureFilterForm))
    if data is None:
        return HttpResponse("; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()),
                            status=400, content_type="text/plain; charset=utf-8")
    params = _params(viewer, data)
    try:
        built = build(panel, params)
    except ValueError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    if fmt == "csv":
        body = export.to_csv(built.tables)
    elif fmt == "xlsx":
        body = export.to_xlsx(built.tables)
    else:
        body = export.to_json(panel, built.tables, {**params.scope.as_dict(),
                              "on": params.on, "from": params.start, "to": params.end},
                              built.summary)
    response = HttpResponse(body, content_type=export.FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="schakel-{panel}-{params.end.isoformat()}.{fmt}"')
    return response


@login_required
def monitor_pdf(request: HttpRequest) -> HttpResponse:
    viewer, refused = _viewer(request)
    if viewer is None:
        assert refused is not None
        return refused
    form, data = _form(request, viewer, MonitorForm)
    if data is None:
        return render(request, "insight/panel.html", {"form": form, "nav": "figures",
                                                      "tab": "monitor", "tabs": TABS})
    month: dt.date = data["month"]
    params = monitor.month_params(_params(viewer, data), month)
    level = (data["team"].name if data.get("team") else data.get("rayon")
             or _("whole city"))
    title = _("Council monitor %(month)s: %(level)s") % {"month": month.strftime("%Y-%m"),
                                                          "level": level}
    subtitle = _("Figures from the event log, defined in docs/figures.md. Counts under "
                 "five are shown as <5.")
    body = monitor.render(title, subtitle, monitor.monitor_tables(params))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="monitor-{month:%Y-%m}.pdf"'
    return response
