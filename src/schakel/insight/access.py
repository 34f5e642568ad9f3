"""Who may see which figures, and in which form.

- Team leaders see their own teams, with names: the professionals' caseloads
  and the records behind the data-quality checks.
- Rayon managers (a ``rayon_manager`` membership on each team of the rayon)
  see those teams; policy and functional administrators the municipality.
  They see aggregates only: every count under five is shown as ``"<5"``
  (:mod:`schakel.insight.cells`) and no person is named.
"""

from __future__ import annotations

from dataclasses import dataclass

from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile, Team


@dataclass(frozen=True)
class Viewer:
    """What one staff member may see of the figures."""

    municipality_id: int
    teams: tuple[Team, ...] | None  # None: the whole municipality
    names: bool  # may see persons (professionals' names, household references)

    @property
    def team_ids(self) -> tuple[int, ...]:
        return () if self.teams is None else tuple(t.pk for t in self.teams)


def led_teams(staff: StaffProfile) -> list[Team]:
    return _teams(staff, Role.TEAM_LEADER)


def _teams(staff: StaffProfile, role: Role) -> list[Team]:
    return list(
        Team.objects.filter(memberships__staff=staff, memberships__role=role)
        .distinct().order_by("name")
    )


def viewer_for(staff: StaffProfile | None) -> Viewer | None:
    """The figures ``staff`` may see, or ``None`` when none."""
    if staff is None:
        return None
    if staff.has_role(Role.POLICY) or staff.has_role(Role.ADMIN):
        return Viewer(staff.municipality_id, None, names=False)
    led = led_teams(staff)
    if led:
        return Viewer(staff.municipality_id, tuple(led), names=True)
    rayon = _teams(staff, Role.RAYON_MANAGER)
    if rayon:
        return Viewer(staff.municipality_id, tuple(rayon), names=False)
    return None


def figure_teams(staff: StaffProfile) -> list[Team] | None:
    """Teams whose figures ``staff`` may see; ``None`` means the whole municipality."""
    viewer = viewer_for(staff)
    if viewer is None:
        return []
    return None if viewer.teams is None else list(viewer.teams)


def may_see_figures(staff: StaffProfile | None) -> bool:
    return viewer_for(staff) is not None
