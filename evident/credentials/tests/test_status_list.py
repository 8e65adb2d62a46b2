"""Bitstring Status List encodedList values: bit order, encoding, refusals."""

from __future__ import annotations

import base64
import gzip

import pytest

from evident.credentials.status_list import (
    MIN_SIZE,
    StatusListError,
    bitstring_from_indices,
    decode_status_list,
    encode_status_list,
    get_status,
)

# An empty 131,072-bit list as in the W3C specification's examples.
SPEC_EMPTY_LIST = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
# Made by @digitalbazaar/vc-bitstring-status-list 2.0.1: 131,072 bits, bits 42 and 131,071 set.
DIGITAL_BAZAAR_42_AND_LAST = "uH4sIAAAAAAAAA-3BMQEAAAgDoNnE_ilnCx8gORsAAAAAAAAAAAAAAAAAAADgzxSlqupHAEAAAA"


class TestBitOrder:
    def test_it_counts_from_the_most_significant_bit_of_the_first_byte(self):
        bits = bitstring_from_indices([0, 9])
        assert bits[:2] == b"\x80\x40"
        assert len(bits) == MIN_SIZE // 8

    def test_it_reads_back_what_it_sets(self):
        bits = bitstring_from_indices([3, 42, MIN_SIZE - 1])
        assert [index for index in range(MIN_SIZE) if get_status(bits, index)] == [3, 42, MIN_SIZE - 1]

    @pytest.mark.parametrize("index", [-1, MIN_SIZE])
    def test_it_refuses_an_index_outside_the_list(self, index):
        with pytest.raises(StatusListError):
            bitstring_from_indices([index])
        with pytest.raises(StatusListError):
            get_status(bytes(MIN_SIZE // 8), index)


class TestEncode:
    def test_it_round_trips(self):
        bits = bitstring_from_indices([7, 1000, 99_999])
        assert decode_status_list(encode_status_list(bits)) == bits

    def test_it_encodes_as_multibase_base64url_of_gzip_without_padding(self):
        encoded = encode_status_list(bitstring_from_indices([5]))
        assert encoded.startswith("u")
        assert "=" not in encoded and "+" not in encoded and "/" not in encoded
        body = encoded[1:]
        raw = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        assert raw[0] == 0x04 and len(raw) == MIN_SIZE // 8

    def test_it_pads_short_input_to_the_size(self):
        assert decode_status_list(encode_status_list(b"\x80")) == bitstring_from_indices([0])

    def test_it_takes_one_boolean_per_entry(self):
        assert encode_status_list([False, True, False]) == encode_status_list(bitstring_from_indices([1]))

    def test_it_is_deterministic(self):
        bits = bitstring_from_indices([12])
        assert encode_status_list(bits) == encode_status_list(bytearray(bits))

    def test_it_makes_larger_lists(self):
        size = MIN_SIZE * 2
        assert len(decode_status_list(encode_status_list(bitstring_from_indices([size - 1], size), size))) == size // 8

    @pytest.mark.parametrize("size", [MIN_SIZE - 8, MIN_SIZE + 1])
    def test_it_refuses_sizes_the_spec_does_not_allow(self, size):
        with pytest.raises(StatusListError):
            encode_status_list(b"", size)

    def test_it_refuses_more_bits_than_the_size(self):
        with pytest.raises(StatusListError):
            encode_status_list(bytes(MIN_SIZE // 8 + 1))
        with pytest.raises(StatusListError):
            encode_status_list([False] * (MIN_SIZE + 1))


class TestDecode:
    def test_it_reads_the_specification_example(self):
        assert decode_status_list(SPEC_EMPTY_LIST) == bytes(MIN_SIZE // 8)

    def test_it_reads_a_list_digital_bazaar_made(self):
        bits = decode_status_list(DIGITAL_BAZAAR_42_AND_LAST)
        assert bits == bitstring_from_indices([42, MIN_SIZE - 1])

    @pytest.mark.parametrize(
        "encoded",
        [
            SPEC_EMPTY_LIST[1:],  # no multibase prefix
            "z" + SPEC_EMPTY_LIST[1:],  # base58btc prefix
            "u!!!!",  # not base64url
            "u" + base64.urlsafe_b64encode(b"plain bytes").decode().rstrip("="),  # not gzip
            SPEC_EMPTY_LIST[:30],  # truncated
        ],
    )
    def test_it_refuses_what_is_not_an_encoded_list(self, encoded):
        with pytest.raises(StatusListError):
            decode_status_list(encoded)

    def test_it_refuses_a_list_over_the_size_cap(self):
        with pytest.raises(StatusListError, match="larger than"):
            decode_status_list(SPEC_EMPTY_LIST, max_bytes=1000)
