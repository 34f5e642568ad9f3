"""The partner API, version 1: signals, referrals and the status of one's own submissions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Header, NinjaAPI, Path, Query, Status
from ninja.security import HttpBearer

from schakel.api import idempotency, services, status, tokens
from schakel.api.constants import Scope, SubmissionKind
from schakel.api.models import PartnerToken
from schakel.api.schemas import (
    Invalid,
    Message,
    PersonIn,
    ReferralIn,
    SignalIn,
    SubmissionBase,
    SubmissionOut,
    TeamOut,
)
from schakel.people.services import PersonInput
from schakel.privacy.access import log_read
from schakel.tenancy.models import Team


class RateLimited(Exception):  # noqa: N818 - reads as what happened
    def __init__(self, seconds: int) -> None:
        super().__init__(seconds)
        self.seconds = seconds


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``; over the limit per minute answers 429."""

    def authenticate(self, request: HttpRequest, token: str) -> PartnerToken | None:
        # A client program states its language; messages default to Dutch.
        translation.activate(translation.get_language_from_request(request))
        found = tokens.authenticate(token)
        if found is None:
            return None
        wait = tokens.seconds_until_allowed(found)
        if wait:
            raise RateLimited(wait)
        return found


api = NinjaAPI(
    title="Schakel partner API", version="1", urls_namespace="api_v1", auth=TokenAuth(),
    # No interactive page: it would load a third-party script bundle under our CSP and does
    # not meet WCAG 2.1 AA. Partners read the OpenAPI document with their own tools.
    docs_url=None,
    description=(
        "Partner organisations (GP practices, police, housing corporations, schools, welfare) "
        "submit signals and referrals to a neighbourhood team and read the status of their "
        "own submissions. Authenticate with the bearer token of your organisation. Send an "
        "Idempotency-Key header with each submission: a retry with the same key and body "
        "returns the first response; the same key with another body is refused (422)."),
)

IdempotencyKey = Header(None, alias="Idempotency-Key", max_length=200,
                        pattern=r"^[\x21-\x7e]{1,200}$",
                        description="Unique per submission; printable ASCII, max 200.")


@api.exception_handler(RateLimited)
def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = api.create_response(
        request, {"detail": _("Too many requests; try again in %(n)d seconds.")
                  % {"n": exc.seconds}}, status=429)
    response["Retry-After"] = str(exc.seconds)
    return response


def _token(request: HttpRequest, scope: str) -> PartnerToken:
    token = request.auth  # type: ignore[attr-defined]
    assert isinstance(token, PartnerToken)
    if scope not in token.scopes:
        raise PermissionError(scope)
    return token


@api.exception_handler(PermissionError)
def forbidden(request: HttpRequest, exc: PermissionError) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("This token lacks the scope %(scope)s.") % {"scope": exc.args[0]}},
        status=403)


def invalid(exc: ValidationError) -> tuple[int, dict[str, Any]]:
    if hasattr(exc, "error_dict"):
        items = [{"loc": ["body", *name.split(".")], "msg": message, "type": "invalid"}
                 for name, messages in exc.message_dict.items() for message in messages]
    else:
        items = [{"loc": ["body"], "msg": m, "type": "invalid"} for m in exc.messages]
    return 422, {"detail": items}


def _person(data: PersonIn) -> PersonInput:
    return PersonInput(**data.dict())


def _input(token: PartnerToken, body: SubmissionBase, kind: str) -> services.SubmissionInput:
    team = Team.objects.filter(municipality_id=token.account.municipality_id,
                               external_id=body.team).first()
    return services.SubmissionInput(
        team=team, unit=body.unit, kind=kind, persons=[_person(p) for p in body.persons],
        topic=getattr(body, "topic", "") or "", criteria=list(getattr(body, "criteria", [])),
        urgency=body.urgency, multiple_problems=body.multiple_problems,
        description=body.description, referrer_name=body.referrer_name,
        referrer_contact=body.referrer_contact, household_name=body.household_name,
        rent_arrears_months=getattr(body, "rent_arrears_months", None),
    )


def _submit(request: HttpRequest, token: PartnerToken, body: SubmissionBase, kind: str,
            key: str | None) -> tuple[int, dict[str, Any]]:
    def action() -> tuple[int, dict[str, Any]]:
        try:
            submission = services.submit(token.organisation, token.account,
                                         _input(token, body, kind), via_api=True)
        except ValidationError as exc:
            return invalid(exc)
        return 201, SubmissionOut.from_orm(status.view(submission)).dict()

    return idempotency.once(token, key, request, action)


ERRORS: dict[int, Any] = {401: Message, 403: Message, 422: Invalid | Message, 429: Message}


@api.post("/signals", response={201: SubmissionOut, **ERRORS}, url_name="signals")
def submit_signal(request: HttpRequest, body: SignalIn,
                  idempotency_key: str | None = IdempotencyKey) -> Status[Any]:
    """A signal about a household (e.g. a housing corporation's rent-arrears signal)."""
    return Status(*_submit(request, _token(request, Scope.SIGNALS), body,
                           SubmissionKind.SIGNAL, idempotency_key))


@api.post("/referrals", response={201: SubmissionOut, **ERRORS}, url_name="referrals")
def submit_referral(request: HttpRequest, body: ReferralIn,
                    idempotency_key: str | None = IdempotencyKey) -> Status[Any]:
    """A GP's referral, on one or more of the GP referral criteria."""
    return Status(*_submit(request, _token(request, Scope.REFERRALS), body,
                           SubmissionKind.REFERRAL, idempotency_key))


def _log(token: PartnerToken, count: int) -> None:
    log_read(token.account, "api_status", fields="status of own submissions",
             purpose=f"feedback to {token.organisation.name}",
             detail=f"token={token.prefix} n={count}")


@api.get("/submissions", response={200: list[SubmissionOut], **ERRORS}, url_name="submissions")
def list_submissions(request: HttpRequest,
                     limit: int = Query(50, ge=1, le=200)) -> Status[Any]:
    """Your organisation's submissions, newest first, with the status you may see."""
    token = _token(request, Scope.STATUS)
    rows = status.views(token.organisation, limit)
    _log(token, len(rows))
    return Status(200, rows)


@api.get("/submissions/{submission_id}", response={200: SubmissionOut, 404: Message, **ERRORS},
         url_name="submission")
def get_submission(request: HttpRequest,
                   submission_id: str = Path(..., max_length=40)) -> Status[Any]:
    """One of your organisation's submissions."""
    token = _token(request, Scope.STATUS)
    submission = status.own(token.organisation).filter(public_id=submission_id).first()
    if submission is None:
        return Status(404, {"detail": _("No submission of yours has this id.")})
    _log(token, 1)
    return Status(200, status.view(submission))


@api.get("/teams", response={200: list[TeamOut], **ERRORS}, url_name="teams")
def list_teams(request: HttpRequest) -> Status[Any]:
    """The teams of your municipality, to address a submission to."""
    token: PartnerToken = request.auth  # type: ignore[attr-defined]
    teams = Team.objects.filter(municipality_id=token.account.municipality_id)
    return Status(200, [{"id": t.external_id, "name": t.name,
                  "district": t.district.cbs_code if t.district else ""}
                 for t in teams.select_related("district")])
