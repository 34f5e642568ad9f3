"""Privacy data: the audit log, bases, flags, break-the-glass, rights, retention."""

from schakel.privacy.models.audit import AccessLog, AuditHead
from schakel.privacy.models.bases import Consent, Covenant
from schakel.privacy.models.flags import SensitiveFlag
from schakel.privacy.models.glass import EmergencyAccess
from schakel.privacy.models.notes import EventCategory
from schakel.privacy.models.retention import Erasure, RetentionRule
from schakel.privacy.models.rights import CorrectionRequest, Objection

__all__ = [
    "AccessLog",
    "AuditHead",
    "Consent",
    "CorrectionRequest",
    "Covenant",
    "Erasure",
    "EmergencyAccess",
    "EventCategory",
    "Objection",
    "RetentionRule",
    "SensitiveFlag",
]
