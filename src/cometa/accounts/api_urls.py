"""The accounts API, mounted under api/v1/ by the registry."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from cometa.accounts import api as accounts_api

router = SimpleRouter(trailing_slash=True)
router.register("organisations", accounts_api.OrganisationViewSet, basename="organisation")
router.register("memberships", accounts_api.MembershipViewSet, basename="membership")
router.register("tokens", accounts_api.TokenViewSet, basename="token")
router.register("audit", accounts_api.AuditViewSet, basename="audit")

urlpatterns = [
    path("me/", accounts_api.MeView.as_view(), name="api-me"),
    *router.urls,
]
