from django.urls import path

from schakel.norms import views

app_name = "norms"
urlpatterns = [
    path("signalen/team/", views.team_signal_list, name="team_signals"),
    path("beheer/normen/", views.norm_admin, name="admin"),
]
