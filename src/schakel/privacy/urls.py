from django.urls import path

from schakel.privacy.views import audit, covenants, glass, partner, persons, retention

app_name = "privacy"
urlpatterns = [
    path("", audit.home, name="home"),
    path("audit/", audit.audit_search, name="audit"),
    path("audit/export/", audit.audit_export, name="audit_export"),
    path("noodtoegang/", glass.emergency_queue, name="emergency_queue"),
    path("noodtoegang/aanvragen/", glass.emergency_request, name="emergency_request"),
    path("noodtoegang/<int:pk>/beoordelen/", glass.emergency_review, name="emergency_review"),
    path("personen/", persons.persons, name="persons"),
    path("personen/<int:pk>/", persons.person, name="person"),
    path("personen/<int:pk>/inzage/", persons.inzage_page, name="inzage"),
    path("personen/<int:pk>/inzage.json", persons.inzage_json, name="inzage_json"),
    path("personen/<int:pk>/correctie/", persons.correction, name="correction"),
    path("personen/<int:pk>/bezwaar/", persons.objection, name="objection"),
    path("correctie/<int:pk>/afhandelen/", persons.handle_correction, name="handle_correction"),
    path("bezwaar/<int:pk>/besluit/", persons.decide_objection, name="decide_objection"),
    path("convenanten/", covenants.covenants, name="covenants"),
    path("bewaartermijnen/", retention.retention_page, name="retention"),
    path("gedeeld/", partner.shared, name="shared"),
    path("gedeeld/<int:pk>/", partner.shared_person, name="shared_person"),
]
