"""District profiles: CSV validated line by line, all or nothing, shown beside case figures."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from schakel.socialmap.models import DistrictProfile
from schakel.tenancy.models import District

pytestmark = pytest.mark.django_db

HEADER = ("cbs_code,name,year,population,age_0_17,age_18_64,age_65_plus,social_rent,"
          "unemployment,income,social_quality\n")
GOOD = ("WK999901,Oost,2025,12400,21.5,61.0,17.5,48.0,7.1,24300,6.2\n"
        "BU99990101,Oost-Noord,2025,5100,19.0,60.0,21.0,55.5,8.0,22100,5.9\n")


def write(tmp_path, text):
    path = tmp_path / "wijken.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_impossible_row_rejects_the_file_naming_the_line(tmp_path, municipality):
    bad = GOOD + "WK999902,West,2025,8000,30.0,60.0,20.0,40.0,5.0,26000,6.0\n"
    with pytest.raises(CommandError) as raised:
        call_command("district-profiles", "import", write(tmp_path, HEADER + bad))
    message = str(raised.value)
    assert "Line 4, age shares" in message and "110" in message
    assert not DistrictProfile.objects.exists() and not District.objects.exists()


def test_each_bad_field_is_named_with_its_line(tmp_path, municipality):
    bad = ("WK999901,Oost,2025,veel,21.5,61.0,17.5,48.0,7.1,24300,6.2\n"
           "XX1,Oost,2025,100,21.5,61.0,17.5,148.0,7.1,24300,16\n")
    with pytest.raises(CommandError) as raised:
        call_command("district-profiles", "import", write(tmp_path, HEADER + bad))
    message = str(raised.value)
    assert "Line 2, population" in message
    assert "Line 3, cbs_code" in message


def test_implausible_values_are_imported_and_flagged(tmp_path, municipality, capsys):
    odd = "WK999903,Zuid,2025,12400,21.5,61.0,17.5,48.0,45.0,24300,6.2\n"
    call_command("district-profiles", "import", write(tmp_path, HEADER + odd))
    out = capsys.readouterr().out
    assert "Flagged: Line 2: unemployment = 45.0 is implausible" in out
    assert DistrictProfile.objects.get().flags


def test_a_valid_profile_shows_beside_the_districts_case_figures(tmp_path, municipality, team,
                                                                 episode, leader, login):
    call_command("district-profiles", "import", write(tmp_path, HEADER + GOOD))
    assert DistrictProfile.objects.count() == 2
    wijk = District.objects.get(cbs_code="WK999901")
    assert District.objects.get(cbs_code="BU99990101").parent == wijk
    team.district = wijk
    team.save()
    page = login(leader).get(reverse("socialmap:district", args=["WK999901"])).content.decode()
    assert "12400" in page and "24300" in page and "Team Oost" in page
    assert "Open episodes now" in page and "&lt;5" in page  # one episode: suppressed
    listing = login(leader).get(reverse("socialmap:districts")).content.decode()
    assert "Oost-Noord" in listing


def test_the_demo_gets_fictional_map_entries_and_district_profiles(db):
    from schakel.socialmap.demo import seed
    from schakel.tenancy.constants import Role
    from schakel.tenancy.models import Municipality
    from schakel.tenancy.services import create_team
    from tests.conftest import make_staff

    demo = Municipality.objects.create(name="Schiedam", cbs_code="GM0606", external_id="gm-d")
    make_staff(demo, create_team(demo, "Team Demo"), "demoleider", Role.TEAM_LEADER)
    assert seed(demo) == 6
    assert DistrictProfile.objects.filter(district__municipality=demo).count() == 6
    assert seed(demo) == 0  # once only
