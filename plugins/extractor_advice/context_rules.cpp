// Context rules: see context_rules.hpp.
#include "context_rules.hpp"

namespace fkb::advice {

namespace {

bool covers(const Scope& sc, const PostWords& pw, WordSpan w) {
    if (w.empty()) return false;
    return sc.start <= pw[w.first].start && sc.end >= pw[w.last - 1].end;
}
bool overlaps(const Scope& sc, const PostWords& pw, WordSpan w) {
    if (w.empty()) return false;
    return sc.start < pw[w.last - 1].end && sc.end > pw[w.first].start;
}

}  // namespace

bool ContextRules::question(const PostWords& pw, const Sentence& s) const {
    for (uint32_t i = s.last; i-- > s.first;) {
        if (!pw[i].punct) return false;
        if (pw.key(i) == "?") return true;
    }
    return false;
}

std::string ContextRules::condition(const PostWords& pw, const Sentence& s, uint32_t claim_first) const {
    for (const Scope& sc : pw.scopes())
        if (sc.kind == FKB_SCOPE_CONDITIONAL && sc.sentence == s.index && !sc.value.empty()) {
            // "If I were you ..." frames advice; it is no condition on the claim.
            if (sc.value.rfind("i were", 0) == 0 || sc.value.rfind("I were", 0) == 0) continue;
            // A full stop between the condition and the claim (a sentence the
            // splitter kept whole) ends the condition's reach.
            if (claim_first < s.last && pw[claim_first].start >= sc.end) continue;
            return sc.value;
        }
    uint32_t i = s.first;
    while (i < s.last && pw[i].punct) ++i;
    if (i + 2 >= s.last) return {};
    // "if its upper", "if it is lower", and the slip "it its lower".
    std::string_view k0 = pw.key(i);
    if (k0 != "if" && k0 != "it") return {};
    uint32_t j = i + 1;
    if (pw.key(j) == "its" || pw.key(j) == "thats") {
        ++j;
    } else if (j + 1 < s.last && pw.key(j) == "it" && pw.key(j + 1) == "is") {
        j += 2;
    } else if (k0 == "if" && j + 1 < s.last && (pw.key(j) == "the" || pw.key(j) == "your" || pw.key(j) == "its")) {
        ++j;
    } else {
        return {};
    }
    if (j >= s.last) return {};
    const Concept* c = lex_.lookup_words(pw, j, j + 1, Lexicon::bit(Kind::region));
    if (!c) return k0 == "if" ? std::string() : std::string();
    // "if its upper back" keeps the body part too.
    const Concept* bp = j + 1 < s.last ? lex_.lookup_words(pw, j, j + 2, Lexicon::bit(Kind::body_part)) : nullptr;
    return bp ? bp->label : c->label;
}

Outcome ContextRules::scoped_outcome(const PostWords& pw, const Sentence& s, WordSpan w) const {
    for (const Scope& sc : pw.scopes()) {
        if (sc.kind != FKB_SCOPE_OUTCOME || sc.sentence != s.index || !overlaps(sc, pw, w)) continue;
        if (sc.value == "resolved") return Outcome::resolved;
        if (sc.value == "improved") return Outcome::improved;
        if (sc.value == "no_effect") return Outcome::no_effect;
        if (sc.value == "worse") return Outcome::worse;
    }
    return Outcome::none;
}

Experiencer ContextRules::experiencer(const PostWords& pw, const Sentence& s, WordSpan w) const {
    for (const Scope& sc : pw.scopes()) {
        if (sc.kind != FKB_SCOPE_EXPERIENCER || sc.sentence != s.index || !overlaps(sc, pw, w)) continue;
        if (sc.value == "author") return Experiencer::author;
        if (sc.value == "addressee") return Experiencer::addressee;
        if (sc.value == "other") return Experiencer::other;
        if (sc.value == "generic") return Experiencer::generic;
    }
    for (uint32_t i = w.first; i < w.last; ++i) {
        if (lex_.word_in("person_author", pw, i)) return Experiencer::author;
        if (lex_.word_in("person_addressee", pw, i)) return Experiencer::addressee;
        if (lex_.word_in("person_other", pw, i)) return Experiencer::other;
        if (lex_.word_in("person_generic", pw, i)) return Experiencer::generic;
    }
    return Experiencer::unknown;
}

void ContextRules::apply(const PostWords& pw, const Sentence& s, const CueHit& cue, Claim& c) const {
    // Certainty: the cue's own word first, then hedges around it, then scopes.
    Certainty cert = cue.certainty;
    WordSpan around{c.evidence.first, c.evidence.last};
    if (cert == Certainty::unknown) cert = find_hedge(pw, around.first, around.last);
    for (const Scope& sc : pw.scopes()) {
        if (sc.sentence != s.index) continue;
        WordSpan cw{cue.first, cue.last};
        if (sc.kind == FKB_SCOPE_HEDGE && cert == Certainty::unknown && (overlaps(sc, pw, c.slot) || overlaps(sc, pw, cw)))
            cert = sc.value == "possible" ? Certainty::possible : Certainty::probable;
        if (sc.kind == FKB_SCOPE_QUESTION && !c.remedy && covers(sc, pw, c.slot)) cert = Certainty::questioned;
        // A negation governs the claim when its trigger stands before the cue
        // in the same clause and its scope reaches the cue (a negation inside
        // a parenthesis of the subject does not).
        // "not enough sleep" names a cause by what is missing; its "not" negates nothing.
        if (sc.kind == FKB_SCOPE_NEGATION && overlaps(sc, pw, cw) && !(cue.cue == Cue::cause_too_much && cue.marked)) {
            uint32_t clause = std::max(slots_.clause_start(pw, s, c.evidence.first), c.clause_first);
            bool in_paren = false;
            int depth = 0;
            for (uint32_t i = clause; i < cue.first; ++i) {
                if (pw[i].punct && pw.key(i) == "(") ++depth;
                if (pw[i].punct && pw.key(i) == ")") --depth;
                if (pw[i].start <= sc.trigger_start && pw[i].end >= sc.trigger_start && depth > 0) in_paren = true;
            }
            if (!in_paren && sc.trigger_start >= pw[clause].start) c.negated = true;
        }
    }
    if (!c.remedy && question(pw, s) && cert == Certainty::unknown) cert = Certainty::questioned;
    if (cert == Certainty::unknown) cert = Certainty::asserted;
    c.certainty = cert;
    if (cue.negated) c.negated = true;
    // "I don't believe X is the culprit", "I doubt X": a negating frame right
    // before the left slot.
    if (!c.remedy && c.slot.first > s.first) {
        uint32_t e = c.evidence.first;
        uint32_t b = e > s.first + 4 ? e - 4 : s.first;
        for (uint32_t i = b; i < e; ++i)
            if (lex_.word_in("negation", pw, i) && i + 1 < e && lex_.word_in("report_verb", pw, i + 1))
                c.negated = true;
        for (uint32_t i = b; i < e; ++i)
            if (pw.key(i) == "doubt") c.negated = true;
    }
    // Condition.
    c.condition = condition(pw, s, c.evidence.first);
    // Experiencer: scopes and person words of the clause, else the cue's.
    Experiencer e = experiencer(pw, s, c.slot);
    if (e == Experiencer::unknown) e = experiencer(pw, s, c.evidence);
    if (cue.author) e = Experiencer::author;
    if (e == Experiencer::unknown) e = c.post == 0 ? Experiencer::author : Experiencer::generic;
    if (c.remedy && !cue.author &&
        (cue.cue == Cue::remedy_suggest || cue.cue == Cue::remedy_should || cue.cue == Cue::remedy_make_sure ||
         cue.cue == Cue::remedy_avoid || cue.cue == Cue::remedy_worth || cue.cue == Cue::remedy_should_be ||
         cue.cue == Cue::remedy_asked || (cue.cue == Cue::remedy_try && c.post > 0)))
        e = Experiencer::addressee;
    c.experiencer = e;
}

}  // namespace fkb::advice
