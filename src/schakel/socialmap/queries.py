"""The read side of the sociale kaart: search, the public list, links and district figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from schakel.cases.constants import OPEN_STATES, State
from schakel.cases.models import Episode
from schakel.insight.cells import suppress
from schakel.socialmap.constants import VERIFY_AFTER_DAYS
from schakel.socialmap.models import Offer
from schakel.tenancy.constants import DistrictLevel
from schakel.tenancy.models import District


def _contains(field: str, value: str) -> Q:
    """JSON list membership that works on SQLite and PostgreSQL alike."""
    return Q(**{f"{field}__icontains": f'"{value}"'})


def search(municipality_id: int, *, need: str = "", district: District | None = None,
           target_group: str = "", text: str = "") -> QuerySet[Offer]:
    """Active offers matching every given criterion; an offer without district fits all."""
    offers = Offer.objects.filter(active=True, provider__active=True,
                                  provider__municipality_id=municipality_id)
    if need:
        offers = offers.filter(_contains("needs", need))
    if target_group:
        offers = offers.filter(_contains("target_groups", target_group)
                               | _contains("target_groups", "everyone"))
    if district is not None:
        wijk = district.parent if district.level == DistrictLevel.BUURT else district
        offers = offers.filter(Q(district__isnull=True) | Q(district=district)
                               | Q(district=wijk) | Q(district__parent=district))
    if text:
        offers = offers.filter(Q(title__icontains=text) | Q(description__icontains=text)
                               | Q(provider__name__icontains=text))
    return offers.select_related("provider", "district").order_by("title")


def due_for_check(last_verified: dt.date, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (today - last_verified).days > VERIFY_AFTER_DAYS


def public_offer(offer: Offer) -> dict[str, Any]:
    """What residents may see: the offer and the organisation's own contact, no person's name."""
    provider = offer.provider
    return {
        "id": offer.pk, "kind": offer.kind, "title": offer.title,
        "description": offer.description, "needs": offer.needs,
        "target_groups": offer.target_groups,
        "district": offer.district.cbs_code if offer.district else None,
        "where": offer.location, "when": offer.schedule, "cost": offer.cost,
        "last_verified": offer.last_verified.isoformat(),
        "organisation": {"name": provider.name, "website": provider.website,
                         "phone": provider.phone, "email": provider.email,
                         "address": provider.address,
                         "contact_roles": [c.role for c in provider.contacts.all()]},
    }


@dataclass(frozen=True)
class LinkCount:
    organisation: str
    links: int
    households: int


def links_per_organisation(team_ids: list[int], since: dt.datetime) -> list[LinkCount]:
    """Which organisations the team worked with: links made from plans since ``since``."""
    rows = (Offer.objects.filter(links__household__team_id__in=team_ids,
                                 links__linked_at__gte=since)
            .values("provider__name")
            .annotate(n_links=Count("links"),
                      n_households=Count("links__household", distinct=True))
            .order_by("-n_links", "provider__name"))
    return [LinkCount(r["provider__name"], r["n_links"], r["n_households"]) for r in rows]


def serving_teams(district: District) -> list[int]:
    """The teams whose district is this wijk (for a buurt: its wijk)."""
    wijk = district.parent if district.level == DistrictLevel.BUURT and district.parent \
        else district
    return list(wijk.team_set.values_list("pk", flat=True))


def case_figures(district: District, today: dt.date | None = None) -> dict[str, int | str]:
    """Aggregated case figures of the teams serving the district; small cells suppressed."""
    today = today or timezone.localdate()
    year_ago = timezone.now() - dt.timedelta(days=365)
    episodes = Episode.objects.filter(team_id__in=serving_teams(district))
    counts = episodes.aggregate(
        open=Count("pk", filter=Q(state__in=OPEN_STATES)),
        waiting=Count("pk", filter=Q(state__in=[State.REGISTERED, State.WAITING])),
        registered_year=Count("pk", filter=Q(registered_at__gte=year_ago)),
        closed_year=Count("pk", filter=Q(closed_at__gte=year_ago)),
    )
    return {key: suppress(value or 0) for key, value in counts.items()}
