/* Client-side search of the briefing site: all words must appear; filters by authority and
   section. Items come from the JSON in #search-data; results are built with DOM nodes only
   (never innerHTML), so document text is never interpreted as markup. */
(function () {
  "use strict";

  var LIMIT = 200;
  var data = JSON.parse(document.getElementById("search-data").textContent);
  var form = document.getElementById("search-form");
  var query = document.getElementById("q");
  var authority = document.getElementById("authority");
  var section = document.getElementById("section");
  var count = document.getElementById("count");
  var results = document.getElementById("results");
  var sectionNames = {};

  Array.prototype.forEach.call(section.options, function (option) {
    sectionNames[option.value] = option.textContent;
  });
  data.forEach(function (item) {
    item.haystack = item.text.toLocaleLowerCase();
  });

  function words(text) {
    return text.toLocaleLowerCase().split(/\s+/).filter(function (word) { return word; });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function highlighted(text, terms) {
    var fragment = document.createDocumentFragment();
    if (!terms.length) {
      fragment.appendChild(document.createTextNode(text));
      return fragment;
    }
    var pattern = new RegExp("(" + terms.map(escapeRegExp).join("|") + ")", "gi");
    text.split(pattern).forEach(function (part, index) {
      if (!part) { return; }
      if (index % 2 === 1) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    return fragment;
  }

  function result(item, terms) {
    var li = document.createElement("li");
    var meta = document.createElement("p");
    meta.className = "meta";
    var name = document.createElement(item.page ? "a" : "span");
    name.textContent = item.authority || "Unknown authority";
    if (item.page) { name.href = item.page; }
    meta.appendChild(name);
    var where = [item.period || "unknown period", sectionNames[item.section] || item.section];
    if (item.area) { where.push(item.area.replace(/_/g, " ")); }
    meta.appendChild(document.createTextNode(" · " + where.join(" · ")));
    var text = document.createElement("p");
    text.className = "text";
    text.appendChild(highlighted(item.text, terms));
    li.appendChild(meta);
    li.appendChild(text);
    return li;
  }

  function run() {
    var terms = words(query.value);
    var hits = data.filter(function (item) {
      return (!authority.value || item.authority === authority.value) &&
        (!section.value || item.section === section.value) &&
        terms.every(function (term) { return item.haystack.indexOf(term) !== -1; });
    });
    while (results.firstChild) { results.removeChild(results.firstChild); }
    hits.slice(0, LIMIT).forEach(function (item) { results.appendChild(result(item, terms)); });
    count.textContent = hits.length === 0 ? "No items match." :
      hits.length > LIMIT ? "Showing the first " + LIMIT + " of " + hits.length + " items." :
      hits.length + (hits.length === 1 ? " item." : " items.");
  }

  var params = new URLSearchParams(window.location.search);
  query.value = params.get("q") || "";
  authority.value = params.get("authority") || "";
  section.value = params.get("section") || "";
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  [query, authority, section].forEach(function (control) {
    control.addEventListener("input", run);
  });
  run();
}());
