// run_query: ranking the causes and remedies of the symptom concepts a
// question resolves to (docs/query.md has the score and its reasons).
//
// The claims come packed from advice_index (advice_claims.hpp, kept by the
// KB writer): one read of the chunks of the question's symptoms gives every
// cause and remedy claim with its author, weight, certainty, polarity,
// outcome, link, label, endorsers and linked causes. Each chunk is read in
// place, its fixed-width records copied into the claims below with their
// strings renumbered into one StringPool (a hash per distinct string of a
// chunk, not per claim), so everything after compares and indexes integers.
// Aggregation happens here, per item and per author, so that each author
// counts once however many times they repeat a claim, and an endorser adds
// to the claim they endorse instead of becoming a second copy of it: the
// claims are sorted by item and author and summed in author order, as the
// score is defined; where a sum runs in the order of a string (outcomes,
// labels, certainties), the numbers are ranked by their strings first, so
// the answer is the same to the byte. Only the items shown go back to the
// facts, for their evidence quotes, and then only for the quotes that can
// make the cut.
#include <forumkb/kb/query.hpp>

#include "kb/advice_claims.hpp"
#include "kb/concept_resolver.hpp"
#include "kb/json_writer.hpp"
#include "kb/kb_reader_impl.hpp"
#include "kb/string_pool.hpp"
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

/// One claim of the question: a chunk's claim, its strings numbers into
/// the query's StringPool, and how directly it is advice for the question's
/// symptoms.
struct Claim {
    int64_t fact = 0, thread = 0, author = 0;
    double weight = 0;
    double link = 1.0;
    double certainty = 1.0;     ///< certainty_factor of the claim
    double contribution = 0;    ///< author_factor x certainty x link
    uint32_t concept_id = 0, label = 0, certainty_id = kNoString, outcome = kNoString;
    uint32_t first_endorser = 0, n_endorsers = 0;  ///< into the query's endorsers
    uint32_t causes = kNoCauses;                   ///< the query's cause set
    int item = -1;
    bool cause = false, negated = false;
};

/// A claim of an item, by author: the order the score sums in. The order of
/// one author's claims does not matter (maxima, sets, and sums sorted again).
struct AuthorClaim {
    int64_t author;
    uint32_t claim;
    bool operator<(const AuthorClaim& o) const { return author < o.author; }
};

/// A cause or remedy item: the claims grouped under one root concept.
struct Item {
    bool cause = false;
    std::string id, label;
    int64_t first_fact = std::numeric_limits<int64_t>::max();
    uint32_t first_label = 0;  ///< of the first fact: the label when the root has none
    size_t by_author_begin = 0, by_author_end = 0;  ///< its claims: [begin, end) of by_author
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
    StringPool pool;
    std::vector<Claim> claims;
    std::vector<std::pair<int64_t, double>> endorsers;      // author key, weight; a claim's in a row
    std::vector<uint32_t> cause_ids;                        // strings of the cause sets, a set's in a row
    std::vector<std::pair<uint32_t, uint32_t>> cause_sets;  // [first, last) of cause_ids
    {
        std::unordered_map<int64_t, size_t> shared;  // fact -> claim, for facts linked to several symptoms
        std::vector<uint32_t> local, local_set;      // the chunk's strings and cause sets, renumbered
        Stmt& s = kb.stmt(
            "SELECT symptom, kind, chunk FROM advice_index WHERE symptom IN (SELECT value FROM json_each(?1))");
        s.bind(1, json_array(scope));
        while (s.step()) {
            const bool cause = s.text_view(1) == "cause";
            const double factor = broader.count(s.text(0)) ? kAncestorLink : 1.0;
            const ChunkView chunk(s.blob_view(2), kb.db.path());
            local.assign(chunk.strings(), kNoString);
            local_set.assign(chunk.cause_sets(), kNoCauses);
            auto string_id = [&](uint32_t n) {
                uint32_t& id = local[n];
                if (id == kNoString) id = pool.id(chunk.string(n), chunk.string_hash(n));
                return id;
            };
            uint32_t i = 0;
            for (uint32_t g = 0; g < chunk.groups(); ++g) {
                const auto [concept_string, n] = chunk.group(g);
                const uint32_t concept_id = string_id(concept_string);
                for (const uint32_t end = i + n; i < end; ++i) {
                    const ChunkClaim r = chunk.checked_claim(i);
                    const double link = r.link * factor;
                    if (r.links > 1) {
                        auto [at, fresh] = shared.emplace(r.fact, claims.size());
                        if (!fresh) {
                            claims[at->second].link = std::max(claims[at->second].link, link);
                            continue;
                        }
                    }
                    Claim& c = claims.emplace_back();
                    c.fact = r.fact;
                    c.thread = r.thread;
                    c.author = r.author;
                    c.weight = r.weight;
                    c.link = link;
                    c.concept_id = concept_id;
                    c.label = string_id(r.label);
                    if (r.certainty != kNoString) c.certainty_id = string_id(r.certainty);
                    if (r.outcome != kNoString) c.outcome = string_id(r.outcome);
                    c.first_endorser = static_cast<uint32_t>(endorsers.size());
                    c.n_endorsers = r.n_endorsers;
                    for (uint32_t e = 0; e < r.n_endorsers; ++e) endorsers.push_back(chunk.endorser(r.first_endorser + e));
                    if (r.causes != kNoCauses) {
                        uint32_t& set = local_set[r.causes];
                        if (set == kNoCauses) {
                            set = static_cast<uint32_t>(cause_sets.size());
                            auto first = static_cast<uint32_t>(cause_ids.size());
                            auto [from, to] = chunk.cause_set(r.causes);
                            for (uint32_t k = from; k < to; ++k) cause_ids.push_back(string_id(chunk.cause_entry(k)));
                            cause_sets.emplace_back(first, static_cast<uint32_t>(cause_ids.size()));
                        }
                        c.causes = set;
                    }
                    c.cause = cause;
                    c.negated = r.negated;
                }
            }
        }
        std::vector<double> factor_of(pool.size(), -1);  // certainty_factor per certainty string
        for (Claim& c : claims) {
            if (c.certainty_id != kNoString) {
                double& f = factor_of[c.certainty_id];
                if (f < 0) f = certainty_factor(pool.str(c.certainty_id));
                c.certainty = f;
            }
            c.contribution = author_factor(c.weight) * c.certainty * c.link;
        }
    }
    {
        result.facts = static_cast<int>(claims.size());
        int64_t top = 0;
        for (const Claim& c : claims) top = std::max(top, c.thread);
        std::vector<uint64_t> seen(static_cast<size_t>(top / 64 + 1));  // thread row ids are small and dense
        int threads = 0;
        for (const Claim& c : claims) {
            auto t = static_cast<uint64_t>(std::max<int64_t>(c.thread, 0));
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
        std::set<std::string> ids[2];
        std::vector<char> seen[2] = {std::vector<char>(pool.size()), std::vector<char>(pool.size())};
        for (const Claim& f : claims) {
            char& s = seen[f.cause ? 1 : 0][f.concept_id];
            if (s) continue;
            s = 1;
            ids[f.cause ? 1 : 0].emplace(pool.str(f.concept_id));
        }
        causes_up.load(ids[1]);
        remedies_up.load(ids[0]);
    }
    std::map<std::pair<bool, std::string>, int> item_of_root;
    std::vector<Item> items;
    {
        std::vector<int> item_of_concept[2] = {std::vector<int>(pool.size(), -1), std::vector<int>(pool.size(), -1)};
        for (Claim& f : claims) {
            int& n = item_of_concept[f.cause ? 1 : 0][f.concept_id];
            if (n < 0) {
                const Rollup& up = f.cause ? causes_up : remedies_up;
                std::string root = up.root(std::string(pool.str(f.concept_id)));
                auto [r, fresh] = item_of_root.emplace(std::make_pair(f.cause, root), static_cast<int>(items.size()));
                if (fresh) {
                    Item item;
                    item.cause = f.cause;
                    item.id = root;
                    items.push_back(std::move(item));
                }
                n = r->second;
            }
            f.item = n;
            Item& item = items[static_cast<size_t>(n)];
            ++item.by_author_end;  // a count for now
            if (f.fact < item.first_fact) {
                item.first_fact = f.fact;
                item.first_label = f.label;
            }
        }
        for (Item& it : items)
            it.label = (it.cause ? causes_up : remedies_up).label(it.id, std::string(pool.str(it.first_label)));
    }
    // The claims of each item in a row of by_author (sorted by author below).
    std::vector<AuthorClaim> by_author(claims.size());
    {
        size_t at = 0;
        for (Item& it : items) {
            it.by_author_begin = at;
            at += it.by_author_end;
            it.by_author_end = it.by_author_begin;
        }
        for (size_t i = 0; i < claims.size(); ++i) {
            Item& it = items[static_cast<size_t>(claims[i].item)];
            by_author[it.by_author_end++] = AuthorClaim{claims[i].author, static_cast<uint32_t>(i)};
        }
    }

    // 3. Per item and author: the best claim, the best weight, the outcomes;
    //    then the endorsers, who add only where they are no supporter.
    {
        // Outcomes are summed in the order of their strings: their ranks.
        std::vector<uint32_t> outcome_rank(pool.size(), kNoString);
        std::vector<uint32_t> outcome_of_rank;
        for (const Claim& c : claims)
            if (c.outcome != kNoString && outcome_rank[c.outcome] == kNoString) {
                outcome_rank[c.outcome] = 0;
                outcome_of_rank.push_back(c.outcome);
            }
        std::sort(outcome_of_rank.begin(), outcome_of_rank.end(),
                  [&](uint32_t a, uint32_t b) { return pool.str(a) < pool.str(b); });
        std::vector<double> bonus_of_rank;
        for (uint32_t r = 0; r < outcome_of_rank.size(); ++r) {
            outcome_rank[outcome_of_rank[r]] = r;
            bonus_of_rank.push_back(outcome_bonus(pool.str(outcome_of_rank[r])));
        }

        std::vector<double> supporters, deniers;                      // in author order
        std::vector<std::pair<int64_t, double>> supporter_weights;    // author, best weight
        std::vector<std::tuple<uint32_t, int64_t, double>> outcomes;  // outcome rank, author, best weight
        std::vector<std::tuple<int64_t, double, int64_t>> endorsements;  // endorser, bonus, claim author
        std::vector<std::pair<int64_t, double>> endorsed;             // endorser, bonus: those that count
        std::vector<uint32_t> author_outcomes;
        for (size_t n = 0; n < items.size(); ++n) {
            Item& it = items[n];
            std::sort(by_author.begin() + static_cast<ptrdiff_t>(it.by_author_begin),
                      by_author.begin() + static_cast<ptrdiff_t>(it.by_author_end));
            supporters.clear();
            deniers.clear();
            supporter_weights.clear();
            outcomes.clear();
            endorsements.clear();
            for (size_t i = it.by_author_begin; i < it.by_author_end;) {
                const int64_t author = by_author[i].author;
                size_t j = i;
                double sup = -1, den = -1, w = -std::numeric_limits<double>::infinity();
                for (; j < it.by_author_end && by_author[j].author == author; ++j) {
                    const Claim& c = claims[by_author[j].claim];
                    w = std::max(w, c.weight);
                    if (c.negated)
                        den = std::max(den, c.contribution);
                    else
                        sup = std::max(sup, c.contribution);
                }
                author_outcomes.clear();
                for (size_t k = i; k < j; ++k) {
                    const Claim& c = claims[by_author[k].claim];
                    if (c.negated) continue;
                    if (c.outcome != kNoString) {
                        uint32_t r = outcome_rank[c.outcome];
                        if (std::find(author_outcomes.begin(), author_outcomes.end(), r) == author_outcomes.end())
                            author_outcomes.push_back(r);
                    }
                    for (uint32_t e = 0; e < c.n_endorsers; ++e) {
                        auto [endorser, weight] = endorsers[c.first_endorser + e];
                        double bonus = kEndorsementShare * author_factor(weight) * c.certainty * c.link;
                        endorsements.emplace_back(endorser, bonus, author);
                    }
                }
                for (uint32_t r : author_outcomes) outcomes.emplace_back(r, author, w);
                if (sup >= 0) {
                    supporters.push_back(sup);
                    supporter_weights.emplace_back(author, w);
                    it.supporters.push_back(author);
                }
                if (den >= 0) deniers.push_back(den);
                i = j;
            }
            RankedItem& o = it.out;
            o.id = it.id;
            o.label = it.label;
            o.support = static_cast<int>(supporters.size());
            o.negations = static_cast<int>(deniers.size());
            // The endorsers: one bonus each (their best), none for a supporter or for the claim's own author.
            endorsed.clear();
            for (const auto& [endorser, bonus, author] : endorsements)
                if (endorser != author && !std::binary_search(it.supporters.begin(), it.supporters.end(), endorser))
                    endorsed.emplace_back(endorser, bonus);
            std::sort(endorsed.begin(), endorsed.end());  // by endorser, the best bonus last
            double score = 0, wsum = 0;
            for (double c : supporters) score += c;
            int n_endorsers = 0;
            for (size_t e = 0; e < endorsed.size(); ++e)
                if (e + 1 == endorsed.size() || endorsed[e + 1].first != endorsed[e].first) {
                    score += endorsed[e].second;
                    ++n_endorsers;
                }
            o.endorsements = n_endorsers;
            for (double c : deniers) score -= c;
            std::sort(outcomes.begin(), outcomes.end());
            for (size_t k = 0, run = 0; k < outcomes.size(); ++k) {
                const auto& [rank, author, w] = outcomes[k];
                score += bonus_of_rank[rank] * author_factor(w);
                if (k + 1 == outcomes.size() || std::get<0>(outcomes[k + 1]) != rank) {
                    o.outcomes[std::string(pool.str(outcome_of_rank[rank]))] = static_cast<int>(k + 1 - run);
                    run = k + 1;
                }
            }
            for (const auto& [a, w] : supporter_weights) wsum += w;
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
    // What only the items shown print: claims per certainty, other labels
    // (counted by number, then keyed by their strings).
    {
        std::vector<int> tally(pool.size());
        std::vector<uint32_t> counted;
        auto count = [&](uint32_t id) {
            if (tally[id]++ == 0) counted.push_back(id);
        };
        for (auto* list : {&causes, &remedies})
            for (Item* it : *list) {
                std::map<std::string_view, int> labels, certainty;
                for (size_t k = it->by_author_begin; k < it->by_author_end; ++k) count(claims[by_author[k].claim].label);
                for (uint32_t id : counted) {
                    labels[pool.str(id)] = tally[id];
                    tally[id] = 0;
                }
                counted.clear();
                int asserted = 0;  // no certainty: asserted
                for (size_t k = it->by_author_begin; k < it->by_author_end; ++k) {
                    const Claim& c = claims[by_author[k].claim];
                    if (c.negated) continue;
                    if (c.certainty_id == kNoString)
                        ++asserted;
                    else
                        count(c.certainty_id);
                }
                for (uint32_t id : counted) {
                    certainty[pool.str(id)] += tally[id];
                    tally[id] = 0;
                }
                counted.clear();
                if (asserted) certainty["asserted"] += asserted;
                for (const auto& [c, n] : certainty) it->out.certainty.emplace(std::string(c), n);
                RankedItem& o = it->out;
                o.questioned_only = o.support > 0 && o.certainty.size() == 1 && o.certainty.count("questioned");
                std::vector<std::pair<int, std::string>> others;
                for (const auto& [l, n] : labels)
                    if (l != o.label) others.emplace_back(-n, std::string(l));
                std::sort(others.begin(), others.end());
                for (const auto& [n, l] : others) o.variants.push_back(l);
            }
    }

    // 5. Remedies for each cause shown (the causes a remedy claim addresses),
    //    among the remedies of the question: each cause id is resolved to the
    //    shown cause it rolls up to (or none) once, then each remedy item's
    //    authors are walked in order, counting an author once per cause.
    if (!causes.empty()) {
        std::map<std::string, Item*> cause_items;
        for (Item* c : causes) cause_items[c->id] = c;
        std::vector<char> used(cause_sets.size());
        for (const Claim& c : claims)
            if (!c.cause && !c.negated && c.causes != kNoCauses) used[c.causes] = 1;
        std::vector<Item*> shown_of(pool.size());
        std::vector<char> known(pool.size());
        std::vector<uint32_t> link_ids;
        for (size_t k = 0; k < cause_sets.size(); ++k)
            if (used[k])
                for (uint32_t e = cause_sets[k].first; e < cause_sets[k].second; ++e)
                    if (!known[cause_ids[e]]) {
                        known[cause_ids[e]] = 1;
                        link_ids.push_back(cause_ids[e]);
                    }
        std::set<std::string> link_causes;
        for (uint32_t id : link_ids) link_causes.emplace(pool.str(id));
        causes_up.load(link_causes);
        for (uint32_t id : link_ids) {
            auto at = cause_items.find(causes_up.root(std::string(pool.str(id))));
            shown_of[id] = at == cause_items.end() ? nullptr : at->second;
        }
        std::map<Item*, std::vector<std::pair<int, int>>> links;  // cause item -> remedy items ascending, authors
        std::vector<Item*> author_causes;
        for (size_t n = 0; n < items.size(); ++n) {
            const Item& r = items[n];
            if (r.cause) continue;
            for (size_t i = r.by_author_begin; i < r.by_author_end;) {
                size_t j = i;
                author_causes.clear();
                for (; j < r.by_author_end && by_author[j].author == by_author[i].author; ++j) {
                    const Claim& c = claims[by_author[j].claim];
                    if (c.negated || c.causes == kNoCauses) continue;
                    for (uint32_t e = cause_sets[c.causes].first; e < cause_sets[c.causes].second; ++e)
                        if (Item* shown = shown_of[cause_ids[e]];
                            shown && std::find(author_causes.begin(), author_causes.end(), shown) == author_causes.end())
                            author_causes.push_back(shown);
                }
                for (Item* shown : author_causes) {
                    auto& list = links[shown];
                    if (list.empty() || list.back().first != static_cast<int>(n)) list.emplace_back(static_cast<int>(n), 0);
                    ++list.back().second;
                }
                i = j;
            }
        }
        for (Item* c : causes) {
            std::vector<LinkedItem> linked;
            for (const auto& [ri, authors] : links[c]) {
                const Item& r = items[static_cast<size_t>(ri)];
                linked.push_back(LinkedItem{r.id, r.label, authors});
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
                std::vector<const Claim*> c;
                for (size_t k = it->by_author_begin; k < it->by_author_end; ++k) c.push_back(&claims[by_author[k].claim]);
                if (options.max_evidence > 0 && c.size() > static_cast<size_t>(options.max_evidence)) {
                    auto nth = c.begin() + (options.max_evidence - 1);
                    std::nth_element(c.begin(), nth, c.end(), [](const Claim* a, const Claim* b) {
                        return a->contribution > b->contribution;
                    });
                    double cut = (*nth)->contribution;
                    std::erase_if(c, [&](const Claim* x) { return x->contribution < cut; });
                }
                for (const Claim* x : c) ids.push_back(x->fact);
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
                    auto q = quotes.find(f->fact);
                    if (q == quotes.end()) continue;
                    EvidenceQuote e = q->second;
                    e.stance = f->negated ? "rules out" : "supports";
                    e.weight = f->weight;
                    e.endorsements = f->negated ? 0 : static_cast<int>(f->n_endorsers);
                    ev.emplace_back(f, std::move(e));
                }
                ++n;
                std::sort(ev.begin(), ev.end(), [](const auto& a, const auto& b) {
                    double ca = a.first->contribution, cb = b.first->contribution;
                    if (ca != cb) return ca > cb;
                    const EvidenceQuote& x = a.second;
                    const EvidenceQuote& y = b.second;
                    return std::tie(x.source, x.thread_id, x.post, x.quote, a.first->fact) <
                           std::tie(y.source, y.thread_id, y.post, y.quote, b.first->fact);
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
