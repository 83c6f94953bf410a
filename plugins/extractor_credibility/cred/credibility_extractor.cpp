// The credibility extractor: finders over each post, facts out; see
// credibility_extractor.hpp.
#include "cred/credibility_extractor.hpp"

#include "cred/word_stream.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace fkb::cred {

namespace {

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

/// A weight attribute to 3 decimals, without trailing zeros ("0.2", not
/// "0.200000"); weights are in [0, 1] and rounded to 3 decimals already.
void set_number(sdk::Fact& f, const char* key, double v) {
    char buf[32];
    size_t n = 0;
    if (v >= 0 && v < 1e9) {
        const auto milli = static_cast<uint64_t>(v * 1000.0 + 0.5);
        auto [end, ec] = std::to_chars(buf, buf + 20, milli / 1000);
        n = static_cast<size_t>(end - buf);
        if (uint64_t frac = milli % 1000) {
            buf[n++] = '.';
            buf[n++] = static_cast<char>('0' + frac / 100);
            buf[n++] = static_cast<char>('0' + frac / 10 % 10);
            buf[n++] = static_cast<char>('0' + frac % 10);
            while (buf[n - 1] == '0') --n;
        }
    } else {
        n = static_cast<size_t>(std::snprintf(buf, sizeof buf, "%g", v));
    }
    f.attrs.push_back({key, {FKB_VALUE_DOUBLE, std::string(buf, n)}});
}

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
    facts.reserve(view.n_posts + 4);
    const fkb_thread& thread = *view.thread;
    const std::string_view source = sv(thread.source);
    // Whether post i is by the author of the opening post (a named one).
    std::string_view op = thread.n_posts ? sv(thread.posts[0].author) : std::string_view();
    if (!op.empty() && fold_word(op) == "anonymous") op = {};
    auto asker = [&](size_t i) { return !op.empty() && sv(thread.posts[i].author) == op; };
    const PlatformScales::Source scales = scales_->source(source);
    WordStream words;  // one post at a time, reusing its buffers
    for (size_t i = 0; i < thread.n_posts && i < view.n_posts; ++i) {
        const fkb_post& post = thread.posts[i];
        const fkb_post_analysis& analysis = view.posts[i];
        const std::string_view text = sv(post.text);
        words.rebuild(text, analysis, *lexicon_);
        PostContext pc{post, analysis, words};
        const auto post_index = static_cast<uint32_t>(i);

        for (const Disclosure& d : find_disclosures(*cues_, *filter_, pc)) {
            // From the asker, "I have this problem" is the complaint, not experience with it.
            if (d.basis == "same_problem" && (i == 0 || asker(i))) continue;
            sdk::Fact f;
            f.attrs.reserve(8);
            f.kind = "credibility";
            f.label = d.signal + ": " + d.value;
            f.evidence = fkb_evidence{post_index, d.start, d.end, d.sentence};
            set_author(f, post);
            f.set("signal", d.signal).set("basis", d.basis).set("value", d.value);
            set_number(f, "weight", d.weight);
            if (!d.outcome.empty()) f.set("outcome", d.outcome);
            // Whether the author says how it ended: a report with its outcome weighs as evidence.
            if (d.basis == "same_problem") f.set_bool("outcome_reported", !d.outcome.empty());
            facts.push_back(std::move(f));
        }
        // One platform fact per post, summarizing every signal worth stating.
        if (auto s = scales_->summary(scales, post)) {
            sdk::Fact f;
            f.attrs.reserve(7);
            f.kind = "credibility";
            f.label = "platform: " + s->value;
            f.evidence = fkb_evidence{post_index, 0, 0, 0};
            f.evidence_text = std::move(s->evidence);
            set_author(f, post);
            f.set("signal", "platform").set("basis", std::move(s->bases)).set("value", std::move(s->value));
            set_number(f, "weight", s->weight);
            set_number(f, "standing", s->standing);
            set_number(f, "reception", s->reception);
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
