// Implementation of ConceptResolver (see concept_resolver.hpp).
#include "kb/concept_resolver.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace fkb::kb {

std::string fts_or_query(const std::vector<std::string>& words) {
    std::string q;
    std::set<std::string> seen;
    for (const auto& w : words) {
        if (w.empty() || !seen.insert(w).second) continue;
        if (!q.empty()) q += " OR ";
        q += '"';
        for (char c : w) {
            if (c == '"') q += '"';
            q += c;
        }
        q += '"';
    }
    return q;
}

namespace {

struct Candidate {
    std::string id, label, alias;
    std::set<std::string> terms;  ///< of the matching alias
    double fit = 0;               ///< 1 when the alias is inside the question
};

}  // namespace

std::vector<ResolvedConcept> ConceptResolver::resolve(std::string_view question) {
    std::vector<std::string> qterm_list = terms_.terms(question);
    std::set<std::string> qterms(qterm_list.begin(), qterm_list.end());
    if (qterms.empty()) return {};

    std::vector<std::string> fts_words;
    for (const auto& t : qterms)
        for (const auto& v : terms_.variants(t)) fts_words.push_back(v);
    for (const auto& w : TermNormalizer::words(question)) fts_words.push_back(w);

    std::map<std::string, Candidate> best;  // concept id -> best alias
    {
        Stmt& s = kb_.stmt(
            "SELECT c.concept, c.label, a.alias FROM concepts_fts "
            "JOIN concept_aliases a ON a.id = concepts_fts.rowid JOIN concepts c ON c.id = a.concept_ref "
            "WHERE concepts_fts MATCH ?1 AND c.kind = 'symptom' LIMIT 5000");
        s.bind(1, fts_or_query(fts_words));
        while (s.step()) {
            auto at = terms_.terms(s.text_view(2));
            std::set<std::string> aterms(at.begin(), at.end());
            if (aterms.empty()) continue;
            size_t inside = 0;
            bool specific = false;  // shares a term other than the complaint itself
            for (const auto& t : aterms)
                if (qterms.count(t)) {
                    ++inside;
                    if (!terms_.is_generic(t)) specific = true;
                }
            if (!specific) continue;
            double fit = static_cast<double>(inside) / static_cast<double>(aterms.size());
            Candidate c{s.text(0), s.text(1), s.text(2), {}, fit};
            for (const auto& t : aterms)
                if (qterms.count(t)) c.terms.insert(t);
            auto it = best.find(c.id);
            if (it == best.end() || c.fit > it->second.fit ||
                (c.fit == it->second.fit && c.terms.size() > it->second.terms.size()) ||
                (c.fit == it->second.fit && c.terms.size() == it->second.terms.size() && c.alias < it->second.alias))
                best[c.id] = std::move(c);
        }
    }
    std::vector<Candidate> matched;
    for (auto& [id, c] : best)
        if (c.fit >= 1.0) matched.push_back(c);
    if (matched.empty()) {
        // Partial: the aliases covering most of themselves, at least half.
        double top = 0;
        size_t top_terms = 0;
        for (auto& [id, c] : best) {
            if (c.fit > top || (c.fit == top && c.terms.size() > top_terms)) {
                top = c.fit;
                top_terms = c.terms.size();
            }
        }
        if (top >= 0.5)
            for (auto& [id, c] : best)
                if (c.fit == top && c.terms.size() == top_terms) matched.push_back(c);
    }
    if (matched.empty()) {
        // Last resort: the symptoms stated in the posts that match the question best.
        Stmt& s = kb_.stmt(
            "WITH hits AS (SELECT rowid AS post FROM posts_fts WHERE posts_fts MATCH ?1 ORDER BY rank LIMIT 200) "
            "SELECT f.concept, c.label, count(*) AS n FROM hits JOIN facts f ON f.post = hits.post "
            "JOIN concepts c ON c.kind = 'symptom' AND c.concept = f.concept "
            "WHERE f.kind = 'symptom' GROUP BY f.concept ORDER BY n DESC, f.concept LIMIT 1");
        s.bind(1, fts_or_query(TermNormalizer::words(question)));
        while (s.step()) matched.push_back(Candidate{s.text(0), s.text(1), "", {}, 0});
        if (matched.empty()) return {};
    }

    // Parents of the symptom concepts (the hierarchy is small: read it once per query).
    std::map<std::string, std::string> parent;
    std::map<std::string, std::string> label;
    std::map<std::string, std::vector<std::string>> children;
    {
        Stmt& s = kb_.stmt("SELECT concept, parent, label FROM concepts WHERE kind = 'symptom'");
        while (s.step()) {
            std::string id = s.text(0);
            label[id] = s.text(2);
            if (!s.is_null(1)) {
                parent[id] = s.text(1);
                children[s.text(1)].push_back(id);
            }
        }
    }
    auto ancestors = [&](const std::string& id) {
        std::vector<std::string> out;
        std::string cur = id;
        for (int depth = 0; depth < 16; ++depth) {
            auto it = parent.find(cur);
            if (it == parent.end() || it->second == id) break;
            out.push_back(it->second);
            cur = it->second;
        }
        return out;
    };
    // Most specific: drop a match that is an ancestor of another match, or
    // whose matched terms are a strict subset of another's.
    std::vector<Candidate> chosen;
    std::set<std::string> broader;
    for (const auto& c : matched) {
        bool general = false;
        for (const auto& o : matched) {
            if (&o == &c) continue;
            auto anc = ancestors(o.id);
            bool is_anc = std::find(anc.begin(), anc.end(), c.id) != anc.end();
            bool subset = c.terms.size() < o.terms.size() &&
                          std::includes(o.terms.begin(), o.terms.end(), c.terms.begin(), c.terms.end());
            if (is_anc || subset) general = true;
        }
        if (general)
            broader.insert(c.id);
        else
            chosen.push_back(c);
    }
    std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) { return a.id < b.id; });
    std::vector<ResolvedConcept> out;
    std::set<std::string> seen;
    for (const auto& c : chosen) {
        out.push_back(ResolvedConcept{c.id, label.count(c.id) ? label[c.id] : c.label, "matched", c.alias});
        seen.insert(c.id);
    }
    std::vector<std::string> stack;
    for (const auto& c : chosen) stack.push_back(c.id);
    std::vector<std::string> narrower;
    while (!stack.empty()) {
        std::string id = stack.back();
        stack.pop_back();
        for (const auto& ch : children[id])
            if (seen.insert(ch).second) {
                narrower.push_back(ch);
                stack.push_back(ch);
            }
    }
    std::sort(narrower.begin(), narrower.end());
    for (const auto& id : narrower) out.push_back(ResolvedConcept{id, label[id], "narrower", ""});
    for (const auto& c : chosen)
        for (const auto& a : ancestors(c.id)) broader.insert(a);
    for (const auto& id : broader)
        if (seen.insert(id).second) out.push_back(ResolvedConcept{id, label.count(id) ? label[id] : id, "broader", ""});
    return out;
}

}  // namespace fkb::kb
