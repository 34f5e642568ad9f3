"""What is already known, filled into the decision forms: nobody types it twice.

The registration named the referrer, the plan asked why specialist care is
needed and from whom, the referral holds what, for whom, how much and when.
These become the initial values of the referral, start and decide forms; the
user can change each, and the services still check everything.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils import timezone

from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.cases.queries import current_episode
from schakel.decisions.models import Decision, Provider, Referral
from schakel.people.models import Household, Person
from schakel.plans.models import SpecialistReferral
from schakel.tenancy.models import Organisation


def _registered_referrer(household: Household) -> tuple[str, str]:
    episode = current_episode(household)
    event = (Event.objects.filter(episode=episode, kind=EventKind.REGISTERED).first()
             if episode is not None else None)
    data: dict[str, Any] = (event.data or {}) if event is not None else {}
    return str(data.get("referrer_organisation", "")), str(data.get("referrer_name", ""))


def referral(household: Household, form: forms.Form) -> dict[str, Any]:
    """Initial values for a new referral: the person, the referrer, the plan's reason."""
    referrers = cast(forms.ModelChoiceField, form.fields["referrer"]).queryset
    providers = cast(forms.ModelChoiceField, form.fields["provider"]).queryset
    initial: dict[str, Any] = {"period_start": timezone.localdate()}
    members = list(Person.objects.filter(memberships__household=household)[:2])
    if len(members) == 1:
        initial["person"] = members[0].pk
    names = [name for name in _registered_referrer(household) if name]
    if names and referrers is not None:
        query = Q()
        for name in names:
            query |= Q(name__iexact=name)
        org: Organisation | None = referrers.filter(query).first()
        if org is not None:
            initial["referrer"] = org.pk
    asked = (SpecialistReferral.objects.filter(household=household)
             .exclude(pk__in=Referral.objects.values("plan_referral"))
             .order_by("-requested_at").first())
    if asked is not None:
        initial["reason"] = asked.reason
        provider: Provider | None = (providers.filter(name__iexact=asked.provider).first()
                                     if asked.provider and providers is not None else None)
        if provider is not None:
            initial["provider"] = provider.pk
    return initial


def start(household: Household) -> dict[str, Any]:
    """Initial values for starting a decision: the latest referral without one, and its person."""
    open_referral = (Referral.objects.filter(household=household, decisions__isnull=True)
                     .order_by("-requested_on", "-pk").first())
    if open_referral is None:
        return {}
    return {"referral": open_referral.pk, "person": open_referral.person_id}


def decide(decision: Decision) -> dict[str, Any]:
    """Initial values for deciding: what the decision or its referral already says."""
    source: Decision | Referral | None = decision if decision.product_id else decision.referral
    if source is None:
        return {}
    return {"product": source.product_id, "volume": source.volume or None,
            "period_start": source.period_start, "period_end": source.period_end,
            "provider": source.provider_id}
