#!/bin/bash
# Test stand-in for shared/pdk/area.sh: prints a fixed area without running
# yosys, for tests that check Axon's own outputs (determinism) and would
# otherwise spend most of their time in synthesis.  Real synthesis is tested
# by compile-breast-cancer.test and compile-seeds.test.
echo "area_um2: 1000000"
echo "cells_total: 4"
