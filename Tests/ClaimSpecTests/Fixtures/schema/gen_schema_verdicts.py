"""Validates the example specs against qlift's JSON Schema with python-jsonschema (an independent
draft 2020-12 validator) and records the verdicts the Swift tests compare the loader with.

How it was run (2026-11-25, jsonschema 4.x, PyYAML 6.x, in /work/venv-spec6):
    qlift schema > Tests/ClaimSpecTests/Fixtures/schema/spec.schema.json
    python Tests/ClaimSpecTests/Fixtures/schema/gen_schema_verdicts.py
Writes verdicts.json next to this file: {"schema_is_valid": bool, "examples": {"valid/x.yaml": bool, ...}}.
"""
import json
import pathlib
import re

import jsonschema
import yaml



class Yaml12Loader(yaml.SafeLoader):
    """PyYAML speaks YAML 1.1, where `5.0e6` is a string; editors and Yams read it as a float (YAML 1.2)."""


# YAML 1.2 booleans are only true/false: in 1.1 the key `on` (criteria.lift.on) would load as True.
Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$"),
    list("-+0123456789."),
)

here = pathlib.Path(__file__).parent
schema = json.loads((here / "spec.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)  # raises if the schema itself is not valid 2020-12
validator = jsonschema.Draft202012Validator(schema)
verdicts = {}
for path in sorted(here.glob("*/*.yaml")):
    doc = yaml.load(path.read_text(), Loader=Yaml12Loader)
    errors = list(validator.iter_errors(doc))
    verdicts[f"{path.parent.name}/{path.name}"] = not errors
    print(f"{path.parent.name}/{path.name}: {'valid' if not errors else 'invalid: ' + errors[0].message[:100]}")
(here / "verdicts.json").write_text(json.dumps({"schema_is_valid": True, "examples": verdicts}, indent=2, sort_keys=True) + "\n")
