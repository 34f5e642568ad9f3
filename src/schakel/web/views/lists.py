"""Mijn caseload, the team's werkvoorraad and the team's waiting list (kept apart)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from schakel.cases import queries
from schakel.cases.models import Episode
from schakel.norms.queries import my_signals
from schakel.privacy.access import log_read, team_ids
from schakel.tenancy.models import StaffProfile, Team
from schakel.web.permissions import casework_view
from schakel.web.views.common import paginate


@dataclass
class Row:
    episode: Episode
    days_waiting: int
    next_step: queries.NextStep


def _rows(episodes: list[Episode]) -> list[Row]:
    today = timezone.localdate()
    return [Row(e, queries.days_waiting(e, today), queries.next_step(e)) for e in episodes]


@casework_view
def caseload(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    page = paginate(request, queries.caseload(staff))
    log_read(staff, "caseload_view", detail=f"n={page.paginator.count}")
    return render(request, "web/caseload.html", {
        "nav": "caseload", "page": page, "rows": _rows(list(page)),
        "signals": my_signals(staff),
    })


def _queue(
    request: HttpRequest, staff: StaffProfile, query: Callable[[int], QuerySet[Episode]],
    nav: str, template: str,
) -> HttpResponse:
    teams = list(Team.objects.filter(pk__in=team_ids(staff)).order_by("name"))
    chosen = request.GET.get("team")
    team = next((t for t in teams if str(t.pk) == chosen), teams[0] if teams else None)
    context: dict[str, object] = {"nav": nav, "teams": teams, "team": team}
    if team is not None:
        page = paginate(request, query(team.pk))
        context.update(page=page, rows=_rows(list(page)))
        log_read(staff, f"{nav}_view", detail=f"team={team.pk} n={page.paginator.count}")
    return render(request, template, context)


@casework_view
def werkvoorraad(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    return _queue(request, staff, queries.werkvoorraad, "werkvoorraad", "web/werkvoorraad.html")


@casework_view
def waiting(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    return _queue(request, staff, queries.waiting, "waiting", "web/waiting.html")
