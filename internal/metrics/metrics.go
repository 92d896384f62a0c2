// Package metrics counts what a running shuho does, for an IT desk's
// monitoring, in the Prometheus text format: each source's polls (read,
// not modified, failed), new articles, pages that could not be read, the
// time of its last success, and the stories clustering formed, split and
// merged. The collector tells it of each poll (Observe) and each
// clustering run (Clustered); Handler serves it.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"shuho/internal/pipeline"
)

// Metrics is one server's counters, in a registry of their own.
type Metrics struct {
	reg         *prometheus.Registry
	polls       *prometheus.CounterVec
	articles    *prometheus.CounterVec
	pagesFailed *prometheus.CounterVec
	lastSuccess *prometheus.GaugeVec
	pollSeconds *prometheus.HistogramVec
	stories     *prometheus.CounterVec
}

// New returns the metrics of a server of profile, with the Go runtime's
// and the process's own.
func New(profile string) *Metrics {
	labels := prometheus.Labels{"profile": profile}
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "shuho_source_polls_total", ConstLabels: labels,
			Help: "Polls of a source, by result: ok, not_modified, failed (the feed unread, or not one of its new pages read)."}, []string{"source", "result"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "shuho_source_articles_new_total", ConstLabels: labels,
			Help: "New articles stored from a source."}, []string{"source"}),
		pagesFailed: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "shuho_source_pages_failed_total", ConstLabels: labels,
			Help: "Article pages of a source that could not be fetched or read."}, []string{"source"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "shuho_source_last_success_timestamp_seconds", ConstLabels: labels,
			Help: "When a poll of the source last succeeded (Unix time); alert on time() minus it."}, []string{"source"}),
		pollSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "shuho_source_poll_duration_seconds", ConstLabels: labels,
			Help: "How long a poll took, its pages' fetching and extraction included.", Buckets: prometheus.ExponentialBuckets(0.05, 2, 12)}, []string{"source"}),
		stories: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "shuho_stories_total", ConstLabels: labels,
			Help: "What clustering did: articles placed, stories split and merged."}, []string{"event"}),
	}
	m.reg.MustRegister(m.polls, m.articles, m.pagesFailed, m.lastSuccess, m.pollSeconds, m.stories,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Observe counts a poll when it is done; other events are the progress
// of one and count nothing. It is a pipeline.Collector's Progress.
func (m *Metrics) Observe(e pipeline.Event) {
	if e.Kind != "done" || e.Report == nil {
		return
	}
	r := e.Report
	result := "ok"
	switch {
	case r.Err != nil:
		result = "failed"
	case r.NotModified:
		result = "not_modified"
	}
	m.polls.WithLabelValues(e.Source, result).Inc()
	m.articles.WithLabelValues(e.Source).Add(float64(r.New))
	m.pagesFailed.WithLabelValues(e.Source).Add(float64(r.Failed))
	m.pollSeconds.WithLabelValues(e.Source).Observe(r.Duration.Seconds())
	if r.Err == nil {
		m.lastSuccess.WithLabelValues(e.Source).Set(float64(time.Now().Unix()))
	}
}

// Clustered counts a clustering run.
func (m *Metrics) Clustered(r pipeline.ClusterReport) {
	m.stories.WithLabelValues("placed").Add(float64(r.Articles))
	m.stories.WithLabelValues("split").Add(float64(r.Split))
	m.stories.WithLabelValues("merged").Add(float64(r.Merged))
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}
