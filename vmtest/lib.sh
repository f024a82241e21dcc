# SPDX-License-Identifier: GPL-2.0
# Shared helpers for vmtest, fetch-kernel and mkinitramfs (bash, sourced).
#
# Nothing here names a package mirror: the mirror URIs come from the
# system's own apt sources at run time (see apt_uris), and all apt state
# lives in a private directory under the cache (see apt_private).

VMTEST_DIR=${VMTEST_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
BPFCONFORM_CACHE=${BPFCONFORM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bpfconform}
PROG=${PROG:-$(basename "$0")}

die() { echo "$PROG: $*" >&2; exit 1; }
note() { [ -n "${QUIET:-}" ] || echo "$PROG: $*" >&2; }

# need_cmd CMD PACKAGE: make CMD available, installing PACKAGE with apt-get
# when it is missing (the project installs what it needs; CI machines start
# bare).  Fails with one line when it cannot.
need_cmd() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" != 0 ]; then
		die "$1 is missing and only root can install $2 (apt-get install $2)"
	fi
	note "installing $2 (for $1)"
	if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1 ||
	       { apt-get update -q >/dev/null 2>&1 &&
		 DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1; }; }; then
		die "$1 is missing and 'apt-get install $2' failed"
	fi
	command -v "$1" >/dev/null 2>&1 || die "$1 is still missing after installing $2"
}

# The mirror URIs of the system's apt sources, one "KIND URI" per line:
# KIND is "main" for an entry carrying a release suite (bookworm, sid, ...)
# and "security" for one carrying a *-security suite.  Both deb822
# (*.sources) and one-line (*.list, sources.list) files are read.  The
# environment can override: BPFCONFORM_APT_MIRROR, BPFCONFORM_APT_SECURITY.
apt_uris() {
	if [ -n "${BPFCONFORM_APT_MIRROR:-}" ]; then
		echo "main $BPFCONFORM_APT_MIRROR"
		[ -z "${BPFCONFORM_APT_SECURITY:-}" ] || echo "security $BPFCONFORM_APT_SECURITY"
		return
	fi
	{
		for f in /etc/apt/sources.list.d/*.sources; do
			[ -r "$f" ] || continue
			# deb822: paragraphs separated by blank lines.
			awk 'function flush() {
				if (types ~ /(^| )deb( |$)/ && enabled != "no")
					for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++)
						print suite[j], uri[i];
				types = ""; nu = ns = 0; enabled = "";
			}
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			tolower($1) == "types:" { types = ""; for (i = 2; i <= NF; i++) types = types " " $i; types = types " " }
			tolower($1) == "uris:" { for (i = 2; i <= NF; i++) uri[++nu] = $i }
			tolower($1) == "suites:" { for (i = 2; i <= NF; i++) suite[++ns] = $i }
			tolower($1) == "enabled:" { enabled = tolower($2) }
			END { flush() }' "$f"
		done
		for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
			[ -r "$f" ] || continue
			# deb [options] URI SUITE COMPONENTS...
			awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
				print $(i + 1), $i }' "$f"
		done
	} | awk '$1 ~ /-security$/ { if (!sec) { print "security", $2; sec = 1 } next }
		$1 ~ /^[a-z]+$/ { if (!main) { print "main", $2; main = 1 } }'
}

# apt_private DIST: set APT_OPTS to a private apt configuration for DIST
# (bullseye, bookworm, sid, ...) under the cache, writing its sources list,
# and hold its lock on fd 9 until the caller exits.
# The release suite, its -updates and its -security suite are listed (the
# newest 6.1 and 6.12 of bookworm live in bookworm-security).
apt_private() {
	local dist=$1 d="$BPFCONFORM_CACHE/apt/$1" main sec keyring
	main=$(apt_uris | awk '$1 == "main" { print $2 }')
	sec=$(apt_uris | awk '$1 == "security" { print $2 }')
	[ -n "$main" ] || die "no Debian mirror found in the system's apt sources (set BPFCONFORM_APT_MIRROR)"
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$d/sources.list.d" \
		"$d/preferences.d" "$d/downloads"
	# One fetch per distribution at a time (6.1 and 6.12 share bookworm).
	exec 9>"$d/fetch.lock"
	flock 9
	keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	[ -r "$keyring" ] || need_cmd gpgv debian-archive-keyring
	{
		echo "deb [signed-by=$keyring] $main $dist main"
		if [ "$dist" != sid ] && [ "$dist" != unstable ]; then
			echo "deb [signed-by=$keyring] $main $dist-updates main"
			[ -z "$sec" ] || echo "deb [signed-by=$keyring] $sec $dist-security main"
		fi
	} >"$d/sources.list.new"
	mv "$d/sources.list.new" "$d/sources.list"
	APT_DIR=$d
	APT_OPTS=(-o "Dir::Etc::SourceList=$d/sources.list"
		-o "Dir::Etc::SourceParts=$d/sources.list.d"
		-o "Dir::Etc::Preferences=$d/preferences"
		-o "Dir::Etc::PreferencesParts=$d/preferences.d"
		-o "Dir::State::Lists=$d/lists"
		-o "Dir::State::status=$d/status"
		-o "Dir::Cache=$d/cache"
		-o "Acquire::Languages=none"
		-o "APT::Architecture=amd64" -o "APT::Architectures=amd64"
		-o "APT::Get::List-Cleanup=true" -q)
	: >>"$d/status"
	# As root apt downloads as _apt, which cannot write our directories.
	[ "$(id -u)" != 0 ] || APT_OPTS+=(-o "APT::Sandbox::User=root")
}

# is_elf FILE, has_bzimage_magic FILE
is_elf() { [ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' ')" = '177ELF' ]; }
has_bzimage_magic() { [ "$(dd if="$1" bs=1 skip=514 count=4 2>/dev/null)" = HdrS ]; }

# has_pvh_note ELF: the vmlinux carries XEN_ELFNOTE_PHYS32_ENTRY (type 18 in
# a "Xen" note), which QEMU uses to boot it directly.
has_pvh_note() {
	LC_ALL=C grep -qaP '\x04\x00\x00\x00[\x04\x08]\x00\x00\x00\x12\x00\x00\x00Xen\x00' "$1"
}

# extract_vmlinux BZIMAGE OUT: find the compressed payload inside a bzImage
# (zstd, lz4, xz, gzip, bzip2, lzma, as scripts/extract-vmlinux does) and
# write the ELF.  Returns 1 when none decompresses to an ELF.
extract_vmlinux() {
	local img=$1 out=$2 magic tool pos
	for pair in '\x28\xb5\x2f\xfd:zstd -dcq' '\x02\x21\x4c\x18:lz4 -dcq' \
		    '\xfd\x37\x7a\x58\x5a\x00:xz -dcq' '\x1f\x8b\x08:gzip -dcq' \
		    'BZh:bzip2 -dcq' '\x5d\x00\x00\x00:xz -F lzma -dcq'; do
		magic=${pair%%:*} tool=${pair#*:}
		for pos in $(LC_ALL=C grep -obUaP "$magic" "$img" 2>/dev/null | cut -d: -f1 | head -8); do
			case $tool in
			zstd*) need_cmd zstd zstd ;;
			lz4*) need_cmd lz4 lz4 ;;
			xz*) need_cmd xz xz-utils ;;
			bzip2*) need_cmd bzip2 bzip2 ;;
			esac
			tail -c +$((pos + 1)) "$img" | $tool >"$out.tmp" 2>/dev/null
			if is_elf "$out.tmp"; then
				mv "$out.tmp" "$out"
				return 0
			fi
		done
	done
	rm -f "$out.tmp"
	return 1
}

# decompress_module SRC DEST: a .ko, .ko.xz, .ko.zst or .ko.gz to a plain
# .ko.  Modules go into the initramfs uncompressed: every kernel loads
# those, while MODULE_INIT_COMPRESSED_FILE needs 5.17+ and
# CONFIG_MODULE_DECOMPRESS with the right algorithm.
decompress_module() {
	case $1 in
	*.ko) cp "$1" "$2" ;;
	*.ko.xz) need_cmd xz xz-utils; xz -dc "$1" >"$2" ;;
	*.ko.zst) need_cmd zstd zstd; zstd -dcq "$1" >"$2" ;;
	*.ko.gz) gzip -dc "$1" >"$2" ;;
	*) return 1 ;;
	esac
}

# module_depends KO: the module names a plain .ko depends on (from .modinfo).
module_depends() {
	tr '\0' '\n' <"$1" | sed -n 's/^depends=//p' | head -1 | tr ',' ' '
}

# collect_modules TREE DEST NAME...: copy the named modules and what they
# depend on from a modules tree (the directory holding kernel/) into DEST,
# uncompressed, and write DEST/modules.load in load order (dependencies
# first).  A module that is built in or absent is noted in
# DEST/modules.missing; it is not an error (cases decide what they need).
collect_modules() {
	local tree=$1 dest=$2 index
	shift 2
	mkdir -p "$dest"
	: >"$dest/modules.load"
	: >"$dest/modules.missing"
	index=$(mktemp)
	# name<TAB>path, with '-' and '_' both spelled '_' as modprobe does.
	find "$tree" -name '*.ko' -o -name '*.ko.*' | while read -r p; do
		n=${p##*/}; n=${n%%.ko*}; echo "${n//-/_}	$p"
	done >"$index"
	_collect_one() {
		local name=${1//-/_} path dep
		grep -qx "$name" "$dest/modules.load.names" 2>/dev/null && return 0
		path=$(awk -F'\t' -v n="$name" '$1 == n { print $2; exit }' "$index")
		if [ -z "$path" ]; then
			if grep -q "/$name.ko\$\|/${name//_/-}.ko\$" "$tree/modules.builtin" 2>/dev/null; then
				echo "$name built-in" >>"$dest/modules.missing"
			else
				echo "$name absent" >>"$dest/modules.missing"
			fi
			return 0
		fi
		echo "$name" >>"$dest/modules.load.names"
		decompress_module "$path" "$dest/$name.ko" || die "cannot decompress $path"
		for dep in $(module_depends "$dest/$name.ko"); do
			_collect_one "$dep"
		done
		echo "$name.ko" >>"$dest/modules.load"
	}
	for m in "$@"; do
		_collect_one "$m"
	done
	rm -f "$index" "$dest/modules.load.names"
}

# The modules the cases need, one name a line in modules.list.
wanted_modules() {
	sed 's/#.*//' "$VMTEST_DIR/modules.list" | tr -s ' \t\n' ' '
}
