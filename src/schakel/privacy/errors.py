from django.core.exceptions import ValidationError


class PrivacyError(ValidationError):
    """A privacy action that cannot be carried out; the message says why (translated)."""
