// Computing a thread's rows ahead of the write (see thread_rows.hpp). The
// link rules are those of docs/schema.md ("Derived at write time").
#include "kb/thread_rows.hpp"

#include "kb/advice_claims.hpp"

#include <charconv>
#include <cstdlib>
#include <forumkb/abi_convert.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace fkb::kb {

namespace {

/// FNV-1a 64 over a canonical serialization: stable across runs and builds.
class Hasher {
public:
    void add(std::string_view s) {
        for (char c : s) mix(static_cast<unsigned char>(c));
        mix(0x1f);
    }
    void add(const std::string& s) { add(std::string_view(s)); }
    void add(const std::optional<std::string>& s) { s ? add(*s) : add(std::string_view("\x1e")); }
    void add(int64_t v) {
        char buf[24];  // the decimal digits, as fmt's "{}" writes them (the hashes of earlier KBs hold)
        auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
        add(std::string_view(buf, static_cast<size_t>(end - buf)));
    }
    void add(const std::optional<int64_t>& v) { v ? add(*v) : add(std::string_view("\x1e")); }
    std::string hex() const { return fmt::format("{:016x}", h_); }

private:
    void mix(unsigned char c) {
        h_ ^= c;
        h_ *= 0x100000001b3ULL;
    }
    uint64_t h_ = 0xcbf29ce484222325ULL;
};

std::string thread_hash(const Thread& t, const std::vector<FactRecord>& facts) {
    Hasher h;
    h.add(t.source);
    h.add(t.thread_id);
    h.add(t.url);
    h.add(t.title);
    h.add(t.forum);
    h.add(t.category);
    for (const Post& p : t.posts) {
        h.add(p.post_id);
        h.add(p.parent_id);
        h.add(p.author);
        h.add(p.post_count);
        h.add(p.level);
        h.add(p.reputation);
        h.add(p.role);
        h.add(p.flair);
        h.add(p.created);
        h.add(p.created_text);
        h.add(p.text);
        h.add(p.likes);
        h.add(p.score);
        h.add(int64_t{p.accepted});
        h.add(p.signature);
        for (const auto& q : p.quotes) {
            h.add(static_cast<int64_t>(q.start));
            h.add(static_cast<int64_t>(q.end));
            h.add(q.post_id);
        }
        h.add(std::string_view("\x1d"));
    }
    for (const FactRecord& r : facts) {
        const Fact& f = r.fact;
        h.add(r.plugin);
        h.add(f.kind);
        h.add(f.concept_id);
        h.add(f.label);
        h.add(int64_t{f.evidence.post});
        h.add(int64_t{f.evidence.start});
        h.add(int64_t{f.evidence.end});
        h.add(int64_t{f.evidence.sentence});
        for (const auto& [k, v] : f.attrs) {
            h.add(k);
            if (v.first == FKB_VALUE_INT || v.first == FKB_VALUE_DOUBLE) {
                // A number hashes by its value: a double 0 comes back from fact
                // JSON as the integer 0, 0.427 as whatever digits parse to it.
                char buf[32];
                double d = std::strtod(v.second.c_str(), nullptr);
                auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
                h.add(int64_t{FKB_VALUE_DOUBLE});
                h.add(ec == std::errc() ? std::string_view(buf, static_cast<size_t>(end - buf)) : std::string_view(v.second));
            } else {
                h.add(int64_t{v.first});
                h.add(v.second);
            }
        }
        for (uint32_t s : f.support) h.add(int64_t{s});
        h.add(f.evidence_text);
        h.add(std::string_view("\x1d"));
    }
    return h.hex();
}

bool is_advice_kind(std::string_view kind) { return kind == "symptom" || kind == "cause" || kind == "remedy"; }

std::string validate(const Thread& t, const std::vector<FactRecord>& facts) {
    if (t.source.empty() || t.thread_id.empty()) return "a thread needs a source and a thread_id";
    for (const FactRecord& r : facts) {
        const Fact& f = r.fact;
        if (!plugin::is_known_fact_kind(f.kind))
            return fmt::format("thread {}: unknown fact kind '{}'", t.thread_id, f.kind);
        if (f.evidence.post >= t.posts.size())
            return fmt::format("thread {}: a {} fact names post {} of {}", t.thread_id, f.kind, f.evidence.post,
                               t.posts.size());
        const std::string& text = t.posts[f.evidence.post].text;
        if (f.evidence.start > f.evidence.end || f.evidence.end > text.size())
            return fmt::format("thread {}: a {} fact's evidence [{}, {}) is outside post {} ({} bytes)", t.thread_id,
                               f.kind, f.evidence.start, f.evidence.end, f.evidence.post, text.size());
    }
    return {};
}

// Which symptom each cause/remedy is advice for, which cause a remedy
// addresses (docs/schema.md, fact_symptoms and fact_causes).
void derive_links(ThreadRows& out) {
    const std::vector<FactRow>& rows = out.facts;
    auto affirmed = [](const FactRow& r) { return r.fields.polarity.value_or("affirmed") != "negated"; };
    auto kind_of = [](const FactRow& r) -> const std::string& { return r.record->fact.kind; };
    auto ev = [](const FactRow& r) -> const fkb_evidence& { return r.record->fact.evidence; };
    std::map<std::string, std::string> symptom_by_label;  // label or id -> id
    std::vector<std::string> op_symptoms, all_symptoms;
    for (const FactRow& r : rows) {
        if (kind_of(r) != "symptom" || r.cid.empty()) continue;
        symptom_by_label.emplace(r.cid, r.cid);
        symptom_by_label.emplace(concept_slug(r.record->fact.label), r.cid);
        if (std::find(all_symptoms.begin(), all_symptoms.end(), r.cid) == all_symptoms.end())
            all_symptoms.push_back(r.cid);
        if (ev(r).post == 0 && affirmed(r) &&
            std::find(op_symptoms.begin(), op_symptoms.end(), r.cid) == op_symptoms.end())
            op_symptoms.push_back(r.cid);
    }
    if (op_symptoms.empty()) op_symptoms = all_symptoms;
    auto resolve_symptom = [&](const std::string& named) {
        auto it = symptom_by_label.find(named);
        if (it != symptom_by_label.end()) return it->second;
        std::string slug = concept_slug(named);
        it = symptom_by_label.find(slug);
        return it != symptom_by_label.end() ? it->second : slug;
    };
    // The nearest fact of a kind before (or else after) a position in a post.
    auto nearest = [&](const FactRow& at, std::string_view kind) -> const FactRow* {
        const FactRow* before = nullptr;
        const FactRow* after = nullptr;
        for (const FactRow& r : rows) {
            if (kind_of(r) != kind || r.cid.empty() || !affirmed(r)) continue;
            if (ev(r).post != ev(at).post) continue;
            if (ev(r).start <= ev(at).start) {
                if (!before || ev(r).start >= ev(*before).start) before = &r;
            } else if (!after || ev(r).start < ev(*after).start) {
                after = &r;
            }
        }
        return before ? before : after;
    };
    std::map<std::string, std::set<std::string>> cause_symptoms;  // cause concept -> symptoms, this thread
    auto link_symptoms = [&](uint32_t index, const std::vector<std::string>& cause_links) {
        const FactRow& r = rows[index];
        std::vector<std::pair<std::string, const char*>> found;
        if (r.fields.symptom) {
            found.emplace_back(resolve_symptom(*r.fields.symptom), "stated");
        } else {
            for (const std::string& c : cause_links) {
                auto it = cause_symptoms.find(c);
                if (it == cause_symptoms.end()) continue;
                for (const std::string& s : it->second) found.emplace_back(s, "cause");
            }
            if (found.empty()) {
                if (const FactRow* s = nearest(r, "symptom")) found.emplace_back(s->cid, "post");
            }
            if (found.empty())
                for (const std::string& s : op_symptoms) found.emplace_back(s, "thread");
        }
        std::set<std::string> seen;  // (fact, symptom) is a key: the first link wins
        for (auto& [s, how] : found) {
            if (s.empty() || !seen.insert(s).second) continue;
            if (kind_of(r) == "cause") cause_symptoms[r.cid].insert(s);
            out.symptoms.push_back(LinkRow{index, std::move(s), how});
        }
    };
    for (uint32_t i = 0; i < rows.size(); ++i)
        if (kind_of(rows[i]) == "cause" && !rows[i].cid.empty()) link_symptoms(i, {});
    for (uint32_t i = 0; i < rows.size(); ++i) {
        const FactRow& r = rows[i];
        if (kind_of(r) != "remedy" || r.cid.empty()) continue;
        std::vector<std::pair<std::string, const char*>> causes;
        if (r.fields.cause) {
            std::string c = r.fields.cause->find(' ') == std::string::npos ? *r.fields.cause : concept_slug(*r.fields.cause);
            causes.emplace_back(c, "stated");
        }
        for (const FactRow& tr : rows) {
            if (kind_of(tr) == "triple" && tr.fields.remedy && tr.fields.cause &&
                (*tr.fields.remedy == r.cid || concept_slug(*tr.fields.remedy) == r.cid))
                causes.emplace_back(*tr.fields.cause, "triple");
        }
        if (causes.empty())
            if (const FactRow* c = nearest(r, "cause"); c && ev(*c).start <= ev(r).start)
                causes.emplace_back(c->cid, "post");
        std::vector<std::string> cause_ids;
        std::set<std::string> seen;
        for (auto& [c, how] : causes) {
            cause_ids.push_back(c);
            if (!seen.insert(c).second) continue;
            out.causes.push_back(LinkRow{i, std::move(c), how});
        }
        link_symptoms(i, cause_ids);
    }
}

// The thread's advice claims, from its rows as they will be written: what
// AdviceIndex read back from the tables before (advice_index.cpp, the
// rebuild of an upgrade still does), so the index bytes are the same. A
// claim inside a quote is left out (it is the quoted post's claim); the
// endorsers of a post are the posts that endorse or quote it, in post order,
// one per author (an anonymous post is an author of its own).
void derive_claims(const Thread& t, ThreadRows& out) {
    const size_t n_posts = t.posts.size();
    std::vector<double> weight(n_posts, kDefaultAuthorWeight);
    for (const auto& w : out.weights)
        if (w.post < n_posts) weight[w.post] = w.weight;

    std::vector<std::vector<uint32_t>> endorsers(n_posts);  // post -> posts endorsing or quoting it
    for (const FactRow& r : out.facts)
        if (r.target_index && r.record->fact.kind == "endorsement")
            endorsers[static_cast<size_t>(*r.target_index)].push_back(r.record->fact.evidence.post);
    for (size_t i = 0; i < n_posts; ++i)
        for (const auto& q : out.quoted_index[i])
            if (q) endorsers[static_cast<size_t>(*q)].push_back(static_cast<uint32_t>(i));
    for (auto& list : endorsers) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        std::vector<std::string_view> authors;
        std::erase_if(list, [&](uint32_t p) {
            const auto& name = t.posts[p].author;
            if (!name || name->empty()) return false;
            if (std::find(authors.begin(), authors.end(), *name) != authors.end()) return true;
            authors.push_back(*name);
            return false;
        });
    }

    std::vector<uint32_t> links(out.facts.size(), 0);
    for (const LinkRow& l : out.symptoms) ++links[l.fact];
    std::vector<std::vector<std::string>> causes(out.facts.size());
    for (const LinkRow& l : out.causes) causes[l.fact].push_back(l.target);
    for (auto& c : causes) {
        std::sort(c.begin(), c.end());
        c.erase(std::unique(c.begin(), c.end()), c.end());
    }

    for (uint32_t li = 0; li < out.symptoms.size(); ++li) {
        const LinkRow& l = out.symptoms[li];
        const FactRow& r = out.facts[l.fact];
        const Fact& f = r.record->fact;
        if ((f.kind != "cause" && f.kind != "remedy") || r.cid.empty()) continue;
        const auto& ev = f.evidence;
        const auto& quotes = t.posts[ev.post].quotes;
        if (std::any_of(quotes.begin(), quotes.end(), [&](const auto& q) {
                return static_cast<int64_t>(q.start) <= int64_t{ev.start} && int64_t{ev.end} <= static_cast<int64_t>(q.end);
            }))
            continue;
        AdviceClaim c;
        c.weight = weight[ev.post];
        c.link = advice_link_factor(l.link);
        c.links = links[l.fact];
        c.negated = r.fields.polarity && *r.fields.polarity == "negated";
        c.certainty = r.fields.certainty;
        c.outcome = r.fields.outcome;
        c.label = f.label;
        ClaimRow claim;
        claim.link = li;
        claim.endorser_posts = endorsers[ev.post];
        for (uint32_t p : claim.endorser_posts) c.endorsers.emplace_back(0, weight[p]);
        c.causes = causes[l.fact];
        claim.bytes = encode_claim(c, &claim.endorsers_at);
        out.claims.push_back(std::move(claim));
    }
}

}  // namespace

ThreadRows prepare_thread_rows(const Thread& t, const std::vector<FactRecord>& facts) {
    ThreadRows out;
    out.error = validate(t, facts);
    if (!out.error.empty()) return out;
    out.hash = thread_hash(t, facts);

    std::unordered_map<std::string_view, int64_t> index_of;
    for (size_t i = 0; i < t.posts.size(); ++i) index_of.emplace(t.posts[i].post_id, static_cast<int64_t>(i));
    out.quoted_index.resize(t.posts.size());
    for (size_t i = 0; i < t.posts.size(); ++i)
        for (const auto& q : t.posts[i].quotes) {
            auto it = index_of.find(q.post_id);
            out.quoted_index[i].push_back(it == index_of.end() ? std::nullopt : std::optional<int64_t>(it->second));
        }

    out.facts.reserve(facts.size());
    for (const FactRecord& r : facts) {
        const Fact& f = r.fact;
        FactRow row;
        row.record = &r;
        row.fields = FactFields::from(f);
        row.cid = is_advice_kind(f.kind) ? fact_concept(f) : f.concept_id;
        // Evidence beside the post ("Lv 7") comes as evidence_text; the rest is a slice of the text.
        row.evidence = !f.evidence_text.empty() ? std::string_view(f.evidence_text)
                                                : std::string_view(t.posts[f.evidence.post].text)
                                                      .substr(f.evidence.start, f.evidence.end - f.evidence.start);
        if (f.kind == "endorsement") {
            std::optional<int64_t> target = row.fields.target_post;
            if (!target && !f.support.empty()) target = f.support.front();
            if (target && *target >= 0 && static_cast<size_t>(*target) < t.posts.size()) row.target_index = target;
        }
        out.facts.push_back(std::move(row));
    }
    derive_links(out);
    out.weights = credibility::post_weights(t, facts);
    derive_claims(t, out);
    return out;
}

}  // namespace fkb::kb
