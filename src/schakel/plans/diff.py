"""The readable difference between two plan versions: what was added, removed or changed.

Goals and actions are matched on their ``key``, which a new version copies,
so a reworded goal shows as changed rather than as removed and added.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel.plans.models import PlanVersion

Snapshot = dict[str, Any]


@dataclass(frozen=True)
class Change:
    what: str  # "plan", "goal" or "action"
    how: str  # "added", "removed" or "changed"
    title: str
    context: str = ""
    fields: tuple[tuple[str, str, str], ...] = ()

    @property
    def headline(self) -> str:
        labels = {
            ("goal", "added"): _("Goal added"), ("goal", "removed"): _("Goal removed"),
            ("goal", "changed"): _("Goal changed"), ("action", "added"): _("Action added"),
            ("action", "removed"): _("Action removed"),
            ("action", "changed"): _("Action changed"), ("plan", "changed"): _("Plan changed"),
        }
        return str(labels[(self.what, self.how)])


def _goal_fields() -> list[tuple[str, str]]:
    return [("area", _("Life area")), ("person", _("For")), ("text", _("Goal")),
            ("note", _("Internal note"))]


def _action_fields() -> list[tuple[str, str]]:
    return [("text", _("Action")), ("resource", _("Resource")), ("owner", _("Who does it")),
            ("network", _("From the network map")), ("evaluate_on", _("Evaluate on")),
            ("status", _("Status")), ("note", _("Internal note"))]


def snapshot(version: PlanVersion) -> Snapshot:
    """The content of a version as display strings, keyed by goal and action key."""
    goals: dict[str, Any] = {}
    for goal in version.goals.select_related("person").prefetch_related(
        "actions__network_entry"
    ):
        actions = {
            a.key: {
                "text": a.text, "resource": a.get_resource_display(), "owner": a.owner,
                "network": a.network_entry.name if a.network_entry else "",
                "evaluate_on": date_format(a.evaluate_on, "SHORT_DATE_FORMAT"),
                "status": a.get_status_display(), "note": a.internal_note,
            }
            for a in goal.actions.all()
        }
        goals[goal.key] = {
            "area": goal.get_life_area_display(),
            "person": goal.person.full_name if goal.person else _("whole household"),
            "text": goal.text, "note": goal.internal_note, "actions": actions,
        }
    return {"summary": version.summary, "note": version.internal_note, "goals": goals}


def _changed(old: dict[str, Any], new: dict[str, Any],
             names: list[tuple[str, str]]) -> tuple[tuple[str, str, str], ...]:
    return tuple((label, str(old.get(k, "")), str(new.get(k, "")))
                 for k, label in names if old.get(k, "") != new.get(k, ""))


def diff(old: Snapshot, new: Snapshot) -> list[Change]:
    changes: list[Change] = []
    plan_fields = _changed(old, new, [("summary", _("In the household's words")),
                                      ("note", _("Internal note"))])
    if plan_fields:
        changes.append(Change("plan", "changed", _("The plan as a whole"), fields=plan_fields))
    for key, goal in new["goals"].items():
        before = old["goals"].get(key)
        if before is None:
            changes.append(Change("goal", "added", goal["text"], goal["area"],
                                  _changed({}, goal, _goal_fields())))
        else:
            fields = _changed(before, goal, _goal_fields())
            if fields:
                changes.append(Change("goal", "changed", goal["text"], goal["area"], fields))
        old_actions = before["actions"] if before else {}
        for a_key, action in goal["actions"].items():
            was = old_actions.get(a_key)
            if was is None:
                changes.append(Change("action", "added", action["text"], goal["text"],
                                      _changed({}, action, _action_fields())))
            else:
                fields = _changed(was, action, _action_fields())
                if fields:
                    changes.append(Change("action", "changed", action["text"], goal["text"],
                                          fields))
        for a_key, action in old_actions.items():
            if a_key not in goal["actions"]:
                changes.append(Change("action", "removed", action["text"], goal["text"]))
    for key, goal in old["goals"].items():
        if key not in new["goals"]:
            changes.append(Change("goal", "removed", goal["text"], goal["area"]))
    return changes


def between(old: PlanVersion, new: PlanVersion) -> list[Change]:
    return diff(snapshot(old), snapshot(new))
