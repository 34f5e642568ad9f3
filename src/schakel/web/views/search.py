"""Search households by name, BSN or reference, within what the user may see.

The search posts its query so that a BSN never lands in a URL, browser history
or web-server log; the access log records the number of results, never the query.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from schakel.cases import queries
from schakel.privacy.access import log_read, visible_households
from schakel.privacy.flags import active_flags_by_household
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import error_summary
from schakel.web.forms.search import SearchForm
from schakel.web.permissions import casework_view
from schakel.web.views.common import paginate


@casework_view
def search(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    form = SearchForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"nav": "search", "form": form}
    status = 200
    if form.is_bound and form.is_valid():
        results = queries.search_households(visible_households(staff), form.cleaned_data["q"])
        page = paginate(request, results, request.POST.get("page"))
        log_read(staff, "search", detail=str(page.paginator.count),
                 fields="search results: names, birth dates",
                 purpose="finding a household one is involved with")
        context.update(page=page, searched=True,
                       flags=active_flags_by_household(h.pk for h in page))
    elif form.is_bound:
        status = 400
    context["errors_summary"] = error_summary(form)
    return render(request, "web/search.html", context, status=status)
