#!/bin/sh
# Install what `make check` needs on a fresh Debian machine, only if missing.
set -eu
need=""
command -v gcc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
[ -e /usr/lib/x86_64-linux-gnu/libc.a ] || need="$need libc6-dev"
# The project's own tests read JSON with python3 (the suite itself does not).
command -v python3 >/dev/null 2>&1 || need="$need python3"
if [ -n "$need" ]; then
	echo "install-deps: installing$need"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
