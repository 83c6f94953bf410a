// Linker: see linker.hpp.
#include "linker.hpp"

#include <algorithm>
#include <map>

namespace fkb::advice {

void Linker::link(std::vector<Claim>& claims, const std::vector<SymptomMention>& mentions,
                  const SymptomMention* opening) const {
    for (Claim& c : claims) {
        if (c.dropped) continue;
        // 1. The claim's condition applied to the opening symptom.
        if (!c.condition.empty() && opening) {
            const Concept* region = lex_.lookup(c.condition);
            const Concept* bp = lex_.find(opening->body_part);
            if (region && region->kind == Kind::body_part) {
                SymptomMention m;
                finder_.compose(region, lex_.find(opening->complaint), m);
                c.symptom = m.concept_id;
            } else if (region && bp) {
                // Walk up from the opening body part to one that takes the region.
                const Concept* with = finder_.with_region(region->label, bp);
                for (const Concept* a : lex_.ancestors(bp))
                    if (!with) with = finder_.with_region(region->label, a);
                if (with) {
                    SymptomMention m;
                    finder_.compose(with, lex_.find(opening->complaint), m);
                    c.symptom = m.concept_id;
                }
            }
            if (!c.symptom.empty()) continue;
        }
        // 2. A symptom in the claim's effect, then in its sentence.
        const SymptomMention* best = nullptr;
        for (const auto& m : mentions) {
            if (m.post != c.post || m.sentence != c.sentence) continue;
            if (!c.effect.empty() && m.first >= c.effect.first && m.last <= c.effect.last) {
                best = &m;
                break;
            }
            if (!best) best = &m;
        }
        // 3. The nearest earlier symptom of the post.
        if (!best)
            for (const auto& m : mentions)
                if (m.post == c.post && m.sentence < c.sentence) best = &m;
        if (best) {
            c.symptom = best->concept_id;
            continue;
        }
        // 4. The thread's opening symptom.
        if (opening) c.symptom = opening->concept_id;
    }
    // Remedies -> causes.
    std::vector<std::vector<std::string>> cause_ids(claims.size());  ///< a cause claim's concept and its ancestors
    std::vector<bool> cause_ids_done(claims.size(), false);
    for (size_t i = 0; i < claims.size(); ++i) {
        Claim& r = claims[i];
        if (r.dropped || !r.remedy) continue;
        int pick = -1;
        // A cause in the same sentence, or one that holds under the same condition in the post.
        for (size_t j = 0; j < claims.size(); ++j) {
            const Claim& c = claims[j];
            if (c.dropped || c.remedy || c.negated || c.post != r.post) continue;
            if (c.sentence == r.sentence && (r.condition.empty() || c.condition == r.condition)) {
                pick = static_cast<int>(j);
                break;
            }
        }
        if (pick < 0 && !r.condition.empty())
            for (size_t j = 0; j < claims.size(); ++j) {
                const Claim& c = claims[j];
                if (!c.dropped && !c.remedy && !c.negated && c.post == r.post && c.condition == r.condition)
                    pick = static_cast<int>(j);
            }
        // The lexicon: the remedy addresses a cause named in the thread,
        // preferring the same post, then the nearest.
        if (pick < 0) {
            const Concept* rc = lex_.find(r.concept_id);
            // What addresses(rc, cause) reads, worked out once per remedy and once per cause claim.
            std::vector<const std::string*> addrs;
            if (rc) {
                for (const auto& a : rc->addresses) addrs.push_back(&a);
                for (const Concept* anc : lex_.ancestors(rc))
                    for (const auto& a : anc->addresses) addrs.push_back(&a);
            }
            auto addresses_claim = [&](size_t j) {
                if (addrs.empty()) return false;
                if (!cause_ids_done[j]) {
                    cause_ids_done[j] = true;
                    const std::string& id = claims[j].concept_id;
                    cause_ids[j].push_back(id);
                    if (const Concept* cause = lex_.find(id))
                        for (const Concept* anc : lex_.ancestors(cause)) cause_ids[j].push_back(anc->id);
                }
                for (const std::string* a : addrs)
                    if (std::find(cause_ids[j].begin(), cause_ids[j].end(), *a) != cause_ids[j].end()) return true;
                return false;
            };
            long best_dist = 1L << 30;
            for (size_t j = 0; j < claims.size(); ++j) {
                const Claim& c = claims[j];
                if (c.dropped || c.remedy || c.negated || !addresses_claim(j)) continue;
                long dist = std::labs(static_cast<long>(c.post) - static_cast<long>(r.post)) * 1000 +
                            std::labs(static_cast<long>(c.sentence) - static_cast<long>(r.sentence));
                if (dist < best_dist) {
                    best_dist = dist;
                    pick = static_cast<int>(j);
                }
            }
        }
        if (pick >= 0) {
            r.cause_claim = pick;
            r.cause = claims[static_cast<size_t>(pick)].concept_id;
            if (r.symptom.empty()) r.symptom = claims[static_cast<size_t>(pick)].symptom;
        }
    }
}

std::vector<Triple> Linker::triples(const std::vector<Claim>& claims) const {
    std::vector<Triple> out;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < claims.size(); ++i) {
        const Claim& r = claims[i];
        if (r.dropped || !r.remedy || r.cause_claim < 0 || r.negated) continue;
        const Claim& c = claims[static_cast<size_t>(r.cause_claim)];
        std::string symptom = !c.symptom.empty() ? c.symptom : r.symptom;
        if (symptom.empty()) continue;
        std::string key = symptom + "|" + c.concept_id + "|" + r.concept_id;
        auto it = index.find(key);
        if (it == index.end()) {
            Triple t;
            t.symptom = symptom;
            t.cause = c.concept_id;
            t.remedy = r.concept_id;
            t.label = r.label + " for " + c.label;
            t.remedy_claim = i;
            index.emplace(key, out.size());
            out.push_back(std::move(t));
            it = index.find(key);
        }
        Triple& t = out[it->second];
        for (uint32_t p : {c.post, r.post})
            if (std::find(t.support.begin(), t.support.end(), p) == t.support.end()) t.support.push_back(p);
        std::sort(t.support.begin(), t.support.end());
    }
    return out;
}

}  // namespace fkb::advice
