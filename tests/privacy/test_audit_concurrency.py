"""Writers on separate connections at once still produce one unbroken chain."""

import threading

import pytest
from django.db import connection

from schakel.privacy.audit import verify, write
from schakel.privacy.models import AccessLog

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_writers_keep_the_chain_intact(municipality, team):
    from tests.conftest import make_staff

    staff = make_staff(municipality, team, "schrijver")
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(10):
                write("concurrent", staff=staff, detail=f"{n}-{i}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert AccessLog.objects.count() == 40
    assert list(AccessLog.objects.order_by("seq").values_list("seq", flat=True)) == list(
        range(1, 41))
    result = verify()
    assert result.ok, result.problem
