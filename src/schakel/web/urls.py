from django.urls import path

from schakel.web.views import (
    glossary,
    home,
    household,
    household_privacy,
    lists,
    merge,
    registration,
    search,
)

app_name = "web"
urlpatterns = [
    path("", home.home, name="home"),
    path("caseload/", lists.caseload, name="caseload"),
    path("werkvoorraad/", lists.werkvoorraad, name="werkvoorraad"),
    path("wachtend/", lists.waiting, name="waiting"),
    path("aanmelding/", registration.register, name="register"),
    path("aanmelding/kortdurend-contact/", registration.short_contact, name="short_contact"),
    path("zoeken/", search.search, name="search"),
    path("begrippen/", glossary.glossary, name="glossary"),
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
    path(
        "huishouden/<str:reference>/toestemming/",
        household_privacy.give_consent,
        name="give_consent",
    ),
    path(
        "huishouden/<str:reference>/toestemming/<int:pk>/intrekken/",
        household_privacy.withdraw_consent,
        name="withdraw_consent",
    ),
    path(
        "huishouden/<str:reference>/signalering/",
        household_privacy.set_flag,
        name="set_flag",
    ),
    path(
        "huishouden/<str:reference>/signalering/<int:pk>/beeindigen/",
        household_privacy.end_flag,
        name="end_flag",
    ),
]
