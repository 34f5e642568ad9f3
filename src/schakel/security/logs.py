"""Structured logs: one JSON object per line, with a fixed set of fields.

Only the message, its level, logger and time, and the whitelisted extra fields
below are written. Anything else a library attaches to a record (Django puts
the whole request on error records) is left out, so a log line cannot carry
a query string, a form value or a name.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

EXTRA_FIELDS = ("method", "path", "status", "ms", "user_id", "command", "records", "detail")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(
                timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": _message(record),
        }
        for name in EXTRA_FIELDS:
            if name in record.__dict__:
                entry[name] = record.__dict__[name]
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return json.dumps(entry, default=str)


def _message(record: logging.LogRecord) -> str:
    if record.name == "django.request" or record.name.startswith("django.security"):
        # These format the request path (with query string) into the message.
        return str(record.msg).split(":", 1)[0] if isinstance(record.msg, str) else "request"
    return record.getMessage()
