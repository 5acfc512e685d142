// dateline timeline: filters (actor, tag, date range, text), newest-first
// order, all kept in the URL so a filtered view can be shared. The page
// works without this script; it only enhances.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var root = document.getElementById("timeline");
  if (!form || !root) return;
  var items = Array.prototype.slice.call(root.querySelectorAll("ol.timeline > li"));
  var status = document.getElementById("filter-status");
  var orderButton = document.getElementById("order-toggle");
  var resetButton = document.getElementById("filters-reset");
  var fields = ["actor", "tag", "from", "to", "q"];
  var newestFirst = false;

  function state() {
    var s = {};
    fields.forEach(function (name) {
      s[name] = (form.elements[name].value || "").trim();
    });
    return s;
  }

  function writeUrl(s) {
    var params = new URLSearchParams();
    fields.forEach(function (name) {
      if (s[name]) params.set(name, s[name]);
    });
    if (newestFirst) params.set("order", "newest");
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    history.replaceState(null, "", url);
  }

  function matches(article, s) {
    var actors = (article.getAttribute("data-actors") || "").split(" ");
    var tags = (article.getAttribute("data-tags") || "").split(" ");
    var start = article.getAttribute("data-start") || "";
    if (s.actor && actors.indexOf(s.actor) < 0) return false;
    if (s.tag && tags.indexOf(s.tag) < 0) return false;
    if (s.from && start < s.from) return false;
    if (s.to && start > s.to) return false;
    if (s.q) {
      var text = article.textContent.toLowerCase();
      var words = s.q.toLowerCase().split(/\s+/);
      for (var i = 0; i < words.length; i++) {
        if (words[i] && text.indexOf(words[i]) < 0) return false;
      }
    }
    return true;
  }

  function apply() {
    var s = state();
    var shown = 0;
    items.forEach(function (li) {
      var article = li.querySelector("article.event");
      var ok = !article || matches(article, s);
      li.hidden = !ok;
      if (ok) shown++;
    });
    // Hide month and year sections left empty by the filter.
    Array.prototype.forEach.call(root.querySelectorAll("section.month, section.year"), function (sec) {
      sec.hidden = !sec.querySelector("ol.timeline > li:not([hidden])");
    });
    var active = fields.some(function (n) { return s[n]; });
    if (resetButton) resetButton.hidden = !active;
    if (status) status.textContent = active ? "Showing " + shown + " of " + items.length + " events." : "";
    writeUrl(s);
  }

  function setOrder(newest) {
    newestFirst = newest;
    var reverse = function (parent, selector) {
      var kids = Array.prototype.slice.call(parent.querySelectorAll(":scope > " + selector));
      kids.reverse().forEach(function (k) { parent.appendChild(k); });
    };
    var years = Array.prototype.slice.call(root.querySelectorAll(":scope > section.year"));
    var wantReversed = newest;
    if ((root.getAttribute("data-reversed") === "1") !== wantReversed) {
      reverse(root, "section.year");
      years.forEach(function (y) {
        reverse(y, "section.month");
        Array.prototype.forEach.call(y.querySelectorAll("ol.timeline"), function (ol) { reverse(ol, "li"); });
      });
      root.setAttribute("data-reversed", wantReversed ? "1" : "0");
    }
    if (orderButton) {
      orderButton.setAttribute("aria-pressed", newest ? "true" : "false");
      orderButton.textContent = newest ? "Oldest first" : "Newest first";
    }
    writeUrl(state());
  }

  // A filter menu lists only the most frequent names; a name reached by a
  // link (an actor in a card, a shared URL) joins the menu, labelled as the
  // cards name it.
  function offer(select, slug, label) {
    if (!slug || select.querySelector('option[value="' + CSS.escape(slug) + '"]')) return;
    var option = document.createElement("option");
    option.value = slug;
    option.textContent = label || slug;
    select.appendChild(option);
  }

  // Restore the state from the URL.
  var params = new URLSearchParams(location.search);
  fields.forEach(function (name) {
    var v = params.get(name);
    if (v === null) return;
    if (name === "actor") {
      var named = root.querySelector('a.actor[data-actor="' + CSS.escape(v) + '"]');
      offer(form.elements.actor, v, named ? named.textContent : v);
    }
    if (name === "tag") offer(form.elements.tag, v, v);
    form.elements[name].value = v;
  });

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });

  // An actor name in an event filters the timeline to that actor; the link
  // still leads to the actor page with a modifier key or without script.
  root.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a.actor") : null;
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
    var slug = link.getAttribute("data-actor");
    var select = form.elements.actor;
    if (!slug) return;
    e.preventDefault();
    offer(select, slug, link.textContent);
    select.value = slug;
    apply();
    form.scrollIntoView({ block: "start" });
  });

  if (orderButton) {
    orderButton.hidden = false;
    orderButton.addEventListener("click", function () { setOrder(!newestFirst); });
  }
  if (params.get("order") === "newest") setOrder(true);
  apply();
})();
