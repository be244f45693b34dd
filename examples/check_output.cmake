# examples/check_output.cmake: runs an example and checks its standard output (used by ctest).
#
#   cmake -DPROGRAM=<executable> -DEXPECTED_FILE=<file> [-DNAME=<test name>] [-DTIMEOUT=<s>]
#         -P check_output.cmake
#
# EXPECTED_FILE holds the expected strings, one per line (examples/CMakeLists.txt writes it from
# ctgrad_example(<name> EXPECT ...)). The check fails unless the program exits with 0 and each
# expected string is a line of its stdout, or the beginning of one. Strings are compared literally:
# the file and the output are searched with string(FIND), never split into CMake lists, so
# brackets, semicolons and backslashes in either are plain characters.

foreach(var PROGRAM EXPECTED_FILE)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_output.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED NAME)
  get_filename_component(NAME "${PROGRAM}" NAME)
endif()
if(NOT DEFINED TIMEOUT)
  set(TIMEOUT 280)
endif()

execute_process(COMMAND "${PROGRAM}"
                RESULT_VARIABLE result
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err
                TIMEOUT ${TIMEOUT})

# "\n" + output, "\r" removed: "\n<expected>" is then found exactly when <expected> begins a line.
string(REPLACE "\r" "" haystack "\n${out}")

file(READ "${EXPECTED_FILE}" expected)
set(missing "")
set(count 0)
while(NOT expected STREQUAL "")
  string(FIND "${expected}" "\n" eol)
  if(eol EQUAL -1)
    set(line "${expected}")
    set(expected "")
  else()
    string(SUBSTRING "${expected}" 0 ${eol} line)
    math(EXPR next "${eol} + 1")
    string(SUBSTRING "${expected}" ${next} -1 expected)
  endif()
  if(line STREQUAL "")
    continue()
  endif()
  math(EXPR count "${count} + 1")
  string(FIND "${haystack}" "\n${line}" at)
  if(at EQUAL -1)
    string(APPEND missing "  ${line}\n")
  endif()
endwhile()

set(problems "")
if(NOT "${result}" STREQUAL "0")
  string(APPEND problems "${NAME}: the program failed (exit status: ${result})\n")
endif()
if(NOT missing STREQUAL "")
  string(APPEND problems "${NAME}: these expected lines are missing from stdout:\n${missing}")
endif()

if(problems STREQUAL "")
  # On success ctest shows this with -V / --output-on-failure only.
  string(REGEX REPLACE "\n$" "" shown "${out}")
  message("${shown}")
  message("${NAME}: exit status 0, all ${count} expected lines found")
else()
  # The report goes out verbatim (message(FATAL_ERROR) would re-wrap its lines as paragraphs),
  # then a short error sets the exit status.
  set(report "${problems}--- stdout of ${PROGRAM} ---\n${out}")
  if(NOT err STREQUAL "")
    string(APPEND report "--- stderr ---\n${err}")
  endif()
  string(REGEX REPLACE "\n$" "" report "${report}")
  message("${report}")
  message(FATAL_ERROR "${NAME}: FAILED (see above)")
endif()
