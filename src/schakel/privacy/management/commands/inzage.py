"""``schakel inzage PERSON_ID [--out DIR]``: the inzage export as JSON and HTML files."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from schakel.people.models import Person
from schakel.privacy import inzage
from schakel.privacy.audit import write


class Command(BaseCommand):
    help = "Write everything held about a person to inzage-ID.json and inzage-ID.html."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("person", type=int, help="the person's id")
        parser.add_argument("--out", default=".", help="directory to write to")

    def handle(self, *args: Any, **options: Any) -> None:
        person = Person.objects.filter(pk=options["person"]).first()
        if person is None:
            raise CommandError(f"no person with id {options['person']}")
        export = inzage.collect(person)
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        (out / f"inzage-{person.pk}.json").write_text(
            json.dumps(export.as_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        with translation.override("nl"):
            html = render_to_string("privacy/inzage.html", {"inzage": export, "person": person})
        (out / f"inzage-{person.pk}.html").write_text(html, encoding="utf-8")
        write("inzage_export", actor="schakel inzage", person=person,
              purpose="data-subject right of access", fields="everything (command line)")
        self.stdout.write(f"wrote {out / f'inzage-{person.pk}.json'} and .html")
