from django.urls import path

from schakel.web.views import home, household, lists, merge, registration, search

app_name = "web"
urlpatterns = [
    path("", home.home, name="home"),
    path("caseload/", lists.caseload, name="caseload"),
    path("werkvoorraad/", lists.werkvoorraad, name="werkvoorraad"),
    path("wachtend/", lists.waiting, name="waiting"),
    path("aanmelding/", registration.register, name="register"),
    path("aanmelding/kortdurend-contact/", registration.short_contact, name="short_contact"),
    path("zoeken/", search.search, name="search"),
    path("huishouden/<str:reference>/", household.household, name="household"),
    path(
        "huishouden/<str:reference>/betrokkene/<int:pk>/beeindigen/",
        household.end_involvement,
        name="end_involvement",
    ),
    path(
        "huishouden/<str:reference>/samenvoegen/",
        merge.merge_households,
        name="merge_households",
    ),
    path(
        "huishouden/<str:reference>/personen-samenvoegen/",
        merge.merge_persons,
        name="merge_persons",
    ),
]
