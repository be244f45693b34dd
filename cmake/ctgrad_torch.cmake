# ctgrad_find_torch(): finds Debian's libtorch (libtorch-dev) for the benchmark and the agreement
# tests, and sets CTGRAD_TORCH_USABLE when it is found and its headers compile as C++20 with this
# compiler (libtorch 1.13's do not with clang 14: "arithmetic on a pointer to an incomplete type
# 'c10::IValue'"). The header check is cached (CTGRAD_TORCH_HEADERS_COMPILE). A macro, not a
# function: Torch's imported targets and TORCH_LIBRARIES belong to the calling directory, and each
# directory that links libtorch calls it.
macro(ctgrad_find_torch)
  find_package(Torch QUIET)
  set(CTGRAD_TORCH_USABLE OFF)
  if(Torch_FOUND OR TORCH_FOUND)
    include(CheckCXXSourceCompiles)
    set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)  # compile only
    set(CMAKE_REQUIRED_INCLUDES ${TORCH_INCLUDE_DIRS})
    set(CMAKE_REQUIRED_FLAGS "${CMAKE_CXX20_STANDARD_COMPILE_OPTION} ${TORCH_CXX_FLAGS}")
    set(CMAKE_REQUIRED_QUIET ON)
    check_cxx_source_compiles([[
#include <torch/nn/functional/loss.h>
#include <torch/optim/sgd.h>
int main() { return 0; }
]] CTGRAD_TORCH_HEADERS_COMPILE)
    unset(CMAKE_TRY_COMPILE_TARGET_TYPE)
    unset(CMAKE_REQUIRED_INCLUDES)
    unset(CMAKE_REQUIRED_FLAGS)
    unset(CMAKE_REQUIRED_QUIET)
    if(CTGRAD_TORCH_HEADERS_COMPILE)
      set(CTGRAD_TORCH_USABLE ON)
    endif()
  endif()
endmacro()
