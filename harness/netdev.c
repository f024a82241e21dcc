// SPDX-License-Identifier: GPL-2.0
/* rtnetlink RTM_NEWLINK for cases that need a device of their own. */
#include <errno.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netdev.h"

unsigned int if_nametoindex(const char *ifname);

struct nl_req {
	struct nlmsghdr nh;
	struct ifinfomsg ifi;
	char attrs[256];
};

static struct rtattr *add_attr(struct nl_req *req, unsigned short type, const void *data,
			       unsigned short len)
{
	struct rtattr *rta = (struct rtattr *)((char *)req + NLMSG_ALIGN(req->nh.nlmsg_len));

	rta->rta_type = type;
	rta->rta_len = (unsigned short)RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(rta), data, len);
	req->nh.nlmsg_len = NLMSG_ALIGN(req->nh.nlmsg_len) + RTA_ALIGN(rta->rta_len);
	return rta;
}

/* Send 'req' on a fresh rtnetlink socket and read its ack: 0 or -errno. */
static int talk(struct nl_req *req)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	char buf[1024];
	int s, ret;
	ssize_t n;

	s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (s < 0)
		return -errno;
	if (sendto(s, req, req->nh.nlmsg_len, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		ret = -errno;
		close(s);
		return ret;
	}
	n = recv(s, buf, sizeof(buf), 0);
	ret = n < 0 ? -errno : -EPROTO;
	if (n >= (ssize_t)NLMSG_LENGTH(sizeof(struct nlmsgerr))) {
		struct nlmsghdr *nh = (struct nlmsghdr *)buf;

		if (nh->nlmsg_type == NLMSG_ERROR)
			ret = ((struct nlmsgerr *)NLMSG_DATA(nh))->error;
	}
	close(s);
	return ret;
}

static void start(struct nl_req *req, unsigned short type, unsigned short flags)
{
	memset(req, 0, sizeof(*req));
	req->nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	req->nh.nlmsg_type = type;
	req->nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	req->nh.nlmsg_seq = 1;
	req->ifi.ifi_family = AF_UNSPEC;
}

int netdev_delete(const char *name)
{
	struct nl_req req;

	start(&req, RTM_DELLINK, 0);
	add_attr(&req, IFLA_IFNAME, name, (unsigned short)(strlen(name) + 1));
	return talk(&req);
}

int netdev_create(const char *name, const char *kind)
{
	struct nl_req req;
	struct rtattr *info;
	int ret;

	start(&req, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
	add_attr(&req, IFLA_IFNAME, name, (unsigned short)(strlen(name) + 1));
	info = add_attr(&req, IFLA_LINKINFO, NULL, 0);
	add_attr(&req, IFLA_INFO_KIND, kind, (unsigned short)strlen(kind));
	info->rta_len = (unsigned short)((char *)&req + req.nh.nlmsg_len - (char *)info);
	ret = talk(&req);
	if (ret)
		return ret;
	ret = (int)if_nametoindex(name);
	return ret > 0 ? ret : -errno;
}
