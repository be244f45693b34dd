# tools/deps.sh: sourced by examples/run.sh and tests/run.sh (POSIX sh).
# ctgrad_install_packages PKG...: installs those of the Debian packages that are missing, as root
# or through sudo; does nothing (not even apt-get update) when all are installed.

ctgrad_install_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "note: not a Debian system; not installing $*; CMake will say what is missing" >&2
    return 0
  fi
  missing=""
  for pkg in "$@"; do
    # dpkg -s also succeeds for removed packages whose config files remain; ask for the status.
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
      missing="$missing $pkg"
    fi
  done
  [ -z "$missing" ] && return 0

  if [ "$(id -u)" -eq 0 ]; then
    as_root=""
  elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
  else
    echo "error: missing Debian packages:$missing (run as root or install sudo)" >&2
    return 1
  fi
  echo "Installing missing Debian packages:$missing"
  # shellcheck disable=SC2086  # word splitting of $as_root and $missing is intended
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    $as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends $missing
}

# ctgrad_generator: Ninja when available, else Makefiles.
ctgrad_generator() {
  if command -v ninja >/dev/null 2>&1; then echo "Ninja"; else echo "Unix Makefiles"; fi
}
