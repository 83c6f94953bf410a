// The credibility extractor: finders over each post, facts out; see
// credibility_extractor.hpp.
#include "cred/credibility_extractor.hpp"

#include "cred/word_stream.hpp"

namespace fkb::cred {

namespace {

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

void set_author(sdk::Fact& f, const fkb_post& p) {
    if (sv(p.author).empty()) f.set_null("author");
    else f.set("author", std::string(sv(p.author)));
}

}  // namespace

CredibilityExtractor::CredibilityExtractor()
    : lexicon_(std::make_unique<Lexicon>()),
      cues_(std::make_unique<CueTable>(*lexicon_)),
      filter_(std::make_unique<ClaimFilter>(*lexicon_)),
      scales_(std::make_unique<PlatformScales>(*lexicon_)) {}

CredibilityExtractor::~CredibilityExtractor() = default;

std::vector<sdk::Fact> CredibilityExtractor::extract(const fkb_thread_view& view) const {
    std::vector<sdk::Fact> facts;
    const fkb_thread& thread = *view.thread;
    const std::string_view source = sv(thread.source);
    // Whether post i is by the author of the opening post (a named one).
    auto asker = [&](size_t i) {
        std::string_view op = thread.n_posts ? sv(thread.posts[0].author) : std::string_view();
        return !op.empty() && fold_word(op) != "anonymous" && sv(thread.posts[i].author) == op;
    };
    for (size_t i = 0; i < thread.n_posts && i < view.n_posts; ++i) {
        const fkb_post& post = thread.posts[i];
        const fkb_post_analysis& analysis = view.posts[i];
        const std::string_view text = sv(post.text);
        WordStream words = WordStream::build(text, analysis, *lexicon_);
        PostContext pc{post, analysis, words};
        const auto post_index = static_cast<uint32_t>(i);

        for (const Disclosure& d : find_disclosures(*cues_, *filter_, pc)) {
            // From the asker, "I have this problem" is the complaint, not experience with it.
            if (d.basis == "same_problem" && (i == 0 || asker(i))) continue;
            sdk::Fact f;
            f.kind = "credibility";
            f.label = d.signal + ": " + d.value;
            f.evidence = fkb_evidence{post_index, d.start, d.end, d.sentence};
            set_author(f, post);
            f.set("signal", d.signal).set("basis", d.basis).set("value", d.value).set_double("weight", d.weight);
            if (!d.outcome.empty()) f.set("outcome", d.outcome);
            facts.push_back(std::move(f));
        }
        for (const PlatformSignal& s : scales_->signals(source, post)) {
            sdk::Fact f;
            f.kind = "credibility";
            f.label = "platform: " + s.value;
            f.evidence = fkb_evidence{post_index, 0, 0, 0};
            f.evidence_text = s.evidence;
            set_author(f, post);
            f.set("signal", "platform").set("basis", s.basis).set("value", s.value).set_double("weight", s.weight);
            facts.push_back(std::move(f));
        }
        for (const Endorsement& e : find_endorsements(*cues_, *filter_, view, i, pc)) {
            sdk::Fact f;
            f.kind = "endorsement";
            f.label = (e.stance == "agree" ? "agrees with post " : "disagrees with post ") + std::to_string(e.target_post);
            f.evidence = fkb_evidence{post_index, e.start, e.end, e.sentence};
            set_author(f, post);
            f.set_int("target_post", e.target_post).set("stance", e.stance).set("target_found_by", e.via);
            facts.push_back(std::move(f));
        }
    }
    return facts;
}

}  // namespace fkb::cred
