
/* Wijkkit: Dutch stemming that survives Material's type-ahead wildcards.
 *
 * Material for MkDocs 9 appends "*" to every query term, and lunr skips its search pipeline (and so the stemmer)
 * for terms with a wildcard. Without this, "burgerkrachten" never finds "burgerkracht". So:
 * - indexing keeps every word AND adds its Dutch stem (the Snowball stemmer above), and
 * - a query term ending in "*" is stemmed before the prefix match.
 * Appended by generator/site/assets.py to Material's own lunr.nl.min.js, which the search worker loads.
 */
;(function (lunr) {
  if (!lunr || !lunr.nl || lunr.nl.wijkkit) return
  var stem = lunr.nl.stemmer
  var wordAndStem = function (token) {
    var stemmed = stem(token.clone())
    return stemmed.toString() === token.toString() ? token : [token, stemmed]
  }
  lunr.Pipeline.registerFunction(wordAndStem, "stemmer-nl-wijkkit")
  lunr.nl.stemmer = wordAndStem
  lunr.nl.wijkkit = true

  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    return query.call(this, function (q) {
      fn.call(q, q)
      q.clauses.forEach(function (clause) {
        if (clause.usePipeline || !/^[^*]{3,}\*$/.test(clause.term)) return
        clause.term = stem(new lunr.Token(clause.term.slice(0, -1))).toString() + "*"
      })
    })
  }
})(typeof lunr !== "undefined" ? lunr : self.lunr)
