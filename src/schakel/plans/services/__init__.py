"""Every change to a support plan, the network map and referrals goes through here.

One public function is one user action and one transaction. Errors are
:class:`CaseError` with a message for the user. When a version has both the
resident's agreement and a leader's sign-off it becomes current, and the
episode gets a ``plan_agreed`` event, which the 6-week plan norm counts.
"""

from schakel.plans.services.agreement import record_agreement, sign
from schakel.plans.services.content import (
    ActionInput,
    GoalInput,
    add_action,
    add_goal,
    new_version,
    remove_action,
    remove_goal,
    set_action_status,
    update_action,
    update_goal,
    update_summary,
)
from schakel.plans.services.network import (
    NetworkInput,
    add_network_entry,
    end_network_entry,
    update_network_entry,
)
from schakel.plans.services.referral import request_specialist_referral, require_current_plan

__all__ = [
    "ActionInput", "GoalInput", "NetworkInput", "add_action", "add_goal", "add_network_entry",
    "end_network_entry", "new_version", "record_agreement", "remove_action", "remove_goal",
    "request_specialist_referral", "require_current_plan", "set_action_status", "sign",
    "update_action", "update_goal", "update_network_entry", "update_summary",
]
