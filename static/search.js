// dateline: search across the whole archive without loading it. Reads the
// static index under search/ (src/render/search.rs): one shard per word
// and per filter, and only the chunks of events it shows. The state is in
// the URL (?q=&actor=&tag=&from=&to=), so a search can be shared and
// reloaded; without this script the archive, actor and tag pages give
// every view.
(function () {
  "use strict";
  var form = document.getElementById("search");
  var out = document.getElementById("search-results");
  if (!form || !out) return;
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var folder = new URL("./", location.href);
  var root = new URL("../", folder);
  var local = location.protocol === "file:";
  var PAGE = 20;
  var cache = {};
  var run = 0;
  var shown = [];
  var meta = null;
  var names = { actor: null, tag: null };

  function get(url) {
    var key = url.href;
    if (!cache[key]) {
      cache[key] = fetch(url).then(function (r) {
        if (r.ok) return r.json();
        if (r.status === 404) return {};
        throw new Error(r.status + " " + url.href);
      });
    }
    return cache[key];
  }

  // The same key as shard_key in src/render/search.rs.
  function shardKey(term, n) {
    return Array.from(term).slice(0, n).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  // The same words as words() in src/render/search.rs.
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      return Array.from(w).length >= 2;
    });
  }

  function decode(gaps) {
    var ids = new Array(gaps.length), last = 0;
    for (var i = 0; i < gaps.length; i++) { last += gaps[i]; ids[i] = last; }
    return ids;
  }

  function union(lists) {
    var seen = {};
    lists.forEach(function (l) { l.forEach(function (i) { seen[i] = true; }); });
    return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
  }

  // The events of a word (all that start with it when `prefix`), or null
  // when the word narrows nothing (in more than half the events).
  function wordIds(word, prefix) {
    var common = meta.common.some(function (c) { return prefix ? c.indexOf(word) === 0 : c === word; });
    if (common) return Promise.resolve(null);
    // A two-letter start of a word in a shard split by three letters
    // would need them all: it narrows nothing until the next letter.
    if (prefix && Array.from(word).length < 3 && isSplit("w", word)) return Promise.resolve(null);
    return get(new URL("w/" + shardFile("w", word) + ".json", folder)).then(function (shard) {
      if (!prefix) return decode(shard[word] || []);
      return union(Object.keys(shard).filter(function (k) { return k.indexOf(word) === 0; })
        .map(function (k) { return decode(shard[k]); }));
    });
  }

  function isSplit(kind, term) {
    return ((meta.split && meta.split[kind]) || []).indexOf(shardKey(term, 2)) >= 0;
  }

  // The shard file of a term: its first two characters, or three when
  // meta.json lists the two-character shard as split (a term of two
  // characters is then in the file named by both).
  function shardFile(kind, term) {
    return shardKey(term, isSplit(kind, term) ? 3 : 2);
  }

  function termIds(kind, slug) {
    return get(new URL(kind + "/" + shardFile(kind, slug) + ".json", folder)).then(function (shard) {
      return decode(shard[slug] || []);
    });
  }

  function chunk(k) { return get(new URL("docs/" + k + ".json", folder)); }

  // The first event whose day is on or after `day` (`after`: after it):
  // meta.json tells the block, its chunks the event.
  function firstFrom(day, after) {
    var before = function (d) { return after ? d <= day : d < day; };
    var days = meta.days;
    var k = 0;
    while (k < days.length && before(days[k][1])) k++;
    if (k === days.length) return Promise.resolve(meta.count);
    var per = meta.block / meta.chunk;
    function scan(c) {
      return chunk(c).then(function (docs) {
        for (var i = 0; i < docs.length; i++) if (!before(docs[i][3])) return c * meta.chunk + i;
        var next = c + 1;
        return next < (k + 1) * per && next * meta.chunk < meta.count ? scan(next) : Math.min(next * meta.chunk, meta.count);
      });
    }
    return scan(k * per);
  }

  function names_of(kind) {
    if (!names[kind]) names[kind] = get(new URL(kind + "s/names.json", root)).then(function (l) { return Array.isArray(l) ? l : []; });
    return names[kind];
  }

  // The slug of what was typed in the actor or tag field: a name (any
  // case) or a slug; "" for none, null for no such name.
  function slugOf(kind, typed) {
    typed = typed.trim();
    if (!typed) return Promise.resolve("");
    return names_of(kind).then(function (list) {
      var t = typed.toLowerCase();
      for (var i = 0; i < list.length; i++) {
        if (list[i][0].toLowerCase() === t || list[i][1] === t) return list[i][1];
      }
      return null;
    });
  }

  function suggest(kind) {
    var field = form.elements[kind];
    var list = document.getElementById(kind + "-names");
    var t = field.value.trim().toLowerCase();
    if (!list) return;
    names_of(kind).then(function (all) {
      list.textContent = "";
      if (!t) return;
      all.filter(function (n) { return n[0].toLowerCase().indexOf(t) >= 0; }).slice(0, 20).forEach(function (n) {
        var o = document.createElement("option");
        o.value = n[0];
        list.appendChild(o);
      });
    });
  }

  function href(path) {
    if (local) {
      var at = path.search(/[#?]/);
      var page = at < 0 ? path : path.slice(0, at);
      if (page === "" || page.slice(-1) === "/") path = page + "index.html" + (at < 0 ? "" : path.slice(at));
    }
    return new URL(path, root).href;
  }

  function render(ids, from) {
    var upto = Math.min(ids.length, from + PAGE);
    var needed = {};
    for (var n = from; n < upto; n++) needed[Math.floor(ids[n] / meta.chunk)] = true;
    var ks = Object.keys(needed).map(Number);
    return Promise.all(ks.map(chunk)).then(function (chunks) {
      var byK = {};
      ks.forEach(function (k, i) { byK[k] = chunks[i]; });
      for (var n = from; n < upto; n++) {
        var d = byK[Math.floor(ids[n] / meta.chunk)][ids[n] % meta.chunk];
        var li = document.createElement("li");
        var time = document.createElement("time");
        time.className = "event-date";
        time.setAttribute("datetime", d[3]);
        time.textContent = d[1];
        var a = document.createElement("a");
        a.href = href(d[0]);
        a.textContent = d[2];
        li.appendChild(time);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(a);
        out.appendChild(li);
      }
      shown = ids;
      more.hidden = upto >= ids.length;
      more.setAttribute("data-next", String(upto));
    });
  }

  function writeUrl(state) {
    var params = new URLSearchParams();
    ["q", "actor", "tag", "from", "to"].forEach(function (k) { if (state[k]) params.set(k, state[k]); });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function search() {
    var mine = ++run;
    var q = form.elements.q.value;
    var from = form.elements.from.value, to = form.elements.to.value;
    return Promise.all([
      meta ? meta : get(new URL("meta.json", folder)),
      slugOf("actor", form.elements.actor.value),
      slugOf("tag", form.elements.tag.value),
    ]).then(function (got) {
      meta = got[0];
      var actor = got[1], tag = got[2];
      if (mine !== run) return;
      writeUrl({ q: q.trim(), actor: actor || form.elements.actor.value.trim(), tag: tag || form.elements.tag.value.trim(), from: from, to: to });
      if (actor === null || tag === null) {
        out.textContent = "";
        more.hidden = true;
        status.textContent = "No " + (actor === null ? "actor" : "tag") + " of that name.";
        return;
      }
      var ws = words(q);
      var prefixLast = ws.length > 0 && !/[^\p{L}\p{N}]$/u.test(q);
      var lists = ws.map(function (w, i) { return wordIds(w, prefixLast && i === ws.length - 1); });
      if (actor) lists.push(termIds("a", actor));
      if (tag) lists.push(termIds("t", tag));
      var range = Promise.all([from ? firstFrom(from, false) : 0, to ? firstFrom(to, true) : meta.count]);
      var anything = ws.length > 0 || actor || tag || from || to;
      return Promise.all([Promise.all(lists), range]).then(function (r) {
        if (mine !== run) return;
        var lo = r[1][0], hi = r[1][1];
        var ids = null;
        r[0].forEach(function (l) { if (l) ids = ids ? intersect(ids, l) : l; });
        if (!ids) {
          ids = [];
          if (anything) for (var i = lo; i < hi; i++) ids.push(i);
        } else {
          ids = ids.filter(function (i) { return i >= lo && i < hi; });
        }
        out.textContent = "";
        more.hidden = true;
        if (!anything) { status.textContent = "Type words, or choose an actor, a tag or dates, to search all " + meta.count + " events."; return; }
        status.textContent = ids.length === 0 ? "No event matches." :
          ids.length + (ids.length === 1 ? " event matches" : " events match") + (ids.length > PAGE ? "; the first " + PAGE + " by date:" : ", by date:");
        return render(ids, 0);
      });
    }).catch(function (e) {
      if (mine === run) status.textContent = "The search index could not be loaded (" + e.message + ").";
    });
  }

  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(search, 120); }
  form.addEventListener("input", function (e) {
    if (e.target.name === "actor" || e.target.name === "tag") suggest(e.target.name);
    later();
  });
  form.addEventListener("change", later);
  form.addEventListener("submit", function (e) { e.preventDefault(); search(); });
  form.addEventListener("reset", function () { setTimeout(search, 0); });
  more.addEventListener("click", function () {
    render(shown, Number(more.getAttribute("data-next")));
  });

  // The state from the URL: an actor or tag given by slug shows its name.
  var params = new URLSearchParams(location.search);
  ["q", "from", "to", "actor", "tag"].forEach(function (k) {
    var v = params.get(k);
    if (v) form.elements[k].value = v;
  });
  Promise.all(["actor", "tag"].map(function (kind) {
    var v = params.get(kind);
    if (!v) return null;
    return names_of(kind).then(function (list) {
      for (var i = 0; i < list.length; i++) if (list[i][1] === v) { form.elements[kind].value = list[i][0]; return; }
    }, function () {});
  })).then(search);
})();
