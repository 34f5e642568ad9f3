"""Every change to instruments and measurements goes through here.

Each public function is one user action and one transaction: on any error
nothing is written. Errors are :class:`CaseError` with a message for the user,
keyed by the form field they belong to where there is one.
"""

from schakel.assessment.services.checks import plan_safety_check, record_safety_check
from schakel.assessment.services.instruments import MODELS, add_instrument, revise_instrument
from schakel.assessment.services.measurements import (
    AnswerValue,
    answer_key,
    record_measurement,
    skip_key,
)

__all__ = [
    "MODELS", "AnswerValue", "add_instrument", "answer_key", "plan_safety_check",
    "record_measurement", "record_safety_check", "revise_instrument", "skip_key",
]
