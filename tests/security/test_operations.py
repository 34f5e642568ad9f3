"""Health and readiness endpoints, structured logs, the production server command."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from schakel.security.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_health_answers_without_login_and_without_data():
    response = Client().get(reverse("security:health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_checks_the_database_and_migrations():
    response = Client().get(reverse("security:ready"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "pending_migrations": 0}


def test_request_log_lines_are_json_without_query_strings(worker, login, caplog):
    client = login(worker)
    with caplog.at_level(logging.INFO, logger="schakel.requests"):
        caplog.clear()
        client.get(reverse("web:caseload") + "?q=999990019")
    record = [r for r in caplog.records if r.name == "schakel.requests"][-1]
    line = json.loads(JsonFormatter().format(record))
    assert line["path"] == "/caseload/" and line["status"] == 200
    assert line["user_id"] == worker.user.pk
    assert "999990019" not in json.dumps(line)


def test_error_log_lines_leave_out_the_request_and_its_query_string(rf):
    request = rf.get("/huishouden/X/?bsn=999990019")
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1,
                               "Internal Server Error: %s", (request.get_full_path(),), None)
    record.request = request
    assert "999990019" not in JsonFormatter().format(record)


def test_the_production_server_refuses_to_run_with_debug_on(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="DEBUG=0"):
        call_command("serve")


def test_the_production_server_serves_pages_and_static_files(tmp_path):
    port = free_port()
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "s" * 50, "SCHAKEL_HOME": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
           "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen([sys.executable, "-m", "schakel", "serve", "--bind",
                               f"127.0.0.1:{port}", "--workers", "1"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        health = wait_for(f"{base}/health/")
        assert json.loads(health.read()) == {"status": "ok"}
        css = urllib.request.urlopen(f"{base}/static/web/schakel.css")
        assert css.status == 200 and "text/css" in css.headers["Content-Type"]
        login = urllib.request.urlopen(f"{base}/login/")
        assert "frame-ancestors 'none'" in login.headers["Content-Security-Policy"]
        assert login.headers["X-Frame-Options"] == "DENY"
    finally:
        server.terminate()
        server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str) -> Any:
    for _ in range(120):
        try:
            return urllib.request.urlopen(url, timeout=5)
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"the server did not answer at {url}")
