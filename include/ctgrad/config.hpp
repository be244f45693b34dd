// Version macros and library-wide switches.
#ifndef CTGRAD_CONFIG_HPP
#define CTGRAD_CONFIG_HPP

#define CTGRAD_VERSION_MAJOR 0
#define CTGRAD_VERSION_MINOR 1
#define CTGRAD_VERSION_PATCH 0

/// Largest number of inputs any op takes; bounds the per-node input table of the IR.
#ifndef CTGRAD_MAX_ARITY
#define CTGRAD_MAX_ARITY 3
#endif

#endif
