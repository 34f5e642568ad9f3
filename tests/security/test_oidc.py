"""The identity provider counts as the second factor only when it asserts one."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from schakel.security.oidc import asserts_mfa

ACR = ["urn:example:loa:substantial"]
AMR = ["mfa", "otp", "hwk"]


@pytest.mark.parametrize(("claims", "counts"), [
    ({"acr": "urn:example:loa:substantial"}, True),
    ({"acr": "urn:example:loa:low"}, False),
    ({"amr": ["pwd", "otp"]}, True),
    ({"amr": ["pwd"]}, False),
    ({"amr": "mfa"}, False),  # amr must be a list (RFC 8176)
    ({}, False),
])
def test_the_identity_provider_counts_as_second_factor_only_when_it_says_so(claims, counts):
    assert asserts_mfa(claims, ACR, AMR) is counts


def test_openid_connect_is_off_unless_configured():
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")
