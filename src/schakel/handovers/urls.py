from django.urls import URLPattern, URLResolver

app_name = "handovers"
urlpatterns: list[URLPattern | URLResolver] = []
