# SPDX-License-Identifier: GPL-2.0
# `make install` and `make uninstall`: the static binary and its man page.
# Included by the top-level Makefile.
#
#	make install                          /usr/local/bin, /usr/local/share/man/man1
#	make install PREFIX=/usr DESTDIR=pkg  staged under pkg/ for a package
#
# PREFIX is where the files will live when installed; DESTDIR, when set, is
# a staging root prepended to every path (the usual packaging convention).

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
INSTALL ?= install

.PHONY: install uninstall

install: bpfconform man/bpfconform.1
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 0755 bpfconform $(DESTDIR)$(BINDIR)/bpfconform
	$(INSTALL) -m 0644 man/bpfconform.1 $(DESTDIR)$(MANDIR)/man1/bpfconform.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/bpfconform $(DESTDIR)$(MANDIR)/man1/bpfconform.1
