"""The workbench's guard, in front of every route: only local Host names (a page on another site
that rebinds its DNS name to 127.0.0.1 still sends its own name), and security headers on every
answer: a content security policy with no inline script or style and no framing, nosniff."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
          "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'")

HEADERS = [(b"content-security-policy", POLICY.encode()), (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store"),
           (b"cross-origin-resource-policy", b"same-origin")]


def local_hosts(port: int | None) -> frozenset[str]:
    """The Host headers served: the local names with the port, or with any port when it is not known."""
    if port is None:
        return frozenset(LOCAL_NAMES)
    bare = LOCAL_NAMES if port == 80 else ()  # a browser leaves out HTTP's default port
    return frozenset((*(f"{name}:{port}" for name in LOCAL_NAMES), *bare))


def host_allowed(host: str, allowed: Iterable[str], any_port: bool) -> bool:
    if not any_port:
        return host in allowed
    name, _, port = host.rpartition(":") if host.rfind(":") > host.rfind("]") else (host, "", "")
    return name in allowed and (port == "" or port.isdigit())


class Guard:
    """ASGI middleware: 421 for a Host that is not local, security headers on everything."""

    def __init__(self, app: ASGIApp, port: int | None) -> None:
        self.app, self.port, self.allowed = app, port, local_hosts(port)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        if not host_allowed(host, self.allowed, self.port is None):
            await _refuse(send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, secured)


async def _refuse(send: Send) -> None:
    body = b"Misdirected request: the workbench answers only to 127.0.0.1, localhost and [::1].\n"
    await send({"type": "http.response.start", "status": 421,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *HEADERS]})
    await send({"type": "http.response.body", "body": body})
