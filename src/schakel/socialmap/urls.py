from django.urls import path

from schakel.socialmap import views

app_name = "socialmap"
urlpatterns = [
    path("", views.public, name="public"),
    path("kaart.json", views.public_json, name="public_json"),
    path("beheer/", views.manage, name="manage"),
    path("beheer/organisatie/nieuw/", views.organisation, name="organisation_new"),
    path("beheer/organisatie/<int:pk>/", views.organisation, name="organisation"),
    path("beheer/organisatie/<int:pk>/contact/", views.contact_new, name="contact_new"),
    path("beheer/organisatie/<int:organisation_pk>/aanbod/nieuw/", views.offer,
         name="offer_new"),
    path("beheer/aanbod/<int:pk>/", views.offer, name="offer"),
    path("huishouden/<str:reference>/koppelen/", views.link, name="link"),
    path("wijken/", views.districts, name="districts"),
    path("wijken/<str:code>/", views.district, name="district"),
]
