# -*- Python -*-
# lit configuration that runs every GoogleTest binary (build/test/unit/bin/
# *Tests) as part of check-axon.

import os

import lit.formats

config.name = "Axon-Unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.axon_obj_root, "test", "unit", "bin")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
