// The filters that keep negated, reported, hypothetical, sarcastic and
// quoted cue matches out; see claim_filter.hpp.
#include "cred/claim_filter.hpp"

#include <algorithm>
#include <string>

namespace fkb::cred {

const char* rejection_name(Rejection r) noexcept {
    switch (r) {
        case Rejection::None: return "none";
        case Rejection::Quoted: return "quoted";
        case Rejection::Negated: return "negated";
        case Rejection::Question: return "question";
        case Rejection::Conditional: return "conditional";
        case Rejection::OtherExperiencer: return "other experiencer";
        case Rejection::Hypothetical: return "hypothetical";
        case Rejection::Reported: return "reported";
        case Rejection::Sarcastic: return "sarcastic";
        case Rejection::Undone: return "taken back";
        case Rejection::OutsideThread: return "outside the thread";
    }
    return "?";
}

namespace {

const PhraseSet* need(const Lexicon& lex, const char* name) {
    const PhraseSet* c = lex.word_class(name);
    if (!c) throw std::runtime_error(std::string("forumkb: data/word_classes.tsv: class '") + name + "' is missing");
    return c;
}

}  // namespace

ClaimFilter::ClaimFilter(const Lexicon& lexicon)
    : lex_(lexicon),
      hypothetical_(need(lexicon, "hypothetical")),
      reporting_(need(lexicon, "reporting")),
      sarcasm_(need(lexicon, "sarcasm")),
      sarcasm_lead_(need(lexicon, "sarcasm_lead")),
      future_opener_(need(lexicon, "future_opener")),
      future_marker_(need(lexicon, "future_marker")),
      sarcasm_opener_(need(lexicon, "sarcasm_opener")),
      laugh_(need(lexicon, "laugh")),
      undone_after_(need(lexicon, "claim_undone_after")),
      outside_target_(need(lexicon, "outside_target")) {
    need(lexicon, "negator");
    need(lexicon, "clause_break");
}

namespace {

bool overlaps(uint64_t a0, uint64_t a1, uint64_t b0, uint64_t b1) { return a0 < b1 && b0 < a1; }

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

}  // namespace

Rejection ClaimFilter::check(const PostContext& pc, const PatternMatch& m, Mode mode) const {
    const bool negation_is_cue = mode == Mode::Disagreement;
    const auto& W = pc.words.words;
    const uint32_t b0 = W[m.begin].start, b1 = W[m.end - 1].end;
    const uint32_t sentence = W[m.begin].sentence;
    const size_t sb = pc.words.sentences[sentence].first, se = pc.words.sentences[sentence].second;

    for (size_t i = 0; i < pc.analysis.n_quoted; ++i)
        if (overlaps(b0, b1, pc.analysis.quoted[i].span.start, pc.analysis.quoted[i].span.end)) return Rejection::Quoted;
    for (size_t i = 0; i < pc.post.n_quotes; ++i)
        if (overlaps(b0, b1, pc.post.quotes[i].start, pc.post.quotes[i].end)) return Rejection::Quoted;

    for (size_t i = 0; i < pc.analysis.n_scopes; ++i) {
        const fkb_scope& s = pc.analysis.scopes[i];
        if (!overlaps(b0, b1, s.scope.start, s.scope.end) && !overlaps(b0, b1, s.trigger.start, s.trigger.end)) continue;
        switch (s.kind) {
            case FKB_SCOPE_NEGATION:
                if (!negation_is_cue) return Rejection::Negated;
                break;
            case FKB_SCOPE_QUESTION: return Rejection::Question;
            case FKB_SCOPE_CONDITIONAL: return Rejection::Conditional;
            case FKB_SCOPE_EXPERIENCER:
                if (mode == Mode::Claim && sv(s.value) == "other") return Rejection::OtherExperiencer;
                break;
            default: break;
        }
    }

    // A negator just before the match or inside it: "never have I", "not that I".
    if (!negation_is_cue) {
        for (size_t i = m.begin >= sb + 2 ? m.begin - 2 : sb; i < m.end; ++i)
            if (W[i].is(kNegator)) return Rejection::Negated;
    }

    // The clause the match sits in: back to the last comma, semicolon or clause break.
    size_t clause = m.begin;
    while (clause > sb && !(W[clause - 1].punct && (W[clause - 1].text == "," || W[clause - 1].text == ";")) &&
           !W[clause - 1].is(kClauseBreak))
        --clause;
    const PhraseSet* hypothetical = hypothetical_;
    for (size_t i = clause; i < m.begin; ++i)
        if (hypothetical->match(W, i, m.begin)) return Rejection::Hypothetical;
    if (mode == Mode::Claim)
        for (size_t i = clause; i < m.begin; ++i)
            if (future_opener_->match(W, i, m.begin)) {
                for (size_t k = m.end; k < se; ++k)
                    if (future_marker_->match(W, k, se)) return Rejection::Hypothetical;
                break;
            }

    // "my coach says I ...": a reporting verb earlier in the sentence whose subject is not "i".
    const PhraseSet* reporting = reporting_;
    for (size_t i = sb; i < m.begin; ++i)
        if (reporting->match(W, i, m.begin) && !(i > sb && W[i - 1].text == "i")) return Rejection::Reported;

    const PhraseSet* sarcasm = sarcasm_;
    for (size_t i = sb; i < se; ++i)
        if (sarcasm->match(W, i, se)) return Rejection::Sarcastic;
    // "/s" is often its own sentence right after the sarcastic one.
    if (se < W.size() && sarcasm->match(W, se, std::min(W.size(), se + 2))) return Rejection::Sarcastic;
    // "Yeah I'm a doctor too, lol": opened by "yeah" / "sure", and laughing.
    if (mode == Mode::Claim) {
        size_t first = sb;
        while (first < se && W[first].punct) ++first;
        if (sarcasm_opener_->match(W, first, se)) {
            const size_t end = std::min(W.size(), se + 2);  // "lol" may be a sentence of its own
            for (size_t i = first; i < end; ++i)
                if (laugh_->match(W, i, end)) return Rejection::Sarcastic;
        }
        if (undone_after_->match(W, m.ev_end, se)) return Rejection::Undone;
    } else if (outside_target_->match(W, m.ev_end, se)) {
        return Rejection::OutsideThread;
    }
    const PhraseSet* lead = sarcasm_lead_;
    for (size_t i = m.begin >= sb + 4 ? m.begin - 4 : sb; i < m.begin; ++i)
        if (const Phrase* p = lead->match(W, i, m.begin); p && i + p->words.size() == m.begin) return Rejection::Sarcastic;
    return Rejection::None;
}

}  // namespace fkb::cred
