import pytest
from django.core.exceptions import ValidationError

from schakel.people.bsn import normalise, passes_eleven_test, validate_bsn


@pytest.mark.parametrize("value", ["999990019", "111222333", "123456782"])
def test_numbers_that_pass_the_eleven_test_are_accepted(value):
    assert passes_eleven_test(value)
    validate_bsn(value)


@pytest.mark.parametrize("value", ["999990018", "123456789", "12345678", "abcdefghi", "000000000"])
def test_numbers_that_fail_the_eleven_test_are_refused_with_a_message(value):
    with pytest.raises(ValidationError) as exc:
        validate_bsn(value)
    assert "11" in str(exc.value)


def test_an_eight_digit_bsn_gets_its_leading_zero_and_separators_are_ignored():
    assert normalise("9999.900-19") == "999990019"
    assert normalise("12345678") == "012345678"
