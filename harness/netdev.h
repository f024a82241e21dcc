/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Network devices for attach cases, through rtnetlink, libc only: create
 * a device of a given kind ("netkit", "veth", ...) in the caller's network
 * namespace (cases use NEEDS(NETNS), so it goes with the namespace).
 * Returns -errno, never skips: a kernel without the kind says EOPNOTSUPP
 * through netlink, and the case's NEEDS should have excluded that kernel.
 */
#ifndef BPFCONFORM_NETDEV_H
#define BPFCONFORM_NETDEV_H

/* Create device 'name' of 'kind' (no kind-specific attributes: the
 * kind's defaults, e.g. an auto-named peer).  Its ifindex, or -errno. */
int netdev_create(const char *name, const char *kind);

/* Delete device 'name' (for a veth, its peer goes with it); 0 or -errno. */
int netdev_delete(const char *name);

#endif
