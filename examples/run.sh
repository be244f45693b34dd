#!/bin/sh
# examples/run.sh: installs what is missing (Debian 12), builds the demo in build/demo and runs it.
# Usage, from anywhere: sh examples/run.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tools/deps.sh"

ctgrad_install_packages cmake ninja-build g++ libboost-dev libxtensor-dev catch2 libbenchmark-dev

if [ ! -f "$root/examples/demo.cpp" ]; then
  echo "error: examples/demo.cpp does not exist (yet)" >&2
  exit 1
fi

build="$root/build/demo"
cmake -S "$root" -B "$build" -G "$(ctgrad_generator)" \
  -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
  -DCTGRAD_BUILD_TESTS=OFF -DCTGRAD_BUILD_BENCHMARKS=OFF -DCTGRAD_BUILD_EXAMPLES=ON
cmake --build "$build" --target demo -j "${CTGRAD_JOBS:-2}"
echo "== running build/demo/examples/demo"
exec "$build/examples/demo"
