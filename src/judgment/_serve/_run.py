"""Running the workbench under uvicorn: the socket is bound first (so port 0 becomes a known port
before the app, whose Host check needs it, is made), then served in this thread or another."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time

import uvicorn
from starlette.types import ASGIApp

from judgment._bundle import Bundle
from judgment._rulebook._model import Rulebook
from judgment._serve._app import create_app


def is_loopback(host: str) -> bool:
    """The workbench binds only to loopback: its Host check would refuse every other name anyway."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit it: an answer's head and body leave at once, not after the
    # browser's delayed acknowledgement (Nagle's wait cost 40 ms an edit).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def address(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def server_for(app: ASGIApp) -> uvicorn.Server:
    return uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))


class Running:
    """A workbench served from a thread (tests and the bench): `url`, then :meth:`stop`."""

    def __init__(self, rulebook: Rulebook, bundle: Bundle, *, any_date: bool = False) -> None:
        self.socket = bind("127.0.0.1", 0)
        self.url = address(self.socket)
        self.server = server_for(create_app(rulebook, bundle, port=self.socket.getsockname()[1], any_date=any_date))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the workbench server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.socket.close()

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
