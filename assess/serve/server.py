"""``assess serve``: the TUI in a browser tab, one ``assess open`` process per tab.

textual-serve runs the command for every tab that connects and relays its screen over a
websocket. Each tab is a separate process holding the core's writer lock on FILE, so a second
tab on the same file gets the lock message instead of a second writer. This module adds what
the plain server lacks for our users: the reason a tab's process could not start is shown in
that tab (not only on the server's console), pages make no request outside the server (zone
intranets are often offline), and nobody without this run's secret can use it.

The secret (as Jupyter's token): a random string made at each start and printed in the
address. The page sets it as a cookie, so reloads keep working; the page, the websocket and
downloads answer 403 without it. Only the bound address and this machine's names (plus names
given with ``--allow-host``) are accepted in the Host header, and a websocket must carry an
Origin naming the same host: so neither another account on the machine, a non-browser client,
another web site nor a DNS-rebinding page can drive the TUI with the owner's rights.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import errno
import hmac
import ipaddress
import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
from asyncio.subprocess import Process
from functools import partial
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote, urlsplit

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from assess.errors import AssessError, Message
from assess.texts import safety

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_ERROR_CHARS = 4000
QUIT_GRACE_SECONDS = 10
PR_SET_PDEATHSIG = 1  # linux/prctl.h
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

CLOSE_TAB = "此标签页的会话已结束，可关闭本页。/ This tab's session has ended; you may close it."


def tui_command(path: Path, lang: str) -> str:
    """The shell command a tab runs: this Python's ``assess open FILE``, quoted for the shell."""
    argv = [sys.executable, "-m", "assess", "open", str(path), "--lang", lang]
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return subprocess.list2cmdline(argv)
    return "exec " + shlex.join(argv)  # no shell left between the server and the process


def check_port(port: int) -> None:
    if not 1 <= port <= 65535:
        raise AssessError(
            f"--port {port}: 端口须在 1–65535 之间 / the port must be between 1 and 65535"
        )


def is_loopback(host: str) -> bool:
    """True if every address ``host`` resolves to is on this machine only."""
    name = host.strip("[]")
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(name, None)
    except (socket.gaierror, UnicodeError):
        raise AssessError(
            f"--host {host}: 无法解析该主机名，请检查拼写或改用 IP 地址 "
            f"/ cannot resolve this host name; check it or give an IP address"
        ) from None
    return all(ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in infos)


def check_host(host: str, allow_remote: bool) -> bool:
    """Refuse a non-loopback address unless ``--allow-remote``; return whether it is loopback."""
    if not host.strip():
        raise AssessError("--host 不能为空 / must not be empty")
    loopback = is_loopback(host)
    if not loopback and not allow_remote:
        raise AssessError(
            f"--host {host}: 这不是本机回环地址，同一网络中的其他人也能打开并修改文件，而网页版没有登录；"
            f"确需在内网共享时请加 --allow-remote "
            f"/ not a loopback address: others on the network could open and change the file and "
            f"there is no login; add --allow-remote if you really mean to share it"
        )
    return loopback


def url_host(host: str) -> str:
    """``host`` as it appears in a URL (IPv6 literals in brackets)."""
    name = host.strip("[]")
    return f"[{name}]" if ":" in name else name


def display_url(host: str, port: int, token: str = "") -> str:
    """The address to print, with the secret; a wildcard bind shows this computer's name."""
    name = host.strip("[]")
    if name in ("0.0.0.0", "::", ""):
        name = socket.gethostname()
    query = f"?token={token}" if token else ""
    return f"http://{url_host(name)}:{port}/{query}"


def machine_names() -> set[str]:
    """This computer's names and addresses, as a browser on the intranet may put in Host."""
    names = set(LOOPBACK_NAMES)
    for name in {socket.gethostname(), socket.getfqdn()}:
        if not name:
            continue
        names.add(name.lower())
        with contextlib.suppress(OSError, UnicodeError):
            for info in socket.getaddrinfo(name, None):
                names.add(str(info[4][0]).split("%")[0])
    return names


def allowed_hosts(host: str, loopback: bool, extra: list[str]) -> frozenset[str]:
    """Host names a request may carry: the bound address, this machine's names, the user's."""
    bound = host.strip("[]").lower()
    names = set(LOOPBACK_NAMES) | {bound}
    if not loopback:
        names |= machine_names()
    names |= {e.strip().strip("[]").lower() for e in extra if e.strip()}
    names.discard("0.0.0.0")
    names.discard("::")
    return frozenset(names)


def check_port_free(host: str, port: int) -> None:
    """Fail early with a message, before the server prints an address it cannot bind."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            if sys.platform != "win32":
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        raise bind_error(host, port, exc) from None


def bind_error(host: str, port: int, exc: OSError) -> AssessError:
    if isinstance(exc, PermissionError):
        hint = "没有权限使用该端口，请换一个大于 1024 的端口 / no permission for this port; use one above 1024"
    elif exc.errno == errno.EADDRINUSE:
        hint = "端口已被占用，请用 --port 换一个 / the port is in use; pick another with --port"
    else:
        hint = f"无法监听该地址 / cannot listen there: {exc.strerror or exc}"
    return AssessError(f"{url_host(host)}:{port}: {hint}")


class _TeeReader:
    """Reads a stream for textual-serve while keeping a copy of what passed through."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self.reader = reader
        self.seen = bytearray()

    async def read(self, n: int = -1) -> bytes:
        data = await self.reader.read(n)
        if len(self.seen) < MAX_ERROR_CHARS * 4:
            self.seen += data
        return data


def _die_with_server(server_pid: int) -> None:  # pragma: no cover - runs in the child
    """Linux: SIGTERM this tab's process when the server dies, even by SIGKILL.

    Otherwise a crashed server would leave the process running, holding FILE's lock.
    """
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != server_pid:  # the server died before the line above
        os.kill(os.getpid(), signal.SIGTERM)


class TabSession(AppService):
    """One tab's ``assess open`` process; if it never draws, its error is shown in the tab."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.drew = False

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        """As textual-serve's, but the process does not outlive the server (on Linux)."""
        server_pid = os.getpid()
        self._process = process = await asyncio.create_subprocess_shell(
            self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            preexec_fn=partial(_die_with_server, server_pid) if sys.platform == "linux" else None,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def on_data(self, payload: bytes) -> None:
        self.drew = True
        await super().on_data(payload)

    async def run(self) -> None:
        process = self._process
        assert process is not None and process.stderr is not None
        tee = _TeeReader(process.stderr)
        process.stderr = cast(asyncio.StreamReader, tee)
        await super().run()
        if self.drew:
            return
        tee.seen += await tee.reader.read()  # textual-serve may stop reading before EOF
        await process.wait()
        await self.show_failure(tee.seen.decode("utf-8", "replace"))

    async def end(self) -> None:
        """Ask the process to quit, then make sure it is gone: it must not keep FILE locked."""
        process = self._process
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop(), QUIT_GRACE_SECONDS)
        if process is None:
            return
        try:
            await asyncio.wait_for(process.wait(), QUIT_GRACE_SECONDS)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()

    async def show_failure(self, stderr: str) -> None:
        """Write the process's message into the tab's terminal and leave it there to read."""
        text = stderr.strip()[-MAX_ERROR_CHARS:] or ("无法启动 / could not start: " + self.command)
        screen = "\x1b[2J\x1b[H\x1b[1m" + text + "\x1b[0m\n\n" + CLOSE_TAB + "\n"
        with contextlib.suppress(ConnectionError):  # the tab may be closed already
            await self.remote_write_bytes(screen.replace("\n", "\r\n").encode("utf-8"))


class AssessServer(Server):
    """textual-serve's server with our page, addresses taken from the request, and origin checks."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        banner: str,
        hosts: frozenset[str],
        token: str,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=TEMPLATES)
        self.banner = banner
        self.hosts = hosts
        self.token = token
        self.cookie = f"assess_token_{port}"  # cookies ignore ports: one per server
        self.sockets: set[web.WebSocketResponse] = set()

    def initialize_logging(self) -> None:
        """Keep the console for our own lines and the tabs' errors, not one line per request."""

    async def on_startup(self, app: web.Application) -> None:
        if hasattr(signal, "SIGHUP"):  # the terminal window closed: stop as on Ctrl+C
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.request_exit)
        print(self.banner, flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        """On Ctrl+C close every tab, so each process quits and releases FILE."""
        for websocket in list(self.sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopping")

    def refuse(self, request: web.Request, *, websocket: bool = False) -> str | None:
        """Why this request may not use the server, or None.

        The Host must be one of ours (stops DNS rebinding); the secret must come with the
        request, in the address or in the cookie the page set (stops other accounts and
        programs); a websocket must say which page opened it, and that page must be ours
        (stops other web sites driving the TUI through the user's browser).
        """
        host = (urlsplit(f"//{request.host}").hostname or "").lower()
        if host not in self.hosts:
            return Message(safety.SERVE_HOST_REFUSED, {"host": repr(request.host)}).both()
        origin = request.headers.get("Origin")
        if origin is None and websocket:
            return Message(safety.SERVE_NO_ORIGIN).both()
        if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
            return Message(safety.SERVE_ORIGIN_REFUSED, {"origin": repr(origin)}).both()
        if not self.has_secret(request):
            return Message(safety.SERVE_NO_TOKEN).both()
        return None

    def has_secret(self, request: web.Request) -> bool:
        offered = request.query.get("token") or request.cookies.get(self.cookie) or ""
        return hmac.compare_digest(offered.encode(), self.token.encode())

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        reason = self.refuse(request)
        if reason is not None:
            raise web.HTTPForbidden(text=reason)
        base = f"{request.scheme}://{request.host}"
        socket_base = ("wss" if request.scheme == "https" else "ws") + f"://{request.host}"
        font_size = request.query.get("fontsize", "16")
        context = {
            "font_size": int(font_size) if font_size.isdigit() else 16,
            "app_websocket_url": socket_base + str(request.app.router["websocket"].url_for()),
            "config": {"static": {"url": base + "/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict", path="/")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"  # the token is in the address
        return response

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """As textual-serve's, but with a file name header that survives Chinese names."""
        reason = self.refuse(request)
        if reason is not None:
            raise web.HTTPForbidden(text=reason)
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="download not found") from None
        response = web.StreamResponse()
        charset = f"; charset={meta.encoding}" if meta.encoding else ""
        response.headers["Content-Type"] = meta.mime_type + charset
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        ascii_name = meta.file_name.encode("ascii", "replace").decode().replace('"', "_")
        response.headers["Content-Disposition"] = (
            f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(meta.file_name)}"
        )
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: start its process and relay until either side closes."""
        reason = self.refuse(request, websocket=True)
        if reason is not None:
            raise web.HTTPForbidden(text=reason)
        websocket = web.WebSocketResponse(heartbeat=15)
        width = request.query.get("width", "80")
        height = request.query.get("height", "24")
        await websocket.prepare(request)
        session = TabSession(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.sockets.add(websocket)
        try:
            await session.start(
                int(width) if width.isdigit() else 80, int(height) if height.isdigit() else 24
            )
            await self._process_messages(websocket, session)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            self.sockets.discard(websocket)
            await session.end()
        return websocket


def serve(
    path: Path,
    *,
    host: str,
    port: int,
    lang: str,
    allow_remote: bool,
    allow_hosts: list[str] | None = None,
) -> None:
    """Serve ``assess open path`` until Ctrl+C; every failure to start is an AssessError."""
    check_port(port)
    loopback = check_host(host, allow_remote)
    check_port_free(host, port)
    token = secrets.token_urlsafe(24)
    url = display_url(host, port, token)
    lines = [
        f"assess 网页版 / assess in a browser: {path}",
        f"  在浏览器中打开 / open in a browser:  {url}",
        "  地址中的 token 是本次运行的密钥，只发给要用的人 "
        "/ the token in the address is this run's secret: give it only to those who should use it",
        "  按 Ctrl+C 停止 / press Ctrl+C to stop",
    ]
    if not loopback:
        lines.insert(
            1,
            "警告 / warning: 网页版没有登录，能访问此地址的任何人都能查看和修改该文件 "
            "/ there is no login: anyone who can reach this address can view and change the file",
        )
    server = AssessServer(
        tui_command(path, lang),
        host=host.strip("[]"),
        port=port,
        title=f"经开区自评 / ETDZ self-assessment — {path.name}",
        banner="\n".join(lines),
        hosts=allowed_hosts(host, loopback, allow_hosts or []),
        token=token,
    )
    try:
        server.serve()
    except OSError as exc:
        raise bind_error(host, port, exc) from None
