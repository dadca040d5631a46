from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _error(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        from django.http import JsonResponse

        codes = {403: "forbidden", 404: "not_found", 500: "server_error"}
        return JsonResponse({"error": {"code": codes[status], "message": message}}, status=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, _("This page does not exist, or you may not see it."))


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, _("You may not do this."))


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500, _("Something went wrong on our side. Nothing was changed."))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's own CSRF page carries an inline style our CSP blocks, and is not ours:
    this one extends base.html, speaks the visitor's language and says what to do."""
    context = {
        "status": 403,
        "message": _(
            "The form was sent without a valid security token. This happens when the page "
            "was open for a long time or your browser blocks cookies. Go back, reload the "
            "page and send the form again."
        ),
    }
    return render(request, "csrf_failure.html", context, status=403)
