package cluster

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// trackingParams are query parameters that identify the click, not the
// page: two addresses that differ only in them are the same article.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true,
	"yclid": true, "twclid": true, "ttclid": true, "wbraid": true, "gbraid": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true, "igshid": true,
	"ref_src": true, "ref_url": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true,
	"spm": true, "cmpid": true, "icid": true, "ncid": true, "s_cid": true,
	"oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "wt_mc": true,
	"rb_clickid": true, "_openstat": true, "at_medium": true, "at_campaign": true,
	"sr_share": true,
}

// isTracking reports whether the query parameter key=value only tracks the
// visit. "ref" is tracking when it names a place (ref=twitter,
// ref=homepage); a numeric ref can select content, so it stays.
func isTracking(key, value string) bool {
	k := strings.ToLower(key)
	if strings.HasPrefix(k, "utm_") || trackingParams[k] {
		return true
	}
	if k == "ref" {
		return value == "" || strings.Trim(value, "0123456789") != ""
	}
	return false
}

// CanonicalURL returns the one form of an article address under which
// shuho stores and compares it: scheme and host in lower case, the host in
// its ASCII (punycode) form without a trailing dot, no default port, no user
// information, no fragment, no tracking parameters, the other query
// parameters sorted, runs of "/" in the path collapsed and dot segments
// resolved. The path keeps its case, since servers treat it as significant.
// Only absolute http and https addresses are accepted.
func CanonicalURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("canonical url: empty address")
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		if scheme == "" {
			return "", fmt.Errorf("canonical url %q: not absolute (no scheme)", raw)
		}
		return "", fmt.Errorf("canonical url %q: scheme %q refused (http and https only)", raw, u.Scheme)
	}
	if u.Opaque != "" {
		return "", fmt.Errorf("canonical url %q: no host (opaque address)", raw)
	}
	host, err := canonicalHost(u.Hostname())
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	port := u.Port()
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("canonical url %q: port %q out of range", raw, port)
		}
		port = strconv.Itoa(n)
	}
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	var b strings.Builder
	b.WriteString(scheme)
	b.WriteString("://")
	if strings.Contains(host, ":") {
		b.WriteString("[" + host + "]")
	} else {
		b.WriteString(host)
	}
	if port != "" {
		b.WriteString(":" + port)
	}
	b.WriteString(canonicalPath(u.EscapedPath()))
	if q := canonicalQuery(u.RawQuery); q != "" {
		b.WriteString("?" + q)
	}
	return b.String(), nil
}

// canonicalHost lower-cases host, drops a trailing dot and turns an
// internationalised name into punycode, so that "Bakı.az" and
// "xn--bak-zqa.az" compare equal.
func canonicalHost(host string) (string, error) {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return "", errors.New("no host")
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.String(), nil
	}
	if strings.Contains(host, ":") || strings.Contains(host, "..") || strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".") {
		return "", fmt.Errorf("host %q is not a valid name or address", host)
	}
	ascii, err := idna.Lookup.ToASCII(host)
	if err != nil {
		return "", fmt.Errorf("host %q: %w", host, err)
	}
	// The mapping drops characters that mean nothing in a name (U+034F,
	// say): a name of only those is no host.
	if ascii == "" || strings.Contains(ascii, "..") || strings.HasPrefix(ascii, ".") || strings.HasSuffix(ascii, ".") {
		return "", fmt.Errorf("host %q is not a valid name", host)
	}
	return ascii, nil
}

// canonicalPath collapses runs of "/" and resolves "." and ".." segments
// of an escaped path; an empty path becomes "/".
func canonicalPath(p string) string {
	if p == "" {
		return "/"
	}
	segs := strings.Split(p, "/")
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case "", ".":
			if last {
				out = append(out, "") // keep the trailing slash
			}
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	return "/" + strings.Join(out, "/")
}

// canonicalQuery drops empty and tracking parameters and sorts the rest.
// Keys and values are re-escaped in one form when they decode; a piece
// that does not decode is kept as it is rather than guessed at.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var kept []string
	for piece := range strings.SplitSeq(raw, "&") {
		if piece == "" {
			continue
		}
		k, v, hasEq := strings.Cut(piece, "=")
		dk, errK := url.QueryUnescape(k)
		dv, errV := url.QueryUnescape(v)
		if errK != nil || errV != nil {
			kept = append(kept, piece)
			continue
		}
		if dk == "" || isTracking(dk, dv) {
			continue
		}
		p := url.QueryEscape(dk)
		if hasEq {
			p += "=" + url.QueryEscape(dv)
		}
		kept = append(kept, p)
	}
	slices.Sort(kept)
	return strings.Join(kept, "&")
}

// Canonical returns the address an article is stored under: the page's
// declared canonical address (rel=canonical or og:url) when it is an http(s)
// address on the same registrable domain as the page, else the page's own
// address; both canonicalised. A relative declared address is resolved
// against the page. A declared address that is the site's home page while
// the page is not is ignored: some CMSs declare the home page on every
// article, which would make all of them one article. Canonical returns ""
// when neither address is usable.
func Canonical(pageURL, declared string) string {
	page, err := CanonicalURL(pageURL)
	if err != nil {
		return ""
	}
	declared = strings.TrimSpace(declared)
	if declared == "" {
		return page
	}
	pu, _ := url.Parse(page)
	du, err := url.Parse(declared)
	if err != nil {
		return page
	}
	cand, err := CanonicalURL(pu.ResolveReference(du).String())
	if err != nil {
		return page
	}
	cu, _ := url.Parse(cand)
	if !sameSite(pu.Hostname(), cu.Hostname()) {
		return page
	}
	if cu.Path == "/" && cu.RawQuery == "" && pu.Path != "/" {
		return page
	}
	return cand
}

// sameSite reports whether two canonical hosts share a registrable domain
// (eTLD+1): www.apa.az and apa.az do, apa.az and trend.az do not.
func sameSite(a, b string) bool {
	if a == b {
		return true
	}
	ea, err1 := publicsuffix.EffectiveTLDPlusOne(a)
	eb, err2 := publicsuffix.EffectiveTLDPlusOne(b)
	return err1 == nil && err2 == nil && ea == eb
}
