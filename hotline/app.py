"""The web app: webhooks, API and pages; refuses to start without a Twilio token (outside development) or with a bad flow."""

from contextlib import asynccontextmanager
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from hotline import health, metrics
from hotline.audit import hooks as audit_hooks
from hotline.calls.recorder import recorder
from hotline.ivr.service import get_flows
from hotline.operations.hours import get_hours
from hotline.privacy import redaction
from hotline.security import headers, startup
from hotline.settings import get_settings
from hotline.telephony import audio, twiml
from hotline.telephony import views as telephony_views

log = logging.getLogger(__name__)


class StartupError(RuntimeError):
    """The app must not serve callers in this state; the message says why."""


def check_startup() -> None:
    settings = get_settings()
    if not settings.twilio_token:
        raise StartupError("HOTLINE_TWILIO_AUTH_TOKEN is not set (allowed only with HOTLINE_ENV=development)")
    for fault in startup.secret_faults(settings):
        raise StartupError(fault)
    get_flows()  # raises FlowError naming the file, node and fault
    get_hours()  # hours.yaml: the same


def create_app() -> FastAPI:
    check_startup()
    redaction.install()
    app = FastAPI(title="Hotline", docs_url="/api/docs", openapi_url="/api/openapi.json", lifespan=_lifespan)
    app.include_router(telephony_views.router)
    app.include_router(audio.router)
    for router in _api_routers():
        app.include_router(router, dependencies=audit_hooks.for_router(router))
    app.include_router(health.router)
    _install_pages(app)
    app.include_router(metrics.router)
    app.add_middleware(metrics.WebhookTimer)
    app.add_middleware(headers.SecurityHeaders)
    app.add_exception_handler(RequestValidationError, _validation_error)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    """Start the call writer before the first call; it drains at process exit (atexit), not per app."""
    recorder.start()
    yield


def _api_routers() -> list:
    from hotline.audit.views import router as audit_router
    from hotline.auth.views import router as auth_router
    from hotline.calls.views import router as calls_router
    from hotline.cases.views import router as cases_router
    from hotline.counselors.views import router as counselors_router
    from hotline.operations.views import router as operations_router
    from hotline.queue.views import router as queue_router
    from hotline.queue.webhooks import router as bridge_router
    from hotline.referrals.views import router as referrals_router
    from hotline.security.failed_jobs import router as jobs_router

    return [audit_router, jobs_router,
            auth_router, calls_router, queue_router, counselors_router, bridge_router, referrals_router, cases_router,
            operations_router]


def _install_pages(app: FastAPI) -> None:
    """The staff pages: /login, /logout, /static, the console, wallboard and training, and the reports."""
    from hotline.reports.pages import router as reports_pages
    from hotline.reports.views import router as reports_router
    from hotline.console.install import install as install_console
    from hotline.web.views import install

    install(app)
    install_console(app)
    app.include_router(reports_router, dependencies=audit_hooks.for_router(reports_router))
    app.include_router(reports_pages)


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    """A signed webhook with odd fields still gets TwiML to a human; an API caller gets the fields named."""
    if request.url.path.startswith("/twilio/"):
        log.warning("webhook %s with invalid fields: %s", request.url.path, exc.errors())
        response = twiml.to_a_human(get_flows(), request.query_params.get("line", "123"), request.query_params.get("lang"))
        return Response(content=str(response), media_type="application/xml")
    errors = [{"field": ".".join(str(p) for p in e["loc"][1:]), "message": e["msg"]} for e in exc.errors()]
    return JSONResponse(status_code=422, content={"detail": errors})
