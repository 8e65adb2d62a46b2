"""JSON-LD → RDF (PyLD, offline contexts) → RDFC-1.0 canonical N-Quads (pyoxigraph).

PyLD's own canonicalizer implements URDNA2015 and escapes control characters
differently from RDFC-1.0, so PyLD is used only up to the RDF dataset, which
is handed to pyoxigraph as terms (no N-Quads round trip) for canonicalization
and serialization.

JSON-LD expansion silently drops terms the contexts do not define, so a
signature would not cover them while a reader would still see them. Every
term is therefore required to be defined; see ``UndefinedTermError``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from typing import Any

import pyoxigraph as ox
from pyld import jsonld

from evident.credentials.proofs.contexts import UnknownContextError, document_loader

# RDFC-1.0 is exponential in blank nodes in its worst case (crafted, highly
# symmetric graphs). Credentials we issue have a handful; these limits bound
# what a stranger can make the verifier do.
MAX_DOCUMENT_BYTES = 200_000
MAX_BLANK_NODES = 64

# PyLD resolves relative IRIs against http://example.org/base/ when no base is
# given (jsonld.js leaves them relative and drops them). Resolving against a
# marker base instead lets relative ids and undefined types be found and refused.
_RELATIVE_BASE = "https://relative-iri.invalid/"

# PyLD keeps processed contexts in module-level cachetools LRU caches, which
# are not thread-safe; expansion is pure Python under the GIL anyway.
_PYLD_LOCK = threading.Lock()

_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class CanonicalizationError(ValueError):
    """The document cannot be turned into canonical N-Quads; the message says why in plain words."""


class UndefinedTermError(CanonicalizationError):
    """The document uses a term, type or identifier that its contexts do not define."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "The document uses terms its JSON-LD contexts do not define, so they would not be signed: "
            + "; ".join(problems)
        )


class DocumentTooLargeError(CanonicalizationError):
    """The document is over the size or blank-node limits for canonicalization."""


def check_size(document: Mapping[str, Any]) -> None:
    """Raise ``DocumentTooLargeError`` if the JSON form of ``document`` is over ``MAX_DOCUMENT_BYTES``."""
    size = len(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentTooLargeError(
            f"The document is {size:,} bytes; documents over {MAX_DOCUMENT_BYTES:,} bytes are not processed."
        )


def _is_absolute_iri(value: str) -> bool:
    return ":" in value and not value.startswith(("_:", _RELATIVE_BASE))


def _walk(node: Any, path: str) -> Iterator[str]:
    """Problems in an expanded JSON-LD tree: relative (undefined) types, ids and datatypes."""
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, path)
        return
    if not isinstance(node, dict):
        return
    node_id = node.get("@id")
    if isinstance(node_id, str) and not node_id.startswith("_:") and not _is_absolute_iri(node_id):
        yield f"identifier {node_id.removeprefix(_RELATIVE_BASE)!r} at {path or 'the top level'} is not an absolute IRI"
    types = node.get("@type", [])
    for type_ in types if isinstance(types, list) else [types]:
        if isinstance(type_, str) and type_ != "@json" and not type_.startswith("_:") and not _is_absolute_iri(type_):
            yield f"type {type_.removeprefix(_RELATIVE_BASE)!r} at {path or 'the top level'} is not defined"
    if "@value" in node:
        return
    for key, value in node.items():
        if key in ("@id", "@type"):
            continue
        yield from _walk(value, f"{path} > {key.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}" if path else key)


def _term(value: Mapping[str, Any]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = value["type"]
    if kind == "IRI":
        return ox.NamedNode(value["value"])
    if kind == "blank node":
        return ox.BlankNode(value["value"][2:])
    datatype = value.get("datatype")
    if "language" in value or datatype == _RDF_LANG_STRING:
        return ox.Literal(value["value"], language=value["language"])
    if datatype is None or datatype == _XSD_STRING:
        return ox.Literal(value["value"])
    return ox.Literal(value["value"], datatype=ox.NamedNode(datatype))


def to_dataset(document: Mapping[str, Any]) -> ox.Dataset:
    """The RDF dataset the JSON-LD ``document`` denotes, using only the pinned contexts.

    Raises ``UnknownContextError`` for a context URL outside the pinned set,
    ``UndefinedTermError`` for undefined terms, ``DocumentTooLargeError`` past
    ``MAX_DOCUMENT_BYTES`` or ``MAX_BLANK_NODES``, ``CanonicalizationError`` for invalid JSON-LD.
    """
    check_size(document)
    dropped: list[str] = []

    def on_dropped(term: str | None) -> None:
        dropped.append(repr(term) if term else "a key")

    processor = jsonld.JsonLdProcessor(on_property_dropped=on_dropped)
    options: dict[str, Any] = {
        "documentLoader": document_loader,
        "base": _RELATIVE_BASE,
        "produceGeneralizedRdf": False,
        "processingMode": "json-ld-1.1",
        "extractAllScripts": True,
    }
    try:
        # Expansion and RDF conversion are done in two steps (as PyLD's own
        # to_rdf does inside) so the expanded form can be checked in between.
        with _PYLD_LOCK:
            expanded = processor.expand(dict(document), options)
    except jsonld.JsonLdError as error:
        cause: BaseException | None = error
        while cause is not None:
            if isinstance(cause, UnknownContextError):
                raise cause from None
            cause = cause.__cause__
        raise CanonicalizationError(f"The document is not valid JSON-LD: {error}") from error

    problems = [f"property {term} is not defined" for term in dropped] + list(_walk(expanded, ""))
    if problems:
        raise UndefinedTermError(problems)

    issuer = jsonld.IdentifierIssuer("_:b")
    node_map: dict[str, Any] = {"@default": {}}
    processor._create_node_map(expanded, node_map, "@default", issuer)  # noqa: SLF001 (PyLD is pinned)
    quads: list[ox.Quad] = []
    blank_nodes: set[str] = set()
    for graph_name, graph in sorted(node_map.items()):
        if graph_name == "@default":
            graph_term: ox.NamedNode | ox.BlankNode | ox.DefaultGraph = ox.DefaultGraph()
        elif graph_name.startswith("_:"):
            graph_term = ox.BlankNode(graph_name[2:])
            blank_nodes.add(graph_name)
        elif _is_absolute_iri(graph_name):
            graph_term = ox.NamedNode(graph_name)
        else:
            continue
        for triple in processor._graph_to_rdf(graph, issuer, options):  # noqa: SLF001
            subject, predicate, object_ = triple["subject"], triple["predicate"], triple["object"]
            for part in (subject, object_):
                if part["type"] == "blank node":
                    blank_nodes.add(part["value"])
            if len(blank_nodes) > MAX_BLANK_NODES:
                raise DocumentTooLargeError(
                    f"The document has more than {MAX_BLANK_NODES} unnamed nodes; it is not processed."
                )
            try:
                quad = ox.Quad(_term(subject), ox.NamedNode(predicate["value"]), _term(object_), graph_term)  # type: ignore[arg-type]  # PyLD never makes a literal subject
            except ValueError as error:
                raise CanonicalizationError(f"The document holds an invalid IRI or literal: {error}") from error
            quads.append(quad)
    return ox.Dataset(quads)


def canonicalize(document: Mapping[str, Any]) -> str:
    """RDFC-1.0 canonical N-Quads of ``document``: one quad a line, sorted, each ending in a newline.

    Raises what ``to_dataset`` raises.
    """
    dataset = to_dataset(document)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    serialized = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS) or b""
    # Split on "\n" only: str.splitlines would also split at U+2028 and
    # friends, which N-Quads leaves unescaped inside literals.
    lines = [line + "\n" for line in serialized.decode("utf-8").split("\n") if line]
    return "".join(sorted(lines))
