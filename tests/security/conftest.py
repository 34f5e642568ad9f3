"""The privacy tests' world of actors and objects, reused to enumerate every page."""

from tests.privacy.conftest import world as world
from tests.privacy.test_authorisation import context as context
