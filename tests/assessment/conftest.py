from tests.assessment.fixtures import (  # noqa: F401
    active_episode,
    admin,
    fast_passwords,
    login,
    shipped_instruments,
    unregistered,
    youth_leader,
)
