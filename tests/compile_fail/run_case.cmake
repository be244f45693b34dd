# run_case.cmake: compiles one twin of a compile-fail pair (see CMakeLists.txt here). Run by ctest:
#   cmake -D MODE=direct|build -D TARGET=<name>_ok|<name>_ko -D TWIN=ok|ko -D BUILD_DIR=<tree>
#         -D CONFIG=<config> -D KO_COMPILED_MARKER=<text> -P run_case.cmake
# The compiler's output passes through unchanged (ctest matches the ko regex against it); this
# script prints nothing that names the case, so it cannot satisfy a regex by itself.
cmake_minimum_required(VERSION 3.20)

foreach(var IN ITEMS MODE TARGET TWIN BUILD_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_case.cmake: -D ${var}=... is required")
  endif()
endforeach()

if(MODE STREQUAL "build")
  # Fallback for generators without compile_commands.json; the test holds a RESOURCE_LOCK.
  set(config_args "")
  if(CONFIG)
    set(config_args --config "${CONFIG}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}" ${config_args}
                  RESULT_VARIABLE rc)
  set(shown_command "cmake --build ${BUILD_DIR} --target ${TARGET}")
else()
  # Find this target's entry in compile_commands.json. CMake writes one JSON object per source,
  # `{` and `}` alone on their lines, and places the object file under CMakeFiles/<target>.dir/,
  # which is unique per target. Cut that entry out and parse only it (parsing the whole database
  # with string(JSON) for every test would be quadratic).
  set(db_file "${BUILD_DIR}/compile_commands.json")
  if(NOT EXISTS "${db_file}")
    message(FATAL_ERROR "run_case.cmake: ${db_file} does not exist; build the tree first")
  endif()
  file(READ "${db_file}" db)
  string(FIND "${db}" "CMakeFiles/${TARGET}.dir/" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "run_case.cmake: no compile command for target ${TARGET} in ${db_file}; "
                        "re-run the build (cmake --build) so CMake regenerates it")
  endif()
  string(SUBSTRING "${db}" 0 ${at} before)
  string(FIND "${before}" "\n{" begin REVERSE)
  string(SUBSTRING "${db}" ${begin} -1 rest)
  string(FIND "${rest}" "\n}" length)
  math(EXPR length "${length} + 2")
  string(SUBSTRING "${rest}" 0 ${length} entry)
  string(JSON command GET "${entry}" command)
  string(JSON directory GET "${entry}" directory)
  separate_arguments(argv UNIX_COMMAND "${command}")
  # CMake creates object directories at generate time; make sure anyway, so a missing one can
  # never look like a compile error.
  list(FIND argv "-o" o_at)
  if(o_at GREATER -1)
    math(EXPR o_at "${o_at} + 1")
    list(GET argv ${o_at} object)
    get_filename_component(object_dir "${object}" DIRECTORY)
    if(NOT IS_ABSOLUTE "${object_dir}")
      set(object_dir "${directory}/${object_dir}")
    endif()
    file(MAKE_DIRECTORY "${object_dir}")
  endif()
  execute_process(COMMAND ${argv} WORKING_DIRECTORY "${directory}" RESULT_VARIABLE rc)
  set(shown_command "${command}")
endif()

if(TWIN STREQUAL "ok")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "compile-fail harness: the good twin must compile but failed (${rc}):\n"
                        "  ${shown_command}")
  endif()
else()
  # A failed compile prints nothing more: only the compiler's words can satisfy the regex.
  if(rc EQUAL 0)
    # Fails the test through FAIL_REGULAR_EXPRESSION, whatever the PASS_REGULAR_EXPRESSION says.
    message("${KO_COMPILED_MARKER}:\n  ${shown_command}")
  endif()
endif()
