from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="web/login.html",
                                     extra_context={"oidc": settings.OIDC_ENABLED}),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("cijfers/", include("schakel.insight.urls")),
    path("tafels/", include("schakel.tables.urls")),
    path("privacy/", include("schakel.privacy.urls")),
    path("sociale-kaart/", include("schakel.socialmap.urls")),
    path("api/", include("schakel.api.urls")),
    path("partner/", include("schakel.api.web_urls")),
    path("overdracht/", include("schakel.handovers.urls")),
    path("", include("schakel.security.urls")),
    path("", include("schakel.norms.urls")),
    path("", include("schakel.assessment.urls")),
    path("", include("schakel.plans.urls")),
    path("", include("schakel.decisions.urls")),
    path("", include("schakel.web.urls")),
]

if settings.OIDC_ENABLED:  # optional login through the municipality's identity provider
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))
