"""The pages of accounts: signing in, the profile and tokens, organisations and their
members, the audit trail. Mounted at the root by the registry (see apps.py)."""

from django.urls import path

from cometa.accounts.views import audit_log, auth, organisations, profile

app_name = "accounts"

urlpatterns = [
    path("accounts/sign-in/", auth.sign_in, name="login"),
    path("accounts/sign-out/", auth.sign_out, name="logout"),
    path("accounts/second-factor/", auth.second_factor_page, name="second-factor"),
    path("accounts/password/", auth.PasswordChange.as_view(), name="password-change"),
    path("accounts/password/reset/", auth.PasswordReset.as_view(), name="password-reset"),
    path(
        "accounts/password/reset/sent/",
        auth.PasswordResetDone.as_view(),
        name="password-reset-done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth.PasswordResetConfirm.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth.PasswordResetComplete.as_view(),
        name="password-reset-complete",
    ),
    path("accounts/profile/", profile.profile, name="profile"),
    path("accounts/tokens/", profile.token_create, name="token-create"),
    path("accounts/tokens/<id:pk>/revoke/", profile.token_revoke, name="token-revoke"),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/new/", organisations.organisation_create, name="organisation-create"),
    path("organisations/<id:pk>/", organisations.organisation_detail, name="organisation"),
    path("organisations/<id:pk>/edit/", organisations.organisation_edit, name="organisation-edit"),
    path(
        "organisations/<id:pk>/members/",
        organisations.membership_add,
        name="membership-add",
    ),
    path("memberships/<id:pk>/role/", organisations.membership_role, name="membership-role"),
    path("memberships/<id:pk>/remove/", organisations.membership_remove, name="membership-remove"),
    path("audit/", audit_log.audit_list, name="audit"),
]
