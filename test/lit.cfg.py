# -*- Python -*-
# lit configuration of Axon's regression tests (lit + FileCheck).

import os
import shutil

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "Axon"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.axon_obj_root, "test")
config.excludes = ["Inputs", "CMakeLists.txt", "README.txt", "lit.cfg.py",
                   "lit.site.cfg.py", "unit"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%axon_src", config.axon_src_root))
# The shared fixtures live beside the repository (../shared); tests that use
# them say `REQUIRES: shared` and fail loudly in CI when it is missing.
shared_dir = os.path.normpath(os.path.join(config.axon_src_root, "..", "shared"))
config.substitutions.append(("%shared", shared_dir))
config.substitutions.append(("%python", "/usr/bin/python3"))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()
# Debian's lit helpers find FileCheck through llvm_tools_dir; put it (and
# our tools) on PATH too so `not`, `count` and `split-file` always resolve.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.axon_tools_dir, append_path=True)

in_ci = os.environ.get("CI", "") not in ("", "0", "false")


def require(feature, available, why):
    if available:
        config.available_features.add(feature)
    elif in_ci:
        lit_config.fatal(f"'{feature}' is required in CI but missing: {why}")
    else:
        lit_config.warning(f"tests needing '{feature}' will be UNSUPPORTED: {why}")


require("shared", os.path.isdir(shared_dir), f"{shared_dir} not found")
for tool in ["iverilog", "verilator", "yosys", "yosys-abc"]:
    require(tool, shutil.which(tool) is not None, f"{tool} not on PATH")
require("python", os.path.exists("/usr/bin/python3"), "/usr/bin/python3 missing")

config.axon_tools_dir = config.axon_tools_dir
tool_dirs = [config.axon_tools_dir, config.llvm_tools_dir]
tools = ["axon-opt", "axon-translate", "axonc"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
