from django.urls import path

from schakel.tables import views

app_name = "tables"
urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.create, name="create"),
    path("lessen/", views.learnings, name="learnings"),
    path("<int:pk>/", views.table_page, name="table"),
    path("<int:pk>/inbrengen/", views.bring, name="bring"),
    path("<int:pk>/overleg/", views.new_meeting, name="new_meeting"),
    path("casus/<int:pk>/", views.case_page, name="case"),
    path("afspraak/<int:pk>/resultaat/", views.agreement_result, name="agreement_result"),
    path("overleg/<int:pk>/", views.meeting_page, name="meeting"),
    path("overleg/<int:pk>/voortgang/", views.pack, name="pack"),
    path("overleg/<int:pk>/voortgang.pdf", views.pack_pdf, name="pack_pdf"),
]
