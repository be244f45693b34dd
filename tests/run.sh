#!/bin/sh
# tests/run.sh: installs what is missing (Debian 12), then builds and tests ctgrad twice:
#   build/gcc    g++      -O1, assertions on
#   build/clang  clang++  -O1, ASan + UBSan (CTGRAD_SANITIZE=ON)
# Usage, from anywhere: sh tests/run.sh        (CTGRAD_JOBS=<n> to change the -j2 default)
# Exit status 0 only if both trees configure, build and pass all their tests.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tools/deps.sh"

ctgrad_install_packages cmake ninja-build g++ clang libclang-rt-dev \
  libboost-dev libxtensor-dev catch2 libbenchmark-dev || exit 1

jobs=${CTGRAD_JOBS:-2}
generator=$(ctgrad_generator)
# Keep-going flag of the build tool: build everything that can be built, then let ctest report.
case "$generator" in
  Ninja) keep_going="-k 0" ;;
  *) keep_going="-k" ;;
esac
# Sanitizer reports: stack traces for UBSan too; halting is already -fno-sanitize-recover=all.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export UBSAN_OPTIONS
# clang 14's ASan runtime crashes at start-up ("AddressSanitizer:DEADLYSIGNAL" in a loop) on kernels
# with vm.mmap_rnd_bits > 28 (fixed in LLVM 18); the host must lower it: sysctl vm.mmap_rnd_bits=28.
if [ "$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 0)" -gt 28 ]; then
  echo "warning: vm.mmap_rnd_bits > 28: the clang ASan tests will crash; run sysctl vm.mmap_rnd_bits=28" >&2
fi

summary=""
failed=0

# run_tree <name> <c++ compiler> <description> <cmake args...>
run_tree() {
  name=$1 cxx=$2 what=$3
  shift 3
  dir="$root/build/$name"
  start=$(date +%s)
  result=""
  echo
  echo "==== $name: configure ($what)"
  if ! cmake -S "$root" -B "$dir" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" "$@"; then
    result="configure FAILED"
  else
    echo "==== $name: build"
    # shellcheck disable=SC2086  # $keep_going is one or two words
    if cmake --build "$dir" -j "$jobs" -- $keep_going; then
      build="build ok"
    else
      build="build FAILED"
    fi
    echo "==== $name: test"
    # POSIX sh has no pipefail: keep ctest's exit status in a file, its output in a log.
    { ctest --test-dir "$dir" --output-on-failure -j "$jobs" --no-tests=error
      echo $? >"$dir/ctest.status"; } 2>&1 | tee "$dir/ctest.log"
    tests=$(grep -E "tests passed, [0-9]+ tests? failed out of" "$dir/ctest.log" | tail -n 1)
    [ -n "$tests" ] || tests="ctest found no tests"
    if [ "$build" = "build ok" ] && [ "$(cat "$dir/ctest.status")" = "0" ]; then
      result="PASSED: $build, $tests"
    else
      result="FAILED: $build, $tests"
    fi
  fi
  case "$result" in PASSED*) ;; *) failed=1 ;; esac
  version=$("$cxx" -dumpfullversion -dumpversion 2>/dev/null || echo "?")
  summary="$summary
== $cxx $version ($what, build/$name): $result [$(($(date +%s) - start)) s]"
}

run_tree gcc g++ "-O1" \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O1 -DCTGRAD_SANITIZE=OFF
run_tree clang clang++ "-O1, ASan+UBSan" \
  -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DCTGRAD_SANITIZE=ON

echo
echo "==== ctgrad test summary$summary"
if [ "$failed" -ne 0 ]; then
  echo "== ctgrad tests FAILED"
  exit 1
fi
echo "== ctgrad tests PASSED"
