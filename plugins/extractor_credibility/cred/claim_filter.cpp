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
    }
    return "?";
}

ClaimFilter::ClaimFilter(const Lexicon& lexicon) : lex_(lexicon) {
    for (const char* c : {"negator", "hypothetical", "reporting", "sarcasm", "sarcasm_lead", "clause_break"})
        if (!lex_.word_class(c)) throw std::runtime_error(std::string("forumkb: data/word_classes.tsv: class '") + c + "' is missing");
}

bool ClaimFilter::in(const char* cls, const Word& w) const {
    return !w.punct && (lex_.in_class(cls, w.text) || lex_.in_class(cls, w.lemma));
}

namespace {

bool overlaps(uint64_t a0, uint64_t a1, uint64_t b0, uint64_t b1) { return a0 < b1 && b0 < a1; }

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

}  // namespace

Rejection ClaimFilter::check(const PostContext& pc, const PatternMatch& m, bool negation_is_cue) const {
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
                if (sv(s.value) == "other") return Rejection::OtherExperiencer;
                break;
            default: break;
        }
    }

    // A negator just before the match or inside it: "never have I", "not that I".
    if (!negation_is_cue) {
        for (size_t i = m.begin >= sb + 2 ? m.begin - 2 : sb; i < m.end; ++i)
            if (in("negator", W[i])) return Rejection::Negated;
    }

    // The clause the match sits in: back to the last comma, semicolon or clause break.
    size_t clause = m.begin;
    while (clause > sb && !(W[clause - 1].punct && (W[clause - 1].text == "," || W[clause - 1].text == ";")) &&
           !in("clause_break", W[clause - 1]))
        --clause;
    const PhraseSet* hypothetical = lex_.word_class("hypothetical");
    for (size_t i = clause; i < m.begin; ++i)
        if (hypothetical->match(W, i, m.begin)) return Rejection::Hypothetical;

    // "my coach says I ...": a reporting verb earlier in the sentence whose subject is not "i".
    const PhraseSet* reporting = lex_.word_class("reporting");
    for (size_t i = sb; i < m.begin; ++i)
        if (reporting->match(W, i, m.begin) && !(i > sb && W[i - 1].text == "i")) return Rejection::Reported;

    const PhraseSet* sarcasm = lex_.word_class("sarcasm");
    for (size_t i = sb; i < se; ++i)
        if (sarcasm->match(W, i, se)) return Rejection::Sarcastic;
    // "/s" is often its own sentence right after the sarcastic one.
    if (se < W.size() && sarcasm->match(W, se, std::min(W.size(), se + 2))) return Rejection::Sarcastic;
    const PhraseSet* lead = lex_.word_class("sarcasm_lead");
    for (size_t i = m.begin >= sb + 4 ? m.begin - 4 : sb; i < m.begin; ++i)
        if (const Phrase* p = lead->match(W, i, m.begin); p && i + p->words.size() == m.begin) return Rejection::Sarcastic;
    return Rejection::None;
}

}  // namespace fkb::cred
