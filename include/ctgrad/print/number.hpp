// format_number: the shortest decimal spelling of a constant in printed formulas.
#ifndef CTGRAD_PRINT_NUMBER_HPP
#define CTGRAD_PRINT_NUMBER_HPP

#include <cstdio>
#include <string>

namespace ctgrad {

/// Prints 2 as "2" and 0.5 as "0.5": the fewest significant digits (up to 17) that round-trip.
inline std::string format_number(double v) {
  char buf[32];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    double back = 0;
    std::sscanf(buf, "%lf", &back);
    if (back == v) break;
  }
  return buf;
}

}  // namespace ctgrad

#endif
