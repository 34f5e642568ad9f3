from django.urls import path

from schakel.plans import network_views, resident_views, views

app_name = "plans"
PLAN = "huishouden/<str:reference>/plan/"
NETWORK = "huishouden/<str:reference>/netwerk/"
urlpatterns = [
    path(PLAN, views.plan, name="plan"),
    path(f"{PLAN}doel/<int:pk>/", views.edit_goal, name="edit_goal"),
    path(f"{PLAN}actie/<int:pk>/", views.edit_action, name="edit_action"),
    path(f"{PLAN}actie/<int:pk>/status/", views.action_status, name="action_status"),
    path(f"{PLAN}<str:what>/<int:pk>/verwijderen/", views.remove, name="remove"),
    path(f"{PLAN}versie/<int:number>/", views.version_detail, name="version"),
    path(f"{PLAN}inwoner/", resident_views.printable, name="resident"),
    path(f"{PLAN}inwoner.pdf", resident_views.plan_pdf, name="resident_pdf"),
    path(NETWORK, network_views.network, name="network"),
    path(f"{NETWORK}<int:pk>/", network_views.edit_entry, name="edit_entry"),
    path(f"{NETWORK}<int:pk>/beeindigen/", network_views.end_entry, name="end_entry"),
]
