package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
	"syscall"
)

// refused lists the networks no fetch may reach unless allowed. Go's
// netip.Addr predicates cover loopback, private (RFC 1918 and fc00::/7),
// link-local, multicast and unspecified; these are the rest.
var refused = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),          // "this network"; 0.0.0.0 reaches localhost on Linux
	netip.MustParsePrefix("100.64.0.0/10"),      // CGNAT, often the provider's own network
	netip.MustParsePrefix("192.0.0.0/24"),       // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),      // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),        // reserved, and 255.255.255.255 broadcast
	netip.MustParsePrefix("::ffff:0:0/96"),      // IPv4-mapped: would hide any IPv4 address
	netip.MustParsePrefix("64:ff9b::/96"),       // NAT64: likewise
	netip.MustParsePrefix("64:ff9b:1::/48"),     // local-use NAT64
	netip.MustParsePrefix("2002::/16"),          // 6to4: embeds an IPv4 address
	netip.MustParsePrefix("::/128"),             // unspecified
	netip.MustParsePrefix("fc00::/7"),           // unique local
	netip.MustParsePrefix("fe80::/10"),          // link-local
	netip.MustParsePrefix("fec0::/10"),          // deprecated site-local
	netip.MustParsePrefix("100::/64"),           // discard-only
	netip.MustParsePrefix("2001:db8::/32"),      // documentation
	netip.MustParsePrefix("169.254.0.0/16"),     // link-local, cloud metadata
	netip.MustParsePrefix("255.255.255.255/32"), // broadcast
}

// publicAddr reports whether a may be connected to without an allow-list
// entry. The address is not unmapped first: an IPv4-mapped address is
// refused as such.
func publicAddr(a netip.Addr) bool {
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() ||
		a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() {
		return false
	}
	for _, p := range refused {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// allowList is Config.Allow parsed: networks and exact host:port pairs.
type allowList struct {
	nets  []netip.Prefix
	hosts map[string]bool // lower-case "host:port", IP literals in canonical form
}

func parseAllow(entries []string) (allowList, error) {
	al := allowList{hosts: map[string]bool{}}
	for _, e := range entries {
		e = strings.TrimSpace(e)
		if p, err := netip.ParsePrefix(e); err == nil {
			al.nets = append(al.nets, p.Masked())
			continue
		}
		if a, err := netip.ParseAddr(e); err == nil {
			al.nets = append(al.nets, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		host, port, err := net.SplitHostPort(e)
		if err != nil || host == "" || port == "" {
			return allowList{}, fmt.Errorf("fetch: allow entry %q is neither a CIDR, an IP nor host:port", e)
		}
		al.hosts[hostPortKey(host, port)] = true
	}
	return al, nil
}

func hostPortKey(host, port string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if a, err := netip.ParseAddr(host); err == nil {
		host = a.String()
	}
	return net.JoinHostPort(host, port)
}

// permits reports whether the address a:port may be connected to, for a
// request addressed to name (the URL's host name).
func (al allowList) permits(name string, a netip.Addr, port string) bool {
	if publicAddr(a) {
		return true
	}
	if al.hosts[hostPortKey(name, port)] || al.hosts[hostPortKey(a.String(), port)] {
		return true
	}
	for _, p := range al.nets {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// control returns the net.Dialer Control hook that refuses a connection to
// an address the allow list does not permit. It runs on the address the
// socket is about to connect to, after all resolution, so it holds whatever
// a resolver answered.
func (al allowList) control(name string) func(network, address string, c syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		host, port, err := net.SplitHostPort(address)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrBlocked, address, err)
		}
		a, err := netip.ParseAddr(host)
		if err != nil {
			return fmt.Errorf("%w: %s is not an IP address", ErrBlocked, address)
		}
		if !al.permits(name, a, port) {
			return fmt.Errorf("%w: %s (for %s) is not a public address", ErrBlocked, address, name)
		}
		return nil
	}
}
