"""Rows in the tables app for the privacy tests' world household (inzage, authorisation)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from schakel.tables import services


def build(world: Any) -> dict[str, object]:
    """A Wijkschakel where the director brings the household pseudonymously, one step,
    one agreement with a deadline."""
    leader, director = world["leader"], world["director"]
    table = services.create_table(leader, services.TableInput(
        name="Wijkschakel Oost", kind="wijkschakel", chair=leader))
    services.add_member(table, director, ring="core", by=leader)
    case = services.bring_case(table, by=director, subject="household",
                               household=world.household, concern="Zorgen")
    step = services.record_step(case, "quick", {"missing": "De huisarts"}, by=director)
    agreement = services.make_agreement(case, by=leader, what="Huisbezoek", owner=director,
                                        deadline=timezone.localdate())
    return {"table": table, "table_case": case, "table_step": step,
            "table_agreement": agreement}
