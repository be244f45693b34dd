# run.cmake: the package.consumer test. Installs the ctgrad build tree into PREFIX, then
# configures, builds and runs tests/package against that prefix with the same compiler/generator.
#   cmake -D BUILD_DIR=... -D PREFIX=... -D CONSUMER_SOURCE_DIR=... -D CONSUMER_BINARY_DIR=...
#         -D GENERATOR=... -D MAKE_PROGRAM=... -D CXX_COMPILER=... -D CONFIG=... -P run.cmake
cmake_minimum_required(VERSION 3.20)

function(step what)
  message(STATUS "package.consumer: ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "package.consumer: '${what}' failed (${rc})")
  endif()
endfunction()

# Fresh prefix and consumer tree every time: a stale header or cache must not hide a problem.
file(REMOVE_RECURSE "${PREFIX}" "${CONSUMER_BINARY_DIR}")

set(config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
step("install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args})

set(configure_args
  -S "${CONSUMER_SOURCE_DIR}" -B "${CONSUMER_BINARY_DIR}" -G "${GENERATOR}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_PREFIX_PATH=${PREFIX}"
  # Only the prefix may provide ctgrad: not the user package registry, not a system install.
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  "-Dctgrad_ROOT=${PREFIX}")
if(MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(CONFIG)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
step("configure" "${CMAKE_COMMAND}" ${configure_args})

# The package must come from the prefix we just installed.
file(STRINGS "${CONSUMER_BINARY_DIR}/CMakeCache.txt" found REGEX "^ctgrad_DIR:")
string(REGEX REPLACE "^ctgrad_DIR:[A-Z]+=" "" found "${found}")
file(REAL_PATH "${PREFIX}" real_prefix)
file(REAL_PATH "${found}" real_found)
string(FIND "${real_found}" "${real_prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "package.consumer: ctgrad was found in '${found}', not under '${PREFIX}'")
endif()

step("build" "${CMAKE_COMMAND}" --build "${CONSUMER_BINARY_DIR}" ${config_args})

set(exe "${CONSUMER_BINARY_DIR}/consumer")
if(CONFIG AND EXISTS "${CONSUMER_BINARY_DIR}/${CONFIG}/consumer")
  set(exe "${CONSUMER_BINARY_DIR}/${CONFIG}/consumer")
endif()
step("run" "${exe}")
