#!/usr/bin/python3
"""Validate a JSON file against a JSON Schema (draft-04 subset).

python3-jsonschema is not installed everywhere the tests run, so this checks
the subset PACMAN's schemas (shared/fixtures/spinnaker/schemas) use: type,
properties, additionalProperties, required, items (schema or tuple),
additionalItems, minItems, minimum, maximum, anyOf and local $ref.  Any
other keyword is an error, so a schema using more is never half-checked.

usage: validate_json_schema.py SCHEMA.json DATA.json
Prints "valid" and exits 0, or prints the first violation and exits 1.
"""
import json
import sys

IGNORED = {"$schema", "title", "description", "definitions", "types",
           "resources"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


class Invalid(Exception):
    pass


def resolve(root, ref):
    if not ref.startswith("#/"):
        raise Invalid(f"unsupported $ref {ref}")
    node = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def check(root, schema, value, path):
    if "$ref" in schema:
        check(root, resolve(root, schema["$ref"]), value, path)
    for key in schema:
        if key not in IGNORED and key not in KEYWORDS and key != "$ref":
            raise Invalid(f"schema keyword '{key}' is not supported")
    for key, fn in KEYWORDS.items():
        if key in schema:
            fn(root, schema, value, path)


def k_type(root, schema, value, path):
    if not TYPES[schema["type"]](value):
        raise Invalid(f"{path}: expected {schema['type']}, got {value!r}")


def k_properties(root, schema, value, path):
    if isinstance(value, dict):
        for name, sub in schema["properties"].items():
            if name in value:
                check(root, sub, value[name], f"{path}.{name}")


def k_additional_properties(root, schema, value, path):
    if not isinstance(value, dict):
        return
    extra = [k for k in value if k not in schema.get("properties", {})]
    ap = schema["additionalProperties"]
    for k in extra:
        if ap is False:
            raise Invalid(f"{path}: unexpected property '{k}'")
        if isinstance(ap, dict):
            check(root, ap, value[k], f"{path}.{k}")


def k_required(root, schema, value, path):
    if isinstance(value, dict):
        for name in schema["required"]:
            if name not in value:
                raise Invalid(f"{path}: missing required property '{name}'")


def k_items(root, schema, value, path):
    if not isinstance(value, list):
        return
    items = schema["items"]
    if isinstance(items, list):
        for i, (sub, v) in enumerate(zip(items, value)):
            check(root, sub, v, f"{path}[{i}]")
        if len(value) > len(items) and schema.get("additionalItems") is False:
            raise Invalid(f"{path}: more than {len(items)} items")
    else:
        for i, v in enumerate(value):
            check(root, items, v, f"{path}[{i}]")


def k_additional_items(root, schema, value, path):
    pass  # handled with items


def k_min_items(root, schema, value, path):
    if isinstance(value, list) and len(value) < schema["minItems"]:
        raise Invalid(f"{path}: fewer than {schema['minItems']} items")


def k_minimum(root, schema, value, path):
    if TYPES["number"](value) and value < schema["minimum"]:
        raise Invalid(f"{path}: {value} < minimum {schema['minimum']}")


def k_maximum(root, schema, value, path):
    if TYPES["number"](value) and value > schema["maximum"]:
        raise Invalid(f"{path}: {value} > maximum {schema['maximum']}")


def k_any_of(root, schema, value, path):
    for sub in schema["anyOf"]:
        try:
            check(root, sub, value, path)
            return
        except Invalid:
            pass
    raise Invalid(f"{path}: matches none of anyOf")


KEYWORDS = {
    "type": k_type, "properties": k_properties,
    "additionalProperties": k_additional_properties, "required": k_required,
    "items": k_items, "additionalItems": k_additional_items,
    "minItems": k_min_items, "minimum": k_minimum, "maximum": k_maximum,
    "anyOf": k_any_of,
}


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    with open(sys.argv[2]) as f:
        data = json.load(f)
    try:
        check(schema, schema, data, "$")
    except Invalid as e:
        print(f"invalid: {e}")
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
