from django.urls import URLPattern, URLResolver, path

from schakel.api.v1 import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("v1/", api.urls),
]
