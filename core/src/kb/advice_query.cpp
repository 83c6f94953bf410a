// run_query: ranking the causes and remedies of the symptom concepts a
// question resolves to (docs/query.md has the score and its reasons).
//
// The claims come packed from advice_index (advice_claims.hpp, kept by the
// KB writer): one read of the chunks of the question's symptoms gives every
// cause and remedy claim with its author, weight, certainty, polarity,
// outcome, link, label, endorsers and linked causes. Aggregation happens
// here, per item and per author, so that each author counts once however
// many times they repeat a claim, and an endorser adds to the claim they
// endorse instead of becoming a second copy of it: the claims are sorted by
// item and author and summed in author order, as the score is defined. Only
// the items shown go back to the facts, for their evidence quotes, and then
// only for the quotes that can make the cut.
#include <forumkb/kb/query.hpp>

#include "kb/advice_claims.hpp"
#include "kb/concept_resolver.hpp"
#include "kb/json_writer.hpp"
#include "kb/kb_reader_impl.hpp"
#include "kb/term_normalizer.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace fkb::kb {

namespace {

constexpr double kEndorsementShare = 0.5;   // what an endorsement adds, relative to a claim
constexpr double kAncestorLink = 1.0;       // advice given for a broader symptom

double certainty_factor(const std::optional<std::string_view>& c) {
    if (!c || *c == "asserted") return 1.0;
    if (*c == "probable") return 0.8;
    if (*c == "possible") return 0.6;
    if (*c == "questioned") return 0.3;
    return 0.8;
}

/// An author counts 0.5 for being an independent voice and up to 0.5 more
/// for credibility: author count leads, credibility orders within it.
double author_factor(double weight) { return 0.5 + 0.5 * std::clamp(weight, 0.0, 1.0); }

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

/// One claim of the question: a decoded claim and how directly it is advice
/// for the question's symptoms.
struct Claim {
    const AdviceClaimView* v = nullptr;
    double link = 1.0;
    bool cause = false;
    int item = -1;
    double certainty = 1.0;     ///< certainty_factor of the claim
    double contribution = 0;    ///< author_factor x certainty x link
};

/// A cause or remedy item: the claims grouped under one root concept.
struct Item {
    bool cause = false;
    std::string id, label;
    int64_t first_fact = std::numeric_limits<int64_t>::max();
    std::string_view first_label;  ///< of the first fact: the label when the root has none
    std::vector<const Claim*> claims;
    std::vector<int64_t> supporters;  ///< authors, ascending
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

    // 1. The packed claims of the question's symptoms.
    struct ChunkRange {
        size_t begin, end;
        bool cause, broader;
    };
    std::deque<std::string> chunks;  // the bytes the views point into (a deque never moves them)
    std::vector<AdviceClaimView> views;
    std::vector<ChunkRange> ranges;
    {
        Stmt& s = kb.stmt(
            "SELECT symptom, kind, chunk FROM advice_index WHERE symptom IN (SELECT value FROM json_each(?1))");
        s.bind(1, json_array(scope));
        while (s.step()) {
            chunks.emplace_back(s.blob_view(2));
            size_t begin = views.size();
            decode_chunk(chunks.back(), views, kb.db.path());
            ranges.push_back(ChunkRange{begin, views.size(), s.text_view(1) == "cause", broader.count(s.text(0)) > 0});
        }
    }
    std::vector<Claim> claims;
    claims.reserve(views.size());
    {
        std::unordered_map<int64_t, size_t> shared;  // fact -> claim, for facts linked to several symptoms
        for (const ChunkRange& r : ranges)
            for (size_t i = r.begin; i < r.end; ++i) {
                const AdviceClaimView& v = views[i];
                double link = v.link * (r.broader ? kAncestorLink : 1.0);
                if (v.links > 1) {
                    auto [at, fresh] = shared.emplace(v.fact, claims.size());
                    if (!fresh) {
                        claims[at->second].link = std::max(claims[at->second].link, link);
                        continue;
                    }
                }
                claims.push_back(Claim{&v, link, r.cause, -1});
            }
        for (Claim& c : claims) {
            c.certainty = certainty_factor(c.v->certainty);
            c.contribution = author_factor(c.v->weight) * c.certainty * c.link;
        }
    }
    {
        result.facts = static_cast<int>(claims.size());
        int64_t top = 0;
        for (const Claim& c : claims) top = std::max(top, c.v->thread);
        std::vector<uint64_t> seen(static_cast<size_t>(top / 64 + 1));  // thread row ids are small and dense
        int threads = 0;
        for (const Claim& c : claims) {
            auto t = static_cast<uint64_t>(std::max<int64_t>(c.v->thread, 0));
            uint64_t bit = uint64_t{1} << (t % 64);
            if (!(seen[t / 64] & bit)) {
                seen[t / 64] |= bit;
                ++threads;
            }
        }
        result.threads = threads;
    }

    // 2. Items: claims grouped under the root of their concept.
    Rollup causes_up(kb, "cause"), remedies_up(kb, "remedy");
    {
        std::unordered_set<std::string_view> ids[2];
        const char* last = nullptr;
        for (const Claim& f : claims) {
            if (f.v->concept_id.data() == last) continue;  // the same concept group
            last = f.v->concept_id.data();
            ids[f.cause ? 1 : 0].insert(f.v->concept_id);
        }
        causes_up.load(std::set<std::string>(ids[1].begin(), ids[1].end()));
        remedies_up.load(std::set<std::string>(ids[0].begin(), ids[0].end()));
    }
    std::map<std::pair<bool, std::string>, int> item_of_root;
    std::vector<Item> items;
    {
        std::unordered_map<std::string_view, int> item_of_concept[2];
        const char* last = nullptr;
        int last_item = -1;
        for (Claim& f : claims) {
            if (f.v->concept_id.data() != last) {
                last = f.v->concept_id.data();
                auto& cache = item_of_concept[f.cause ? 1 : 0];
                auto it = cache.find(f.v->concept_id);
                if (it == cache.end()) {
                    const Rollup& up = f.cause ? causes_up : remedies_up;
                    std::string root = up.root(std::string(f.v->concept_id));
                    auto [r, fresh] = item_of_root.emplace(std::make_pair(f.cause, root), static_cast<int>(items.size()));
                    if (fresh) {
                        Item item;
                        item.cause = f.cause;
                        item.id = root;
                        items.push_back(std::move(item));
                    }
                    it = cache.emplace(f.v->concept_id, r->second).first;
                }
                last_item = it->second;
            }
            f.item = last_item;
            Item& item = items[static_cast<size_t>(last_item)];
            item.claims.push_back(&f);
            if (f.v->fact < item.first_fact) {
                item.first_fact = f.v->fact;
                item.first_label = f.v->label;
            }
        }
        for (Item& it : items)
            it.label = (it.cause ? causes_up : remedies_up).label(it.id, std::string(it.first_label));
    }

    // 3. Per item and author: the best claim, the best weight, the outcomes;
    //    then the endorsers, who add only where they are no supporter.
    {
        struct Ref {
            int item;
            int64_t author;
            const Claim* claim;
        };
        std::vector<Ref> refs;
        refs.reserve(claims.size());
        std::vector<std::pair<int64_t, const Claim*>> by_author;
        for (size_t n = 0; n < items.size(); ++n) {
            by_author.clear();
            for (const Claim* c : items[n].claims) by_author.emplace_back(c->v->author, c);
            std::sort(by_author.begin(), by_author.end());
            for (const auto& [a, c] : by_author) refs.push_back(Ref{static_cast<int>(n), a, c});
        }
        struct Sums {
            std::vector<double> supporters, deniers;                      // in author order
            std::vector<std::pair<int64_t, double>> supporter_weights;    // author, best weight
            std::vector<std::tuple<std::string_view, int64_t, double>> outcomes;  // outcome, author, best weight
            std::vector<std::tuple<int64_t, double, int64_t>> endorsements;       // endorser, bonus, claim author
        };
        std::vector<Sums> sums(items.size());
        for (size_t i = 0; i < refs.size();) {
            size_t j = i;
            double sup = -1, den = -1, w = -std::numeric_limits<double>::infinity();
            while (j < refs.size() && refs[j].item == refs[i].item && refs[j].author == refs[i].author) {
                const Claim& c = *refs[j].claim;
                double contribution = c.contribution;
                w = std::max(w, c.v->weight);
                if (c.v->negated)
                    den = std::max(den, contribution);
                else
                    sup = std::max(sup, contribution);
                ++j;
            }
            Sums& s = sums[static_cast<size_t>(refs[i].item)];
            int64_t author = refs[i].author;
            std::vector<std::string_view> outcomes;
            for (size_t k = i; k < j; ++k) {
                const Claim& c = *refs[k].claim;
                if (c.v->negated) continue;
                if (c.v->outcome && std::find(outcomes.begin(), outcomes.end(), *c.v->outcome) == outcomes.end())
                    outcomes.push_back(*c.v->outcome);
                for (uint32_t e = 0; e < c.v->n_endorsers; ++e) {
                    auto [endorser, weight] = c.v->endorser(e);
                    double bonus = kEndorsementShare * author_factor(weight) * c.certainty * c.link;
                    s.endorsements.emplace_back(endorser, bonus, author);
                }
            }
            for (std::string_view o : outcomes) s.outcomes.emplace_back(o, author, w);
            if (sup >= 0) {
                s.supporters.push_back(sup);
                s.supporter_weights.emplace_back(author, w);
                items[static_cast<size_t>(refs[i].item)].supporters.push_back(author);
            }
            if (den >= 0) s.deniers.push_back(den);
            i = j;
        }
        for (size_t n = 0; n < items.size(); ++n) {
            Item& it = items[n];
            Sums& s = sums[n];
            RankedItem& o = it.out;
            o.id = it.id;
            o.label = it.label;
            o.support = static_cast<int>(s.supporters.size());
            o.negations = static_cast<int>(s.deniers.size());
            // The endorsers: one bonus each (their best), none for a supporter or for the claim's own author.
            std::map<int64_t, double> endorsers;
            for (const auto& [endorser, bonus, author] : s.endorsements) {
                if (endorser == author || std::binary_search(it.supporters.begin(), it.supporters.end(), endorser))
                    continue;
                auto [at, fresh] = endorsers.emplace(endorser, bonus);
                if (!fresh) at->second = std::max(at->second, bonus);
            }
            o.endorsements = static_cast<int>(endorsers.size());
            double score = 0, wsum = 0;
            for (double c : s.supporters) score += c;
            for (const auto& [a, b] : endorsers) score += b;
            for (double c : s.deniers) score -= c;
            std::sort(s.outcomes.begin(), s.outcomes.end());
            for (const auto& [outcome, author, w] : s.outcomes) {
                o.outcomes[std::string(outcome)]++;
                score += outcome_bonus(outcome) * author_factor(w);
            }
            for (const auto& [a, w] : s.supporter_weights) wsum += w;
            o.credibility = o.support > 0 ? wsum / o.support : 0;
            o.score = std::round(score * 10000.0) / 10000.0;
            o.disputed = o.support > 0 && o.negations > 0;
        }
    }

    // 4. Ranks.
    std::vector<Item*> causes, remedies;
    for (const auto& [key, n] : item_of_root) {
        Item& it = items[static_cast<size_t>(n)];
        if (it.out.support < options.min_support) continue;
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
    // What only the items shown print: claims per certainty, other labels.
    for (auto* list : {&causes, &remedies})
        for (Item* it : *list) {
            std::map<std::string_view, int> labels, certainty;
            for (const Claim* c : it->claims) {
                labels[c->v->label]++;
                if (!c->v->negated) certainty[c->v->certainty.value_or("asserted")]++;
            }
            for (const auto& [c, n] : certainty) it->out.certainty.emplace(std::string(c), n);
            RankedItem& o = it->out;
            o.questioned_only = o.support > 0 && o.certainty.size() == 1 && o.certainty.count("questioned");
            std::vector<std::pair<int, std::string>> others;
            for (const auto& [l, n] : labels)
                if (l != o.label) others.emplace_back(-n, std::string(l));
            std::sort(others.begin(), others.end());
            for (const auto& [n, l] : others) o.variants.push_back(l);
        }

    // 5. Remedies for each cause shown (the causes a remedy claim addresses),
    //    among the remedies of the question.
    if (!causes.empty()) {
        std::map<std::string, Item*> cause_items;
        for (Item* c : causes) cause_items[c->id] = c;
        // One hash lookup per cause link: the slot of its id, resolved to the
        // shown cause it rolls up to (or none) once the ids are all known.
        std::unordered_map<std::string_view, Item*> shown_of;
        std::vector<std::pair<const Claim*, Item**>> links_of;
        for (const Claim& c : claims)
            if (!c.cause && !c.v->negated)
                c.v->for_each_cause([&](std::string_view id) { links_of.emplace_back(&c, &shown_of[id]); });
        std::set<std::string> link_causes;
        for (const auto& [id, item] : shown_of) link_causes.emplace(id);
        causes_up.load(link_causes);
        for (auto& [id, item] : shown_of) {
            auto at = cause_items.find(causes_up.root(std::string(id)));
            item = at == cause_items.end() ? nullptr : at->second;
        }
        std::map<Item*, std::map<int, std::set<int64_t>>> links;  // cause item -> remedy item -> authors
        for (const auto& [c, slot] : links_of)
            if (*slot) links[*slot][c->item].insert(c->v->author);
        for (Item* c : causes) {
            std::vector<LinkedItem> linked;
            for (const auto& [ri, authors] : links[c]) {
                const Item& r = items[static_cast<size_t>(ri)];
                linked.push_back(LinkedItem{r.id, r.label, static_cast<int>(authors.size())});
            }
            std::sort(linked.begin(), linked.end(), [&](const LinkedItem& a, const LinkedItem& b) {
                if (a.authors != b.authors) return a.authors > b.authors;
                if (a.label != b.label) return a.label < b.label;
                return a.id < b.id;
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

    // 7. Evidence quotes of the items shown: by contribution, then source,
    //    thread, post and quote. Only the claims that can make the cut (those
    //    at least as strong as the last quote shown) are read from the facts.
    if (options.evidence) {
        std::vector<std::vector<const Claim*>> candidates;
        std::vector<int64_t> ids;
        for (auto* list : {&causes, &remedies})
            for (const Item* it : *list) {
                std::vector<const Claim*> c = it->claims;
                if (options.max_evidence > 0 && c.size() > static_cast<size_t>(options.max_evidence)) {
                    auto nth = c.begin() + (options.max_evidence - 1);
                    std::nth_element(c.begin(), nth, c.end(), [](const Claim* a, const Claim* b) {
                        return a->contribution > b->contribution;
                    });
                    double cut = (*nth)->contribution;
                    std::erase_if(c, [&](const Claim* x) { return x->contribution < cut; });
                }
                for (const Claim* x : c) ids.push_back(x->v->fact);
                candidates.push_back(std::move(c));
            }
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
        size_t n = 0;
        for (auto* list : {&causes, &remedies})
            for (Item* it : *list) {
                std::vector<std::pair<const Claim*, EvidenceQuote>> ev;
                for (const Claim* f : candidates[n]) {
                    auto q = quotes.find(f->v->fact);
                    if (q == quotes.end()) continue;
                    EvidenceQuote e = q->second;
                    e.stance = f->v->negated ? "rules out" : "supports";
                    e.weight = f->v->weight;
                    e.endorsements = f->v->negated ? 0 : static_cast<int>(f->v->n_endorsers);
                    ev.emplace_back(f, std::move(e));
                }
                ++n;
                std::sort(ev.begin(), ev.end(), [](const auto& a, const auto& b) {
                    double ca = a.first->contribution, cb = b.first->contribution;
                    if (ca != cb) return ca > cb;
                    const EvidenceQuote& x = a.second;
                    const EvidenceQuote& y = b.second;
                    return std::tie(x.source, x.thread_id, x.post, x.quote, a.first->v->fact) <
                           std::tie(y.source, y.thread_id, y.post, y.quote, b.first->v->fact);
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
