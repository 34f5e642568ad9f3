from django.urls import path

from schakel.insight import views

app_name = "insight"
urlpatterns = [
    path("", views.figures, name="figures"),
    path("duur/", views.durations, name="durations"),
    path("caseload/", views.caseload, name="caseload"),
    path("normen/", views.norms, name="norms"),
    path("kwaliteit/", views.quality, name="quality"),
    path("prognose/", views.forecast, name="forecast"),
    path("export/<slug:panel>.<slug:fmt>", views.export_panel, name="export"),
    path("monitor.pdf", views.monitor_pdf, name="monitor"),
]
