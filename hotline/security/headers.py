"""Security headers on every response, as plain ASGI middleware (no per-request task: webhooks stay fast)."""

from hotline.settings import get_settings

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; "
       "form-action 'self'; frame-ancestors 'none'")
# Swagger UI loads its script and styles from a CDN: only the interactive API docs page may use it
DOCS_PATH = "/api/docs"
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
            "object-src 'none'; frame-ancestors 'none'")
HSTS = b"max-age=31536000; includeSubDomains"


def _base_headers(https: bool) -> list[tuple[bytes, bytes]]:
    headers = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
               (b"referrer-policy", b"no-referrer"),
               (b"permissions-policy", b"camera=(), microphone=(), geolocation=()")]
    if https:
        headers.append((b"strict-transport-security", HSTS))
    return headers


class SecurityHeaders:
    """Adds the headers a response lacks; Strict-Transport-Security when the public URL is https."""

    def __init__(self, app):
        self.app = app
        self.headers = _base_headers(get_settings().public_base_url.lower().startswith("https://"))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = (DOCS_CSP if scope.get("path") == DOCS_PATH else CSP).encode()
        extra = [*self.headers, (b"content-security-policy", csp)]

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *[h for h in extra if h[0] not in present]]
            await send(message)

        await self.app(scope, receive, send_with_headers)
