#!/usr/bin/env python3
"""Reads an export back with the real reader of its format and prints what it found as
one JSON document, for the Swift tests to compare with the graph that was exported.

    read_back.py graphml|gexf|json FILE      networkx's read_graphml, read_gexf, node_link_graph
    read_back.py dot FILE                    Graphviz: dot -Tjson, labels decoded as Graphviz draws them
    read_back.py csv NODES RELATIONSHIPS DELIMITER   the neo4j-admin header rules, then the rows
    read_back.py cypher FILE                 graphglot (neo4j dialect): each statement, and the strings in the parameters
    read_back.py mermaid FILE                Mermaid's own parser (mermaid 11, bundled by mermaid-parser-py) under node

Output: {"nodes": [{"name", "type", "properties"}], "edges": [{"source", "target",
"type", "weight", "properties"}]} with names for the ends; for cypher {"errors": [...],
"statements": N, "strings": [...]}.
"""
import io
import json
import math
import re
import subprocess
import sys


def number(value):
    # JSON has no NaN or infinity: say them as strings.
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return value


def from_networkx(graph, name_key, type_key, edge_type_key):
    nodes, names = [], {}
    for node, data in graph.nodes(data=True):
        data = dict(data)
        name = node if name_key is None else data.pop(name_key, None)
        names[node] = name
        node_type = data.pop(type_key, None)
        nodes.append({"name": name, "type": node_type, "properties": {k: number(v) for k, v in data.items()}})
    edges = []
    for source, target, data in graph.edges(data=True):
        data = dict(data)
        data.pop("id", None)
        edge_type = data.pop(edge_type_key, None)
        weight = data.pop("weight", None)
        edges.append({"source": names[source], "target": names[target], "type": edge_type,
                      "weight": number(weight), "properties": {k: number(v) for k, v in data.items()}})
    return {"nodes": nodes, "edges": edges, "directed": graph.is_directed()}


def read_graphml(path):
    import networkx as nx
    graph = nx.read_graphml(path, force_multigraph=True)
    return from_networkx(graph, "label", "type", "label")


def read_gexf(path):
    import networkx as nx
    text = open(path, encoding="utf-8").read()
    # networkx 3.6 reads only the 1.2draft namespace; the file is GEXF 1.2 for Gephi
    # and the XSD. Map the namespace (and nothing else) for the read-back.
    text = text.replace('xmlns="http://www.gexf.net/1.2"', 'xmlns="http://www.gexf.net/1.2draft"', 1)
    graph = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    result = from_networkx(graph, "label", "type", "label")
    return result


def read_node_link(path):
    import networkx as nx
    data = json.load(open(path, encoding="utf-8"))
    graph = nx.node_link_graph(data)
    return from_networkx(graph, None, "type", "type")


ESCAPES = re.compile(r"\\(.)", re.S)


def graphviz_label(text):
    """A label as Graphviz draws it: \\\\ a backslash, \\n \\l \\r line breaks, &amp; an ampersand."""
    text = ESCAPES.sub(lambda m: {"\\": "\\", "n": "\n", "l": "\n", "r": "\r"}.get(m.group(1), m.group(0)), text)
    return text.replace("&amp;", "&")


def read_dot(path):
    rendered = subprocess.run(["dot", "-Tjson", path], capture_output=True, text=True)
    if rendered.returncode != 0:
        raise SystemExit("dot -Tjson failed: " + rendered.stderr)
    data = json.loads(rendered.stdout)
    skip = {"name", "_gvid", "label", "type", "pos", "width", "height", "shape", "fillcolor", "style",
            "fontsize", "tooltip", "color", "fontname", "_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "lp",
            "head", "tail", "weight", "xlp", "_hldraw_", "_tldraw_"}
    nodes, names = [], {}
    for item in data.get("objects", []):
        name = graphviz_label(item.get("label", ""))
        names[item["_gvid"]] = name
        nodes.append({"name": name, "type": item.get("type"),
                      "properties": {k: v for k, v in item.items() if k not in skip}})
    edges = []
    for item in data.get("edges", []):
        edges.append({"source": names[item["tail"]], "target": names[item["head"]],
                      "type": graphviz_label(item.get("label", "")), "weight": float(item["weight"]),
                      "properties": {k: v for k, v in item.items() if k not in skip}})
    return {"nodes": nodes, "edges": edges, "directed": data.get("directed", True)}


# neo4j-admin's header rules: a field is `name:type`, `name`, or a special field.
TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
         "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL_NODES = {":ID", ":LABEL"}
SPECIAL_RELATIONSHIPS = {":START_ID", ":END_ID", ":TYPE"}


def header_field(field, special):
    """(property, type, special) for one header field, or raise on a field neo4j-admin refuses."""
    if field in special:
        return (None, None, field)
    if ":" in field:
        name, kind = field.rsplit(":", 1)
        if kind == "ID" and ":" not in name:
            return (name or None, "string", ":ID")
        base = kind[:-2] if kind.endswith("[]") else kind
        if base not in TYPES or ":" in name or not name:
            raise SystemExit(f"header field {field!r} breaks neo4j-admin's rules")
        return (name, kind, None)
    if not field:
        raise SystemExit("an empty header field")
    return (field, "string", None)


def convert(text, kind, delimiter):
    if text is None:
        return None
    if kind.endswith("[]"):
        return [convert(item, kind[:-2], delimiter) for item in text.split(delimiter)]
    if kind in ("int", "long", "short", "byte"):
        return int(text)
    if kind in ("float", "double"):
        return float(text)
    if kind == "boolean":
        if text not in ("true", "false"):
            raise SystemExit(f"boolean {text!r}")
        return text == "true"
    return text


def csv_records(text):
    """RFC 4180 records as neo4j-admin reads them: each field as (text, quoted), since
    a quoted empty field is an empty string and an unquoted one no value at all."""
    records, fields, field, quoted, index = [], [], [], False, 0
    while index < len(text):
        char = text[index]
        if char == '"' and not field and not quoted:
            quoted, index = True, index + 1
            while True:
                end = text.index('"', index)
                field.append(text[index:end])
                if text.startswith('""', end):
                    field.append('"')
                    index = end + 2
                else:
                    index = end + 1
                    break
            if index < len(text) and text[index] not in ",\n":
                raise SystemExit(f"text after a closing quote at offset {index}")
            continue
        if char == ",":
            fields.append(("".join(field), quoted))
            field, quoted = [], False
        elif char == "\n":
            fields.append(("".join(field), quoted))
            records.append(fields)
            fields, field, quoted = [], [], False
        elif char == '"':
            raise SystemExit(f"a quote inside an unquoted field at offset {index}")
        else:
            field.append(char)
        index += 1
    if field or fields:
        fields.append(("".join(field), quoted))
        records.append(fields)
    return records


def read_neo4j(nodes_path, relationships_path, delimiter):
    def rows(path, special):
        records = csv_records(open(path, encoding="utf-8", newline="").read())
        header = [header_field(text, special) for text, _ in records[0]]
        for record in records[1:]:
            if len(record) != len(header):
                raise SystemExit(f"{path}: a row of {len(record)} fields under a header of {len(header)}")
            yield header, [text if text or quoted else None for text, quoted in record]
    nodes, ids = [], {}
    for header, row in rows(nodes_path, SPECIAL_NODES):
        node = {"properties": {}}
        for (name, kind, special), text in zip(header, row):
            if special == ":ID":
                ids[text] = None
                node_id = text
                if name:
                    node["properties"][name] = text
            elif special == ":LABEL":
                node["labels"] = text.split(delimiter)
            else:
                node["properties"][name] = convert(text, kind, delimiter)
        node["name"] = node["properties"].pop("name")
        node["type"] = node["properties"].pop("type")
        node["properties"].pop("id", None)
        ids[node_id] = node["name"]
        nodes.append(node)
    edges = []
    for header, row in rows(relationships_path, SPECIAL_RELATIONSHIPS):
        edge = {"properties": {}}
        for (name, kind, special), text in zip(header, row):
            if special == ":START_ID":
                edge["source"] = ids[text]
            elif special == ":END_ID":
                edge["target"] = ids[text]
            elif special == ":TYPE":
                edge["type"] = text
            else:
                edge["properties"][name] = convert(text, kind, delimiter)
        edge["weight"] = edge["properties"].pop("weight")
        edges.append(edge)
    return {"nodes": nodes, "edges": edges, "directed": True}


def read_cypher(path):
    from graphglot.dialect import Dialect
    from graphglot.ast import expressions
    neo4j = Dialect.get_or_raise("neo4j")
    errors, strings, statements = [], [], 0
    for number_, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if not line or line.startswith("//"):
            continue
        # cypher-shell's `:param {...}` sets parameters from a map expression; graphglot
        # parses Cypher, not shell commands, so the map is checked as `RETURN {...}`.
        query = "RETURN " + line[len(":param "):] if line.startswith(":param ") else line.rstrip(";")
        result = neo4j.validate(query)
        if not result.success:
            errors.append(f"line {number_}: {[str(d) for d in result.diagnostics][:3]}")
            continue
        statements += 1
        if line.startswith(":param "):
            for tree in neo4j.parse(query):
                strings += [literal.value for literal in tree.find_all(expressions.CharacterStringLiteral)]
    return {"errors": errors, "statements": statements, "strings": strings}


def read_mermaid(path):
    import importlib.util
    import os
    # The package's Python side needs pythonmonkey; only its bundle of Mermaid is used,
    # run by node, so the package is found without being imported.
    spec = importlib.util.find_spec("mermaid_parser")
    if spec is None:
        raise SystemExit("mermaid-parser-py is not installed (Scripts/setup-python installs it)")
    bundle = os.path.join(spec.submodule_search_locations[0], "js", "parser.bundle.js")
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "read_mermaid.js")
    parsed = subprocess.run(["node", script, bundle, path], capture_output=True, text=True)
    if parsed.returncode != 0:
        raise SystemExit(parsed.stderr)
    return json.loads(parsed.stdout)


def main():
    kind = sys.argv[1]
    readers = {"graphml": read_graphml, "gexf": read_gexf, "json": read_node_link, "dot": read_dot,
               "cypher": read_cypher, "mermaid": read_mermaid}
    result = read_neo4j(*sys.argv[2:5]) if kind == "csv" else readers[kind](sys.argv[2])
    json.dump(result, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
