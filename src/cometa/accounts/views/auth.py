"""Sign-in, second factor, sign-out and passwords."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from cometa.accounts import second_factor, throttle
from cometa.accounts.acting import person_of
from cometa.accounts.forms import (
    AuditedPasswordChangeForm,
    AuditedSetPasswordForm,
    CodeForm,
    ResetForm,
    SignInForm,
)
from cometa.accounts.middleware import (
    LAST_SEEN_AT,
    SECOND_FACTOR_AT,
    SECOND_FACTOR_OK,
    SIGNED_IN_AT,
)
from cometa.accounts.models import Person
from cometa.core.clients import client_address
from cometa.core.errors import ServiceError

log = logging.getLogger(__name__)
CODE_FAILURES = "cometa_code_failures"
MAX_CODE_FAILURES = 5  # wrong second-factor codes before the session ends


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return str(reverse_lazy("web:home"))


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email, address = form.cleaned_data["email"], client_address(request)
        wait = throttle.wait_seconds(account=email, address=address)
        if wait:
            form.add_error(None, _("Too many attempts. Try again in %(s)d seconds.") % {"s": wait})
            status = 429
        else:
            person = authenticate(request, username=email, password=form.cleaned_data["password"])
            if not isinstance(person, Person):
                throttle.record_failure(account=email, address=address)
                log.info("failed sign-in from %s", address)
                form.add_error(None, _("The e-mail address or the password is not right."))
                status = 400
            else:
                throttle.record_success(account=email, address=address)
                return _start_session(request, person)
    elif request.method == "POST":
        status = 400
    return render(
        request, "accounts/sign_in.html", {"form": form, "next": _next_url(request)}, status=status
    )


def _start_session(request: HttpRequest, person: Person) -> HttpResponse:
    login(request, person)
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now
    needs_code = second_factor.required_for(person)
    request.session[SECOND_FACTOR_OK] = not needs_code
    if needs_code:
        request.session["cometa_next"] = _next_url(request)
        return redirect("accounts:second-factor")
    return redirect(_next_url(request))


@never_cache
@require_http_methods(["GET", "POST"])
def second_factor_page(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    person = person_of(request)
    form = CodeForm(request.POST or None)
    enrolling = not person.has_second_factor
    if enrolling:
        second_factor.enrolment_start(person=person)
    status = 200
    if request.method == "POST" and form.is_valid():
        done, status = _check_code(request, person, form, enrolling=enrolling)
        if done is not None:
            return done
    elif request.method == "POST":
        status = 400
    context = {
        "form": form,
        "enrolling": enrolling,
        "qr_svg": second_factor.provisioning_svg(person) if enrolling else "",
        "secret": person.totp_secret if enrolling else "",
        "demo_code": second_factor.demo_code(person) if settings.DEMO else "",
    }
    return render(request, "accounts/second_factor.html", context, status=status)


def _check_code(
    request: HttpRequest, person: Person, form: CodeForm, *, enrolling: bool
) -> tuple[HttpResponse | None, int]:
    """Checks a posted code under the throttle: a response to send, or the page's status.

    Failures are counted per person and address as for passwords, and the half-signed-in
    session ends after MAX_CODE_FAILURES of them, so the password must be given again."""
    account, address = second_factor.throttle_account(person), client_address(request)
    scope = throttle.SECOND_FACTOR
    wait = throttle.wait_seconds(account=account, address=address, scope=scope)
    if wait:
        form.add_error(None, _("Too many attempts. Try again in %(s)d seconds.") % {"s": wait})
        return None, 429
    code = form.cleaned_data["code"]
    if enrolling:
        try:
            second_factor.enrolment_confirm(person=person, code=code)
            outcome = second_factor.ACCEPTED
        except ServiceError as error:
            outcome = error.code.removeprefix("code_")
    else:
        outcome = second_factor.verify(person=person, code=code)
    if outcome == second_factor.ACCEPTED:
        throttle.record_success(account=account, address=address, scope=scope)
        request.session.cycle_key()
        request.session[SECOND_FACTOR_OK] = True
        request.session[SECOND_FACTOR_AT] = time.time()
        return redirect(request.session.pop("cometa_next", None) or "web:home"), 302
    throttle.record_failure(account=account, address=address, scope=scope)
    failures = int(request.session.get(CODE_FAILURES, 0)) + 1
    if failures >= MAX_CODE_FAILURES:
        log.info("second factor: session ended after %d wrong codes from %s", failures, address)
        logout(request)
        messages.error(request, _("Too many wrong codes. Sign in again to try once more."))
        return redirect("accounts:login"), 302
    request.session[CODE_FAILURES] = failures
    form.add_error("code", second_factor.refusal(outcome))
    return None, 400


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You are signed out."))
    return redirect("accounts:login")


class PasswordChange(auth_views.PasswordChangeView):
    form_class = AuditedPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: AuditedPasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response


class PasswordReset(auth_views.PasswordResetView):
    """Limited per client address (a visible wait, the same for every e-mail address) and
    per account (mail stops, the answer stays "sent"), so nobody can flood a mailbox."""

    form_class = ResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form: ResetForm) -> HttpResponse:
        email, address = form.cleaned_data["email"], client_address(self.request)
        allowance = throttle.reset_allowance(account=email, address=address)
        if allowance.address_wait:
            minutes = (allowance.address_wait + 59) // 60
            message = ngettext(
                "Too many requests from your address. Try again in %(m)d minute.",
                "Too many requests from your address. Try again in %(m)d minutes.",
                minutes,
            )
            form.add_error(None, message % {"m": minutes})
            return self.render_to_response(self.get_context_data(form=form), status=429)
        throttle.record_reset(account=email, address=address)
        if not allowance.send:
            log.info("password reset: no mail, enough sent to this account lately")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDone(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    form_class = AuditedSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetComplete(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
