"""Every domain's tables, imported in one place so Alembic and the tests see the whole schema."""

from hotline.audit import models as audit_models  # noqa: F401
from hotline.audit import tracking as audit_tracking  # noqa: F401
from hotline.auth import models as auth_models  # noqa: F401
from hotline.calls import models as calls_models  # noqa: F401
from hotline.cases import models as cases_models  # noqa: F401
from hotline.db import Base
from hotline.operations import models as operations_models  # noqa: F401
from hotline.referrals import models as referrals_models  # noqa: F401
from hotline.telephony import models as telephony_models  # noqa: F401

metadata = Base.metadata
