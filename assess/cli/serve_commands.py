"""``assess serve``: the same screens as ``assess open``, in a browser tab."""

from __future__ import annotations

import argparse
from pathlib import Path

from assess.cli.common import Formatter, add_lang, load_reporting
from assess.cli.tui_commands import demo_copy
from assess.errors import AssessError
from assess.filelock import FileLock
from assess.lang import Lang
from assess.texts import cli as texts
from assess.texts.catalog import Texts

DESCRIPTION = """\
在浏览器中使用与 assess open 相同的界面：每个标签页各自打开 FILE，修改即时保存；
同一文件只能在一个标签页中编辑，第二个标签页会提示文件正被编辑。
默认只在本机 127.0.0.1 监听；--allow-remote 才允许内网其他电脑访问（没有登录！）。
不给 FILE 时打开示例评估的副本。打印的地址带有本次运行的密钥 token，没有它的请求一律拒绝。

The assess open screens in a browser tab: each tab opens FILE and saves every edit; a
second tab on the same file is told it is being edited. Listens on 127.0.0.1 only unless
--allow-remote (there is no login!). Without FILE, a copy of the demo assessment is opened.
The printed address carries a secret token made for this run; without it the page refuses."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="在浏览器中使用 / use it in a web browser",
        description=DESCRIPTION,
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path, nargs="?", help="评估文件 / assessment FILE.json")
    p.add_argument("--host", default="127.0.0.1", help="监听地址 / address (default 127.0.0.1)")
    p.add_argument("--port", type=port_number, default=8000, help="端口 / port (default 8000)")
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="允许非本机地址（无登录）/ allow a non-loopback address (no login)",
    )
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="与 --allow-remote 一起：另外接受的主机名（可重复）"
        "/ with --allow-remote: another host name to accept (repeatable)",
    )
    add_lang(p)
    p.set_defaults(run=run_serve)


def port_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        zh, en = (Texts(lang)(texts.BAD_PORT, value=text) for lang in Lang)
        raise argparse.ArgumentTypeError(f"{zh} / {en}") from None


def run_serve(args: argparse.Namespace) -> int:
    try:
        from assess.serve.server import serve
    except ImportError as exc:  # pragma: no cover - only when installed without its dependencies
        raise AssessError(texts.SERVE_MISSING, module=exc.name) from None
    t = Texts(args.lang)
    path = (args.file if args.file is not None else demo_copy(args.lang)).resolve()
    load_reporting(path, t)  # a file every tab would fail to open is refused now, with its reason
    probe = FileLock(path)
    probe.acquire()  # LockedError now if another window already edits it
    probe.release()
    serve(
        path,
        host=args.host,
        port=args.port,
        lang=args.lang,
        allow_remote=args.allow_remote,
        allow_hosts=args.allow_host,
    )
    return 0
