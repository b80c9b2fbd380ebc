// briefing: site search. Plain JavaScript, no framework, no network beyond this site.
// Loads search/index.json and its parts once, matches every word of the query (accents and case
// ignored) against title, actors, tags, lede and summary, ranks by where words match.
// Results are built with DOM nodes and textContent only: nothing from the index or
// the query is ever parsed as HTML. Matched words are shown in <mark>; the query
// stays in the box and in the address (`?q=`), so a result page can be shared. Dates come formatted in the index (`date_label`),
// the same as on every page ("24 March 2026").
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;

  var WEIGHTS = { title: 6, actors: 5, tags: 4, lede: 2, summary: 1 };
  var LIMIT = 50;
  var docs = null;

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(raw) {
    return raw.map(function (d) {
      return {
        doc: d,
        title: fold(d.title),
        actors: fold((d.actors || []).concat(d.aliases || []).join(" \u0001 ")),
        tags: fold((d.tags || []).join(" \u0001 ")),
        lede: fold(d.lede),
        summary: fold(d.summary)
      };
    });
  }

  function terms(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var best = 0;
      for (var field in WEIGHTS) {
        var at = entry[field].indexOf(words[i]);
        if (at < 0) continue;
        var startsWord = at === 0 || /[^\p{L}\p{N}]/u.test(entry[field].charAt(at - 1));
        var w = WEIGHTS[field] * (startsWord ? 2 : 1);
        if (w > best) best = w;
      }
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  // `text` as nodes, with every occurrence of a query word in <mark>. Matching is on
  // the folded text (as in `score`); each original character is folded on its own so
  // that a match maps back to the characters the reader sees.
  function highlighted(text, words) {
    var source = String(text || "");
    var chars = Array.from(source);
    var folded = "";
    var origin = [];
    for (var i = 0; i < chars.length; i++) {
      var f = fold(chars[i]);
      for (var j = 0; j < f.length; j++) origin.push(i);
      folded += f;
    }
    var marked = new Array(chars.length).fill(false);
    words.forEach(function (w) {
      var at = folded.indexOf(w);
      while (at >= 0 && w.length > 0) {
        for (var k = at; k < at + w.length; k++) marked[origin[k]] = true;
        at = folded.indexOf(w, at + w.length);
      }
    });
    var fragment = document.createDocumentFragment();
    var run = "";
    var inMark = false;
    function flush() {
      if (!run) return;
      fragment.appendChild(inMark ? el("mark", null, run) : document.createTextNode(run));
      run = "";
    }
    for (var c = 0; c < chars.length; c++) {
      if (marked[c] !== inMark) { flush(); inMark = marked[c]; }
      run += chars[c];
    }
    flush();
    return fragment;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The first summary sentence holding a query word that the title, the meta line and the
  // lede do not show, so every result shows why it matched (none when they show all).
  function summarySentence(d, meta, words) {
    var shown = fold([d.title, meta, d.lede].join(" "));
    var missing = words.filter(function (w) { return shown.indexOf(w) < 0; });
    if (missing.length === 0 || !d.summary) return "";
    var sentences = String(d.summary).split(/(?<=[.!?\u201d])\s+/);
    for (var i = 0; i < sentences.length; i++) {
      var folded = fold(sentences[i]);
      if (missing.some(function (w) { return folded.indexOf(w) >= 0; })) return sentences[i];
    }
    return "";
  }

  function render(query) {
    list.textContent = "";
    var words = terms(query);
    if (words.length === 0) {
      status.textContent = docs.length + " briefings. Type words to search.";
      return;
    }
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var s = score(docs[i], words);
      if (s > 0) hits.push({ s: s, d: docs[i].doc, i: i });
    }
    hits.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    status.textContent = hits.length === 0
      ? "No briefing matches \u201c" + query + "\u201d."
      : hits.length + (hits.length === 1 ? " briefing matches" : " briefings match") + " \u201c" + query + "\u201d" +
        (hits.length > LIMIT ? "; showing the first " + LIMIT + "." : ".");
    hits.slice(0, LIMIT).forEach(function (hit) {
      var d = hit.d;
      var item = el("li");
      var link = el("a", "result-title");
      link.appendChild(highlighted(d.title, words));
      link.href = d.url;
      item.appendChild(link);
      var meta = [d.date_label || d.date || "", (d.actors || []).slice(0, 4).join(", ")].filter(Boolean).join(" \u00b7 ");
      if (meta) {
        var line = el("p", "result-meta");
        line.appendChild(highlighted(meta, words));
        item.appendChild(line);
      }
      if (d.lede) {
        var lede = el("p", "result-lede");
        lede.appendChild(highlighted(d.lede, words));
        item.appendChild(lede);
      }
      var snippet = summarySentence(d, meta, words);
      if (snippet) {
        var more = el("p", "result-snippet");
        more.appendChild(highlighted(snippet, words));
        item.appendChild(more);
      }
      list.appendChild(item);
    });
  }

  function current() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  function update() {
    var q = input.value.trim();
    var url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.toString());
    render(q);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (docs) update();
  });

  input.value = current();
  status.textContent = "Loading the search index\u2026";
  function load(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  // The index lists its parts (each the documents of a run of briefings, in site order):
  // all are loaded at once and joined in order.
  load(form.getAttribute("data-index"))
    .then(function (index) {
      return Promise.all((index.parts || []).map(load));
    })
    .then(function (parts) {
      docs = prepare([].concat.apply([], parts.map(function (part) { return part.docs || []; })));
      var timer = null;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(update, 120);
      });
      render(input.value.trim());
    })
    .catch(function () {
      status.textContent = "The search index could not be loaded. Open this site through a web server (for example `briefing serve`).";
    });
})();
