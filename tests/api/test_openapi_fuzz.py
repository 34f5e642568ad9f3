"""Property-based requests generated from the served OpenAPI document: never a server error.

Runs over real HTTP against the live server with valid tokens of a GP practice
and a housing corporation, so generated requests reach the handlers. To keep
generation fast the generator names at most two persons per submission; the
limit itself is checked in test_partner_api.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from schakel.api.models import PartnerToken

pytestmark = pytest.mark.django_db(transaction=True)

POSITIVE, NEGATIVE = GenerationMode.POSITIVE, GenerationMode.NEGATIVE
# (operation, mode) -> generated requests; 1,050 in all.
PLAN = {
    ("POST /api/v1/signals", POSITIVE): 150, ("POST /api/v1/signals", NEGATIVE): 25,
    ("POST /api/v1/referrals", POSITIVE): 150, ("POST /api/v1/referrals", NEGATIVE): 25,
    ("GET /api/v1/submissions", POSITIVE): 200, ("GET /api/v1/submissions", NEGATIVE): 50,
    ("GET /api/v1/submissions/{submission_id}", POSITIVE): 200,
    ("GET /api/v1/submissions/{submission_id}", NEGATIVE): 50,
    ("GET /api/v1/teams", POSITIVE): 150, ("GET /api/v1/teams", NEGATIVE): 50,
}


def served_document(base: str) -> dict[str, Any]:
    document: dict[str, Any] = requests.get(f"{base}/api/v1/openapi.json", timeout=30).json()
    for name in ("SignalIn", "ReferralIn"):
        document["components"]["schemas"][name]["properties"]["persons"]["maxItems"] = 2
    return document


def test_a_thousand_generated_requests_cause_no_server_error(
    live_server, team, other_team, gp_token, housing_token,
):
    started = time.monotonic()
    PartnerToken.objects.update(rate_per_minute=100_000)
    schema = schemathesis.openapi.from_dict(served_document(live_server.url))
    operations = {op.label: op for op in (r.ok() for r in schema.get_all_operations())}
    assert set(operations) == {label for label, _mode in PLAN}, "an operation is not fuzzed"
    teams = st.sampled_from([team.external_id, other_team.external_id, "no-such-team"])
    session = requests.Session()
    sent: list[int] = []
    errors: list[str] = []

    def fuzz(label: str, mode: GenerationMode, count: int) -> None:
        @settings(max_examples=count, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck), phases=["generate"])
        @given(case=operations[label].as_strategy(generation_mode=mode),
               token=st.sampled_from([gp_token, housing_token]), team=teams)
        def run(case, token, team):  # noqa: ANN001, ANN202
            if mode.is_positive and isinstance(case.body, dict) and "team" in case.body:
                case.body["team"] = team
            response = case.call(base_url=live_server.url, session=session,
                                 headers={"Authorization": f"Bearer {token}"})
            sent.append(response.status_code)
            if response.status_code >= 500:
                errors.append(f"{case.method} {case.formatted_path} -> "
                              f"{response.status_code}: {response.text[:300]}")

        run()

    try:
        for (label, mode), count in PLAN.items():
            fuzz(label, mode, count)
    finally:
        session.close()  # no kept-alive connection holds the live server's database
    by_status = {s: sent.count(s) for s in sorted(set(sent))}
    print(f"generated requests: {len(sent)} in {time.monotonic() - started:.1f} s; "
          f"by status: {by_status}")
    assert not errors, "\n".join(errors[:10])
    assert len(sent) >= 1000
    assert by_status.get(201, 0) >= 20, "too few generated submissions were accepted"
