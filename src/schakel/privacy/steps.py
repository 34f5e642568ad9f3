"""The privacy side of a recorded step: the category of its note and the audit record.

Called inside the step's own transaction, so a step never exists without them.
"""

from __future__ import annotations

from schakel.cases.models import Event
from schakel.people.models import Household
from schakel.privacy.access import log_change
from schakel.privacy.models import EventCategory
from schakel.tenancy.models import StaffProfile


def record_step_privacy(
    staff: StaffProfile, household: Household, event: Event | None, *, category: str,
    action: str, fields: str,
) -> None:
    """Tag the step's note with a sensitive category (if any) and audit the change."""
    if category and event is not None:
        EventCategory.objects.create(event=event, category=category)
    log_change(staff, action, household=household,
               fields=fields + (f" ({category})" if category else ""))
