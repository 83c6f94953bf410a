// run_query: ranking the causes and remedies of the symptom concepts a
// question resolves to (docs/query.md has the score and its reasons).
//
// The work is three reads: the lean rows of every cause/remedy fact linked
// to those symptoms (with the author's weight and whether the evidence sits
// inside a quote), the endorsements and quotes of the posts that made those
// claims, and, for the items shown only, the cause links and the evidence
// quotes. Aggregation happens here, per item and per author, so that each
// author counts once however many times they repeat a claim, and an endorser
// adds to the claim they endorse instead of becoming a second copy of it.
#include <forumkb/kb/query.hpp>

#include "kb/concept_resolver.hpp"
#include "kb/json_writer.hpp"
#include "kb/kb_reader_impl.hpp"
#include "kb/term_normalizer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace fkb::kb {

namespace {

constexpr double kDefaultWeight = 0.1;      // an author the credibility scorer did not weigh (its base)
constexpr double kEndorsementShare = 0.5;   // what an endorsement adds, relative to a claim
constexpr double kAncestorLink = 1.0;       // advice given for a broader symptom

double certainty_factor(const std::optional<std::string>& c) {
    if (!c || *c == "asserted") return 1.0;
    if (*c == "probable") return 0.8;
    if (*c == "possible") return 0.6;
    if (*c == "questioned") return 0.3;
    return 0.8;
}

/// An author counts 0.5 for being an independent voice and up to 0.5 more
/// for credibility: author count leads, credibility orders within it.
double author_factor(double weight) { return 0.5 + 0.5 * std::clamp(weight, 0.0, 1.0); }

double link_factor(std::string_view link) {
    if (link == "thread") return 0.8;
    if (link == "post") return 0.9;
    return 1.0;  // stated, cause
}

double outcome_bonus(std::string_view outcome) {
    if (outcome == "resolved") return 0.5;
    if (outcome == "improved") return 0.3;
    if (outcome == "no_effect") return -0.25;
    if (outcome == "worse") return -0.5;
    return 0;
}

std::string json_array(const std::vector<std::string>& v) {
    JsonWriter w;
    w.begin_array();
    for (const auto& s : v) w.value(s);
    w.end_array();
    return w.take();
}

std::string json_array(const std::vector<int64_t>& v) {
    JsonWriter w;
    w.begin_array();
    for (int64_t s : v) w.value(s);
    w.end_array();
    return w.take();
}

/// One cause or remedy fact linked to the question's symptoms.
struct FactRow {
    int64_t id = 0;
    bool cause = false;
    std::string concept_id, label;
    std::optional<std::string> certainty, polarity, outcome;
    int64_t post = 0, thread = 0;
    int64_t author = 0;  ///< author id, or -post row id when anonymous
    double weight = kDefaultWeight;
    double link = 1.0;
    bool quoted = false;
    bool negated() const { return polarity && *polarity == "negated"; }
    double contribution() const { return author_factor(weight) * certainty_factor(certainty) * link; }
};

struct Endorser {
    int64_t author;
    double weight;
};

struct Item {
    bool cause = false;
    std::string id, label;
    std::vector<const FactRow*> facts;
    std::map<int64_t, double> supporters;  ///< author -> best contribution
    std::map<int64_t, double> deniers;
    std::map<int64_t, double> endorsers;   ///< author -> bonus
    std::map<std::string, std::set<int64_t>> outcomes;
    std::map<std::string, int> certainty;
    std::map<std::string, int> labels;
    double score = 0;
    RankedItem out;
};

/// The root concept (same kind) of each concept, via concepts.parent.
class Rollup {
public:
    Rollup(KbReader::Impl& kb, const char* kind) : kb_(kb), kind_(kind) {}

    void load(const std::set<std::string>& ids) {
        std::vector<std::string> todo(ids.begin(), ids.end());
        for (int depth = 0; depth < 8 && !todo.empty(); ++depth) {
            Stmt& s = kb_.stmt(
                "SELECT concept, parent, label FROM concepts WHERE kind = ?1 "
                "AND concept IN (SELECT value FROM json_each(?2))");
            s.bind(1, kind_).bind(2, json_array(todo));
            std::vector<std::string> next;
            while (s.step()) {
                std::string id = s.text(0);
                label_[id] = s.text(2);
                if (!s.is_null(1)) {
                    std::string p = s.text(1);
                    parent_[id] = p;
                    if (!label_.count(p)) next.push_back(p);
                }
            }
            todo = std::move(next);
        }
    }
    std::string root(const std::string& id) const {
        std::string cur = id;
        for (int i = 0; i < 8; ++i) {
            auto it = parent_.find(cur);
            if (it == parent_.end() || !label_.count(it->second)) break;
            cur = it->second;
        }
        return cur;
    }
    std::string label(const std::string& id, const std::string& fallback) const {
        auto it = label_.find(id);
        return it == label_.end() ? fallback : it->second;
    }

private:
    KbReader::Impl& kb_;
    const char* kind_;
    std::map<std::string, std::string> parent_, label_;
};

/// Content terms of an advice label for comparing advice with advice.
struct Gist {
    std::set<std::string> terms;
    bool avoid = false;
};

Gist gist(const TermNormalizer& n, const std::string& label, const std::string& id) {
    Gist g;
    std::string spaced = id;
    std::replace(spaced.begin(), spaced.end(), '_', ' ');
    for (const auto& t : n.terms(label + " " + spaced)) {
        if (n.is_avoid(t))
            g.avoid = true;
        else if (!n.is_generic(t))
            g.terms.insert(t);
    }
    return g;
}

size_t overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    size_t n = 0;
    for (const auto& t : a) n += b.count(t);
    return n;
}

}  // namespace

QueryResult run_query(KbReader& reader, std::string_view text, const QueryOptions& options) {
    KbReader::Impl& kb = reader.impl();
    const TermNormalizer& norm = TermNormalizer::builtin();
    QueryResult result;
    result.text = std::string(text);
    result.concepts = ConceptResolver(kb, norm).resolve(text);
    if (result.concepts.empty()) return result;

    std::vector<std::string> scope;
    std::set<std::string> broader;
    for (const auto& c : result.concepts) {
        scope.push_back(c.id);
        if (c.role == "broader") broader.insert(c.id);
    }

    // 1. The lean rows of the linked facts.
    std::vector<FactRow> rows;
    {
        Stmt& s = kb.stmt(
            "SELECT f.id, f.kind, f.concept, f.label, f.certainty, f.polarity, f.outcome, f.post, f.thread, "
            "p.author_id, pw.weight, fs.link, fs.symptom, "
            "EXISTS (SELECT 1 FROM quotes q WHERE q.post = f.post AND q.start <= f.ev_start AND f.ev_end <= q.end) "
            "FROM fact_symptoms fs CROSS JOIN facts f ON f.id = fs.fact CROSS JOIN posts p ON p.id = f.post "
            "LEFT JOIN post_weights pw ON pw.post = f.post "
            "WHERE fs.symptom IN (SELECT value FROM json_each(?1)) AND f.kind IN ('cause', 'remedy') "
            "AND f.concept IS NOT NULL ORDER BY f.id");
        s.bind(1, json_array(scope));
        std::unordered_map<int64_t, size_t> at;
        while (s.step()) {
            double link = link_factor(s.text_view(11)) * (broader.count(s.text(12)) ? kAncestorLink : 1.0);
            int64_t id = s.int64(0);
            if (auto it = at.find(id); it != at.end()) {
                rows[it->second].link = std::max(rows[it->second].link, link);
                continue;
            }
            FactRow r;
            r.id = id;
            r.cause = s.text_view(1) == "cause";
            r.concept_id = s.text(2);
            r.label = s.text(3);
            r.certainty = s.opt_text(4);
            r.polarity = s.opt_text(5);
            r.outcome = s.opt_text(6);
            r.post = s.int64(7);
            r.thread = s.int64(8);
            r.author = s.is_null(9) ? -r.post : s.int64(9);
            if (!s.is_null(10)) r.weight = s.real(10);
            r.link = link;
            r.quoted = s.int64(13) != 0;
            at.emplace(id, rows.size());
            rows.push_back(std::move(r));
        }
    }
    {
        std::set<int64_t> threads;
        int n = 0;
        for (const auto& r : rows)
            if (!r.quoted) {
                ++n;
                threads.insert(r.thread);
            }
        result.facts = n;
        result.threads = static_cast<int>(threads.size());
    }

    // 2. Items: facts grouped under the root of their concept.
    Rollup causes_up(kb, "cause"), remedies_up(kb, "remedy");
    {
        std::set<std::string> c, r;
        for (const auto& f : rows) (f.cause ? c : r).insert(f.concept_id);
        causes_up.load(c);
        remedies_up.load(r);
    }
    std::map<std::pair<bool, std::string>, Item> items;
    std::map<int64_t, std::vector<const FactRow*>> claims_by_post;
    for (const auto& f : rows) {
        if (f.quoted) continue;  // repeated from another post: that post's claim, not a new one
        const Rollup& up = f.cause ? causes_up : remedies_up;
        std::string root = up.root(f.concept_id);
        Item& it = items[{f.cause, root}];
        if (it.id.empty()) {
            it.cause = f.cause;
            it.id = root;
            it.label = up.label(root, f.label);
        }
        it.facts.push_back(&f);
        it.labels[f.label]++;
        double c = f.contribution();
        if (f.negated()) {
            it.deniers[f.author] = std::max(it.deniers[f.author], c);
            continue;
        }
        it.supporters[f.author] = std::max(it.supporters[f.author], c);
        it.certainty[f.certainty.value_or("asserted")]++;
        if (f.outcome) it.outcomes[*f.outcome].insert(f.author);
        claims_by_post[f.post].push_back(&f);
    }

    // 3. Endorsements and quotes of the claiming posts.
    std::map<int64_t, std::vector<Endorser>> endorsers_of;  // post -> endorsers
    if (!claims_by_post.empty()) {
        std::vector<int64_t> posts;
        for (const auto& [p, v] : claims_by_post) posts.push_back(p);
        Stmt& s = kb.stmt(
            "SELECT e.target_post, p.id, p.author_id, pw.weight FROM endorsements e "
            "JOIN posts p ON p.id = e.post LEFT JOIN post_weights pw ON pw.post = e.post "
            "WHERE e.target_post IN (SELECT value FROM json_each(?1)) "
            "UNION "
            "SELECT tp.id, p.id, p.author_id, pw.weight FROM posts tp "
            "JOIN quotes q ON q.quoted_index = tp.post_index "
            "JOIN posts p ON p.id = q.post AND p.thread = tp.thread "
            "LEFT JOIN post_weights pw ON pw.post = p.id "
            "WHERE tp.id IN (SELECT value FROM json_each(?1))");
        s.bind(1, json_array(posts));
        std::set<std::pair<int64_t, int64_t>> seen;
        while (s.step()) {
            int64_t target = s.int64(0);
            int64_t author = s.is_null(2) ? -s.int64(1) : s.int64(2);
            if (!seen.insert({target, author}).second) continue;
            endorsers_of[target].push_back(Endorser{author, s.is_null(3) ? kDefaultWeight : s.real(3)});
        }
    }
    std::map<int64_t, int> endorsements_of_post;
    for (auto& [key, it] : items) {
        for (const FactRow* f : it.facts) {
            if (f->negated()) continue;
            auto e = endorsers_of.find(f->post);
            if (e == endorsers_of.end()) continue;
            for (const Endorser& en : e->second) {
                if (en.author == f->author || it.supporters.count(en.author)) continue;  // never a second copy
                double bonus = kEndorsementShare * author_factor(en.weight) * certainty_factor(f->certainty) * f->link;
                it.endorsers[en.author] = std::max(it.endorsers[en.author], bonus);
            }
            endorsements_of_post[f->post] = static_cast<int>(e->second.size());
        }
    }

    // 4. Scores.
    std::vector<Item*> causes, remedies;
    for (auto& [key, it] : items) {
        RankedItem& o = it.out;
        o.id = it.id;
        o.label = it.label;
        o.support = static_cast<int>(it.supporters.size());
        o.endorsements = static_cast<int>(it.endorsers.size());
        o.negations = static_cast<int>(it.deniers.size());
        double score = 0, wsum = 0;
        for (const auto& [a, c] : it.supporters) score += c;
        for (const auto& [a, b] : it.endorsers) score += b;
        for (const auto& [a, c] : it.deniers) score -= c;
        std::map<int64_t, double> author_weight;
        for (const FactRow* f : it.facts) author_weight[f->author] = std::max(author_weight[f->author], f->weight);
        for (const auto& [outcome, authors] : it.outcomes) {
            o.outcomes[outcome] = static_cast<int>(authors.size());
            for (int64_t a : authors) score += outcome_bonus(outcome) * author_factor(author_weight[a]);
        }
        for (const auto& [a, c] : it.supporters) wsum += author_weight[a];
        o.credibility = o.support > 0 ? wsum / o.support : 0;
        o.score = std::round(score * 10000.0) / 10000.0;
        o.certainty = it.certainty;
        o.disputed = o.support > 0 && o.negations > 0;
        o.questioned_only = o.support > 0 && it.certainty.size() == 1 && it.certainty.count("questioned");
        std::vector<std::pair<int, std::string>> labels;
        for (const auto& [l, n] : it.labels)
            if (l != o.label) labels.emplace_back(-n, l);
        std::sort(labels.begin(), labels.end());
        for (const auto& [n, l] : labels) o.variants.push_back(l);
        if (o.support < options.min_support) continue;
        (it.cause ? causes : remedies).push_back(&it);
    }
    auto order = [](const Item* a, const Item* b) {
        if (a->out.score != b->out.score) return a->out.score > b->out.score;
        if (a->out.support != b->out.support) return a->out.support > b->out.support;
        return a->out.label < b->out.label;
    };
    std::sort(causes.begin(), causes.end(), order);
    std::sort(remedies.begin(), remedies.end(), order);
    if (options.limit > 0) {
        if (causes.size() > static_cast<size_t>(options.limit)) causes.resize(static_cast<size_t>(options.limit));
        if (remedies.size() > static_cast<size_t>(options.limit)) remedies.resize(static_cast<size_t>(options.limit));
    }

    // 5. Remedies for each cause shown (fact_causes), among the remedies of the question.
    {
        std::vector<int64_t> remedy_facts;
        std::map<int64_t, const Item*> item_of_fact;
        for (auto& [key, it] : items)
            if (!it.cause)
                for (const FactRow* f : it.facts)
                    if (!f->negated()) {
                        remedy_facts.push_back(f->id);
                        item_of_fact[f->id] = &it;
                    }
        std::map<std::string, const Item*> cause_items;
        std::set<std::string> cause_concepts;
        for (const Item* c : causes) cause_items[c->id] = c;
        std::map<std::string, std::map<const Item*, std::set<int64_t>>> links;  // cause item -> remedy item -> authors
        if (!remedy_facts.empty() && !causes.empty()) {
            Stmt& s = kb.stmt("SELECT fact, cause FROM fact_causes WHERE fact IN (SELECT value FROM json_each(?1))");
            s.bind(1, json_array(remedy_facts));
            std::map<int64_t, const FactRow*> by_id;
            for (const auto& f : rows) by_id[f.id] = &f;
            std::set<std::string> link_causes;
            std::vector<std::pair<int64_t, std::string>> pairs;
            while (s.step()) pairs.emplace_back(s.int64(0), s.text(1));
            for (const auto& p : pairs) link_causes.insert(p.second);
            causes_up.load(link_causes);
            for (const auto& [fact, cause] : pairs) {
                std::string root = causes_up.root(cause);
                if (!cause_items.count(root)) continue;
                links[root][item_of_fact[fact]].insert(by_id[fact]->author);
            }
        }
        for (Item* c : causes) {
            std::vector<LinkedItem> linked;
            for (const auto& [ri, authors] : links[c->id])
                linked.push_back(LinkedItem{ri->id, ri->label, static_cast<int>(authors.size())});
            std::sort(linked.begin(), linked.end(), [&](const LinkedItem& a, const LinkedItem& b) {
                if (a.authors != b.authors) return a.authors > b.authors;
                return a.label < b.label;
            });
            c->out.remedies = std::move(linked);
        }
    }

    // 6. Conflicting advice: a remedy recommending what a cause blames, or
    //    two remedies where one says to avoid what the other recommends.
    {
        std::vector<std::pair<Item*, Gist>> cg, rg;
        for (Item* c : causes) cg.emplace_back(c, gist(norm, c->label, c->id));
        for (Item* r : remedies) rg.emplace_back(r, gist(norm, r->label, r->id));
        for (auto& [c, g] : cg)
            for (auto& [r, h] : rg)
                if (!h.avoid && !g.avoid && overlap(g.terms, h.terms) >= 2) {
                    c->out.conflicts.push_back("remedy \"" + r->label + "\" recommends what this blames");
                    r->out.conflicts.push_back("cause \"" + c->label + "\" blames what this recommends");
                }
        for (size_t i = 0; i < rg.size(); ++i)
            for (size_t j = i + 1; j < rg.size(); ++j)
                if (rg[i].second.avoid != rg[j].second.avoid && overlap(rg[i].second.terms, rg[j].second.terms) >= 2) {
                    rg[i].first->out.conflicts.push_back("remedy \"" + rg[j].first->label + "\" says the opposite");
                    rg[j].first->out.conflicts.push_back("remedy \"" + rg[i].first->label + "\" says the opposite");
                }
        for (auto* list : {&causes, &remedies})
            for (Item* it : *list) {
                auto& o = it->out.outcomes;
                bool good = o.count("resolved") || o.count("improved");
                bool bad = o.count("worse") || o.count("no_effect");
                if (good && bad) it->out.conflicts.push_back("reported outcomes differ");
            }
    }

    // 7. Evidence quotes of the items shown.
    if (options.evidence) {
        std::vector<int64_t> ids;
        for (auto* list : {&causes, &remedies})
            for (const Item* it : *list)
                for (const FactRow* f : it->facts) ids.push_back(f->id);
        std::unordered_map<int64_t, EvidenceQuote> quotes;
        Stmt& s = kb.stmt(
            "SELECT f.id, f.ev_text, f.label, f.post_index, src.name, t.thread_id, coalesce(t.title, ''), t.url, "
            "coalesce(a.name, ''), coalesce(pw.reasons, ''), f.certainty, f.outcome "
            "FROM facts f JOIN posts p ON p.id = f.post JOIN threads t ON t.id = f.thread "
            "JOIN sources src ON src.id = t.source_id LEFT JOIN authors a ON a.id = p.author_id "
            "LEFT JOIN post_weights pw ON pw.post = f.post WHERE f.id IN (SELECT value FROM json_each(?1))");
        s.bind(1, json_array(ids));
        while (s.step()) {
            EvidenceQuote q;
            q.quote = s.text(1);
            q.label = s.text(2);
            q.post = static_cast<uint32_t>(s.int64(3));
            q.source = s.text(4);
            q.thread_id = s.text(5);
            q.thread_title = s.text(6);
            q.url = s.opt_text(7);
            q.author = s.text(8);
            q.reasons = s.text(9);
            q.certainty = s.opt_text(10);
            q.outcome = s.opt_text(11);
            quotes.emplace(s.int64(0), std::move(q));
        }
        for (auto* list : {&causes, &remedies})
            for (Item* it : *list) {
                std::vector<std::pair<const FactRow*, EvidenceQuote>> ev;
                for (const FactRow* f : it->facts) {
                    auto q = quotes.find(f->id);
                    if (q == quotes.end()) continue;
                    EvidenceQuote e = q->second;
                    e.stance = f->negated() ? "rules out" : "supports";
                    e.weight = f->weight;
                    e.endorsements = f->negated() ? 0 : endorsements_of_post[f->post];
                    ev.emplace_back(f, std::move(e));
                }
                std::sort(ev.begin(), ev.end(), [](const auto& a, const auto& b) {
                    double ca = a.first->contribution(), cb = b.first->contribution();
                    if (ca != cb) return ca > cb;
                    const EvidenceQuote& x = a.second;
                    const EvidenceQuote& y = b.second;
                    return std::tie(x.source, x.thread_id, x.post, x.quote) < std::tie(y.source, y.thread_id, y.post, y.quote);
                });
                for (auto& [f, e] : ev) {
                    if (options.max_evidence > 0 && it->out.evidence.size() >= static_cast<size_t>(options.max_evidence))
                        break;
                    it->out.evidence.push_back(std::move(e));
                }
            }
    }

    for (const Item* c : causes) result.causes.push_back(c->out);
    for (const Item* r : remedies) result.remedies.push_back(r->out);
    return result;
}

}  // namespace fkb::kb
