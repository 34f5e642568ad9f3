from django.urls import path

from schakel.api import views

app_name = "partner"
urlpatterns = [
    path("melden/", views.submit, name="submit"),
    path("meldingen/", views.submissions, name="submissions"),
]
