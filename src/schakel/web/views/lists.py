"""Mijn caseload, the team's werkvoorraad and the team's waiting list (kept apart).

The werkvoorraad is visible to the team's members (they pick up and assign the
work). On the waiting list a household is named only to those involved with
it; the others see that someone waits and for how long, never who.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from schakel.cases import queries
from schakel.cases.models import Episode
from schakel.handovers.queries import coming_of_age
from schakel.norms.queries import my_signals
from schakel.privacy.access import log_read, team_ids, visible_households
from schakel.privacy.flags import active_flags_by_household
from schakel.privacy.models import SensitiveFlag
from schakel.tables.queries import my_agreement_signals
from schakel.tenancy.models import StaffProfile, Team
from schakel.web.permissions import casework_view
from schakel.web.views.common import paginate


@dataclass
class Row:
    episode: Episode
    days_waiting: int
    next_step: queries.NextStep
    visible: bool = True
    flags: list[SensitiveFlag] = field(default_factory=list)


def _rows(staff: StaffProfile, episodes: list[Episode]) -> list[Row]:
    today = timezone.localdate()
    ids = [e.household_id for e in episodes]
    visible = set(visible_households(staff).filter(pk__in=ids).values_list("pk", flat=True))
    flags = active_flags_by_household(visible)
    return [
        Row(e, queries.days_waiting(e, today), queries.next_step(e),
            e.household_id in visible, flags.get(e.household_id, []))
        for e in episodes
    ]


@casework_view
def caseload(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    page = paginate(request, queries.caseload(staff))
    log_read(staff, "caseload_view", detail=f"n={page.paginator.count}",
             fields="list: household names, state", purpose="case direction: own caseload")
    return render(request, "web/caseload.html", {
        "nav": "caseload", "page": page, "rows": _rows(staff, list(page)),
        "signals": my_signals(staff),
        "agreements": my_agreement_signals(staff),
        "coming_of_age": coming_of_age(staff),  # handovers: the 18th birthday
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
        rows = _rows(staff, list(page))
        context.update(page=page, rows=rows)
        log_read(staff, f"{nav}_view", fields="list: household names, state",
                 purpose="team work: picking up and following the team's work",
                 detail=f"team={team.pk} n={page.paginator.count} "
                 f"named={sum(r.visible for r in rows)}")
    return render(request, template, context)


@casework_view
def werkvoorraad(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    return _queue(request, staff, queries.werkvoorraad, "werkvoorraad", "web/werkvoorraad.html")


@casework_view
def waiting(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    return _queue(request, staff, queries.waiting, "waiting", "web/waiting.html")
