/* Wijkkit: Dutch search that finds what a reader means, not only the letters typed.
 *
 * Appended by generator/site/assets.py to Material's own lunr.nl.min.js (which the search worker loads), after the
 * build's word tables (self.wijkkitSearchWords, from generator/site/searchwords.py):
 * - Material for MkDocs 9 appends "*" to every query term, and lunr skips its search pipeline (and so the stemmer)
 *   for terms with a wildcard. So indexing keeps every word AND adds its Dutch stem (the Snowball stemmer above),
 *   and a query term ending in "*" is stemmed before the prefix match: "burgerkrachten" finds "burgerkracht".
 * - Dutch writes f/v and s/z by turns ("initiatief", "initiatieven"; "huis", "huizen"): a stem ending in f or s
 *   is also looked for with v or z.
 * - Compounds: a word on the site that is two other words is also indexed by its parts, and a query word the site
 *   does not have is split into two words it does have ("buurtinitiatief" → "buurt" + "initiatief").
 * - Synonyms from content/synonyms.yaml: a query word also looks for the other words of its group.
 * Added clauses are optional and weigh less than the word typed, so exact matches still rank first.
 */
;(function (lunr, words) {
  if (!lunr || !lunr.nl || lunr.nl.wijkkit) return
  words = words || { compounds: {}, synonyms: {} }
  var stem = lunr.nl.stemmer
  var stemmed = function (text) { return stem(new lunr.Token(text)).toString() }

  var wordAndStem = function (token) {
    var text = token.toString()
    var out = [token]
    var seen = {}
    seen[text] = true
    var add = function (value) {
      if (value && !seen[value]) {
        seen[value] = true
        out.push(token.clone(function () { return value }))
      }
    }
    add(stemmed(text))
    ;(words.compounds[text] || []).forEach(function (part) { add(part); add(stemmed(part)) })
    return out.length === 1 ? token : out
  }
  lunr.Pipeline.registerFunction(wordAndStem, "stemmer-nl-wijkkit")
  lunr.nl.stemmer = wordAndStem
  lunr.nl.wijkkit = true

  /* The exact forms a word is found by: itself, its stem, and the stem with v or z for a final f or s. */
  var forms = function (word) {
    var base = stemmed(word)
    var found = [word, base]
    if (/f$/.test(base)) found.push(base.slice(0, -1) + "v")
    if (/s$/.test(base)) found.push(base.slice(0, -1) + "z")
    return found.filter(function (value, index) { return value && found.indexOf(value) === index })
  }

  /* A word the index does not know, as two words it does know (the longest known last part wins). */
  var split = function (index, word) {
    var known = function (part) {
      return forms(part).some(function (form) { return !!index.invertedIndex[form] })
    }
    if (word.length < 9 || known(word)) return null
    for (var cut = 4; cut <= word.length - 4; cut += 1) {
      var head = word.slice(cut)
      if (!known(head)) continue
      var modifier = word.slice(0, cut)
      if (known(modifier)) return [modifier, head]
      if (/s$/.test(modifier) && modifier.length > 4 && known(modifier.slice(0, -1))) return [modifier.slice(0, -1), head]
    }
    return null
  }

  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var index = this
    return query.call(this, function (q) {
      fn.call(q, q)
      var extra = []
      var add = function (term, boost) {
        extra.push({ term: term, boost: boost, usePipeline: false, wildcard: lunr.Query.wildcard.NONE })
      }
      q.clauses.forEach(function (clause) {
        if (clause.presence === lunr.Query.presence.PROHIBITED) return
        var typed = clause.term.replace(/\*$/, "").toLowerCase()
        if (!clause.usePipeline && /^[^*]{3,}\*$/.test(clause.term)) {
          var base = stemmed(typed)
          clause.term = base + "*"
          if (/[fs]$/.test(base)) add(base.slice(0, -1) + (/f$/.test(base) ? "v" : "z"), 0.9)
        }
        if (typed.length < 3) return
        var group = words.synonyms[typed] || words.synonyms[stemmed(typed)] || []
        group.forEach(function (other) { forms(other).forEach(function (form) { add(form, 0.6) }) })
        var parts = split(index, typed)
        if (parts) parts.forEach(function (part) { forms(part).forEach(function (form) { add(form, 0.4) }) })
      })
      extra.forEach(function (clause) { q.clause(clause) })
    })
  }
})(typeof lunr !== "undefined" ? lunr : self.lunr, self.wijkkitSearchWords)
