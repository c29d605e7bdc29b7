"""The known simulated day and a manager's token, shared by the report tests."""

import pytest

from tests.auth.helpers import login
from tests.reports.helpers import simulate_day


@pytest.fixture
def day(client):
    return simulate_day()


@pytest.fixture
def manager(client):
    return login(client, "manager")[1]
