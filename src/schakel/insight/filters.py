"""The one way figures are scoped: municipality, teams, rayon, unit, district."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from schakel.cases.models import Episode
from schakel.norms.rules import tz


@dataclass(frozen=True)
class Scope:
    municipality_id: int | None = None
    team_ids: tuple[int, ...] = field(default_factory=tuple)
    rayon: str = ""
    unit: str = ""
    district_id: int | None = None

    def q(self, prefix: str = "") -> Q:
        """The scope as a filter on episodes, or on a relation to them (``episode__``)."""
        q = Q()
        if self.municipality_id is not None:
            q &= Q(**{f"{prefix}team__municipality_id": self.municipality_id})
        if self.team_ids:
            q &= Q(**{f"{prefix}team_id__in": self.team_ids})
        if self.rayon:
            q &= Q(**{f"{prefix}team__rayon": self.rayon})
        if self.unit:
            q &= Q(**{f"{prefix}unit": self.unit})
        if self.district_id is not None:
            q &= (Q(**{f"{prefix}team__district_id": self.district_id})
                  | Q(**{f"{prefix}team__district__parent_id": self.district_id}))
        return q

    def episodes(self) -> QuerySet[Episode]:
        return Episode.objects.filter(self.q())

    def as_dict(self) -> dict[str, object]:
        return {
            "municipality": self.municipality_id,
            "teams": list(self.team_ids),
            "rayon": self.rayon or None,
            "unit": self.unit or None,
            "district": self.district_id,
        }


def start_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=tz())


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` (local time): "on day D" means by the end of D."""
    return start_of_day(day + dt.timedelta(days=1))


def local_day(instant: dt.datetime) -> dt.date:
    return instant.astimezone(tz()).date()
