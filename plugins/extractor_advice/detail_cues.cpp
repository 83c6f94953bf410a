// Detail grammars (Spirit X3): reported outcomes ("the pain went away",
// "no longer bother me", "didn't help", "made it worse"), quantities and
// dosages ("three sets of holding for 30-40 seconds", "8-10 miles every 3-4
// weeks", "twice a day", "400 mg"), and hedge words that lower a claim's
// certainty ("probably", "might", "maybe").
#include "x3_support.hpp"

#include <algorithm>

namespace fkb::advice {

namespace {

using namespace x3s;
using O = Outcome;
using C = Certainty;

const Words<O> outcome_words = phrase_table<O>("outcome_words");

x3::rule<class outcome_cue_r, CueHit> const outcome_cue = "outcome_cue";
const auto outcome_cue_def = x3::eps[start(Cue::remedy_helps)] >> outcome_words[set_outcome] >> B;
BOOST_SPIRIT_DEFINE(outcome_cue)

// Quantities.
const Words<int> number_words = phrase_table<int>("number_words");
const Words<int> units = phrase_table<int>("units");
const Words<int> periods = phrase_table<int>("periods");
const auto digits = +x3::ascii::digit >> -((x3::lit(" . ") | x3::lit('.') | x3::lit(',')) >> +x3::ascii::digit);
const auto number = digits | number_words;
const auto range = number >> -((x3::lit(" - ") | x3::lit(" to ") | x3::lit(" or ") | x3::lit(" / ")) >> number);
const auto per = (W("every") | W("per") | W("a") | W("each") | W("an") | W("/") | W("times a") | W("x a") |
                  W("times per") | W("x per")) >>
                 _ >> -(range >> _) >> periods >> B;

x3::rule<class quantity_r, CueHit> const quantity = "quantity";
const auto quantity_def =
    x3::eps[start(Cue::remedy_helps)] >>
    ((range >> _ >> units >> B >> -(_ >> per)) |
     // Glued forms: "3x15", "5x30", "x3", "30s", "20mg", "5k".
     ((+x3::ascii::digit >> x3::lit('x') >> +x3::ascii::digit >> B) | (x3::lit('x') >> +x3::ascii::digit >> B) |
      (+x3::ascii::digit >> (x3::lit("sec") | x3::lit("min") | x3::lit("mg") | x3::lit("km") | x3::lit("s") |
                             x3::lit("k") | x3::lit("x") | x3::lit("ml") | x3::lit("g")) >> B)) >>
         -(_ >> (units | per)) |
     ((W("once") | W("twice") | W("daily") | W("nightly") | W("weekly") | W("hourly") | W("every day") |
       W("every other day") | W("every night") | W("every morning") | W("three times") | W("two times")) >>
      -(_ >> per)) |
     (W("every") >> _ >> range >> _ >> periods >> B));
BOOST_SPIRIT_DEFINE(quantity)

// "in your 40s", "my late 30s": a decade of someone's age, not 40 seconds.
const Words<int> decade_lead = phrase_table<int>("decade_lead");

bool decade(const PostWords& pw, const CueHit& h) {
    if (h.last != h.first + 1 || h.first == 0) return false;
    std::string_view k = pw.key(h.first);
    if (k.size() < 3 || k.back() != 's' || k[k.size() - 2] != '0') return false;
    for (size_t i = 0; i + 1 < k.size(); ++i)
        if (k[i] < '0' || k[i] > '9') return false;
    return decade_lead.find(std::string(pw.key(h.first - 1))) != nullptr;
}

const Words<C> hedges = phrase_table<C>("hedges");
x3::rule<class hedge_r, CueHit> const hedge = "hedge";
const auto hedge_def = x3::eps[start(Cue::cause_likely)] >> hedges[set_cert] >> B;
BOOST_SPIRIT_DEFINE(hedge)

Sentence range_sentence(uint32_t first, uint32_t last) {
    Sentence s;
    s.first = first;
    s.last = last;
    return s;
}

}  // namespace

std::vector<std::string> outcome_first_words() { return FirstWords().add(outcome_words).words; }

std::vector<std::string> quantity_first_words() {
    // Words that start with a digit always pass (CueStarts).
    FirstWords f;
    f.add(number_words).add({"once", "twice", "daily", "nightly", "weekly", "hourly", "every", "three", "two"});
    return f.words;
}

std::vector<std::string> hedge_first_words() { return FirstWords().add(hedges).words; }

CueStarts::CueStarts() {
    auto mark = [&](const std::vector<std::string>& words, uint8_t bit) {
        for (const auto& w : words) starts_[w].grammars |= bit;
    };
    auto mark_alternatives = [&](const std::vector<std::vector<std::string>>& alts, uint32_t Starts::*member) {
        if (alts.size() > 32) throw std::logic_error("cue grammar with more than 32 alternatives");
        for (size_t k = 0; k < alts.size(); ++k)
            for (const auto& w : alts[k]) starts_[w].*member |= uint32_t{1} << k;
    };
    mark_alternatives(cause_cue_starts(), &Starts::cause);
    mark_alternatives(remedy_cue_starts(), &Starts::remedy);
    mark(outcome_first_words(), kOutcomeGrammar);
    mark(quantity_first_words(), kQuantityGrammar);
    mark(hedge_first_words(), kHedgeGrammar);
}

void CueStarts::classify_word(std::string_view k, uint8_t& grammars, uint32_t& cause, uint32_t& remedy) const {
    // Numbers ("3x15", "30s", "x3") may start anything; punctuation a table
    // holds ("=", "%") is looked up like a word.
    if (!k.empty() && ((k[0] >= '0' && k[0] <= '9') || (k[0] == 'x' && k.size() > 1 && k[1] >= '0' && k[1] <= '9'))) {
        grammars = 0xFF;
        cause = remedy = ~uint32_t{0};
        return;
    }
    auto it = starts_.find(k);
    if (it == starts_.end()) {
        grammars = 0;
        cause = remedy = 0;
        return;
    }
    grammars = it->second.grammars;
    cause = it->second.cause;
    remedy = it->second.remedy;
}

void CueStarts::classify(PostWords& pw) const {
    for (size_t i = 0; i < pw.size(); ++i) {
        Word& w = pw.word(i);
        classify_word(pw.key(i), w.cue_starts, w.cause_alts, w.remedy_alts);
    }
}

void find_outcomes(const PostWords& pw, const Sentence& s, std::vector<OutcomeHit>& out) {
    std::vector<CueHit> hits;
    scan_sentence(pw, s, outcome_cue, hits, kOutcomeGrammar);
    for (const auto& h : hits) out.push_back(OutcomeHit{h.first, h.last, h.outcome});
}

void find_dosages(const PostWords& pw, uint32_t first, uint32_t last, std::vector<WordSpan>& out) {
    if (first >= last) return;
    std::vector<CueHit> hits;
    scan_sentence(pw, range_sentence(first, last), quantity, hits, kQuantityGrammar);
    // "a" and "an" alone are numbers only before a unit: "a day" is a period,
    // "a few" a number; the grammar already requires the unit.
    for (const auto& h : hits) {
        if (decade(pw, h)) continue;
        // Merge with the previous quantity when at most 3 words and no
        // clause punctuation separate them ("3 sets of holding for 30 seconds").
        if (!out.empty() && h.first >= out.back().last && h.first - out.back().last <= 3) {
            bool clause_break = false;
            for (uint32_t k = out.back().last; k < h.first; ++k)
                if (pw[k].punct && (pw.key(k) == "," || pw.key(k) == ";" || pw.key(k) == "." || pw.key(k) == "("))
                    clause_break = true;
            if (!clause_break) {
                out.back().last = h.last;
                continue;
            }
        }
        out.push_back(WordSpan{h.first, h.last});
    }
}

Certainty find_hedge(const PostWords& pw, uint32_t first, uint32_t last) {
    if (first >= last) return Certainty::unknown;
    std::vector<CueHit> hits;
    scan_sentence(pw, range_sentence(first, last), hedge, hits, kHedgeGrammar);
    Certainty best = Certainty::unknown;
    for (const auto& h : hits) {
        if (h.certainty == Certainty::probable) return Certainty::probable;
        if (h.certainty == Certainty::possible) best = Certainty::possible;
    }
    return best;
}

}  // namespace fkb::advice
