// Slot extents: see slots.hpp.
#include "slots.hpp"

namespace fkb::advice {

namespace {

bool hard_stop(const PostWords& pw, uint32_t i) {
    if (!pw[i].punct) return false;
    std::string_view k = pw.key(i);
    if (k == "." || k == ";" || k == "!" || k == "?" || k == ":" || k == ">" || k == "*" || k == "\"") return true;
    // A dash set off by spaces ("I'd see the GP - a steroid injection ...")
    // ends the clause; a hyphen inside a word ("back-of-shoulder") does not.
    return (k == "-" || k == "\u2013" || k == "\u2014") && i > 0 && pw[i].start > pw[i - 1].end;
}

/// Index of the ")" closing the "(" at i, or 0 if none in the sentence.
uint32_t close_paren(const PostWords& pw, const Sentence& s, uint32_t i) {
    int depth = 0;
    for (uint32_t k = i; k < s.last; ++k) {
        if (is_p(pw, k, "(")) ++depth;
        if (is_p(pw, k, ")") && --depth == 0) return k;
    }
    return 0;
}

}  // namespace

bool Slots::list_comma(const PostWords& pw, const Sentence& s, uint32_t comma, uint32_t seg_start) const {
    // Words in the segment before the comma (since the previous comma).
    uint32_t before = 0;
    for (uint32_t k = seg_start; k < comma; ++k)
        if (!pw[k].punct) ++before;
    // Words in the segment after it, and what ends that segment.
    uint32_t after = 0, k = comma + 1;
    for (; k < s.last; ++k) {
        if (pw[k].punct && (pw.key(k) == "," || hard_stop(pw, k))) break;
        if (pw.key(k) == "and" || pw.key(k) == "or") break;
        if (!pw[k].punct) ++after;
    }
    bool next_is_list = k < s.last && (pw.key(k) == "," || pw.key(k) == "and" || pw.key(k) == "or");
    bool prev_was_item = seg_start > 0 && is_p(pw, seg_start - 1, ",") && before <= 2;
    return (after >= 1 && after <= 2 && next_is_list) || prev_was_item;
}

WordSpan Slots::right(const PostWords& pw, const Sentence& s, uint32_t from, bool keep_commas) const {
    uint32_t i = from, seg_start = from;
    uint32_t words = 0;
    while (i < s.last) {
        if (hard_stop(pw, i)) break;
        if (is_p(pw, i, ",")) {
            if (keep_commas || (words > 0 && list_comma(pw, s, i, seg_start))) {
                seg_start = i + 1;
                ++i;
                continue;
            }
            break;
        }
        if (is_p(pw, i, "(")) {
            uint32_t c = close_paren(pw, s, i);
            if (c == 0) break;
            uint32_t inner = 0;
            for (uint32_t k = i + 1; k < c; ++k)
                if (!pw[k].punct) ++inner;
            // A long aside ends the slot; a short one ("(foam roll)") is part of
            // it, and so is an item's detail in a list ("planks (side, front, and back)").
            if (inner > (keep_commas ? 8u : 3u) || (i + 1 < c && pw.key(i + 1) == "and")) break;
            i = c + 1;
            continue;
        }
        if (is_p(pw, i, ")")) break;
        if (words > 0 && lex_.word_in("right_stop", pw, i) && !intensifier_so(pw, s, i) &&
            !(pw.key(i) == "while" && pw.key(i - 1) == "a"))  // "for a while"
            break;
        // "and" / "but" starting a new clause with its own subject, or with
        // a time adverb before it ("upped my mileage and now my heel is sore").
        if (words > 0 && (pw.key(i) == "and" || pw.key(i) == "or" || pw.key(i) == "then") && i + 1 < s.last &&
            (lex_.word_in("clause_subject", pw, i + 1) || lex_.word_in("clause_adverb", pw, i + 1)))
            break;
        if (words >= 24) break;
        if (!pw[i].punct) ++words;
        ++i;
    }
    return trim_tail(pw, WordSpan{from, i});
}

WordSpan Slots::left(const PostWords& pw, const Sentence& s, uint32_t to) const {
    uint32_t i = to;
    uint32_t words = 0;
    // "cold muscles and fatigue both raise the risk": "both" before the cue
    // says the "and" joins its subject, not two clauses.
    const bool both = to > s.first + 2 && pw.key(to - 1) == "both";
    while (i > s.first) {
        uint32_t k = i - 1;
        if (hard_stop(pw, k) || is_p(pw, k, ",") || is_p(pw, k, "(")) break;
        if (both && pw.key(k) == "and") {
            ++words;
            i = k;
            continue;
        }
        if (is_p(pw, k, ")")) {
            // Step over the parenthesis to its "(".
            int depth = 0;
            uint32_t j = k + 1;
            while (j > s.first) {
                --j;
                if (is_p(pw, j, ")")) ++depth;
                if (is_p(pw, j, "(") && --depth == 0) break;
            }
            if (depth != 0) break;
            i = j;
            continue;
        }
        if ((lex_.word_in("left_stop", pw, k) && !intensifier_so(pw, s, k)) || lex_.word_in("report_verb", pw, k))
            break;
        if (words >= 16) break;
        if (!pw[k].punct) ++words;
        i = k;
    }
    // "nerve glides often [help]": a frequency or hedge adverb before the cue is not part of the thing.
    WordSpan w = trim_lead(pw, WordSpan{i, to});
    while (w.last > w.first + 1 && lex_.word_in("hedge_word", pw, w.last - 1)) --w.last;
    while (w.last > w.first + 1 && lex_.word_in("frequency_word", pw, w.last - 1)) --w.last;
    if (both && w.last > w.first + 1 && pw.key(w.last - 1) == "both") --w.last;
    return w;
}

WordSpan Slots::trim_lead(const PostWords& pw, WordSpan w) const {
    while (w.first < w.last &&
           (pw[w.first].punct || lex_.word_in("slot_lead", pw, w.first)) && !is_p(pw, w.first, "("))
        ++w.first;
    return w;
}

WordSpan Slots::trim_tail(const PostWords& pw, WordSpan w) const {
    while (w.last > w.first && pw[w.last - 1].punct && !is_p(pw, w.last - 1, ")")) --w.last;
    return w;
}

uint32_t Slots::content_words(const PostWords& pw, WordSpan w) const {
    uint32_t n = 0;
    for (uint32_t i = w.first; i < w.last; ++i)
        if (!pw[i].punct && !lex_.word_in("function", pw, i)) ++n;
    return n;
}

bool Slots::vague(const PostWords& pw, WordSpan w) const {
    if (content_words(pw, w) == 0) return true;
    return lex_.in_list("vague", pw.keys(w.first, w.last));
}

uint32_t Slots::clause_start(const PostWords& pw, const Sentence& s, uint32_t i) const {
    while (i > s.first) {
        uint32_t k = i - 1;
        if (hard_stop(pw, k) || is_p(pw, k, ",") || is_p(pw, k, "(") || is_p(pw, k, ")")) break;
        if (lex_.word_in("left_stop", pw, k) && !intensifier_so(pw, s, k)) break;
        i = k;
    }
    return i;
}

bool Slots::intensifier_so(const PostWords& pw, const Sentence& s, uint32_t i) const {
    // "ever so slightly", "so much", "not so bad": "so" before a word that is
    // not a clause subject, with no comma before it, is not a conjunction.
    if (pw.key(i) != "so" || i + 1 >= s.last || pw[i + 1].punct) return false;
    if (i > s.first && pw[i - 1].punct) return false;
    return !lex_.word_in("clause_subject", pw, i + 1) && pw.key(i + 1) != "that";
}

}  // namespace fkb::advice
