"""The workbench as an ASGI app (Starlette): a fixed set of routes over one :class:`Workbench`.

No route takes a path or a file name from the request: the rulebook and bundle are the ones given
at start. Edits are JSON POSTs carrying the page's per-session token (a form on another site can
neither send JSON without a preflight nor read the token), checked before the body is read."""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from judgment._bundle import Bundle
from judgment._errors import JudgmentError
from judgment._render._safe import html_text as escape
from judgment._rulebook._model import Rulebook
from judgment._serve._forms import evidence_forms
from judgment._serve._analysis import Analyst
from judgment._serve._edits import EditRefused, read_edit
from judgment._serve._guard import Guard, host_allowed, local_hosts
from judgment._serve._page import fragments_of, page
from judgment._serve._state import Workbench
from judgment._render._html import STYLE
from judgment._serve._yaml import bundle_yaml
from judgment._whatif._changes import AddRecord, SetField

MAX_BODY = 64 * 1024
_STATIC = {"workbench.js": "text/javascript; charset=utf-8", "workbench.css": "text/css; charset=utf-8"}


def create_app(rulebook: Rulebook, bundle: Bundle, *, port: int | None = None, any_date: bool = False,
               token: str | None = None) -> Guard:
    """The app for `bundle` judged by `rulebook`, answering to the local names with `port` (any port
    when None). The workbench is opened now, so a bundle that does not fit fails before serving."""
    bench = Workbench(rulebook, bundle, any_date=any_date)
    secret = token or secrets.token_urlsafe(32)
    static = {name: resources.files("judgment._serve").joinpath("_static", name).read_bytes() for name in _STATIC}
    static["workbench.css"] = STYLE.encode() + static["workbench.css"]  # the report's look, then the workbench's
    allowed = local_hosts(port)
    analyst = Analyst(bench)

    async def home(request: Request) -> Response:
        return HTMLResponse(page(bench, secret))

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in static:
            return Response("Not found\n", status_code=404, media_type="text/plain")
        return Response(static[name], media_type=_STATIC[name])

    async def edit(request: Request) -> Response:
        refused = await _refused(request, secret, allowed, port is None)
        if refused is not None:
            return refused
        try:
            body = json.loads(await request.body())
            change = read_edit(body)
            bench.apply(change)
        except EditRefused as error:
            return _error(str(error), error.record, error.path)
        except JudgmentError as error:
            if isinstance(change, AddRecord):
                return _error(error.render(), "", "add")
            return _error(error.render(), getattr(change, "record", ""), getattr(change, "path", ""))
        except ValueError:
            return _error("the edit is not valid JSON")
        return _updated(bench, forms=not isinstance(change, SetField))  # a set field is already on the page

    def stepping(step: str) -> Any:
        async def endpoint(request: Request) -> Response:
            refused = await _refused(request, secret, allowed, port is None)
            if refused is not None:
                return refused
            bench.undo() if step == "undo" else bench.reset()
            return _updated(bench, forms=True)
        return endpoint

    async def analysis(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(analyst.analysis))  # slow: off the event loop

    async def download_bundle(request: Request) -> Response:
        return Response(bundle_yaml(bench.bundle), media_type="application/yaml; charset=utf-8",
                        headers={"content-disposition": 'attachment; filename="edited-bundle.yaml"'})

    async def download_record(request: Request) -> Response:
        from judgment._api import judge
        from judgment._records._api import decision_record

        edited = bench.bundle
        result = judge(rulebook, edited, any_date=any_date)
        return Response(decision_record(result, rulebook, edited, any_date=any_date),
                        media_type="application/json",
                        headers={"content-disposition": 'attachment; filename="decision-record.json"'})

    routes = [Route("/", home), Route("/static/{name}", asset), Route("/edit", edit, methods=["POST"]),
              Route("/undo", stepping("undo"), methods=["POST"]), Route("/reset", stepping("reset"), methods=["POST"]),
              Route("/analysis", analysis), Route("/bundle.yaml", download_bundle), Route("/record.json", download_record)]
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        bench.close()

    return Guard(Starlette(routes=routes, lifespan=lifespan), port)


async def _refused(request: Request, secret: str, allowed: frozenset[str], any_port: bool) -> Response | None:
    """The CSRF checks, before the body is read: JSON only, the session's token, a local Origin, a small body."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        return _error("edits are sent as application/json", status=415)
    if not secrets.compare_digest(request.headers.get("x-workbench-token", ""), secret):
        return _error("the page's token is missing or wrong: reload the page", status=403)
    origin = request.headers.get("origin")
    if origin is not None and not (origin.startswith("http://")
                                   and host_allowed(origin[len("http://"):], allowed, any_port)):
        return _error("edits are accepted only from the workbench's own page", status=403)
    if int(request.headers.get("content-length") or 0) > MAX_BODY:
        return _error("the edit is too large", status=413)
    return None


def _updated(bench: Workbench, *, forms: bool) -> JSONResponse:
    """The fragments to replace, and the forms when records changed other than by the page's own
    control (undo, reset, drop, add: the page puts them back)."""
    answer: dict[str, object] = {"fragments": fragments_of(bench), "version": bench.version}
    if forms:
        answer["forms"] = evidence_forms(bench.bundle, bench.rulebook.vocabulary)
    return JSONResponse(answer)


def _error(message: str, record: str = "", path: str = "", status: int = 422) -> JSONResponse:
    return JSONResponse({"error": {"message": escape(message), "record": record, "path": path}}, status_code=status)
