from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from cometa.accounts import api as accounts_api

router = SimpleRouter(trailing_slash=True)
router.register("organisations", accounts_api.OrganisationViewSet, basename="organisation")
router.register("memberships", accounts_api.MembershipViewSet, basename="membership")
router.register("tokens", accounts_api.TokenViewSet, basename="token")
router.register("audit", accounts_api.AuditViewSet, basename="audit")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("me/", accounts_api.MeView.as_view(), name="api-me"),
    *router.urls,
]
