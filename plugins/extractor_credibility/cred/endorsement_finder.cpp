// Finding endorsements and their targets; see endorsement_finder.hpp.
#include "cred/endorsement_finder.hpp"

#include "cred/word_stream.hpp"

#include <cstddef>
#include <optional>
#include <set>

namespace fkb::cred {

namespace {

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

std::optional<uint32_t> post_by_id(const fkb_thread& t, std::string_view id, size_t before) {
    for (size_t i = 0; i < before && i < t.n_posts; ++i)
        if (sv(t.posts[i].post_id) == id) return static_cast<uint32_t>(i);
    return std::nullopt;
}

std::optional<uint32_t> post_by_author(const fkb_thread& t, const std::string& name, size_t before) {
    for (size_t i = before; i-- > 0;) {
        const fkb_post& p = t.posts[i];
        if (fold_word(sv(p.author)) == name) return static_cast<uint32_t>(i);
        if (p.struct_size >= offsetof(fkb_post, signature) + sizeof(fkb_str) && fold_word(sv(p.signature)) == name)
            return static_cast<uint32_t>(i);
    }
    return std::nullopt;
}

}  // namespace

std::vector<Endorsement> find_endorsements(const CueTable& cues, const ClaimFilter& filter,
                                           const fkb_thread_view& view, size_t index, const PostContext& pc) {
    std::vector<Endorsement> out;
    if (index == 0) return out;  // the opening post answers nobody
    const fkb_thread& thread = *view.thread;
    const fkb_post& post = thread.posts[index];
    const auto& W = pc.words.words;
    std::set<std::pair<uint32_t, std::string>> seen;
    std::vector<std::pair<uint32_t, uint32_t>> taken;
    {
        for (const CueMatch& cm : match_cues(cues.endorsements(), cues.endorsement_index(), pc.words)) {
            const EndorsementCue& cue = cues.endorsements()[cm.cue];
            const PatternMatch& m = cm.match;
            {
                const uint32_t m0 = W[m.begin].start, m1 = W[m.end - 1].end;
                bool overlap = false;
                for (auto [a, b] : taken) overlap |= m0 < b && a < m1;
                if (overlap) continue;
                // A negation that is part of the cue ("I don't agree", "I couldn't agree more") does not cancel it.
                auto mode = cue.stance == "disagree" || cue.negation_in_cue ? ClaimFilter::Mode::Disagreement
                                                                            : ClaimFilter::Mode::Agreement;
                if (filter.check(pc, m, mode) != Rejection::None) continue;
                std::optional<uint32_t> named;
                if (!m.captures.empty() && !m.captures[0].empty()) named = post_by_author(thread, m.captures[0], index);
                if (cue.by_name && !named) continue;
                taken.emplace_back(m0, m1);
                Endorsement e;
                e.stance = cue.stance;
                e.start = W[m.ev_begin].start;
                e.end = W[m.ev_end - 1].end;
                e.sentence = W[m.ev_begin].sentence;
                std::optional<uint32_t> target;
                // The nearest quote that ends before the cue.
                uint64_t best_end = 0;
                for (size_t q = 0; q < pc.analysis.n_quoted; ++q) {
                    const fkb_quoted_span& qs = pc.analysis.quoted[q];
                    if (qs.span.end <= m0 && qs.span.end >= best_end && qs.source_post < index) {
                        target = qs.source_post;
                        best_end = qs.span.end;
                    }
                }
                if (!target) {
                    for (size_t q = 0; q < post.n_quotes; ++q) {
                        const fkb_quote& qu = post.quotes[q];
                        if (qu.end <= m0 && qu.end >= best_end)
                            if (auto t = post_by_id(thread, sv(qu.post_id), index)) {
                                target = t;
                                best_end = qu.end;
                            }
                    }
                }
                e.via = target ? "quote" : "";
                if (named && (cue.by_name || !target)) {
                    target = named;
                    e.via = "name";
                }
                if (!target && sv(post.parent_id).size()) {
                    target = post_by_id(thread, sv(post.parent_id), index);
                    if (target) e.via = "parent";
                }
                if (!target) {
                    target = static_cast<uint32_t>(index - 1);
                    e.via = "previous";
                }
                e.target_post = *target;
                if (!seen.insert({e.target_post, e.stance}).second) continue;
                out.push_back(std::move(e));
            }
        }
    }
    return out;
}

}  // namespace fkb::cred
