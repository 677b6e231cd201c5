"""Write the echo graph by file extension: GEXF 1.3 for Gephi, GraphML, node-link JSON, CSV.

GEXF is written here rather than by ``networkx.write_gexf``, whose 1.3 output fails the
official schema (a wrong xsi namespace, an empty graph ``name``, timeformat ``long``) and
puts colours in a ``viz`` namespace the 1.3 schema does not accept: in the published XSD,
``color`` and ``size`` are elements of the GEXF namespace itself. Our files validate against
that XSD (tests/fixtures/gexf-1.3) and read back with ``networkx.read_gexf(version="1.3")``.

Dynamics: the graph is ``mode="dynamic"`` and every dated node and edge carries ``start`` =
its first dated page and no ``end``, so Gephi's timeline replays a statement spreading:
elements appear when first carried and stay (spells would make them blink out again).
``timeformat="date"`` with xs:dateTime values, which the schema's time type accepts under
any timeformat: ``networkx.read_gexf`` understands ``date`` but fails on ``dateTime``.

The edge's kind (echoes, said, echoes_after, reposts) is the GEXF edge ``kind`` (Gephi's
edge type, which keeps parallel edges of different kinds apart) and its ``label``.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx

GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{GEXF_NS} {GEXF_NS}/gexf.xsd"

# Colour by kind (Gephi shows these until the user applies a palette of their own).
COLORS: dict[str, tuple[int, int, int]] = {
    "outlet": (31, 119, 180),
    "site": (127, 176, 214),
    "page": (180, 180, 180),
    "speaker": (214, 39, 40),
    "statement": (255, 127, 14),
    "slogan": (44, 160, 44),
    "term": (148, 103, 189),
}
_XML_EDGE_FIELDS = {"kind", "weight", "label"}  # written as XML attributes, not attvalues
CSV_LEADING = ("source", "target", "kind", "weight", "first_seen", "last_seen")
# Characters XML 1.0 cannot carry at all (C0 controls but tab/newlines, surrogates, U+FFFE/F):
# scraped pages do contain them, and one would make the whole file unreadable.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``graph`` in the format its extension names (.gexf, .graphml, .json, .csv)."""
    path = Path(path)
    check_format(path)
    WRITERS[path.suffix.lower()](graph, path)


def check_format(path: Path) -> None:
    """Refuse an extension we cannot write, before any work is done."""
    if path.suffix.lower() not in WRITERS:
        raise ValueError(f"{path}: unknown graph format {path.suffix!r} (use {', '.join(WRITERS)})")


def xml_text(text: str) -> str:
    """``text`` with characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def xml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose node ids and string attributes XML can hold."""

    def clean(value: object) -> object:
        return xml_text(value) if isinstance(value, str) else value

    safe = nx.MultiDiGraph(**{k: clean(v) for k, v in graph.graph.items()})
    for node, attrs in graph.nodes(data=True):
        safe.add_node(clean(node), **{k: clean(v) for k, v in attrs.items()})
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        safe.add_edge(clean(u), clean(v), key=key, **{k: clean(x) for k, x in attrs.items()})
    return safe


# --------------------------------------------------------------------------------- GEXF


def _gexf_type(values: Iterable[object]) -> str:
    """The one GEXF attribute type that holds every value of a field."""
    kinds = {type(v) for v in values}
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "integer"
    if kinds <= {int, float}:
        return "double"
    return "string"


def _gexf_text(value: object, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    return str(float(value)) if kind == "double" else str(value)


def _declare(parent: ET.Element, cls: str, rows: list[dict], skip: set[str]) -> dict[str, str]:
    """``<attributes>`` for every field the rows carry; returns field -> GEXF type."""
    fields: dict[str, list[object]] = {}
    for row in rows:
        for key, value in row.items():
            if key not in skip and value is not None:
                fields.setdefault(key, []).append(value)
    types = {key: _gexf_type(values) for key, values in sorted(fields.items())}
    block = ET.SubElement(parent, f"{{{GEXF_NS}}}attributes", {"class": cls})
    for key, kind in types.items():
        ET.SubElement(block, f"{{{GEXF_NS}}}attribute", {"id": key, "title": key, "type": kind})
    return types


def _attvalues(element: ET.Element, row: dict, types: dict[str, str]) -> None:
    values = [(k, row[k]) for k in types if row.get(k) is not None]
    if values:
        block = ET.SubElement(element, f"{{{GEXF_NS}}}attvalues")
        for key, value in values:
            ET.SubElement(
                block,
                f"{{{GEXF_NS}}}attvalue",
                {"for": key, "value": _gexf_text(value, types[key])},
            )


def node_size(attrs: dict) -> float:
    """Drawn size grows with the square root of echoes, so hubs do not swamp the canvas."""
    return round(4.0 + 4.0 * math.sqrt(attrs.get("echoes", 0)), 2)


def gexf_tree(graph: nx.MultiDiGraph) -> ET.ElementTree:
    """The GEXF 1.3 document of ``graph`` (see the module docstring for the choices)."""
    graph = xml_safe(graph)
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(
        f"{{{GEXF_NS}}}gexf", {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION}
    )
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "dedup"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = graph.graph.get("name", "")
    g = ET.SubElement(
        root,
        f"{{{GEXF_NS}}}graph",
        {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"},
    )
    node_rows = [attrs for _, attrs in graph.nodes(data=True)]
    edge_rows = [attrs for *_, attrs in graph.edges(keys=True, data=True)]
    node_types = _declare(g, "node", node_rows, {"label"})
    edge_types = _declare(g, "edge", edge_rows, _XML_EDGE_FIELDS)
    nodes = ET.SubElement(g, f"{{{GEXF_NS}}}nodes", {"count": str(len(node_rows))})
    for node, attrs in graph.nodes(data=True):
        element = ET.SubElement(
            nodes, f"{{{GEXF_NS}}}node", _timed({"id": node, "label": attrs["label"]}, attrs)
        )
        _attvalues(element, attrs, node_types)
        r, gr, b = COLORS.get(attrs.get("kind", ""), COLORS["page"])
        ET.SubElement(element, f"{{{GEXF_NS}}}color", {"r": str(r), "g": str(gr), "b": str(b)})
        ET.SubElement(element, f"{{{GEXF_NS}}}size", {"value": str(node_size(attrs))})
    edges = ET.SubElement(g, f"{{{GEXF_NS}}}edges", {"count": str(len(edge_rows))})
    for i, (u, v, key, attrs) in enumerate(graph.edges(keys=True, data=True)):
        fields = {"id": str(i), "source": u, "target": v, "kind": key, "label": key}
        fields["weight"] = str(float(attrs.get("weight", 1)))
        element = ET.SubElement(edges, f"{{{GEXF_NS}}}edge", _timed(fields, attrs))
        _attvalues(element, attrs, edge_types)
    return ET.ElementTree(root)


def _timed(fields: dict[str, str], attrs: dict) -> dict[str, str]:
    """Add ``start`` (first dated page) so the element appears on Gephi's timeline then."""
    if attrs.get("first_seen"):
        fields["start"] = attrs["first_seen"]
    return fields


def write_gexf(graph: nx.MultiDiGraph, path: str | Path) -> None:
    tree = gexf_tree(graph)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)


# ----------------------------------------------------------------------- other formats


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """GraphML via networkx: our attributes are never None, which GraphML cannot hold."""
    nx.write_graphml(xml_safe(graph), path, encoding="utf-8")


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """networkx node-link JSON (``nodes`` and ``edges``), readable by ``node_link_graph``."""
    data = nx.node_link_data(graph, edges="edges")
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def edge_rows(graph: nx.MultiDiGraph) -> tuple[list[str], list[dict[str, object]]]:
    """The edge list as rows: fixed leading columns, then every other field by name."""
    rows = [
        {"source": u, "target": v, **attrs, "kind": key}
        for u, v, key, attrs in graph.edges(keys=True, data=True)
    ]
    rest = sorted({k for row in rows for k in row} - set(CSV_LEADING))
    return [*CSV_LEADING, *rest], rows


def write_csv(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Edge list, one edge per row, empty cells where an edge lacks a field."""
    header, rows = edge_rows(graph)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, restval="")
        writer.writeheader()
        writer.writerows(rows)


WRITERS = {".gexf": write_gexf, ".graphml": write_graphml, ".json": write_json, ".csv": write_csv}
