from django.urls import path

from schakel.decisions import views

app_name = "decisions"
urlpatterns = [
    path("huishouden/<str:reference>/besluiten/", views.household, name="household"),
    path("huishouden/<str:reference>/besluiten/<int:pk>/brief.pdf", views.decision_letter,
         name="letter"),
    path("voorzieningen/", views.catalogue, name="catalogue"),
    path("klachten/", views.complaints, name="complaints"),
    path("besluiten/cijfers/", views.figures, name="figures"),
    path("besluiten/budget/", views.budget, name="budget"),
    path("terugkoppeling/", views.feedback, name="feedback"),
]
