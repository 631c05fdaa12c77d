#!/usr/bin/env bash
# Prints the home folder of a JDK >= $1 (default 21), or fails with a message that says what to install.
# Looks at JAVA_HOME, the java on PATH, then the standard JDK folders (Linux packages, SDKMAN, IntelliJ,
# Gradle, macOS, /opt). Among the folders it prefers the newest JDK.
set -u
min="${1:-21}"

jdk_version() { # prints the feature version of the JDK at $1, or nothing
  local home="$1" v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9.]*\).*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1)
  fi
  v="${v#1.}"            # 1.8 -> 8
  echo "${v%%.*}"
}

ok() { # $1 = candidate home; succeeds if it is a JDK >= min
  local v
  v=$(jdk_version "$1")
  [ -n "$v" ] && [ "$v" -ge "$min" ] 2>/dev/null && [ -x "$1/bin/javac" ]
}

if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
if command -v java >/dev/null 2>&1; then
  j=$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)
  home=$(dirname "$(dirname "$j")")
  if ok "$home"; then echo "$home"; exit 0; fi
fi
best="" bestv=0
for home in /usr/lib/jvm/* /usr/java/* /usr/local/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
            "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.gradle/jdks/* "$HOME"/.local/share/jdks/* \
            /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$home" ] || continue
  [ -L "$home" ] && continue
  v=$(jdk_version "$home")
  if [ -n "$v" ] && [ "$v" -ge "$min" ] 2>/dev/null && [ -x "$home/bin/javac" ] && [ "$v" -gt "$bestv" ]; then
    best="$home" bestv="$v"
  fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi
echo "wiretrace needs a JDK $min or newer and found none (checked JAVA_HOME, PATH, /usr/lib/jvm, ~/.sdkman, ~/.jdks, /Library/Java)." >&2
echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or point JAVA_HOME at it." >&2
exit 1
