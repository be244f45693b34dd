// The Catch2 main shared by the unit and seed test executables (built once as ctgrad_catch_main).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
