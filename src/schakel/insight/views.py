"""Figures pages: thin views over the insight query layer."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from schakel.insight.access import figure_teams, may_see_figures
from schakel.insight.compliance import norm_compliance
from schakel.insight.filters import Scope
from schakel.insight.forms import FigureFilterForm
from schakel.insight.times import waiting_times
from schakel.insight.waiting import waiting_on
from schakel.web.permissions import no_access, staff_of


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    staff = staff_of(request)
    if staff is None or not may_see_figures(staff):
        return no_access(request, staff)
    teams = figure_teams(staff)
    form = FigureFilterForm(request.GET or None, teams=teams)
    context: dict[str, object] = {"form": form, "nav": "figures"}
    data = form.cleaned_data if form.is_bound and form.is_valid() else None
    if not form.is_bound:
        form = FigureFilterForm({}, teams=teams)
        form.is_valid()
        data = form.cleaned_data
        context["form"] = form
    if data is not None:
        if data.get("team"):
            team_ids: tuple[int, ...] = (data["team"].pk,)
        else:
            team_ids = tuple(t.pk for t in teams) if teams is not None else ()
        scope = Scope(staff.municipality_id, team_ids, data.get("rayon") or "",
                      data.get("unit") or "")
        context.update(
            waiting=waiting_on(data["on"], scope),
            compliance=norm_compliance(data["start"], data["end"], scope),
            times=waiting_times(data["start"], data["end"], scope),
        )
    return render(request, "insight/figures.html", context)
