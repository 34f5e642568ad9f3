from django.urls import path

from schakel.assessment import admin_views, views

app_name = "assessment"
HOUSEHOLD = "huishouden/<str:reference>/analyse/"
urlpatterns = [
    path(HOUSEHOLD, views.overview, name="overview"),
    path(f"{HOUSEHOLD}nieuw/<slug:code>/", views.new_measurement, name="new"),
    path(f"{HOUSEHOLD}meting/<int:pk>/", views.measurement, name="measurement"),
    path(f"{HOUSEHOLD}verloop/<int:person>/<slug:code>/", views.person_progress,
         name="progress"),
    path(f"{HOUSEHOLD}kindveiligheid/", views.safety, name="safety"),
    path("beheer/instrumenten/", admin_views.instrument_list, name="admin_list"),
    path("beheer/instrumenten/nieuw/", admin_views.add, name="admin_add"),
    path("beheer/instrumenten/<int:pk>/herzien/", admin_views.revise, name="admin_revise"),
    path("beheer/instrumenten/versie/<int:pk>/", admin_views.version_detail,
         name="admin_version"),
]
