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

const Words<O> outcome_words{
    {"went away", O::resolved},      {"go away", O::resolved},         {"goes away", O::resolved},
    {"gone away", O::resolved},      {"is gone", O::resolved},         {"are gone", O::resolved},
    {"was gone", O::resolved},       {"were gone", O::resolved},       {"disappeared", O::resolved},
    {"vanished", O::resolved},       {"cleared up", O::resolved},      {"no longer", O::resolved},
    {"never came back", O::resolved}, {"hasnt come back", O::resolved}, {"has not come back", O::resolved},
    {"havent had", O::resolved},     {"have not had", O::resolved},    {"fixed it", O::resolved},
    {"fixed the problem", O::resolved}, {"cured it", O::resolved},     {"solved it", O::resolved},
    {"solved the problem", O::resolved}, {"pain free", O::resolved},   {"painfree", O::resolved},
    {"stopped hurting", O::resolved}, {"dont hurt anymore", O::resolved}, {"doesnt hurt anymore", O::resolved},
    {"dont hurt any more", O::resolved}, {"doesnt hurt any more", O::resolved}, {"resolved", O::resolved},
    {"healed", O::resolved},         {"cleared", O::resolved},         {"completely gone", O::resolved},
    {"all gone", O::resolved},       {"back to normal", O::resolved},  {"stopped", O::resolved},
    {"lessened", O::improved},       {"eased", O::improved},           {"eased up", O::improved},
    {"improved", O::improved},       {"got better", O::improved},      {"gets better", O::improved},
    {"getting better", O::improved}, {"feels better", O::improved},    {"felt better", O::improved},
    {"feel better", O::improved},    {"much better", O::improved},     {"a lot better", O::improved},
    {"way better", O::improved},     {"reduced", O::improved},         {"subsided", O::improved},
    {"less pain", O::improved},      {"less sore", O::improved},       {"calmed down", O::improved},
    {"settled down", O::improved},   {"went down", O::improved},       {"has improved", O::improved},
    {"diminished", O::improved},     {"decreased", O::improved},       {"helped", O::improved},
    {"helped a lot", O::improved},   {"is better", O::improved},       {"are better", O::improved},
    {"was better", O::improved},     {"improving", O::improved},       {"less painful", O::improved},
    {"less often", O::improved},     {"less frequent", O::improved},
    {"didnt help", O::no_effect},    {"did not help", O::no_effect},   {"doesnt help", O::no_effect},
    {"no difference", O::no_effect}, {"didnt make a difference", O::no_effect},
    {"didnt make any difference", O::no_effect}, {"nothing helped", O::no_effect},
    {"still hurts", O::no_effect},   {"still hurt", O::no_effect},     {"didnt work", O::no_effect},
    {"did not work", O::no_effect},  {"did nothing", O::no_effect},    {"no change", O::no_effect},
    {"no improvement", O::no_effect}, {"hasnt helped", O::no_effect},  {"havent helped", O::no_effect},
    {"still sore", O::no_effect},    {"still there", O::no_effect},    {"no relief", O::no_effect},
    {"worse", O::worse},             {"got worse", O::worse},          {"made it worse", O::worse},
    {"aggravated it", O::worse},     {"flared up", O::worse},          {"made things worse", O::worse},
    {"even worse", O::worse},        {"worsened", O::worse},          {"hurts the same", O::no_effect},
    {"still the same", O::no_effect}, {"same as before", O::no_effect}, {"no better", O::no_effect},
    {"not any better", O::no_effect}, {"never flared again", O::resolved}, {"could finally sleep", O::improved},
    {"was already better", O::improved}, {"already better", O::improved}, {"settled", O::improved},
    {"came right back", O::no_effect}};

x3::rule<class outcome_cue_r, CueHit> const outcome_cue = "outcome_cue";
const auto outcome_cue_def = x3::eps[start(Cue::remedy_helps)] >> outcome_words[set_outcome] >> B;
BOOST_SPIRIT_DEFINE(outcome_cue)

// Quantities.
const Words<int> number_words{{"one", 1},    {"two", 1},     {"three", 1},   {"four", 1},    {"five", 1},
                              {"six", 1},    {"seven", 1},   {"eight", 1},   {"nine", 1},    {"ten", 1},
                              {"eleven", 1}, {"twelve", 1},  {"fifteen", 1}, {"twenty", 1},  {"thirty", 1},
                              {"forty", 1},  {"fifty", 1},   {"sixty", 1},   {"hundred", 1}, {"a few", 1},
                              {"a couple of", 1}, {"a couple", 1}, {"several", 1}, {"a", 1}, {"an", 1},
                              {"half an", 1}, {"half a", 1}, {"a half", 1},  {"few", 1},     {"couple", 1}};
const Words<int> units{{"set", 1},     {"sets", 1},    {"rep", 1},     {"reps", 1},     {"repetitions", 1},
                       {"times", 1},   {"x", 1},       {"minute", 1},  {"minutes", 1},  {"min", 1},
                       {"mins", 1},    {"second", 1},  {"seconds", 1}, {"sec", 1},      {"secs", 1},
                       {"hour", 1},    {"hours", 1},   {"hr", 1},      {"hrs", 1},      {"mile", 1},
                       {"miles", 1},   {"mi", 1},      {"km", 1},      {"k", 1},        {"kilometers", 1},
                       {"kilometres", 1}, {"meters", 1}, {"metres", 1}, {"mg", 1},      {"milligrams", 1},
                       {"grams", 1},   {"g", 1},       {"ml", 1},      {"day", 1},      {"days", 1},
                       {"week", 1},    {"weeks", 1},   {"month", 1},   {"months", 1},   {"percent", 1},
                       {"%", 1},       {"steps", 1},   {"laps", 1},    {"rounds", 1},   {"pounds", 1},
                       {"lbs", 1},     {"lb", 1},      {"kg", 1},      {"kgs", 1},      {"breaths", 1},
                       {"drops", 1},   {"tablet", 1},  {"tablets", 1}, {"pills", 1},    {"pill", 1},
                       {"capsules", 1}, {"iu", 1},     {"mcg", 1},     {"cups", 1},     {"glasses", 1},
                       {"liters", 1},  {"litres", 1},  {"circuits", 1}, {"intervals", 1}, {"spf", 1}};
const Words<int> periods{{"day", 1},   {"days", 1},    {"week", 1},    {"weeks", 1},  {"month", 1},
                         {"night", 1}, {"morning", 1}, {"session", 1}, {"workout", 1}, {"run", 1},
                         {"side", 1},  {"leg", 1},     {"hour", 1},    {"hours", 1},  {"evening", 1},
                         {"mile", 1},  {"km", 1},      {"set", 1},     {"meal", 1},   {"bedtime", 1}};
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

const Words<C> hedges{{"probably", C::probable}, {"likely", C::probable},  {"prob", C::probable},
                      {"probs", C::probable},    {"i think", C::probable}, {"i believe", C::probable},
                      {"sounds like", C::probable}, {"seems like", C::probable}, {"i suspect", C::probable},
                      {"maybe", C::possible},    {"might", C::possible},   {"may", C::possible},
                      {"could", C::possible},    {"possibly", C::possible}, {"perhaps", C::possible},
                      {"can", C::possible},      {"i guess", C::possible}, {"not sure", C::possible},
                      {"im not sure", C::possible}, {"potentially", C::possible}, {"sometimes", C::possible}};
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
