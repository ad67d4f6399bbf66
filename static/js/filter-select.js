// A search box above long lists (facilities, courts). Without this script the <select> still
// works: browsers jump to an option as you type its first letters.
//
// It matches as eligibility/courts.py search_facilities() does: words in any order, each the
// start of a word of the option (or of its data-search text), accents and case ignored, and
// the common words for a kind of facility read as its abbreviation ("medical center" is FMC).
// The tables below are a copy of SPELLED_OUT, SYNONYMS and IGNORED there;
// tests/test_facility_search.py checks that they agree.
//
// The <select> carries the words shown around it, so the page can give them in its language:
// data-filter (the box's label), data-filter-one ("1 match in the list below") and
// data-filter-many ("{count} matches in the list below").
(function () {
  "use strict";

  var TABLES = /* search-tables:begin */ {
    "spelled_out": {
      "fci": "federal correctional institution",
      "usp": "united states penitentiary",
      "ausp": "administrative united states penitentiary",
      "fmc": "federal medical center",
      "mcfp": "medical center for federal prisoners",
      "fpc": "federal prison camp",
      "fcc": "federal correctional complex",
      "fdc": "federal detention center",
      "mdc": "metropolitan detention center",
      "mcc": "metropolitan correctional center",
      "ftc": "federal transfer center",
      "rrm": "residential reentry management office halfway house",
      "ccm": "community corrections manager residential reentry halfway house",
      "ci": "correctional institution"
    },
    "synonyms": {
      "med": "medium",
      "medio": "medium",
      "media": "medium",
      "mediana": "medium",
      "baja": "low",
      "alta": "high",
      "medical": "fmc mcfp",
      "medical center": "fmc mcfp",
      "hospital": "fmc mcfp",
      "centro medico": "fmc mcfp",
      "penitentiary": "usp ausp",
      "pen": "usp ausp",
      "penitenciaria": "usp ausp",
      "correctional institution": "fci",
      "institucion correccional": "fci",
      "camp": "fpc",
      "prison camp": "fpc",
      "satellite camp": "fpc",
      "campamento": "fpc",
      "complex": "fcc",
      "complejo": "fcc",
      "detention center": "fdc mdc",
      "detention": "fdc mdc",
      "centro de detencion": "fdc mdc",
      "metropolitan": "mdc mcc",
      "metropolitano": "mdc mcc",
      "transfer center": "ftc",
      "residential reentry": "rrm ccm",
      "reentry": "rrm ccm",
      "re entry": "rrm ccm",
      "halfway house": "rrm ccm",
      "halfway": "rrm ccm",
      "rrc": "rrm ccm",
      "casa de transicion": "rrm ccm",
      "ft": "fort",
      "saint": "st"
    },
    "ignored": ["the", "of", "de", "security", "level", "prison", "jail", "bop"]
  } /* search-tables:end */;

  var longest = Object.keys(TABLES.synonyms).reduce(function (most, phrase) {
    return Math.max(most, phrase.split(" ").length);
  }, 1);

  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function split(text) {
    return text ? text.split(" ") : [];
  }

  // The words an option is found by: its own, and its abbreviations spelled out.
  function searchWords(text) {
    var words = split(normalise(text));
    var all = words.slice();
    words.forEach(function (w) {
      if (Object.prototype.hasOwnProperty.call(TABLES.spelled_out, w)) {
        all = all.concat(TABLES.spelled_out[w].split(" "));
      }
    });
    return all;
  }

  // Each term: the starts of words it may be, and the whole words it stands for.
  function queryTerms(query) {
    var words = split(normalise(query));
    var terms = [];
    var i = 0;
    while (i < words.length) {
      var found = false;
      for (var size = Math.min(longest, words.length - i); size > 0 && !found; size -= 1) {
        var phrase = words.slice(i, i + size).join(" ");
        if (Object.prototype.hasOwnProperty.call(TABLES.synonyms, phrase)) {
          terms.push({starts: size === 1 ? [phrase] : [], words: TABLES.synonyms[phrase].split(" ")});
          i += size;
          found = true;
        }
      }
      if (!found) {
        if (TABLES.ignored.indexOf(words[i]) === -1) {
          terms.push({starts: [words[i]], words: []});
        }
        i += 1;
      }
    }
    return terms;
  }

  function matches(terms, words) {
    return terms.every(function (term) {
      return term.words.some(function (w) { return words.indexOf(w) !== -1; }) ||
        term.starts.some(function (t) {
          return words.some(function (w) { return w.indexOf(t) === 0; });
        });
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {searchWords: searchWords, queryTerms: queryTerms, matches: matches};
  }
  if (typeof document === "undefined") {
    return;
  }

  document.querySelectorAll("select[data-filter]").forEach(function (select) {
    var options = Array.prototype.slice.call(select.querySelectorAll("option"));
    var words = options.map(function (option) {
      return searchWords((option.getAttribute("data-search") || option.textContent) + " " + option.value);
    });
    var one = select.getAttribute("data-filter-one") || "1 match in the list below";
    var many = select.getAttribute("data-filter-many") || "{count} matches in the list below";
    var box = document.createElement("input");
    box.type = "search";
    box.id = select.id + "_search";
    box.className = "filter-box";
    box.setAttribute("autocomplete", "off");
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.className = "filter-label";
    label.textContent = select.getAttribute("data-filter");
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(status, select);
    box.addEventListener("input", function () {
      var terms = queryTerms(box.value);
      var shown = 0;
      options.forEach(function (option, n) {
        var listed = option.value && option.value !== "other";
        var found = listed && matches(terms, words[n]);
        var keep = found || !listed || option.selected;
        option.hidden = !keep;
        option.disabled = !keep;
        if (found) { shown += 1; }
      });
      status.textContent = !terms.length ? "" :
        shown === 1 ? one : many.replace("{count}", String(shown));
    });
  });
})();
