"""Showing sensitive flags the same way everywhere: an icon and its text, never an icon alone."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from schakel.people.models import Person
from schakel.privacy.models import SensitiveFlag

register = template.Library()

# Inline SVG (no icon font, no emoji font needed): a stop sign, a lock, a warning triangle.
ICONS = {
    "do_not_contact_parents": (
        '<path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor"/>'
        '<path d="M4 8h8" stroke="#fff" stroke-width="2"/>'),
    "secret_address": (
        '<rect x="3" y="7" width="10" height="8" rx="1" fill="currentColor"/>'
        '<path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="2"/>'),
    "danger_home_visit": (
        '<path d="M8 1l7 14H1z" fill="currentColor"/>'
        '<path d="M8 6v4M8 11.5v1.5" stroke="#fff" stroke-width="2"/>'),
}


def icon(kind: str) -> str:
    return format_html(
        '<svg class="flag-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" '
        'focusable="false">{}</svg>', mark_safe(ICONS.get(kind, ICONS["danger_home_visit"])),
    )


@register.simple_tag
def flag_badge(flag: SensitiveFlag) -> str:
    return format_html('<span class="flag flag--{}">{} {}</span>',
                       flag.kind, icon(flag.kind), flag.get_kind_display())


@register.simple_tag
def flag_icon(kind: str) -> str:
    return icon(kind)


@register.filter
def address(person: Person) -> str:
    """Street and number, postcode and city, leaving out what is not known."""
    street = " ".join(p for p in (person.street, person.house_number) if p)
    place = " ".join(p for p in (person.postcode, person.city) if p)
    return ", ".join(p for p in (street, place) if p)


@register.simple_tag
def flag_badges(flags: Iterable[SensitiveFlag] | None) -> str:
    seen: dict[str, SensitiveFlag] = {}
    for flag in flags or []:
        seen.setdefault(flag.kind, flag)
    return format_html_join(" ", "{}", ((flag_badge(f),) for f in seen.values()))


@register.filter
def flags_of(flag_map: dict[int, list[SensitiveFlag]] | None, household_id: int) -> list[
        SensitiveFlag]:
    return (flag_map or {}).get(household_id, [])
