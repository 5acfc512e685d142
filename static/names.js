// dateline: filter-as-you-type over every actor or tag name of a site. The
// index page lists the most frequent names and the full list A to Z, page
// by page (which works without this script); this searches all of them,
// loading names.json (the link on the page) only once the reader types.
(function () {
  "use strict";
  var form = document.getElementById("name-search");
  var link = document.getElementById("names-json");
  if (!form || !link) return;
  var input = form.elements.q;
  var out = document.getElementById("name-results");
  var status = document.getElementById("name-status");
  var names = null;
  var loading = null;
  var local = location.protocol === "file:";
  var LIMIT = 50;
  form.hidden = false;

  function load() {
    if (!loading) {
      loading = fetch(link.href)
        .then(function (r) { return r.json(); })
        .then(function (list) { names = list; });
    }
    return loading;
  }

  function show() {
    var q = input.value.trim().toLowerCase();
    out.textContent = "";
    if (!q) { status.textContent = ""; return; }
    if (!names) { load().then(show, function () { status.textContent = "The list of names could not be loaded."; }); return; }
    var found = names.filter(function (n) { return n[0].toLowerCase().indexOf(q) >= 0; });
    found.slice(0, LIMIT).forEach(function (n) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = new URL(n[1] + "/" + (local ? "index.html" : ""), link.href).href;
      a.textContent = n[0];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + n[2] + ")"));
      out.appendChild(li);
    });
    status.textContent = found.length === 0 ? "No name contains “" + input.value.trim() + "”."
      : found.length > LIMIT ? "The " + LIMIT + " most frequent of " + found.length + " names:"
      : found.length + (found.length === 1 ? " name:" : " names:");
  }

  input.addEventListener("focus", function () { load().catch(function () {}); });
  input.addEventListener("input", show);
  form.addEventListener("submit", function (e) { e.preventDefault(); show(); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; show(); }
})();
