"""A small load client: logged-in sessions over http.client, timings, worker memory.

Everything that knows how to log in is in :func:`log_in`. When the login
gains a step (a second factor), that function is the one place to extend.
"""

from __future__ import annotations

import http.client
import os
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_POOL: dict[tuple[str, int, str], list[Session]] = {}


@dataclass
class Session:
    """One browser-like client: its own connection and cookies."""

    host: str
    port: int
    timeout: float = 120
    cookies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def request(self, method: str, path: str, form: dict[str, str] | None = None
                ) -> tuple[int, str, dict[str, str]]:
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (http.client.HTTPException, ConnectionError):
            self.conn.close()  # a worker closed the kept-alive connection: reconnect once
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            jar: SimpleCookie = SimpleCookie()
            jar.load(header)
            for key, morsel in jar.items():
                self.cookies[key] = morsel.value
        return response.status, text, dict(response.headers)

    def csrf(self, page_text: str) -> str:
        found = CSRF_FIELD.search(page_text)
        return found.group(1) if found else self.cookies.get("csrftoken", "")


# The second factor: username -> hex key of the bench account's TOTP device (set by the
# caller) and the last time step used, since a device accepts each code only once.
TOTP_KEYS: dict[str, str] = {}
_LAST_STEP: dict[str, int] = {}
TOTP_STEP = 30


def _next_code(username: str) -> str:
    from django_otp.oath import hotp

    step = max(int(time.time()) // TOTP_STEP, _LAST_STEP.get(username, 0) + 1)
    _LAST_STEP[username] = step
    return str(hotp(bytes.fromhex(TOTP_KEYS[username]), step, 6)).zfill(6)


def log_in(session: Session, username: str, password: str) -> None:
    """Log in as a staff member as a person does: password, then a TOTP code.

    GET the form for its CSRF token, POST the credentials, then POST a code of
    the account's authenticator device to the second-step page. Sessions of
    one account use successive time steps (the device's tolerance allows it).
    """
    status, text, _ = session.request("GET", "/login/")
    if status != 200:
        raise RuntimeError(f"login page answered {status}")
    token = session.csrf(text)
    status, text, headers = session.request("POST", "/login/", {
        "csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/"})
    if status != 302 or "sessionid" not in session.cookies:
        raise RuntimeError(f"login as {username} failed ({status})")
    status, text, _ = session.request("GET", "/inloggen/tweede-stap/")
    if status != 200:
        raise RuntimeError(f"second-step page answered {status} for {username}")
    status, text, _ = session.request("POST", "/inloggen/tweede-stap/", {
        "csrfmiddlewaretoken": session.csrf(text), "code": _next_code(username)})
    if status != 302:
        raise RuntimeError(f"second factor refused for {username} ({status})")


@dataclass
class Target:
    """One page to time: how to request it and as whom."""

    name: str
    path: str
    username: str
    form: dict[str, str] | None = None  # POST these fields (plus the CSRF token)


def _one(session: Session, target: Target, token: str) -> float:
    started = time.perf_counter()
    if target.form is None:
        status, _text, _ = session.request("GET", target.path)
    else:
        status, _text, _ = session.request(
            "POST", target.path, {**target.form, "csrfmiddlewaretoken": token})
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"{target.name}: {target.path} answered {status}")
    return elapsed


def run(host: str, port: int, target: Target, password: str, clients: int, per_client: int,
        warmup: int = 2, timeout: float = 120) -> dict[str, float | int]:
    """``clients`` logged-in sessions each request the page ``per_client`` times at once.

    Raises ``TimeoutError`` when a request gets no answer within ``timeout`` seconds.
    """
    pool = _POOL.setdefault((host, port, target.username), [])
    while len(pool) < clients:  # log in once per client and user, then reuse the session
        session = Session(host, port, timeout)
        log_in(session, target.username, password)
        pool.append(session)
    sessions = pool[:clients]
    tokens = []
    for session in sessions:
        _status, text, _ = session.request("GET", target.path if target.form is None else "/")
        tokens.append(session.csrf(text))
    for _ in range(warmup):
        _one(sessions[0], target, tokens[0])
    timings: list[float] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def client(i: int) -> None:
        barrier.wait()
        mine = []
        try:
            for _ in range(per_client):
                mine.append(_one(sessions[i], target, tokens[i]))
        except BaseException as exc:  # reported after the run
            errors.append(exc)
        with lock:
            timings.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    if errors:
        if isinstance(errors[0], TimeoutError):
            raise errors[0]
        raise RuntimeError(str(errors[0]))
    return summary(timings, wall)


def summary(timings: list[float], wall: float) -> dict[str, float | int]:
    ordered = sorted(timings)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    return {
        "requests": len(ordered),
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(ordered[-1], 1),
        "requests_per_s": round(len(ordered) / wall, 1),
    }


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return sorted(found)
