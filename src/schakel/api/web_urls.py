from django.urls import path

from schakel.api import token_views, views

app_name = "partner"
urlpatterns = [
    path("melden/", views.submit, name="submit"),
    path("meldingen/", views.submissions, name="submissions"),
    path("tokens/", token_views.token_list, name="tokens"),
]
