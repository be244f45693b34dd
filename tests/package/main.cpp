// Consumer of an installed ctgrad: find_package(ctgrad) and ctgrad::ctgrad must be all it needs.
#include <ctgrad/ctgrad.hpp>

#include <cstdio>

static_assert(CTGRAD_VERSION_MAJOR >= 0);
static_assert(CTGRAD_VERSION_MAJOR == CTGRAD_EXPECTED_VERSION_MAJOR &&
                  CTGRAD_VERSION_MINOR == CTGRAD_EXPECTED_VERSION_MINOR &&
                  CTGRAD_VERSION_PATCH == CTGRAD_EXPECTED_VERSION_PATCH,
              "include/ctgrad/config.hpp and project(ctgrad VERSION ...) disagree");

int main() {
  std::printf("ctgrad %d.%d.%d found and usable\n", CTGRAD_VERSION_MAJOR, CTGRAD_VERSION_MINOR,
              CTGRAD_VERSION_PATCH);
  return 0;
}
