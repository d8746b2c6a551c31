# Source this file: exports JAVA_HOME pointing at a JDK >= 21 (Helidon 4 needs 21+), or fails with a clear message.
# Order: an already-set JAVA_HOME, the `java` on PATH, then JDKs installed under /usr/lib/jvm (Debian/Temurin layout).
# shellcheck shell=bash

_jdk_major() { # prints the major version of the JDK at $1 (a JAVA_HOME), or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

_select_jdk() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in /usr/lib/jvm/*; do candidates+=("$candidate"); done
  for candidate in "${candidates[@]}"; do
    major=$(_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      echo "Using JDK $major at $JAVA_HOME"
      return 0
    fi
  done
  echo "ERROR: MathSketch needs a JDK 21 or newer (Helidon 4). None found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "       Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
  return 1
}

_select_jdk
