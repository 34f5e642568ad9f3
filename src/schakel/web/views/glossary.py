"""The glossary page for staff from other organisations."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from schakel.web.glossary import TERMS


@login_required
def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "web/glossary.html", {"terms": TERMS, "nav": "glossary"})
