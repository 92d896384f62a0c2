// Package web is the editor: routes, handlers, templates, and the guards
// every response passes through. Every route is in one table with the
// least role it needs (A4); every state-changing request carries a CSRF
// token and passes Go's cross-origin protection (A3); every response
// carries the security headers (H3); a handler's panic or error shows a
// generic page and logs the detail (A7). Pages use html/template only
// (H2), in Japanese or English as each user chooses.
package web
