// The item editor's small helpers. The page works without them (every
// action is a form); with them the lint panel follows the text as it is
// typed, suggestions are taken with one click, and blocks are added,
// moved and removed in place. No build step, no library.
"use strict";
(function () {
  var form = document.getElementById("item-form");
  if (!form) return;
  var panel = document.getElementById("check");
  var seq = 0, timer = null;

  // check sends the form as it stands to the server's check, which answers
  // with the lint panel of the digest with this item as typed.
  function check() {
    var n = ++seq;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.dataset.check, {method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": "text/html"}})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        if (n !== seq) return; // an answer to older text
        panel.innerHTML = html;
        panel.dataset.checked = String(n);
      })
      .catch(function () {});
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);

  var lastText = null;
  form.addEventListener("focusin", function (e) {
    if (e.target.tagName === "TEXTAREA" || (e.target.tagName === "INPUT" && e.target.type === "text")) lastText = e.target;
  });

  function blocks() { return form.querySelectorAll("fieldset.block"); }
  function renumber() {
    blocks().forEach(function (b, i) {
      var l = b.querySelector("legend .n");
      if (l) l.textContent = String(i + 1);
    });
  }

  document.addEventListener("click", function (e) {
    var t = e.target.closest("button[data-act]");
    if (!t) return;
    var act = t.dataset.act;
    var block = t.closest("fieldset.block");
    if (act === "up" && block && block.previousElementSibling && block.previousElementSibling.matches("fieldset.block")) {
      block.parentNode.insertBefore(block, block.previousElementSibling);
    } else if (act === "down" && block && block.nextElementSibling && block.nextElementSibling.matches("fieldset.block")) {
      block.parentNode.insertBefore(block.nextElementSibling, block);
    } else if (act === "remove" && block) {
      block.remove();
    } else if (act === "add") {
      var tpl = document.getElementById("block-template");
      var nb = tpl.content.firstElementChild.cloneNode(true);
      document.getElementById("blocks").appendChild(nb);
      nb.querySelector("textarea").focus();
    } else if (act === "wrap" && lastText) {
      var m = t.dataset.mark, s = lastText.selectionStart, en = lastText.selectionEnd, v = lastText.value;
      lastText.value = v.slice(0, s) + m + v.slice(s, en) + m + v.slice(en);
      lastText.setSelectionRange(s + m.length, en + m.length);
      lastText.focus();
    } else if (act === "use-headline") {
      form.elements["ja"].value = t.dataset.text;
    } else if (act === "add-note") {
      // A related story as a NOTE block at the end, with its citation.
      var nt = document.getElementById("block-template").content.firstElementChild.cloneNode(true);
      nt.querySelector("select").value = "note";
      nt.querySelector("textarea").value = t.dataset.text;
      nt.querySelector("input[name=cites]").value = t.dataset.cites;
      document.getElementById("blocks").appendChild(nt);
    } else if (act === "use-summary") {
      var first = null;
      blocks().forEach(function (b) {
        if (!first && b.querySelector("select").value === "paragraph") first = b;
      });
      if (!first) return;
      first.querySelector("textarea").value = t.dataset.text;
    } else {
      return;
    }
    e.preventDefault();
    renumber();
    later();
  });
})();
