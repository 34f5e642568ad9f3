"""Caseload per professional and per fte against the norm (docs/figures.md, "Caseload").

Caseload now: open episodes (not closed) with a case director, counted per
director. A team's fte: the sum of the fte of its team members (role
``team_member``). The norm: the municipality's ``caseload`` norm (15
households per professional, per full-time fte).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils import timezone

from schakel.insight.filters import Scope
from schakel.norms.models import Norm
from schakel.tenancy.constants import Role
from schakel.tenancy.models import Membership, StaffProfile, Team

DEFAULT_NORM = 15


def caseload_norm(municipality_id: int | None) -> int:
    norm = (Norm.objects.filter(code="caseload", valid_from__lte=timezone.localdate(),
                                municipality_id=municipality_id)
            .order_by("-valid_from").first()) if municipality_id else None
    return norm.length if norm else DEFAULT_NORM


def _teams(scope: Scope) -> list[Team]:
    q = Q()
    if scope.municipality_id is not None:
        q &= Q(municipality_id=scope.municipality_id)
    if scope.team_ids:
        q &= Q(pk__in=scope.team_ids)
    if scope.rayon:
        q &= Q(rayon=scope.rayon)
    if scope.district_id is not None:
        q &= Q(district_id=scope.district_id) | Q(district__parent_id=scope.district_id)
    return list(Team.objects.filter(q).order_by("name"))


def _ratio(cases: int, fte: float) -> float | None:
    return round(cases / fte, 2) if fte else None


def caseload(scope: Scope) -> dict[str, Any]:
    norm = caseload_norm(scope.municipality_id)
    teams = _teams(scope)
    team_ids = [t.pk for t in teams]
    open_cases = scope.episodes().filter(closed_at__isnull=True, director__isnull=False,
                                         team_id__in=team_ids)
    per_director = dict(open_cases.order_by().values("director_id")
                        .annotate(n=Count("pk")).values_list("director_id", "n"))
    per_team = dict(open_cases.order_by().values("team_id")
                    .annotate(n=Count("pk")).values_list("team_id", "n"))
    members = (Membership.objects.filter(team_id__in=team_ids, role=Role.TEAM_MEMBER)
               .values("team_id").annotate(people=Count("staff", distinct=True),
                                           fte=Sum("staff__fte")))
    staffing = {m["team_id"]: m for m in members}
    staff_ids = set(per_director) | set(
        Membership.objects.filter(team_id__in=team_ids, role=Role.TEAM_MEMBER)
        .values_list("staff_id", flat=True))
    professionals = []
    for s in StaffProfile.objects.filter(pk__in=staff_ids).order_by("display_name"):
        cases = per_director.get(s.pk, 0)
        fte = float(s.fte or Decimal(0))
        professionals.append({"id": s.pk, "name": s.display_name, "fte": fte, "cases": cases,
                              "cases_per_fte": _ratio(cases, fte),
                              "over_norm": cases > norm * fte})
    by_team = {}
    for t in teams:
        fte = float(staffing.get(t.pk, {}).get("fte") or 0)
        cases = per_team.get(t.pk, 0)
        by_team[t.name] = {"professionals": staffing.get(t.pk, {}).get("people", 0),
                           "fte": round(fte, 2), "cases": cases,
                           "cases_per_fte": _ratio(cases, fte),
                           "capacity_at_norm": round(norm * fte, 1)}
    total_cases = sum(per_team.values())
    total_fte = sum(v["fte"] for v in by_team.values())
    return {
        "figure": "caseload", "on": timezone.localdate().isoformat(), "scope": scope.as_dict(),
        "norm": norm, "cases": total_cases, "fte": round(total_fte, 2),
        "cases_per_fte": _ratio(total_cases, total_fte),
        "professionals": len(professionals),
        "professionals_over_norm": sum(1 for p in professionals if p["over_norm"]),
        "by_team": by_team, "by_professional": professionals,
    }
