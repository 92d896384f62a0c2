// Package web is the editor: routes, handlers, templates and static files.
// It comes with the editor (issue 6).
package web
