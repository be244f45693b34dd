// Umbrella header: everything a user needs (<ctgrad/core.hpp> and the xtensor views of results,
// <ctgrad/xtensor.hpp>). The library itself never includes it.
#ifndef CTGRAD_CTGRAD_HPP
#define CTGRAD_CTGRAD_HPP

#include <ctgrad/core.hpp>
#include <ctgrad/xtensor.hpp>

#endif
