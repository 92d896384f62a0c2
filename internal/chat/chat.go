// Package chat speaks the OpenAI-compatible chat-completions protocol, the
// one that hosted services and model servers of one's own (llama.cpp,
// vLLM, Ollama) all offer, through the guarded client of internal/fetch.
// It is the optional model backend of drafting (draft.Completer).
package chat

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"shuho/internal/digest"
	"shuho/internal/fetch"
)

// Config names an endpoint.
type Config struct {
	// BaseURL is the API's base, e.g. "https://api.openai.com/v1" or
	// "http://127.0.0.1:8080/v1"; "/chat/completions" is added to it.
	BaseURL string
	Model   string
	// Key is sent as a bearer token; empty sends none.
	Key string
	// Timeout bounds one request, waiting for the first byte included
	// (default 120 s: a model may think long before it answers).
	Timeout time.Duration
}

// ConfigFromEnv reads the endpoint from SHUHO_MODEL_URL, SHUHO_MODEL and
// SHUHO_MODEL_KEY; ok is false when no URL is set.
func ConfigFromEnv(getenv func(string) string) (Config, bool, error) {
	c := Config{BaseURL: strings.TrimSpace(getenv("SHUHO_MODEL_URL")), Model: strings.TrimSpace(getenv("SHUHO_MODEL")),
		Key: strings.TrimSpace(getenv("SHUHO_MODEL_KEY"))}
	if c.BaseURL == "" {
		return c, false, nil
	}
	if _, err := endpoint(c.BaseURL); err != nil {
		return c, false, err
	}
	if c.Model == "" {
		return c, false, fmt.Errorf("SHUHO_MODEL is not set: the endpoint %s needs a model name: %w", c.BaseURL, digest.ErrInvalid)
	}
	return c, true, nil
}

func endpoint(base string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(strings.TrimSpace(base), "/") + "/chat/completions")
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("SHUHO_MODEL_URL %q: expected an http(s) address such as https://api.openai.com/v1: %w", base, digest.ErrInvalid)
	}
	return u, nil
}

// Client sends chat requests to one endpoint.
type Client struct {
	cfg Config
	url string
	fc  *fetch.Client
}

// New returns a client of the endpoint. The endpoint is the desk's own
// choice, so its host may be on a private network or loopback (a model
// server of the desk's own): that one host and port is allowed, nothing
// else that is not public.
func New(cfg Config) (*Client, error) {
	u, err := endpoint(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	t := cfg.Timeout
	if t <= 0 {
		t = 120 * time.Second
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	fc, err := fetch.New(fetch.Config{
		Allow:   []string{net.JoinHostPort(u.Hostname(), port)},
		Timeout: t, HeaderTimeout: t,
		MaxBytes:        1 << 20,
		MinRate:         -1, // an answer comes whole when the model is done
		HostInterval:    -1, // an API is no site to be polite to by pauses
		HostConcurrency: 4,
		MaxRedirects:    0,
	})
	if err != nil {
		return nil, err
	}
	return &Client{cfg: cfg, url: u.String(), fc: fc}, nil
}

// Model names the model the client asks.
func (c *Client) Model() string { return c.cfg.Model }

type request struct {
	Model       string    `json:"model"`
	Messages    []message `json:"messages"`
	Temperature float64   `json:"temperature"`
}

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type response struct {
	Choices []struct {
		Message message `json:"message"`
	} `json:"choices"`
}

// Complete sends one exchange and returns the answer's text. An error
// names the endpoint and what went wrong: the status and the reason the
// server gave, a body that is not chat-completions JSON, no answer.
func (c *Client) Complete(ctx context.Context, system, user string) (string, error) {
	body, err := json.Marshal(request{Model: c.cfg.Model, Messages: []message{{"system", system}, {"user", user}}})
	if err != nil {
		return "", err
	}
	h := http.Header{}
	if c.cfg.Key != "" {
		h.Set("Authorization", "Bearer "+c.cfg.Key)
	}
	resp, err := c.fc.Get(ctx, fetch.Request{URL: c.url, Method: http.MethodPost, Body: body, ContentType: "application/json",
		Accept: "application/json", Header: h})
	if err != nil {
		var se *fetch.StatusError
		if errors.As(err, &se) {
			reason := se.Body
			var e struct {
				Error struct {
					Message string `json:"message"`
				} `json:"error"`
			}
			if json.Unmarshal([]byte(se.Body), &e) == nil && e.Error.Message != "" {
				reason = e.Error.Message
			}
			return "", fmt.Errorf("model %s at %s: HTTP %d %s: %s", c.cfg.Model, c.cfg.BaseURL, se.Code, http.StatusText(se.Code), strings.TrimSpace(reason))
		}
		return "", fmt.Errorf("model %s at %s: %w", c.cfg.Model, c.cfg.BaseURL, err)
	}
	var r response
	if err := json.Unmarshal(resp.Body, &r); err != nil {
		return "", fmt.Errorf("model %s at %s: the answer is not chat-completions JSON: %v", c.cfg.Model, c.cfg.BaseURL, err)
	}
	if len(r.Choices) == 0 {
		return "", fmt.Errorf("model %s at %s: the answer has no choices", c.cfg.Model, c.cfg.BaseURL)
	}
	return r.Choices[0].Message.Content, nil
}
