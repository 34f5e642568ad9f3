from django.urls import URLPattern, URLResolver, path

from schakel.security import views

app_name = "security"
urlpatterns: list[URLPattern | URLResolver] = [
    path("inloggen/tweede-stap/", views.verify, name="verify"),
    path("inloggen/app-koppelen/", views.enrol, name="enrol"),
    path("uitloggen/overal/", views.logout_everywhere, name="logout_everywhere"),
    path("health/", views.health, name="health"),
    path("ready/", views.ready, name="ready"),
]
