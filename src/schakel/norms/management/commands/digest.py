"""``schakel digest``: the daily e-mail of overdue and due-soon deadlines per director."""

from typing import Any

from django.core.management.base import BaseCommand

from schakel.norms.services import send_digests


class Command(BaseCommand):
    help = (
        "Send each case director one e-mail listing their overdue and due-soon deadlines "
        "(household references only). Run daily, e.g. from cron at 07:00."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_digests()
        self.stdout.write(f"{sent} digest(s) sent")
