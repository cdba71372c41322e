#!/bin/bash
# SPDX-License-Identifier: MIT
# Builds the release binaries of both architectures (presets release-x64 and
# release-x86) and, with cpack, the packages of this version:
#   build/packages/olkhelper-VERSION-x64.msi, olkhelper-VERSION-x86.msi and
#   olkhelper-VERSION.zip
# tools/run.sh package runs it after installing what is missing.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
for arch in x64 x86; do
  echo "== release build ($arch)"
  cmake --preset "release-$arch" >/dev/null
  cmake --build --preset "release-$arch"
done
echo "== packages (cpack)"
rm -rf build/packages
cpack --preset release
# The External generator also writes a description of the staged files for
# its script; it is no package.
rm -rf build/packages/_CPack_Packages build/packages/olkhelper-*.json
ls -l build/packages
