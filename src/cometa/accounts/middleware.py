"""Session lifetime (idle and absolute) and the second-factor gate."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from cometa.accounts import second_factor

SIGNED_IN_AT = "cometa_signed_in_at"
LAST_SEEN_AT = "cometa_last_seen_at"
SECOND_FACTOR_OK = "cometa_second_factor_ok"
SECOND_FACTOR_AT = "cometa_second_factor_at"  # when the code was last checked (time.time())
LAST_SEEN_RESOLUTION = 30  # seconds
# Paths a person who still owes a second factor may reach.
SECOND_FACTOR_OPEN = ("/accounts/second-factor/", "/accounts/sign-out/", "/i18n/", "/static/")


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            request.session.setdefault(SIGNED_IN_AT, now)
            request.session.setdefault(LAST_SEEN_AT, now)
            signed_in = float(request.session.get(SIGNED_IN_AT, now))
            last_seen = float(request.session.get(LAST_SEEN_AT, now))
            if (
                now - last_seen > settings.SESSION_IDLE_SECONDS
                or now - signed_in > settings.SESSION_ABSOLUTE_SECONDS
            ):
                logout(request)
                messages.info(request, _("Your session ended. Please sign in again."))
            elif now - last_seen > LAST_SEEN_RESOLUTION:
                # Written at most every few seconds, so reads do not each write the session.
                request.session[LAST_SEEN_AT] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """A person whose role needs a second factor reaches nothing else until it is given."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(SECOND_FACTOR_OK)
            and not request.path.startswith(SECOND_FACTOR_OPEN)
            and second_factor.required_for(user)
        ):
            if request.path.startswith("/api/"):
                body = {
                    "error": {
                        "code": "second_factor_required",
                        "message": _("Confirm your second factor in the web pages first."),
                    }
                }
                return JsonResponse(body, status=403)
            return redirect("accounts:second-factor")
        return self.get_response(request)
