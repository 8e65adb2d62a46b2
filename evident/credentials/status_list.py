"""Bitstring Status List v1.0 ``encodedList`` values (W3C Recommendation, 2025).

A status list is a bitstring with one bit per credential (``statusSize`` 1):
bit ``i`` is the ``i``-th bit counting from the most significant bit of the
first byte, and a set bit means the status (here: revoked) applies. The
published form is multibase base64url without padding (prefix ``u``) of the
GZIP-compressed bitstring. The spec requires at least 16 KB (131,072 bits)
uncompressed, so that one credential's position says little about which
credential it is (herd privacy).

Django-free; used to publish lists and to read other issuers' lists.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import re
import zlib
from collections.abc import Iterable, Sequence

MIN_SIZE = 131_072  # bits: the spec's 16 KB minimum
# A stranger's list is decompressed with this cap (16 MB, 134 million
# credentials), so a small gzip bomb cannot exhaust memory.
MAX_DECODED_BYTES = 16 * 1024 * 1024

_MULTIBASE_BASE64URL = "u"
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


class StatusListError(ValueError):
    """An ``encodedList`` that cannot be decoded, or bits that cannot be encoded; the message says why."""


def bitstring_from_indices(indices: Iterable[int], size: int = MIN_SIZE) -> bytes:
    """A ``size``-bit bitstring with the bits at ``indices`` set; raises ``StatusListError`` for an index out of range."""
    _check_size(size)
    bits = bytearray(size // 8)
    for index in indices:
        if not 0 <= index < size:
            raise StatusListError(f"Index {index} is outside a status list of {size:,} entries.")
        bits[index // 8] |= 0x80 >> (index % 8)
    return bytes(bits)


def get_status(bitstring: bytes, index: int) -> bool:
    """Whether bit ``index`` of ``bitstring`` is set; raises ``StatusListError`` when the list is too short.

    The spec calls an index beyond the list a ``STATUS_LIST_LENGTH_ERROR``:
    the status is unknown, which is not the same as "not revoked".
    """
    if not 0 <= index < len(bitstring) * 8:
        raise StatusListError(f"Index {index} is outside a status list of {len(bitstring) * 8:,} entries.")
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def encode_status_list(bits: bytes | bytearray | Sequence[bool], size: int = MIN_SIZE) -> str:
    """The ``encodedList`` for ``bits``, zero-padded to ``size`` bits.

    ``bits`` is either the packed bitstring (bytes, first entry in the most
    significant bit) or one boolean per entry. ``size`` must be a multiple of
    8 and at least ``MIN_SIZE``. Raises ``StatusListError`` when ``bits`` is
    longer than ``size``. The output is deterministic (the gzip header's
    timestamp is zero), so an unchanged list publishes unchanged.
    """
    _check_size(size)
    if isinstance(bits, bytes | bytearray):
        packed = bytes(bits)
    else:
        if len(bits) > size:
            raise StatusListError(f"{len(bits):,} entries do not fit in a status list of {size:,}.")
        packed = bitstring_from_indices((index for index, bit in enumerate(bits) if bit), size)
    if len(packed) * 8 > size:
        raise StatusListError(f"{len(packed) * 8:,} bits do not fit in a status list of {size:,}.")
    packed = packed.ljust(size // 8, b"\x00")
    compressed = gzip.compress(packed, compresslevel=9, mtime=0)
    return _MULTIBASE_BASE64URL + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode_status_list(encoded: str, *, max_bytes: int = MAX_DECODED_BYTES) -> bytes:
    """The bitstring in an ``encodedList``, which may come from anyone.

    Raises ``StatusListError`` when it is not ``u`` + base64url of GZIP data or
    decompresses to more than ``max_bytes``. Lists under the 16 KB minimum are
    accepted (other issuers' lists are read as published); ``get_status``
    refuses indices beyond the end.
    """
    if not isinstance(encoded, str) or not encoded.startswith(_MULTIBASE_BASE64URL):
        raise StatusListError("The encoded status list does not start with 'u' (multibase base64url).")
    body = encoded[1:]
    # b64decode would skip characters outside the alphabet; refuse them instead.
    if not _BASE64URL.fullmatch(body):
        raise StatusListError("The encoded status list is not valid base64url.")
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as error:
        raise StatusListError("The encoded status list is not valid base64url.") from error
    # wbits 16 + MAX_WBITS: a gzip container, not a bare zlib stream.
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        bitstring = decompressor.decompress(compressed, max_bytes)
    except zlib.error as error:
        raise StatusListError("The encoded status list is not GZIP-compressed data.") from error
    if decompressor.unconsumed_tail:
        raise StatusListError(f"The status list is larger than {max_bytes:,} bytes; it is not read.")
    if not decompressor.eof:
        raise StatusListError("The encoded status list is truncated.")
    return bitstring


def _check_size(size: int) -> None:
    if size < MIN_SIZE or size % 8:
        raise StatusListError(f"A status list must have a multiple of 8 entries, at least {MIN_SIZE:,}; not {size:,}.")
