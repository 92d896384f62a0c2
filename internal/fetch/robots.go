package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// robotsRules are the rules of one robots.txt group that applies to us.
type robotsRules struct {
	rules []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string // path pattern with * and a trailing $
}

// maxRobots is the most of a robots.txt read, as Google reads 500 KiB.
const maxRobots = 500 << 10

// parseRobots reads robots.txt (RFC 9309) and keeps the rules of the group
// naming agent (a product token such as "shuho"), or else of the "*" group.
// Several groups naming the same agent are merged, as the RFC says.
func parseRobots(body []byte, agent string) *robotsRules {
	if len(body) > maxRobots {
		body = body[:maxRobots]
	}
	agent = strings.ToLower(agent)
	var mine, star []robotsRule
	var foundMine bool
	var inAgents bool       // the last line was a user-agent line
	var forMe, forStar bool // the current group applies to us / to *
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), maxRobots+1)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents {
				forMe, forStar = false, false
			}
			inAgents = true
			ua := strings.ToLower(val)
			if ua == "*" {
				forStar = true
			} else if ua != "" && agent != "" && (ua == agent || strings.HasPrefix(agent, ua) || strings.HasPrefix(ua, agent+"/")) {
				forMe, foundMine = true, true
			}
		case "allow", "disallow":
			inAgents = false
			if val == "" {
				continue // "Disallow:" with no path allows all
			}
			r := robotsRule{allow: key == "allow", pattern: val}
			if forMe {
				mine = append(mine, r)
			}
			if forStar {
				star = append(star, r)
			}
		default:
			inAgents = false // sitemap, crawl-delay: they end a run of user-agent lines
		}
	}
	if foundMine {
		return &robotsRules{rules: mine}
	}
	return &robotsRules{rules: star}
}

// allowed applies the longest matching rule to the path and query of u;
// an allow wins a tie, and no match allows.
func (r *robotsRules) allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if robotsMatch(rule.pattern, path) {
			l := len(rule.pattern)
			if l > best || l == best && rule.allow {
				best, allow = l, rule.allow
			}
		}
	}
	return allow
}

// robotsMatch matches path against a pattern where * is any run of
// characters and a final $ anchors the end; otherwise it is a prefix match.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		if anchored {
			return path == pattern
		}
		return strings.HasPrefix(path, pattern)
	}
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	last := parts[len(parts)-1]
	// The leftmost match of each middle part leaves the most room for the
	// parts after it.
	for _, p := range parts[1 : len(parts)-1] {
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	if anchored {
		return strings.HasSuffix(rest, last)
	}
	return strings.Contains(rest, last)
}

// productToken is the first word of the User-Agent without its version:
// the name robots.txt groups address.
func productToken(ua string) string {
	tok, _, _ := strings.Cut(ua, " ")
	tok, _, _ = strings.Cut(tok, "/")
	return strings.ToLower(tok)
}

// robotsAllow checks u against the host's robots.txt, fetching it through
// this client when it is not cached. A 4xx robots.txt allows all; a 5xx or
// an unreachable one disallows for a short while, as Google does.
func (c *Client) robotsAllow(ctx context.Context, u *url.URL) error {
	if u.Path == "/robots.txt" {
		return nil
	}
	h := c.host(u.Host)
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	c.mu.Lock()
	rules, rerr, fresh := h.robots, h.robotsErr, c.now().Before(h.robotsExpires)
	c.mu.Unlock()
	if !fresh {
		rules, rerr = c.fetchRobots(ctx, u)
		if rerr != nil && (ctx.Err() != nil || !errors.Is(rerr, errRobotsUnavailable)) {
			// Our own deadline, a pause or a refused address say nothing
			// about the host's robots.txt: do not cache them.
			return fmt.Errorf("fetch %s: robots.txt: %w", u, rerr)
		}
		ttl := c.cfg.RobotsTTL
		if rerr != nil {
			ttl = min(ttl, 10*time.Minute)
		}
		c.mu.Lock()
		h.robots, h.robotsErr, h.robotsExpires = rules, rerr, c.now().Add(ttl)
		c.mu.Unlock()
	}
	if rerr != nil {
		return fmt.Errorf("fetch %s: %w", u, rerr)
	}
	target := u.EscapedPath()
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	if !rules.allowed(target) {
		return fmt.Errorf("fetch %s: %w", u, ErrRobots)
	}
	return nil
}

func (c *Client) fetchRobots(ctx context.Context, u *url.URL) (*robotsRules, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	ctx, cancel := context.WithTimeout(ctx, min(c.cfg.Timeout, 30*time.Second))
	defer cancel()
	resp, err := c.get(ctx, Request{URL: ru.String(), Accept: "text/plain"})
	var se *StatusError
	switch {
	case err == nil:
		if len(resp.Body) > maxRobots {
			resp.Body = resp.Body[:maxRobots]
		}
		return parseRobots(resp.Body, productToken(c.ua)), nil
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500 && se.Code != 429:
		return &robotsRules{}, nil
	case errors.Is(err, ErrTooLarge):
		return &robotsRules{}, nil
	case errors.Is(err, ErrBlocked), errors.Is(err, ErrScheme), errors.Is(err, ErrPaused):
		return nil, err
	default:
		return nil, fmt.Errorf("%w: %w", errRobotsUnavailable, err)
	}
}
