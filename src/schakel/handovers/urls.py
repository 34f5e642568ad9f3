from django.urls import URLPattern, URLResolver, path

from schakel.handovers import views

app_name = "handovers"
urlpatterns: list[URLPattern | URLResolver] = [
    path("inkomend/", views.incoming, name="incoming"),
    path("inkomend/<int:pk>/", views.answer, name="answer"),
    path("huishouden/<str:reference>/", views.household, name="household"),
]
