// Finding self-disclosures in a post; see disclosure_finder.hpp.
#include "cred/disclosure_finder.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace fkb::cred {

namespace {

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

}  // namespace

std::vector<Disclosure> find_disclosures(const CueTable& cues, const ClaimFilter& filter, const PostContext& pc,
                                         std::vector<SetAside>* rejected) {
    const auto& W = pc.words.words;
    std::vector<Disclosure> out;
    std::vector<std::pair<uint32_t, uint32_t>> taken;  // byte spans of kept matches
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    {
        for (const CueMatch& cm : match_cues(cues.disclosures(), cues.disclosure_index(), pc.words)) {
            const DisclosureCue& cue = cues.disclosures()[cm.cue];
            const PatternMatch& m = cm.match;
            {
                const uint32_t m0 = W[m.ev_begin].start, m1 = W[m.ev_end - 1].end;
                bool overlap = false;
                for (auto [a, b] : taken) overlap |= m0 < b && a < m1;
                if (overlap) continue;
                Rejection why = filter.check(pc, m);
                if (why != Rejection::None) {
                    if (rejected) rejected->push_back(SetAside{cue.line, why, W[m.ev_begin].start, W[m.ev_end - 1].end});
                    continue;
                }
                taken.emplace_back(m0, m1);
                Disclosure d;
                d.signal = cue.signal;
                d.basis = cue.basis;
                d.value = cue.render(m);
                d.weight = cue.weight_of(m);
                d.start = W[m.ev_begin].start;
                d.end = W[m.ev_end - 1].end;
                d.sentence = W[m.ev_begin].sentence;
                d.cue_line = cue.line;
                if (!seen.insert({d.signal, d.basis, d.value}).second) continue;
                out.push_back(std::move(d));
            }
        }
    }
    // Experience with the complaint: did the post say how it ended?
    for (Disclosure& d : out) {
        if (d.signal != "experience") continue;
        for (size_t i = 0; i < pc.analysis.n_scopes; ++i) {
            const fkb_scope& sc = pc.analysis.scopes[i];
            if (sc.kind == FKB_SCOPE_OUTCOME && sc.sentence >= d.sentence && !sv(sc.value).empty()) {
                d.outcome = std::string(sv(sc.value));
                break;
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Disclosure& a, const Disclosure& b) { return a.start < b.start; });
    return out;
}

}  // namespace fkb::cred
