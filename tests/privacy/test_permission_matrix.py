"""docs/permissions.md, row by row, against the routes the app really has and the answers it really gives."""

import re
from pathlib import Path

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from tests.auth.helpers import login
from tests.conftest import BASE_URL

MATRIX = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
ROLES = ("counselor", "supervisor", "manager", "admin")
ROW = re.compile(r"^\| (GET|POST|PUT|PATCH|DELETE) \| (\S+) \|(.+)$")


def matrix() -> dict[tuple[str, str], dict[str, str]]:
    rows = {}
    for line in MATRIX.read_text().splitlines():
        match = ROW.match(line)
        if match:
            cells = [cell.strip() for cell in match.group(3).split("|")]
            rows[(match.group(1), match.group(2))] = dict(zip(ROLES, cells[:4], strict=True))
    return rows


def _guards(dependant) -> tuple[bool, set[str] | None]:
    """(needs a login, the roles let through or None for any) from a route's dependency tree."""
    needs_login, roles = False, None
    for dependency in dependant.dependencies:
        call, code = dependency.call, getattr(dependency.call, "__code__", None)
        if code and "allowed" in code.co_freevars:
            needs_login = True
            allowed = set(call.__closure__[code.co_freevars.index("allowed")].cell_contents)
            roles = allowed if roles is None else roles & allowed
        if getattr(call, "__name__", "") in ("current_token", "session_user"):
            needs_login = needs_login or call.__name__ == "current_token"
        inner_login, inner_roles = _guards(dependency)
        needs_login = needs_login or inner_login
        if inner_roles is not None:
            roles = inner_roles if roles is None else roles & inner_roles
    return needs_login, roles


def app_routes(app) -> dict[tuple[str, str], tuple[bool, set[str] | None]]:
    found = {}
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute):
            for method in context.methods - {"HEAD"}:
                found[(method, context.path)] = _guards(context.dependant)
    return found


@pytest.fixture
def app(hotline_env):
    from hotline.app import create_app

    return create_app()


def test_every_route_is_in_the_matrix_and_every_row_is_a_route(app):
    rows, routes = matrix(), app_routes(app)
    assert sorted(set(routes) - set(rows)) == [], "routes missing from docs/permissions.md"
    assert sorted(set(rows) - set(routes)) == [], "rows of docs/permissions.md with no route"


def test_each_route_lets_through_exactly_the_roles_of_its_row(app):
    routes, faults = app_routes(app), []
    for row, cells in sorted(matrix().items()):
        needs_login, roles = routes.get(row, (False, None))
        if set(cells.values()) == {"public"}:
            if roles is not None or (needs_login and row[1].startswith("/api/")):
                faults.append(f"{row}: marked public but needs {roles or 'a login'}")
            continue
        marked = {role for role, cell in cells.items() if cell in ("yes", "own")}
        if (roles if roles is not None else set(ROLES)) != marked:
            faults.append(f"{row}: the route lets through {sorted(roles or ROLES)}, the matrix says {sorted(marked)}")
    assert faults == []


def _path(template: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", template)


def test_each_api_row_is_enforced_with_real_tokens(app):
    """No token: 401; a role marked no: 403; a role marked yes: neither (own rows are checked by their views)."""
    faults = []
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as client:
        headers = {role: login(client, role)[1] for role in ROLES}
        rows = sorted(matrix().items(), key=lambda item: item[0][1] == "/api/auth/logout")  # logout last
        for (method, template), cells in rows:
            if not template.startswith("/api/") or "public" in cells.values():
                continue
            path = _path(template)
            if (status := client.request(method, path).status_code) != 401:
                faults.append(f"{method} {template} without a token: {status}")
            for role in ROLES:
                status = client.request(method, path, headers=headers[role]).status_code
                if cells[role] == "no" and status != 403:
                    faults.append(f"{method} {template} as {role}: {status}, the matrix says no")
                elif cells[role] == "yes" and status in (401, 403):
                    faults.append(f"{method} {template} as {role}: {status}, the matrix says yes")
    assert faults == []
