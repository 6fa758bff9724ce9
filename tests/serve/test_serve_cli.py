"""``assess serve`` from the command line: safe defaults, clear refusals, no tracebacks."""

from __future__ import annotations

import http.client
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from assess.resources import default_checklist
from assess.serve.server import is_loopback, tui_command
from assess.storage import AssessmentFile, load
from tests.serve.harness import free_port, run_assess, serving


def assert_refused(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def status_of(port: int, path: str, headers: dict[str, str]) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def test_tab_command_survives_spaces_quotes_and_chinese_in_the_path(tmp_path: Path) -> None:
    path = tmp_path / '示例 经开区\'s "file".json'
    argv = shlex.split(tui_command(path, "en"))
    assert argv == ["exec", sys.executable, "-m", "assess", "open", str(path), "--lang", "en"]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.5"])
def test_loopback_hosts_are_recognised(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "10.0.0.1"])
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_non_loopback_host_needs_allow_remote(demo_file: Path, home: Path) -> None:
    result = run_assess("serve", str(demo_file), "--host", "0.0.0.0", home=home)
    assert_refused(result, "--allow-remote", "没有登录")


@pytest.mark.parametrize("port", ["0", "65536", "-1", "abc"])
def test_bad_port_is_refused(demo_file: Path, home: Path, port: str) -> None:
    result = run_assess("serve", str(demo_file), f"--port={port}", home=home)
    assert_refused(result, "端口须", "65535")


def test_port_in_use_is_a_message(demo_file: Path, home: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_assess("serve", str(demo_file), "--port", str(port), home=home)
    assert_refused(result, "端口已被占用", "--port")


def test_missing_file_is_refused_before_serving(home: Path) -> None:
    result = run_assess("serve", str(home / "nope.json"), "--port", str(free_port()), home=home)
    assert_refused(result, "nope.json", "文件不存在")


def test_file_open_elsewhere_is_refused_before_serving(demo_file: Path, home: Path) -> None:
    with AssessmentFile(demo_file):
        result = run_assess("serve", str(demo_file), "--port", str(free_port()), home=home)
    assert_refused(result, "正被另一个程序编辑")


def test_without_file_serves_the_demo_copy(home: Path) -> None:
    with serving(home=home) as served:
        demo = home / "data" / "assess" / "demo.json"
        assert str(demo) in served.output()
    assert load(demo, default_checklist()).assessment.zone.name


def test_allow_remote_warns_that_there_is_no_login(demo_file: Path, home: Path) -> None:
    port = free_port()
    with serving(
        str(demo_file),
        "--host",
        "0.0.0.0",
        "--allow-remote",
        "--allow-host",
        "intranet-name",
        home=home,
        port=port,
    ) as served:
        assert "no login" in served.output()
        page = f"/?token={served.token}"
        assert status_of(port, page, {"Host": f"intranet-name:{port}"}) == 200
        assert status_of(port, page, {"Host": f"{socket.gethostname()}:{port}"}) == 200
        # DNS rebinding: a name the user did not list is refused, even with the token.
        assert status_of(port, page, {"Host": f"attacker.example:{port}"}) == 403


def test_loopback_server_refuses_other_host_names_and_origins(demo_file: Path, home: Path) -> None:
    port = free_port()
    upgrade = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    }
    with serving(str(demo_file), home=home, port=port) as served:
        page = f"/?token={served.token}"
        assert status_of(port, page, {"Host": f"localhost:{port}"}) == 200
        # DNS rebinding: a foreign name pointing at 127.0.0.1 gets nothing.
        assert status_of(port, page, {"Host": f"attacker.example:{port}"}) == 403
        # Another web site's page may not open a tab (and so edit the file) via the browser.
        foreign = {**upgrade, "Host": f"127.0.0.1:{port}", "Origin": "http://attacker.example"}
        assert status_of(port, f"/ws?token={served.token}", foreign) == 403


def test_page_websocket_and_downloads_need_this_runs_secret(demo_file: Path, home: Path) -> None:
    """Issue 11.6: another account on this machine, or any non-browser client, gets 403."""
    port = free_port()
    upgrade = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    }
    with serving(str(demo_file), home=home, port=port) as served:
        host = {"Host": f"127.0.0.1:{port}"}
        origin = {**host, "Origin": f"http://127.0.0.1:{port}"}
        cookie = {"Cookie": f"assess_token_{port}={served.token}"}
        assert status_of(port, "/", host) == 403
        assert status_of(port, "/?token=wrong", host) == 403
        assert status_of(port, "/download/x", host) == 403
        # No Origin (a script, curl, another user's program): refused even with the secret.
        assert status_of(port, "/ws", {**upgrade, **host, **cookie}) == 403
        assert status_of(port, "/ws", {**upgrade, **origin}) == 403  # a browser, no secret
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", f"/?token={served.token}", headers=host)
            response = connection.getresponse()
            assert response.status == 200
            set_cookie = response.getheader("Set-Cookie") or ""
        finally:
            connection.close()
        assert f"assess_token_{port}={served.token}" in set_cookie  # reloads keep working
        assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
        assert status_of(port, "/", {**host, **cookie}) == 200
