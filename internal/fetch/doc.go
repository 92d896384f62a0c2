// Package fetch is the one guarded HTTP client through which every
// server-side request of shuho goes (feeds, pages, robots.txt). No other
// package builds an http.Client; a test greps the module for it.
//
// The guarantees, by requirement id of the security specification:
//
//   - F1, F3: the dialer checks the IP address actually connected to, in the
//     socket's Control hook, after any resolution: loopback, private,
//     link-local, CGNAT, 0.0.0.0/8, multicast, broadcast, IPv6 ULA,
//     IPv4-mapped, NAT64 and 6to4 addresses are refused with ErrBlocked
//     unless Config.Allow names them (by CIDR or host:port). Proxies from the
//     environment are never used, since a proxy would connect on our behalf
//     and escape the check.
//   - F2: redirects are followed by this package, one hop at a time; each hop
//     is dialled afresh through the same check, so neither a redirect nor a
//     DNS answer that changes between lookups reaches a refused address.
//   - F4: only http and https (any letter case); anything else is ErrScheme.
//   - F5: the client asks for gzip and decompresses itself, so the size cap
//     applies to the decompressed bytes; a body over the cap is ErrTooLarge,
//     never a truncated success.
//   - F6: dial, TLS handshake, response header and whole-fetch time limits,
//     and a minimum transfer rate that cuts off a trickling server
//     (ErrTooSlow).
//   - F7: conditional GET, robots.txt (cached per host), a per-host gap
//     between request starts and a per-host concurrency limit, Retry-After
//     on 429 and 503, a pause with exponential back-off after repeated
//     errors from one host, and a User-Agent naming shuho and the contact.
//   - P2: Decode and Response.UTF8 turn a body into UTF-8 from the
//     Content-Type charset, a BOM, a <meta> charset (even a late one), or an
//     XML declaration, and fall back to a guess when the declaration is
//     absent or contradicted by the bytes.
package fetch
