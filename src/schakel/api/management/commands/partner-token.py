"""``schakel partner-token``: create, list and revoke partner API tokens."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.api import tokens
from schakel.api.constants import DEFAULT_RATE_PER_MINUTE, Scope
from schakel.api.models import PartnerToken
from schakel.tenancy.models import Organisation


class Command(BaseCommand):
    help = "Create, list or revoke partner API tokens. A new token is printed once only."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="A new token for a partner organisation.")
        create.add_argument("organisation", help="The organisation's external id.")
        create.add_argument("--name", required=True, help="What uses the token.")
        create.add_argument("--scope", action="append", dest="scopes", choices=Scope.values,
                            help="Repeat for more scopes; default: all.")
        create.add_argument("--rate", type=int, default=DEFAULT_RATE_PER_MINUTE,
                            help="Requests per minute (default %(default)s).")
        sub.add_parser("list", help="Tokens with their prefix, scopes and state.")
        revoke = sub.add_parser("revoke", help="Revoke a token by its prefix.")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc

    def _create(self, options: dict[str, Any]) -> None:
        organisation = Organisation.objects.filter(external_id=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with external id {options['organisation']}.")
        token, plain = tokens.create_token(
            organisation, name=options["name"], scopes=options["scopes"] or Scope.values,
            created_by="command line", rate_per_minute=options["rate"])
        self.stdout.write(f"Token for {organisation.name} ({', '.join(token.scopes)}):")
        self.stdout.write(plain)
        self.stdout.write("Store it now; it is not shown again.")

    def _list(self, options: dict[str, Any]) -> None:
        for token in PartnerToken.objects.select_related("organisation"):
            state = "revoked" if token.revoked_at else "active"
            self.stdout.write(f"{token.prefix}  {state:8} {token.organisation.name} – "
                              f"{token.name} [{', '.join(token.scopes)}]")

    def _revoke(self, options: dict[str, Any]) -> None:
        token = tokens.revoke_token(options["prefix"])
        self.stdout.write(f"Revoked {token.prefix} of {token.organisation.name}.")
