// The week page's triage helpers. The page works without them (every
// action is a form that returns to the same place); with them an add or a
// dismiss marks the story where it stands, nothing moves, and the keys
// j/k (move), a (add), d (dismiss), u (undo the last dismissal), o (open),
// x (choose) and ? (the list of keys) do the week by keyboard. No build
// step, no library.
"use strict";
(function () {
  var week = document.getElementById("week");
  if (!week) return;
  var status = document.getElementById("week-status");
  var keys = document.getElementById("keys");
  var opener = document.getElementById("keys-open");
  var dismissed = []; // the stories dismissed here, the last at the end
  var cur = -1;

  function stories() { return week.querySelectorAll("article.story"); }

  function say(msg) {
    status.textContent = msg;
    status.hidden = !msg;
  }

  // mark shows the server's answer on a story, where it stands.
  function mark(d) {
    var el = document.getElementById("story-" + d.story);
    if (!el) return;
    var state = el.querySelector(".state");
    var form = el.querySelector("form.decide");
    if (d.error) {
      say(week.dataset.failed + ": " + d.error);
      return;
    }
    if (d.decision === "none") {
      el.classList.add("dismissed");
      state.textContent = week.dataset.dismissed + " · ";
      swap(form, "dismiss", "undo", week.dataset.undo);
      dismissed.push(d.story);
    } else if (d.decision === "") {
      el.classList.remove("dismissed");
      state.textContent = "";
      swap(form, "undo", "dismiss", week.dataset.dismiss);
      dismissed = dismissed.filter(function (s) { return s !== d.story; });
    } else {
      el.classList.add("indigest");
      state.textContent = "";
      var a = document.createElement("a");
      a.href = d.link;
      a.textContent = week.dataset.indigest + " " + d.item;
      state.appendChild(a);
      state.appendChild(document.createTextNode(" · "));
      el.dataset.open = d.link;
      var add = form && form.querySelector("button[value=add]");
      if (add) add.remove();
    }
  }

  // swap turns a form's button of one action into another's.
  function swap(form, from, to, label) {
    var b = form && form.querySelector("button[value=" + from + "]");
    if (!b) return;
    b.value = to;
    b.className = to;
    b.textContent = label;
  }

  // send posts a form (with the button pressed) and marks the stories of
  // the answer; it answers whether the server took it.
  function send(form, submitter) {
    var body = new FormData(form);
    if (submitter && submitter.name) body.set(submitter.name, submitter.value);
    say("");
    // getAttribute: a control named "action" hides the form's property.
    return fetch(form.getAttribute("action"), {method: "POST", body: new URLSearchParams(body), credentials: "same-origin",
      headers: {"Accept": "application/json"}})
      .then(function (r) {
        if (!r.ok) {
          return r.text().then(function (t) {
            var doc = new DOMParser().parseFromString(t, "text/html");
            var msg = doc.querySelector("main p.error, main p");
            say(week.dataset.failed + " (" + r.status + ")" + (msg ? ": " + msg.textContent : ""));
            return false;
          });
        }
        return r.json().then(function (v) {
          v.stories.forEach(mark);
          return true;
        });
      })
      .catch(function (e) { say(week.dataset.failed + ": " + e); return false; });
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    var b = e.submitter;
    // Merging reshapes the stories: that one goes through the page.
    if (b && b.formAction && b.formAction.indexOf("/week/merge") >= 0) return;
    if (!form.matches("form.decide, form#pick")) return;
    e.preventDefault();
    send(form, b).then(function (ok) {
      if (ok && form.id === "pick") {
        document.querySelectorAll("input[form=pick]:checked").forEach(function (c) { c.checked = false; });
      }
    });
  });

  function move(by) {
    var all = stories();
    if (!all.length) return;
    if (cur >= 0 && all[cur]) all[cur].classList.remove("current");
    cur = Math.max(0, Math.min(all.length - 1, cur + by));
    all[cur].classList.add("current");
    all[cur].focus({preventScroll: true});
    all[cur].scrollIntoView({block: "nearest"});
  }

  function act(action) {
    var el = stories()[cur];
    var form = el && el.querySelector("form.decide");
    var b = form && form.querySelector("button[value=" + action + "]");
    if (b) send(form, b);
  }

  if (opener) {
    opener.hidden = false;
    opener.addEventListener("click", function () { keys.showModal(); });
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    // Keys are the page's, except where they are typed or the list of
    // keys is open.
    if (t.closest && t.closest("select, textarea, dialog[open], input:not([type=checkbox]):not([type=radio]):not([type=submit])")) return;
    switch (e.key) {
    case "j": move(1); break;
    case "k": move(-1); break;
    case "a": act("add"); break;
    case "d": act("dismiss"); break;
    case "u":
      if (dismissed.length) {
        var id = dismissed[dismissed.length - 1];
        var form = document.querySelector("#story-" + id + " form.decide");
        var b = form && form.querySelector("button[value=undo]");
        if (b) send(form, b);
      }
      break;
    case "o":
      var el = stories()[cur];
      if (el && el.dataset.open) location.href = el.dataset.open;
      break;
    case "x":
      var c = stories()[cur] && stories()[cur].querySelector("input[type=checkbox]");
      if (c) c.checked = !c.checked;
      break;
    case "?": keys.showModal(); break;
    default: return;
    }
    e.preventDefault();
  });

  // A click on a story makes it the current one.
  week.addEventListener("click", function (e) {
    var el = e.target.closest("article.story");
    if (!el) return;
    var all = stories();
    for (var i = 0; i < all.length; i++) {
      if (all[i] === el) {
        if (cur >= 0 && all[cur]) all[cur].classList.remove("current");
        cur = i;
        el.classList.add("current");
      }
    }
  });
})();
