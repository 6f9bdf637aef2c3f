#!/usr/bin/env python3
"""Prints template.yaml as AWS SAM transforms it: the CloudFormation that `sam deploy` would
create, as JSON on stdout. Offline: aws-sam-translator (it comes with cfn-lint) runs here and
nothing calls AWS.

    python3 infra/sam/transform.py [template.yaml] [Parameter=value ...]

CodeUri paths become placeholder S3 locations (the translator accepts only S3 ones; `sam
deploy` uploads the zips and does the same). Parameters take their defaults unless given.
"""
import json
import os
import sys

try:
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.translator import Translator
    from samtranslator.yaml_helper import yaml_parse
except ImportError:
    sys.exit("infra/sam/transform.py needs aws-sam-translator for this python "
             "(pip install cfn-lint installs it)")


def main(argv):
    path = argv[0] if argv and "=" not in argv[0] else "template.yaml"
    overrides = dict(arg.split("=", 1) for arg in argv if "=" in arg)
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    for name, resource in template.get("Resources", {}).items():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://placeholder-bucket/" + name + ".zip"
    parameters = {name: spec["Default"] for name, spec in template.get("Parameters", {}).items() if "Default" in spec}
    parameters.update(overrides)
    # The translator names ARNs after the region it thinks it is in; none is called.
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    try:
        transformed = Translator(managed_policy_map={}, sam_parser=Parser()).translate(
            sam_template=template, parameter_values=parameters)
    except InvalidDocumentException as e:
        sys.exit("SAM rejects " + path + ":\n" + "\n".join("  " + cause.message for cause in e.causes))
    json.dump(transformed, sys.stdout, indent=1, sort_keys=True, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
