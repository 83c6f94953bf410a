// AdviceExtractor: see advice_extractor.hpp. This file turns cue hits and
// the other claim patterns into Claims, and Claims and symptom mentions
// into facts.
#include "advice_extractor.hpp"

#include "context_rules.hpp"
#include "linker.hpp"
#include "slots.hpp"
#include "symptom_finder.hpp"
#include "word_classes.hpp"
#include "word_key.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace fkb::advice {

std::string_view experiencer_name(Experiencer e) {
    switch (e) {
        case Experiencer::author: return "author";
        case Experiencer::addressee: return "addressee";
        case Experiencer::other: return "other";
        case Experiencer::generic: return "generic";
        default: return "generic";
    }
}
std::string_view certainty_name(Certainty c) {
    switch (c) {
        case Certainty::probable: return "probable";
        case Certainty::possible: return "possible";
        case Certainty::questioned: return "questioned";
        default: return "asserted";
    }
}
std::string_view outcome_name(Outcome o) {
    switch (o) {
        case Outcome::resolved: return "resolved";
        case Outcome::improved: return "improved";
        case Outcome::no_effect: return "no_effect";
        case Outcome::worse: return "worse";
        default: return "";
    }
}

namespace {

constexpr unsigned kCauseMask = Lexicon::bit(Kind::cause) | Lexicon::bit(Kind::condition);
constexpr unsigned kRemedyMask = Lexicon::bit(Kind::remedy);


/// One post being worked on.
struct PostWork {
    PostWords words;
    std::vector<bool> skip;  ///< per sentence: quoted, not a new claim
    /// Per sentence, its outcome phrases once found (outcomes()).
    mutable std::vector<std::vector<OutcomeHit>> outcomes;
    mutable std::vector<bool> outcomes_found;

    /// The outcome phrases of sentence s (find_outcomes, once per sentence).
    const std::vector<OutcomeHit>& outcomes_of(const Sentence& s) const {
        if (outcomes_found.size() <= s.index) {
            outcomes_found.resize(words.sentences().size(), false);
            outcomes.resize(words.sentences().size());
        }
        if (!outcomes_found[s.index]) {
            find_outcomes(words, s, outcomes[s.index]);
            outcomes_found[s.index] = true;
        }
        return outcomes[s.index];
    }
};

}  // namespace

struct AdviceExtractor::Impl {
    const Lexicon& lex;
    Slots slots;
    SymptomFinder finder;
    ContextRules rules;
    Linker linker;
    CueStarts cue_starts;
    mutable WordClasses words{lex, cue_starts};  // a cache: one extractor instance per thread

    explicit Impl(const Lexicon& l) : lex(l), slots(l), finder(l), rules(l, slots), linker(l, finder) {}

    bool in(ListName list, const PostWords& pw, uint32_t i) const { return lex.word_in(list, pw, i); }

    /// First word of the sentence after bullets, numbering and fillers.
    uint32_t sentence_head(const PostWords& pw, const Sentence& s) const {
        uint32_t i = s.first;
        while (i < s.last && (pw[i].punct || pw[i].number || in("imperative_lead", pw, i))) {
            if (is_p(pw, i, "(")) break;
            ++i;
        }
        return i;
    }

    /// The concept of "ADJ N" for a slot "[my|your] N (is|are) [degree] ADJ".
    const Concept* predicative_concept(const PostWords& pw, WordSpan w, unsigned mask) const {
        uint32_t a = w.first;
        while (a < w.last && in("possessive", pw, a)) ++a;
        for (uint32_t k = a + 1; k < w.last && k <= a + 2; ++k) {
            if (!in("copula_word", pw, k)) continue;
            uint32_t adj = k + 1;
            while (adj < w.last && in("symptom_filler", pw, adj)) ++adj;
            if (adj + 1 != w.last || pw[adj].punct) return nullptr;
            const Concept* pc = lex.lookup(std::string(pw.key(adj)) + " " + std::string(pw.span_text(a, k)));
            return pc && (mask & Lexicon::bit(pc->kind)) ? pc : nullptr;
        }
        return nullptr;
    }

    void map_concept(const PostWords& pw, Claim& c, bool avoid = false) const {
        WordSpan w = c.slot;
        LexMatch m = lex.best_in(pw, w.first, w.last, c.remedy ? kRemedyMask : kCauseMask);
        if (c.remedy && avoid) {
            LexMatch cm = lex.best_in(pw, w.first, w.last, kCauseMask);
            if (cm.entry && (!m.entry || cm.last - cm.first >= m.last - m.first)) {
                c.concept_id = "avoid_" + cm.entry->id;
                c.label = "avoid " + cm.entry->label;
                if (const Concept* known = lex.find(c.concept_id)) c.label = known->label;
                return;
            }
        }
        // What the author started or did before it hurt ("started after a
        // session of walking lunges", "since I took up yoga") is itself the
        // cause, even when the lexicon knows it as a remedy.
        const bool done_before = c.cue == Cue::cause_since || c.cue == Cue::cause_when || c.trigger;
        if (!c.remedy && !m.entry && !done_before) {
            // A cause phrased as the missing remedy ("you need to invest in
            // better shoes", "not enough upper back strengthening") is the
            // cause that remedy treats; a remedy concept is never a cause.
            LexMatch r = lex.best_in(pw, w.first, w.last, Lexicon::bit(Kind::remedy));
            for (const Concept* k = r.entry; k && !m.entry; k = k->parent.empty() ? nullptr : lex.find(k->parent))
                if (!k->addresses.empty()) m = LexMatch{lex.find(k->addresses.front()), r.first, r.last};
        }
        if (m.entry) {
            c.concept_id = m.entry->id;
            c.label = m.entry->label;
            return;
        }
        // "your hips are weak", "my calves are really tight": the predicate
        // names the concept ("weak hips").
        if (const Concept* pc = predicative_concept(pw, w, c.remedy ? kRemedyMask : kCauseMask)) {
            c.concept_id = pc->id;
            c.label = pc->label;
            return;
        }
        // Unmapped: the phrase normalized is its own concept, less a time at
        // its end ("running three times a week in January", "a month ago",
        // "last spring" say when, not what).
        w = without_time_tail(pw, w);
        // "swap the hilly route for a flat one for two weeks": a dose at the
        // end is the claim's dosage, not part of its name.
        {
            std::vector<WordSpan> ds;
            find_dosages(pw, w.first, w.last, ds);
            uint32_t e = w.last;
            while (e > w.first && pw[e - 1].punct) --e;
            if (!ds.empty() && ds.back().last >= e) {
                uint32_t cut = ds.back().first;
                while (cut > w.first && (in("preposition", pw, cut - 1) || in("dose_lead", pw, cut - 1))) --cut;
                if (cut > w.first && slots.content_words(pw, WordSpan{w.first, cut}) >= 2) w.last = cut;
            }
        }
        // "In the meantime swap the hilly route ...": an opening adverbial is no part of the name.
        w.first += phrase_at("clause_opener", pw, w.first, w.last - 1, 5, 2);
        std::string id = c.remedy ? (avoid ? "remedy:avoid" : "remedy:") : "cause:";
        std::string label = avoid ? "avoid " : "";
        size_t n = 0, lw = 0;
        for (uint32_t i = w.first; i < w.last; ++i) {
            if (pw[i].punct) continue;
            if (lw < 12) {
                if (!label.empty() && label.back() != ' ') label.push_back(' ');
                label.append(pw.key(i));
                ++lw;
            }
            if (in("function", pw, i) || n >= 6) continue;
            if (id.back() != ':' && id.back() != 'd') id.push_back('_');
            else if (id.back() == 'd' && avoid) id.push_back('_');
            id.append(pw.stem(i));
            ++n;
        }
        c.concept_id = id;
        c.label = label;
    }

    WordSpan without_time_tail(const PostWords& pw, WordSpan w) const {
        if (w.last < w.first + 2) return w;
        uint32_t e = w.last;
        while (e > w.first && pw[e - 1].punct) --e;
        if (e < w.first + 2) return w;
        const bool end = in("time_tail_end", pw, e - 1) ||
                         (in("time_tail_unit", pw, e - 1) && in("time_tail_deictic", pw, e - 2));
        if (!end) return w;
        // "a couple of months ago": the span of time before "ago"; "in
        // January", "last week": the preposition or deictic before the time.
        const bool ago = pw.key(e - 1) == "ago";
        --e;
        bool unit = false;  // one span only: "three times a week a month ago" keeps "a week"
        while (e > w.first + 1) {
            const uint32_t k = e - 1;
            const bool is_unit = in("time_tail_unit", pw, k) || in("time_tail_span_unit", pw, k);
            if (ago ? ((is_unit && !unit) || (!is_unit && (in("time_tail_span", pw, k) || pw[k].number)))
                    : (in("time_tail_lead", pw, k) || in("time_tail_deictic", pw, k))) {
                unit = unit || is_unit;
                --e;
                continue;
            }
            break;
        }
        return WordSpan{w.first, e};
    }

    WordSpan cut_at_subject(const PostWords& pw, WordSpan w) const {
        for (uint32_t i = w.first + 1; i < w.last; ++i)
            if (in("clause_subject", pw, i) && pw.key(i) != "the") return WordSpan{w.first, i};
        return w;
    }

    /// Skips a reporting frame at the start of a slot ("i realized", "i think that").
    WordSpan skip_report(const PostWords& pw, WordSpan w) const {
        for (uint32_t i = w.first; i < w.last && i < w.first + 3; ++i)
            if (in("report_verb", pw, i)) {
                uint32_t k = i + 1;
                if (k < w.last && pw.key(k) == "that") ++k;
                if (k < w.last) return WordSpan{k, w.last};
            }
        return w;
    }

    /// Whether a one-word cause verb is a noun here: after a determiner ("a
    /// cool compress") or before a verb ("adductor strains are common").
    bool verb_is_noun(const PostWords& pw, const Sentence& s, const CueHit& h) const {
        if (h.last - h.first != 1) return false;
        if (h.last < s.last && in("noun_follower", pw, h.last)) return true;
        if (h.first > s.first && in("determiner", pw, h.first - 1)) return true;
        // "a week of compresses": a verb form right after a preposition is a noun.
        if (h.first > s.first && in("preposition", pw, h.first - 1)) return true;
        // "a cool compress" (determiner, adjective, noun) but "tight shoes compress the nerve".
        bool object_next = h.last < s.last && (in("determiner", pw, h.last) || in("clause_subject", pw, h.last) ||
                                               in("object_word", pw, h.last) || in("possessive", pw, h.last));
        if (!object_next && h.first > s.first + 1 && in("determiner", pw, h.first - 2) && !pw[h.first - 1].punct)
            return true;
        // "Warm compresses twice a day": the verb form ends a known remedy's
        // name that opens the sentence, with no object after it.
        if (!object_next && h.first > s.first && !pw[h.first - 1].punct) {
            uint32_t k = h.first - 1;
            while (k > s.first && !pw[k - 1].punct) --k;
            for (uint32_t w = k; w < h.first; ++w)
                if (lex.match_at(pw, w, s.last, kRemedyMask).last >= h.last) return true;
        }
        return false;
    }

    /// Whether the words from `at` are "[a few words] relief".
    bool gives_relief(const PostWords& pw, const Sentence& s, uint32_t at) const {
        for (uint32_t k = at; k < s.last && k < at + 6; ++k) {
            if (pw[k].punct) return false;
            if (in("relief", pw, k)) return true;
        }
        return false;
    }

    /// Whether a cue follows a subject pronoun ("I work on", "we avoid"): a report, not advice.
    bool after_subject(const PostWords& pw, const Sentence& s, const CueHit& h) const {
        uint32_t k = h.first;
        while (k > s.first && (in("imperative_lead", pw, k - 1) && pw.key(k - 1) != "and")) --k;
        return k > s.first && in("subject_person", pw, k - 1);
    }

    bool post_has_mention(const std::vector<SymptomMention>& ms, uint32_t post) const {
        for (const auto& m : ms)
            if (m.post == post) return true;
        return false;
    }

    bool has_mention(const std::vector<SymptomMention>& ms, uint32_t post, uint32_t sentence, WordSpan w) const {
        for (const auto& m : ms)
            if (m.post == post && m.sentence == sentence && m.first >= w.first && m.last <= w.last) return true;
        return false;
    }

    /// The previous clause in the sentence, ending before word `at` (skipping
    /// the boundary words between): the antecedent of "which", "it", "that".
    WordSpan antecedent(const PostWords& pw, const Sentence& s, uint32_t at) const {
        for (int step = 0; step < 3; ++step) {
            while (at > s.first && (pw[at - 1].punct || in("left_stop", pw, at - 1) || in("slot_lead", pw, at - 1)) &&
                   !is_p(pw, at - 1, ")"))
                --at;
            if (at <= s.first) return {};
            WordSpan a = slots.left(pw, s, at);
            if (a.empty()) return {};
            a = skip_report(pw, a);
            if (a.first < a.last && (pw.key(a.first) == "which" || pw.key(a.first) == "that" || pw.key(a.first) == "who")) {
                at = a.first;
                continue;
            }
            if (!slots.vague(pw, a)) return a;
            at = a.first;
        }
        return {};
    }

    /// A claim of sentence s of the post, with its slot and evidence, and its
    /// cue on words [cue_first, cue_last): what every rule fills in before
    /// add_claim (the rule then sets experiencer, certainty and the like).
    static std::pair<Claim, CueHit> claim_of(bool remedy, Cue cue, uint32_t post, const Sentence& s, WordSpan slot,
                                             WordSpan evidence, uint32_t cue_first, uint32_t cue_last) {
        std::pair<Claim, CueHit> out;
        auto& [c, h] = out;
        c.remedy = remedy;
        c.cue = cue;
        c.post = post;
        c.sentence = s.index;
        c.slot = slot;
        c.evidence = evidence;
        h.cue = cue;
        h.first = cue_first;
        h.last = cue_last;
        return out;
    }

    void add_claim(std::vector<Claim>& claims, const PostWords& pw, const Sentence& s, const CueHit& h, Claim c,
                   bool avoid = false) const {
        c.slot = slots.trim_tail(pw, c.slot);
        c.evidence = slots.trim_tail(pw, c.evidence);
        if (c.slot.empty() || c.evidence.empty()) return;
        if (slots.vague(pw, c.slot)) return;
        // "My shoulder is fine", "the tendon is fine in the morning": in the
        // asker's account a body part alone is no cause (a reply's "its probably
        // not your rotator cuff" rules an injury site out).
        if (!c.remedy && c.post == 0) {
            uint32_t a = c.slot.first;
            while (a < c.slot.last && (in("possessive", pw, a) || in("determiner", pw, a))) ++a;
            if (a < c.slot.last && lex.lookup_words(pw, a, c.slot.last, Lexicon::bit(Kind::body_part))) return;
        }
        rules.apply(pw, s, h, c);
        map_concept(pw, c, avoid);
        claims.push_back(std::move(c));
    }

    void cause_claims(const PostWork& pwk, uint32_t post, const Sentence& s, const std::vector<SymptomMention>& ms,
                      std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        std::vector<CueHit> hits;
        find_cause_cues(pw, s, hits);
        for (const CueHit& h : hits) {
            Claim c;
            c.cue = h.cue;
            c.post = post;
            c.sentence = s.index;
            switch (h.cue) {
                case Cue::cause_verb: {
                    if (verb_is_noun(pw, s, h)) continue;
                    // "the physio gave me some exercises": "gave me" causes only a complaint.
                    if (in("gives_verb", pw, h.first) && h.last < s.last &&
                        !lex.best_in(pw, h.last, slots.right(pw, s, h.last).last,
                                     Lexicon::bit(Kind::complaint) | Lexicon::bit(Kind::condition) |
                                         Lexicon::bit(Kind::symptom)).entry)
                        continue;
                    // "tender if I pinch it": a person doing the verb acts, the verb names no cause.
                    if (h.first > s.first && in("acting_person", pw, h.first - 1) &&
                        !(h.first > s.first + 1 && in("preposition", pw, h.first - 2)))  // "air blowing at you speeds up"
                        continue;
                    // "my left shoulder pinches when I swim": a verb whose whole
                    // subject is the body part of a symptom with it is the
                    // complaint, not a cause acting on something ("pressure over
                    // the top of the foot irritates those tendons" is a cause).
                    {
                        uint32_t subject = slots.left(pw, s, h.first).first;
                        while (subject < h.first && in("possessive", pw, subject)) ++subject;
                        bool complaint = false;
                        for (const auto& m : ms)
                            if (m.post == post && m.sentence == s.index && m.first <= h.first && h.first < m.last &&
                                m.first <= subject)
                                complaint = true;
                        if (complaint) continue;
                    }
                    // "while it is irritated": an adjective after a copula, not a cause.
                    if (h.last - h.first == 1 && h.first > s.first && in("copula_word", pw, h.first - 1) &&
                        !(h.last < s.last && pw.key(h.last) == "by"))
                        continue;
                    // "then squeeze a ball between the knees": an imperative, not a cause.
                    if (h.last - h.first == 1 && in("imperative", pw, h.first) &&
                        slots.left(pw, s, h.first).empty())
                        continue;
                    // "ibuprofen gel rubbed in": a remedy applied, not a cause rubbing.
                    if (h.last < s.last && pw.key(h.last) == "in" && in("apply_verb", pw, h.last - 1)) continue;
                    // "gave me three months of relief": a remedy's effect, not a cause's.
                    if (gives_relief(pw, s, h.last)) continue;
                    WordSpan l = slots.left(pw, s, h.first);
                    WordSpan r = slots.right(pw, s, h.last);
                    // "There could be several factors causing X": the existential frame is no cause.
                    if (!l.empty() && pw.key(l.first) == "there") {
                        uint32_t k = l.first + 1;
                        while (k < l.last && (in("copula_word", pw, k) || in("modal_word", pw, k))) ++k;
                        l.first = k;
                        if (l.empty() || slots.vague(pw, l)) continue;
                    }
                    if (l.empty() || slots.vague(pw, l) || pw.key(l.first) == "which" || pw.key(l.first) == "that") {
                        WordSpan a = antecedent(pw, s, l.empty() ? h.first : l.first);
                        if (a.empty()) continue;
                        l = a;
                    }
                    c.slot = l;
                    c.effect = r;
                    // "back of knee = too high": where it hurts on the left of
                    // "=", the cause on the right ("low saddle = knee pain" reads
                    // the other way).
                    if (pw.key(h.first) == "=" && !r.empty() &&
                        (has_mention(ms, post, s.index, l) ||
                         lex.best_in(pw, l.first, l.last, Lexicon::bit(Kind::body_part)).entry) &&
                        !has_mention(ms, post, s.index, r)) {
                        c.slot = r;
                        c.effect = l;
                    }
                    c.evidence = WordSpan{l.first, std::max(r.last, h.last)};
                    break;
                }
                case Cue::cause_because: {
                    WordSpan r = skip_report(pw, slots.right(pw, s, h.last));
                    WordSpan l{slots.clause_start(pw, s, h.first), h.first};
                    std::string_view k = pw.key(h.first);
                    bool symptom_left = has_mention(ms, post, s.index, WordSpan{s.first, h.first});
                    bool pronoun_left = slots.content_words(pw, l) <= 1;
                    bool lexical = lex.best_in(pw, r.first, r.last, kCauseMask).entry != nullptr;
                    // "started after a session of lunges": an onset names its
                    // trigger when the post tells of a complaint.
                    bool onset = in("onset_verb", pw, h.first) && post_has_mention(ms, post);
                    // "That's because your hips are weak": a reply explaining the
                    // complaint names its cause in its own words.
                    bool explains = post > 0 && pronoun_left && pw.key(h.last - 1) == "because" &&
                                    slots.content_words(pw, r) >= 2;
                    if (!symptom_left && !onset && !(pronoun_left && lexical) && !explains &&
                        !(k != "from" && k != "because" && lexical))
                        continue;
                    c.slot = r;
                    c.effect = l;
                    c.trigger = in("onset_verb", pw, h.first) || (h.first + 1 < h.last && in("onset_verb", pw, h.first + 1));
                    uint32_t ev_first = h.first;
                    // A short cause reads with its effect ("sore from the hills");
                    // a long one carries the claim alone.
                    if (symptom_left && slots.content_words(pw, l) <= 5 && slots.content_words(pw, r) <= 3)
                        ev_first = l.first;
                    c.evidence = WordSpan{ev_first, r.last};
                    break;
                }
                case Cue::cause_likely: {
                    WordSpan r = slots.right(pw, s, h.last);
                    // "it may be that X": the that-clause is the cause.
                    if (!r.empty() && pw.key(r.first) == "that" && r.first + 1 < r.last) ++r.first;
                    if (r.empty() || in("not_cause_head", pw, r.first)) continue;
                    // "It usually settles after a month": how it runs its course, no cause.
                    if (in("course_verb", pw, r.first)) continue;
                    // "for me it was salt" opens its clause ("what fixed mine was" is no such report).
                    if (h.author && h.first != sentence_head(pw, s) && h.first != slots.clause_start(pw, s, h.first))
                        continue;
                    // "it's not a sprain": a ruled-out cause names a thing, not "it's not that bad".
                    if (h.negated && h.certainty == Certainty::unknown && !in("determiner", pw, r.first) &&
                        !lex.best_in(pw, r.first, r.last, kCauseMask).entry)
                        continue;
                    uint32_t start = slots.clause_start(pw, s, h.first);
                    c.slot = r;
                    c.effect = WordSpan{start, h.first};
                    c.evidence = WordSpan{start, r.last};
                    break;
                }
                case Cue::cause_culprit: {
                    WordSpan l = slots.left(pw, s, h.first);
                    if (l.empty()) continue;
                    uint32_t ev_first = l.first;
                    if (l.first > s.first && in("report_verb", pw, l.first - 1))
                        ev_first = slots.clause_start(pw, s, l.first - 1);
                    WordSpan r{h.last, h.last};
                    if (h.last < s.last && (pw.key(h.last) == "of" || pw.key(h.last) == "for" || pw.key(h.last) == "behind"))
                        r = slots.right(pw, s, h.last + 1);
                    c.slot = l;
                    c.effect = r;
                    c.evidence = WordSpan{ev_first, std::max(h.last, r.last)};
                    break;
                }
                case Cue::cause_culprit_r: {
                    WordSpan r = slots.right(pw, s, h.last);
                    c.slot = r;
                    c.evidence = WordSpan{h.first, r.last};
                    break;
                }
                case Cue::cause_when: {
                    // Needs a symptom in the sentence outside the slot.
                    WordSpan r = cut_at_subject(pw, slots.right(pw, s, h.last));
                    const SymptomMention* sym = nullptr;
                    for (const auto& m : ms)
                        if (m.post == post && m.sentence == s.index && !(m.first >= r.first && m.last <= r.last)) sym = &m;
                    if (!sym || r.empty()) continue;
                    // "my knee hurts when I run": an activity, not a cause.
                    uint32_t content = 0, activity = 0;
                    for (uint32_t i = r.first; i < r.last; ++i) {
                        if (pw[i].punct || in("function", pw, i)) continue;
                        ++content;
                        if (in("activity", pw, i) || in("activity_mod", pw, i)) ++activity;
                    }
                    if (content == activity) continue;
                    // "hurts when I get out of bed" says when, not why: the slot
                    // must name something the lexicon knows as a cause.
                    if (!lex.best_in(pw, r.first, r.last, kCauseMask).entry) continue;
                    c.slot = r;
                    c.effect = WordSpan{sym->first, sym->last};
                    uint32_t a = std::min(slots.clause_start(pw, s, sym->first), h.first);
                    c.evidence = WordSpan{a, std::max(r.last, sym->last)};
                    break;
                }
                case Cue::cause_too_much: {
                    if (h.marked) {
                        // "not enough sleep", "lack of rest": what is missing is the cause.
                        WordSpan r = slots.right(pw, s, h.last);
                        if (r.empty() || slots.content_words(pw, r) == 0) continue;
                        c.slot = WordSpan{h.first, r.last};
                        c.evidence = WordSpan{slots.clause_start(pw, s, h.first), r.last};
                        break;
                    }
                    if (h.first > s.first && (pw.key(h.first - 1) == "not" || pw.key(h.first - 1) == "never")) continue;
                    WordSpan l = slots.left(pw, s, h.first);
                    WordSpan r = slots.right(pw, s, h.last);
                    // Keep an "if"/"for"/"when" clause that qualifies it.
                    if (r.last < s.last && (pw.key(r.last) == "if" || pw.key(r.last) == "when"))
                        r.last = slots.right(pw, s, r.last + 1).last;
                    c.slot = WordSpan{l.empty() ? h.first : l.first, r.last};
                    c.evidence = c.slot;
                    if (slots.content_words(pw, c.slot) < 2) continue;
                    break;
                }
                case Cue::cause_question: {
                    if (!rules.question(pw, s) || h.first != sentence_head(pw, s)) continue;
                    WordSpan r = slots.right(pw, s, h.last);
                    // The asker's "Is this the accutane?" asks about a cause the
                    // lexicon knows; "Is this shin splints?" guesses a condition.
                    if (post == 0 && (r.empty() || !lex.best_in(pw, r.first, r.last, Lexicon::bit(Kind::cause)).entry))
                        continue;
                    c.slot = r;
                    uint32_t end = s.last;
                    c.evidence = WordSpan{h.first, end};
                    break;
                }
                case Cue::cause_diagnosis: {
                    // A diagnosis opens its clause ("Classic IT band stuff", "that's
                    // textbook X") or follows a copula ("is pretty much textbook X").
                    uint32_t before = h.first;
                    while (before > s.first && in("hedge_word", pw, before - 1)) --before;
                    if (in("diagnosis_lead", pw, h.first) && h.first != sentence_head(pw, s) &&
                        before != slots.clause_start(pw, s, h.first) && !in("copula_word", pw, before - 1))
                        continue;
                    WordSpan r = slots.right(pw, s, h.last);
                    if (!r.empty() && pw.key(r.first) == "that" && r.first + 1 < r.last) ++r.first;
                    if (r.empty() || in("not_cause_head", pw, r.first)) continue;
                    // Without a word that marks a diagnosis ("textbook", "my doctor
                    // said"), "that's X" is one only when X is a known condition.
                    // ("it's a good idea to replace your shoes" names a cause, not a condition).
                    if (!h.marked && !lex.best_in(pw, r.first, r.last, Lexicon::bit(Kind::condition)).entry) continue;
                    c.slot = r;
                    c.evidence = WordSpan{slots.clause_start(pw, s, h.first), r.last};
                    break;
                }
                case Cue::cause_diag_after: {
                    WordSpan l = slots.left(pw, s, h.first);
                    if (l.empty()) continue;
                    LexMatch m = lex.best_in(pw, l.first, l.last, Lexicon::bit(Kind::condition));
                    // The condition must end right before the marker ("stye city", not "a city run").
                    if (!m.entry || h.first - m.last > 1) continue;
                    c.slot = l;
                    c.evidence = WordSpan{l.first, h.last};
                    break;
                }
                case Cue::cause_since: {
                    // A bare "started X" (no "I", no "me on") counts only at the head of a sentence.
                    if (in("bare_change_head", pw, h.first) &&
                        h.last - h.first <= 2 && h.first != sentence_head(pw, s) &&
                        !(h.first > s.first && pw[h.first - 1].punct))
                        continue;
                    WordSpan r = slots.right(pw, s, h.last);
                    // "I bumped up to 55 mpw": the new amount is the change.
                    if (!r.empty() && pw.key(r.first) == "to" && r.first + 1 < r.last) ++r.first;
                    if (r.empty() || in("not_cause_head", pw, r.first) || in("complaint_verb", pw, r.first)) continue;
                    // "started 7 weeks ago": a time, not what was started.
                    {
                        bool only_time = true;
                        for (uint32_t w = r.first; w < r.last && only_time; ++w)
                            only_time = pw[w].punct || pw[w].number || in("time_unit", pw, w) ||
                                        in("time_word", pw, w) || in("number_word", pw, w);
                        if (only_time) continue;
                    }
                    // A change is a suspected cause only beside a complaint: in the
                    // asker's post, or in the same sentence of a reply.
                    bool complaint = false;
                    for (const auto& m : ms)
                        if (m.post == post && (post == 0 || m.sentence == s.index)) complaint = true;
                    if (!complaint) continue;
                    c.slot = r;
                    c.evidence = WordSpan{slots.clause_start(pw, s, h.first), r.last};
                    c.experiencer = Experiencer::author;
                    break;
                }
                default: continue;
            }
            add_claim(claims, pw, s, h, std::move(c));
        }
    }

    void remedy_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        std::vector<CueHit> hits;
        find_remedy_cues(pw, s, hits);
        uint32_t head = sentence_head(pw, s);
        for (const CueHit& h : hits) {
            Claim c;
            c.remedy = true;
            c.cue = h.cue;
            c.post = post;
            c.sentence = s.index;
            bool avoid = false;
            std::string_view cue_key = pw.keys(h.first, h.last);
            bool at_clause_start = h.first == head || h.first == slots.clause_start(pw, s, h.first) ||
                                   (h.first > s.first && in("imperative_lead", pw, h.first - 1));
            switch (h.cue) {
                case Cue::remedy_try: {
                    // "tried a brace, did nothing": a bare past "tried" is the author's report.
                    if (cue_key == "tried") c.experiencer = Experiencer::author;
                    WordSpan r = slots.right(pw, s, h.last);
                    if (cue_key == "give") {
                        uint32_t k = r.first;
                        while (k + 1 < r.last && !(pw.key(k) == "a" && (pw.key(k + 1) == "try" || pw.key(k + 1) == "shot" || pw.key(k + 1) == "go"))) ++k;
                        if (k + 1 >= r.last) continue;
                        c.slot = WordSpan{r.first, k};
                    } else {
                        c.slot = r;
                    }
                    c.evidence = WordSpan{h.first, r.last};
                    break;
                }
                case Cue::remedy_suggest: {
                    WordSpan r = slots.right(pw, s, h.last);
                    WordSpan core = r;
                    while (core.first < core.last && (pw.key(core.first) == "that" || pw.key(core.first) == "you" ||
                                                      pw.key(core.first) == "to" || pw.key(core.first) == "u"))
                        ++core.first;
                    std::string_view rest = pw.keys(core.first, core.last);
                    if (lex.in_list("ellipsis", rest) || core.empty()) {
                        // "If not, I suggest you do": the remedy is the earlier question's.
                        WordSpan a = question_object(pwk, s);
                        if (a.empty() || (r.empty() && core.empty() && rest.empty() && cue_key.find("suggestion") != std::string::npos))
                            continue;
                        c.slot = a;
                        c.evidence = WordSpan{h.first, std::max(r.last, h.last)};
                        Claim cc = c;
                        rules.apply(pw, s, h, cc);
                        map_concept(pw, cc);
                        cc.evidence = c.evidence;
                        claims.push_back(std::move(cc));
                        continue;
                    }
                    // "mixing walking/running for a week or two after that gradually increase ...":
                    // a sequence of remedies.
                    uint32_t from = r.first;
                    bool first_part = true;
                    for (uint32_t i = r.first; i <= r.last; ++i) {
                        size_t seq = i < r.last ? sequence_at(pw, i, r.last) : 0;
                        if (i < r.last && seq == 0) continue;
                        Claim part = c;
                        part.outcome = h.outcome;  // "what cleared it up was X"
                        part.slot = WordSpan{from, i};
                        // "can't recommend dry needling enough"
                        if (part.slot.last > part.slot.first + 1 && pw.key(part.slot.last - 1) == "enough")
                            --part.slot.last;
                        part.evidence = first_part && cue_key.find("suggest") == std::string::npos &&
                                                cue_key.find("recommend") == std::string::npos
                                            ? WordSpan{h.first, i}
                                            : WordSpan{from, i};
                        add_claim(claims, pw, s, h, std::move(part));
                        first_part = false;
                        if (i >= r.last) break;
                        from = static_cast<uint32_t>(i + seq);
                        i = from - 1;
                    }
                    continue;
                }
                case Cue::remedy_make_sure: {
                    if (post == 0 && after_subject(pw, s, h)) continue;
                    // "I work on concrete floors": these cues advise only as imperatives.
                    if (lex.in_list("imperative_only_cue", cue_key) && after_subject(pw, s, h)) continue;
                    if ((cue_key == "always" || cue_key == "start with" || cue_key == "stick to" ||
                         cue_key == "stick with" || cue_key == "try to") && !at_clause_start)
                        continue;
                    WordSpan r = slots.right(pw, s, h.last);
                    c.slot = r;
                    c.evidence = WordSpan{h.first, r.last};
                    break;
                }
                case Cue::remedy_avoid: {
                    if (!lex.in_list("avoid_anywhere", cue_key) && !at_clause_start) continue;
                    if (post == 0 && after_subject(pw, s, h) && cue_key != "stopped" && cue_key != "avoided") continue;
                    // "lifters only press and never pull": a negated verb inside a
                    // statement is not an imperative; at the head of a sentence it is.
                    if ((cue_key == "never" || cue_key == "dont" || cue_key == "do not") && h.first != head &&
                        !(h.first > s.first && in("imperative_lead", pw, h.first - 1) && pw.key(h.first - 1) != "and") &&
                        !(h.first > s.first && is_p(pw, h.first - 1, ",") && head < s.last && in("imperative", pw, head)))
                        continue;
                    if ((cue_key == "stopped" || cue_key == "avoided") &&
                        !(h.first > s.first && lex.word_in("person_author", pw, h.first - 1)))
                        continue;
                    if (cue_key == "stopped" || cue_key == "avoided") c.experiencer = Experiencer::author;
                    WordSpan r = slots.right(pw, s, h.last);
                    c.slot = r;
                    c.evidence = WordSpan{h.first, r.last};
                    if (!r.empty() && in("avoid_not_object", pw, r.first)) {  // "stop every 90 mins": a break
                        c.slot = c.evidence;
                        break;
                    }
                    // "Don't pop it": advice against a remedy is that remedy,
                    // negated; "avoid X", "stop X" advise avoiding X.
                    if (lex.in_list("advice_against", cue_key)) c.negated = true;
                    else avoid = true;
                    break;
                }
                case Cue::remedy_should: {
                    WordSpan r = slots.right(pw, s, h.last);
                    if (r.empty()) continue;
                    // "I'd ice it": first-person conditional advice needs a verb of advice next
                    // ("I'd say", "I would think" are no advice).
                    if ((cue_key.rfind("id", 0) == 0 || cue_key.rfind("i would", 0) == 0 || cue_key.rfind("if i", 0) == 0) &&
                        !in("imperative", pw, r.first))
                        continue;
                    std::string_view two = pw.keys(r.first, std::min(r.last, r.first + 2));
                    if (lex.in_list("not_remedy_head", two) || in("not_remedy_head", pw, r.first)) continue;
                    c.slot = r;
                    c.evidence = r;
                    break;
                }
                case Cue::remedy_should_be:
                case Cue::remedy_worth: {
                    WordSpan r = slots.right(pw, s, h.last);
                    if (r.empty()) continue;
                    // "good to hear it's not the knees": glad news, not advice.
                    if (in("worth_not_advice", pw, r.first)) continue;
                    // "a neutral grip bar is worth a go": the remedy is the subject.
                    if (lex.in_list("worth_tail", pw.keys(r.first, r.last))) {
                        uint32_t to = h.first;
                        while (to > s.first && in("copula_word", pw, to - 1)) --to;
                        WordSpan l = slots.left(pw, s, to);
                        if (l.empty() || slots.vague(pw, l)) continue;
                        c.slot = l;
                        c.evidence = WordSpan{l.first, r.last};
                        break;
                    }
                    c.slot = h.cue == Cue::remedy_should_be ? WordSpan{h.first, r.last} : r;
                    c.evidence = WordSpan{h.cue == Cue::remedy_worth ? slots.clause_start(pw, s, h.first) : h.first, r.last};
                    break;
                }
                case Cue::remedy_helps: {
                    // "hurts sitting at work", "back to work": a noun after a preposition.
                    if (h.first > s.first && in("preposition", pw, h.first - 1)) continue;
                    WordSpan l = slots.left(pw, s, h.first);
                    if (l.empty() || slots.vague(pw, l)) {
                        // "It helped": the outcome of the author's previous remedy.
                        if (h.outcome != Outcome::none)
                            for (auto it = claims.rbegin(); it != claims.rend(); ++it)
                                if (it->remedy && it->post == post && it->experiencer == Experiencer::author &&
                                    s.index - it->sentence <= 2) {
                                    if (it->outcome == Outcome::none) it->outcome = h.outcome;
                                    break;
                                }
                        continue;
                    }
                    WordSpan r = slots.right(pw, s, h.last);
                    // "fixed mine but I also had to ...": a clause word right after the cue ends it.
                    if (!r.empty() && (in("right_stop", pw, r.first) || pw[r.first].punct)) r.last = r.first;
                    c.slot = l;
                    c.evidence = WordSpan{l.first, std::max(h.last, r.last)};
                    c.outcome = h.outcome;
                    bool mine = h.author || lex.word_in("person_author", pw, l.first);
                    for (uint32_t i = l.first; i < l.last; ++i)
                        if (in("person_author", pw, i)) mine = true;
                    // "fixed mine", "helped me", "worked for me": the cue speaks for the author.
                    for (uint32_t i = h.first; i < h.last; ++i)
                        if (in("person_author", pw, i)) mine = true;
                    if (!mine && c.outcome != Outcome::no_effect && c.outcome != Outcome::worse) c.outcome = Outcome::none;
                    if (mine) c.experiencer = Experiencer::author;
                    // "Sitting makes it worse": what makes it worse is a cause unless it
                    // is a treatment ("the cortisone shot made it worse" stays a remedy).
                    if (c.outcome == Outcome::worse && lex.best_in(pw, l.first, l.last, kCauseMask).entry &&
                        !lex.best_in(pw, l.first, l.last, kRemedyMask).entry) {
                        c.remedy = false;
                        c.cue = Cue::cause_verb;
                        c.outcome = Outcome::none;
                    }
                    // "the laptop probably doesn't help either": a guess that
                    // something no one tried adds to it is a cause, not a failed remedy.
                    if (c.remedy && c.outcome == Outcome::no_effect && !mine &&
                        !lex.best_in(pw, l.first, l.last, kRemedyMask).entry) {
                        bool guess = h.last < s.last && pw.key(h.last) == "either";
                        for (uint32_t i = l.last; i < h.first + 1 && i < s.last && !guess; ++i)
                            guess = in("unhelpful_guess", pw, i);
                        if (h.first > s.first && in("unhelpful_guess", pw, h.first - 1)) guess = true;
                        if (guess) {
                            c.remedy = false;
                            c.cue = Cue::cause_verb;
                            c.outcome = Outcome::none;
                            c.certainty = Certainty::possible;
                        }
                    }
                    break;
                }
                case Cue::remedy_plan: {
                    // The author's own plan, at the start of a clause of a reply.
                    if (post == 0 || !at_clause_start) continue;
                    WordSpan r = slots.right(pw, s, h.last);
                    if (r.empty() || slots.content_words(pw, r) == 0) continue;
                    c.slot = r;
                    c.evidence = WordSpan{h.first, r.last};
                    c.experiencer = Experiencer::author;
                    break;
                }
                case Cue::remedy_asked: {
                    if (h.first != head) continue;
                    WordSpan r = slots.right(pw, s, h.last);
                    c.slot = r;
                    c.evidence = WordSpan{h.first, r.last};
                    break;
                }
                default: continue;
            }
            Experiencer forced = c.experiencer;
            size_t before = claims.size();
            add_claim(claims, pw, s, h, std::move(c), avoid);
            if (claims.size() > before && forced != Experiencer::unknown) claims.back().experiencer = forced;
        }
    }

    /// Length of a sequence marker at word i ("then", "after that", "and then"), or 0.
    size_t sequence_at(const PostWords& pw, uint32_t i, uint32_t end) const {
        if (i + 1 < end) {
            std::string_view two = pw.keys(i, i + 2);  // the two keys and the space between
            if (lex.in_list("sequence", two)) return 2;
        }
        return lex.word_in("sequence", pw, i) ? 1 : 0;
    }

    /// The object of the previous sentence when it is a question ("do you do
    /// any weightlifting?" -> "weightlifting").
    WordSpan question_object(const PostWork& pwk, const Sentence& s) const {
        const PostWords& pw = pwk.words;
        const auto& ss = pw.sentences();
        for (uint32_t k = s.index; k-- > 0 && s.index - k <= 2;) {
            const Sentence& q = ss[k];
            if (!rules.question(pw, q)) continue;
            uint32_t i = q.first;
            for (; i < q.last; ++i)
                if (pw.key(i) == "any" || pw.key(i) == "some") break;
            if (i >= q.last) {
                // "do you stretch?": after the second "you".
                i = q.first;
                for (uint32_t j = q.first; j < q.last; ++j)
                    if (pw.key(j) == "you") i = j;
            }
            WordSpan w = slots.right(pw, q, i + 1);
            if (!w.empty() && !slots.vague(pw, w)) return w;
        }
        return {};
    }

    void imperative_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (rules.question(pw, s)) return;
        std::vector<uint32_t> starts;
        uint32_t head = sentence_head(pw, s);
        starts.push_back(head);
        bool subordinate = head < s.last && in("subordinator", pw, head);
        // "Repeat a week, ice the shins after each run, and do calf raises":
        // after an imperative head, the comma- and and-joined clauses that
        // start with a verb are imperatives too.
        auto opens_imperative = [&](uint32_t at) {
            return at + 1 < s.last && in("imperative", pw, at) &&
                   !(in("clause_subject", pw, at + 1) && !in("object_word", pw, at + 1));
        };
        bool imperative_head = opens_imperative(head);
        // "In the meantime, swap to ratchet secateurs": an opening adverbial
        // (clause_opener) and its comma put the imperative after the comma.
        for (uint32_t c = head + 1; c < s.last && c <= head + 6; ++c)
            if (is_p(pw, c, ",")) {
                if (lex.in_list("clause_opener", pw.keys(head, c))) {
                    uint32_t k = c + 1;
                    while (k < s.last && in("imperative_lead", pw, k)) ++k;
                    starts.push_back(k);
                }
                break;
            }
        for (uint32_t i = s.first; i + 1 < s.last; ++i) {
            if (is_p(pw, i, ";")) starts.push_back(i + 1);
            // "do the hop test: if hopping hurts, get an x-ray": a colon opens
            // a clause too, and a leading subordinate clause there puts the
            // advice after its comma.
            if (is_p(pw, i, ":") && !pw[i + 1].punct) {
                uint32_t k = i + 1;
                while (k < s.last && in("imperative_lead", pw, k)) ++k;
                starts.push_back(k);
                if (k < s.last && in("subordinator", pw, k)) subordinate = true;
            }
            // "... doesnt bother it. drop the incline curls, do hammer curls": a
            // full stop the sentence splitter kept inside (a lower-case start)
            // opens a clause, which sets the context of the commas after it.
            if ((is_p(pw, i, ".") || is_p(pw, i, "!")) && !pw[i + 1].punct) {
                starts.push_back(i + 1);
                imperative_head = opens_imperative(i + 1);
            }
            if (is_p(pw, i, "(") && pw.key(i + 1) == "and" && i + 2 < s.last) starts.push_back(i + 2);
            if (is_p(pw, i, ",")) {
                uint32_t k = i + 1;
                while (k < s.last && in("imperative_lead", pw, k)) ++k;
                if (subordinate || k > i + 1 || imperative_head) starts.push_back(k);
            }
            if (pw.key(i) == "and" && (i > s.first + 3 || (imperative_head && i > s.first + 1))) starts.push_back(i + 1);
            // "sterilise a needle first or better yet see a podiatrist": "or"
            // and a lead word open an alternative imperative.
            if (pw.key(i) == "or" && i > s.first + 1 && in("imperative_lead", pw, i + 1)) {
                uint32_t k = i + 1;
                while (k < s.last && in("imperative_lead", pw, k)) ++k;
                starts.push_back(k);
            }
        }
        // "once walking is pain free start calf raises", "if a bruise shows up
        // get it looked at": after a leading subordinate clause with no comma,
        // the first verb of advice that no subject or auxiliary comes before.
        uint32_t subordinate_imperative = s.last;
        if (subordinate) {
            // (The scan stops at the first punctuation: after a comma the
            // consequent is found as a comma-joined clause.)
            for (uint32_t k = head + 2; k + 1 < s.last; ++k) {
                if (pw[k].punct) break;
                if (!in("imperative", pw, k) || in("clause_subject", pw, k - 1) || in("subject_person", pw, k - 1) ||
                    in("modal_word", pw, k - 1) || in("copula_word", pw, k - 1) || in("aux_word", pw, k - 1))
                    continue;
                if (!(in("object_word", pw, k + 1) || in("determiner", pw, k + 1) || in("imperative", pw, k + 1) ||
                      lex.match_at(pw, k + 1, s.last, kRemedyMask).entry))
                    continue;
                subordinate_imperative = k;
                starts.push_back(k);
                break;
            }
        }
        for (uint32_t st : starts) {
            if (st >= s.last || !in("imperative", pw, st)) continue;
            // "Ice it", "rest your knee": an object after the verb; "Rest I think" is no imperative.
            if (st + 1 < s.last && in("clause_subject", pw, st + 1) && !in("object_word", pw, st + 1)) continue;
            // "and" + imperative inside another remedy: only when a remedy
            // already runs here with at least 3 words (a split), not "Cool down and do".
            if (st > s.first && pw.key(st - 1) == "and" && !is_p(pw, st - 1, "(")) {
                bool split = false;
                for (const Claim& c : claims)
                    if (c.remedy && c.post == post && c.sentence == s.index && c.slot.first < st && c.slot.last >= st - 1 &&
                        st - 1 - c.slot.first >= 3)
                        split = true;
                bool paren = st >= 2 && is_p(pw, st - 2, "(");
                bool after_comma = st >= 2 && is_p(pw, st - 2, ",");
                if (!split && !paren && !(imperative_head && after_comma)) continue;
            }
            std::string_view lead = pw.keys(st, std::min(s.last, st + 2));
            if (lex.in_list("not_advice", lead) || lex.word_in("not_advice", pw, st)) continue;
            // "stretching your shoulders, chest, neck, back, hips": a body part in a list, not "back off".
            if (st > s.first && is_p(pw, st - 1, ",") && lex.lookup_words(pw, st, st + 1, Lexicon::bit(Kind::body_part)))
                continue;
            WordSpan r = slots.right(pw, s, st);
            // "Take a week off heavy pulls, keep walking, and come back at 60%":
            // each joined imperative is its own remedy, even where the commas
            // read like a list.
            for (uint32_t nx : starts)
                if (nx > st + 1 && nx < r.last && in("imperative", pw, nx) &&
                    (pw[nx - 1].punct || (nx >= 2 && pw.key(nx - 1) == "and" && pw[nx - 2].punct))) {
                    // Not inside a list of short items ("Ice, rest, ibuprofen").
                    uint32_t before = 0, after = 0;
                    for (uint32_t k = st; k < nx; ++k) before += !pw[k].punct && pw.key(k) != "and";
                    for (uint32_t k = nx; k < r.last && !pw[k].punct; ++k) ++after;
                    if (before < 3 && after < 2) continue;
                    uint32_t end = nx;
                    while (end > st + 1 && (pw[end - 1].punct || pw.key(end - 1) == "and" || in("imperative_lead", pw, end - 1)))
                        --end;
                    r.last = std::min(r.last, end);
                }
            // The part before an "and <imperative>" stays its own remedy.
            for (uint32_t k = st + 3; k + 1 < r.last; ++k)
                if (pw.key(k) == "and" && in("imperative", pw, k + 1) && k - st >= 3 &&
                    !(k + 2 < r.last && in("clause_subject", pw, k + 2) && pw.key(k + 2) != "your")) {
                    r.last = k;
                    break;
                }
            if (r.empty()) continue;
            // "Ice it" (the verb a known remedy), "get an MRI" (a verb and its
            // object noun phrase), but not "Do it" or "Keep going".
            bool single_ok = lex.lookup_words(pw, st, st + 1, kRemedyMask) != nullptr ||
                             lex.match_at(pw, st, r.last, kRemedyMask).entry != nullptr ||  // "get it looked at"
                             (st + 1 < r.last && in("activity", pw, st + 1)) ||  // "keep walking", "stop running"
                             (st + 1 < r.last && in("determiner", pw, st + 1) && !in("object_word", pw, st + 1) &&
                              slots.content_words(pw, WordSpan{st + 1, r.last}) >= 1);
            if (slots.content_words(pw, r) < 2 && !single_ok) continue;
            Claim c;
            c.remedy = true;
            c.cue = Cue::remedy_make_sure;
            c.post = post;
            c.sentence = s.index;
            c.slot = r;
            c.evidence = r;
            CueHit h;
            h.cue = Cue::remedy_make_sure;
            h.first = st;
            h.last = st + 1;
            bool avoid = pw.key(st) == "avoid" || pw.key(st) == "stop" || pw.key(st) == "quit";
            // "stop every 90 mins", "stop for a stretch": a break, not avoiding what follows.
            if (avoid && st + 1 < s.last && in("avoid_not_object", pw, st + 1)) avoid = false;
            if (avoid) c.slot.first = st + 1;
            // The condition is part of the advice it frames (as evidence,
            // after the context rules: a negation inside the condition, "if
            // you can't go up on your toes, get it looked at", negates nothing).
            if (st == subordinate_imperative) c.clause_first = st;
            if (st == subordinate_imperative) c.clause_first = st;
            size_t before = claims.size();
            add_claim(claims, pw, s, h, std::move(c), avoid);
            if (st == subordinate_imperative && claims.size() > before) claims.back().evidence.first = head;
        }
    }

    void list_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        for (uint32_t i = s.first; i < s.last; ++i) {
            if (!is_p(pw, i, ":")) continue;
            bool head = false;
            for (uint32_t k = i > s.first + 8 ? i - 8 : s.first; k < i; ++k)
                if (in("list_head", pw, k)) head = true;
            if (!head) continue;
            WordSpan r = slots.right(pw, s, i + 1, true);
            uint32_t commas = 0;
            for (uint32_t k = r.first; k < r.last; ++k)
                if (is_p(pw, k, ",")) ++commas;
            if (r.empty() || commas < 1) continue;
            auto [c, h] = claim_of(true, Cue::remedy_suggest, post, s, r, r, i, i + 1);
            add_claim(claims, pw, s, h, std::move(c));
            if (!claims.empty() && claims.back().slot.first == r.first) {
                // The list's head names it better than its first item.
                LexMatch hm = lex.best_in(pw, i > s.first + 8 ? i - 8 : s.first, i, kRemedyMask);
                if (hm.entry) {
                    claims.back().concept_id = hm.entry->id;
                    claims.back().label = hm.entry->label;
                }
            }
            return;
        }
    }

    /// Remedies written as a noun phrase with a dose ("calf raises, 3x15,
    /// every other day", "warm washcloth on the jaw at night") or a ban
    /// ("no running for a week"): a reply's sentence or list item that opens
    /// with no subject and holds a quantity, where no cue found a claim.
    /// Whether sentence s is the item of a bulleted or numbered list: its
    /// line begins with a bullet or a number and ")" or "." before its first
    /// word ("* bring the seat forward", "2) preservative-free tears").
    bool list_item(const PostWords& pw, const Sentence& s) const {
        std::string_view text = pw.text();
        if (s.start > text.size()) return false;
        size_t line = text.rfind('\n', s.start == 0 ? 0 : s.start - 1);
        line = line == std::string_view::npos ? 0 : line + 1;
        if (s.start == 0 || line > s.start) return false;
        std::string_view prefix = text.substr(line, s.start - line);
        while (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t')) prefix.remove_suffix(1);
        while (!prefix.empty() && (prefix.front() == ' ' || prefix.front() == '\t')) prefix.remove_prefix(1);
        if (prefix.empty() || prefix.size() > 4) return false;
        if (prefix.back() == ')' || prefix.back() == '.') {
            std::string_view n = prefix.substr(0, prefix.size() - 1);
            return !n.empty() && std::all_of(n.begin(), n.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        }
        return lex.in_list("list_bullet", prefix);
    }

    /// The items of a list a reply introduces with a colon ("Try:", "My
    /// usual advice:", "For the next couple of weeks:") are its advice, whatever
    /// their form ("backrest more upright", "top of the monitors at or
    /// slightly below eye level"); under a lead that names causes ("Common
    /// culprits:") they are causes. An item that already holds a claim keeps it.
    void list_item_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (rules.question(pw, s) || !list_item(pw, s)) return;
        uint32_t st = s.first;
        // The lead: the sentence before the first item of this list ends with a colon.
        const auto& ss = pw.sentences();
        size_t k = static_cast<size_t>(&s - ss.data());
        if (k >= ss.size()) return;
        while (k > 0 && list_item(pw, ss[k - 1])) --k;
        if (k == 0) return;
        const Sentence& lead = ss[k - 1];
        const uint32_t colon = lead.last;
        if (colon == lead.first || !is_p(pw, colon - 1, ":")) return;
        bool causes = false, tried = false;
        // Only the lead's own clause ("... thats your culprit imo. what I'd do:" leads advice).
        for (uint32_t w = colon - 1; w-- > lead.first;) {
            if (is_p(pw, w, ".") || is_p(pw, w, "!") || is_p(pw, w, "?")) break;
            causes = causes || in("cause_list_head", pw, w);
            tried = tried || in("tried_list_head", pw, w);
        }
        // The asker's list is what they tried ("What I've tried so far:"), or no advice at all.
        if (post == 0 && (causes || !tried)) return;
        while (st < s.last && in("imperative_lead", pw, st)) ++st;
        if (st >= s.last) return;
        for (const Claim& c : claims)
            if (c.post == post && c.sentence == s.index && c.evidence.first <= st + 1) return;
        WordSpan r = slots.right(pw, s, st);
        if (r.empty() || r.last - r.first > 18 || slots.content_words(pw, r) < 2) return;
        if (r.last < s.last && is_p(pw, r.last, ":")) return;  // "20-20-20: every 20 minutes look ...": a label
        Claim c;
        c.remedy = !causes;
        c.cue = causes ? Cue::cause_likely : Cue::remedy_suggest;
        c.post = post;
        c.sentence = s.index;
        c.slot = r;
        c.evidence = r;
        CueHit h;
        h.cue = c.cue;
        h.first = st;
        h.last = st;
        if (causes) h.certainty = Certainty::possible;
        if (tried) {
            c.cue = h.cue = Cue::remedy_try;
            c.experiencer = Experiencer::author;
            h.author = true;
        }
        add_claim(claims, pw, s, h, std::move(c));
    }

    void nominal_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post == 0 || rules.question(pw, s)) return;
        nominal_at(pwk, post, s, sentence_head(pw, s), claims);
        // Clauses after a full stop or semicolon the splitter kept inside the sentence.
        for (uint32_t i = s.first; i + 1 < s.last; ++i)
            if (pw[i].punct && (pw.key(i) == "." || pw.key(i) == ";" || pw.key(i) == "!" || pw.key(i) == ":") &&
                !pw[i + 1].punct) {
                uint32_t st = i + 1;
                while (st < s.last && in("imperative_lead", pw, st)) ++st;
                nominal_at(pwk, post, s, st, claims);
            }
        // "Rest it for a few days, an ice pack for 15 minutes, and ibuprofen
        // gel": the items listed after a remedy, up to the comma before each.
        for (uint32_t i = s.first; i + 1 < s.last; ++i) {
            if (!is_p(pw, i, ",")) continue;
            bool after_remedy = false;
            for (const Claim& c : claims)
                if (c.remedy && c.post == post && c.sentence == s.index && c.evidence.last == i) after_remedy = true;
            if (!after_remedy) continue;
            uint32_t st = i + 1;
            while (st < s.last && (pw.key(st) == "and" || pw.key(st) == "or" || in("imperative_lead", pw, st))) ++st;
            nominal_at(pwk, post, s, st, claims, true);
        }
    }

    /// The word count of the longest phrase of `list` (min_words to
    /// max_words words) that starts at word i and ends at or before word
    /// `end`, or 0.
    uint32_t phrase_at(ListName list, const PostWords& pw, uint32_t i, uint32_t end, uint32_t max_words,
                       uint32_t min_words = 1) const {
        for (uint32_t n = max_words; n >= min_words; --n)
            if (i + n <= end && lex.in_list(list, pw.keys(i, i + n))) return n;
        return 0;
    }

    /// Where the known remedies end that follow a known remedy ending at word
    /// e, each joined to the one before by a word of `joiners` ("calf raises
    /// and heel drops"), within words [e, last).
    uint32_t joined_remedies_end(const PostWords& pw, uint32_t e, uint32_t last,
                                 std::initializer_list<std::string_view> joiners) const {
        while (e + 1 < last && std::find(joiners.begin(), joiners.end(), pw.key(e)) != joiners.end()) {
            LexMatch next = lex.match_at(pw, e + 1, last, kRemedyMask);
            if (!next.entry) break;
            e = next.last;
        }
        return e;
    }

    /// Words [first, last) are a known remedy, or two joined by "and"/"or",
    /// after at most two modifiers, then nothing or a modifier phrase
    /// (fragment_modifier_lead, or a comma), and hold no verb of a clause.
    bool modified_remedy_fragment(const PostWords& pw, uint32_t first, uint32_t last) const {
        for (uint32_t w = first; w < last; ++w)
            if (in("copula_word", pw, w) || in("aux_word", pw, w) || in("modal_word", pw, w) ||
                in("fragment_not_verb", pw, w))
                return false;
        for (uint32_t w = first; w < last && w < first + 3; ++w) {
            if (pw[w].punct || pw[w].number) return false;
            LexMatch m = lex.match_at(pw, w, last, kRemedyMask);
            if (!m.entry) continue;
            const uint32_t e = joined_remedies_end(pw, m.last, last, {"and", "or"});
            return e >= last || is_p(pw, e, ",") || in("fragment_modifier_lead", pw, e);
        }
        return false;
    }

    /// A nominal remedy at word st; a list item (after a remedy and a
    /// comma) may also be a known remedy without a dose.
    void nominal_at(const PostWork& pwk, uint32_t post, const Sentence& s, uint32_t st, std::vector<Claim>& claims,
                    bool list_item = false) const {
        const PostWords& pw = pwk.words;
        if (st >= s.last) return;
        for (const Claim& c : claims)
            if (c.post == post && c.sentence == s.index && c.evidence.first >= st && c.evidence.first <= st + 1) return;
        std::string_view k = pw.key(st);
        // "no running for a week": a ban names an activity or a known remedy ("no clicking" is a symptom).
        bool ban = (k == "no" || k == "zero") && st + 1 < s.last && !pw[st + 1].punct &&
                   (in("activity", pw, st + 1) || lex.match_at(pw, st + 1, s.last, kRemedyMask).entry);
        if (!ban && (in("clause_subject", pw, st) || in("subject_person", pw, st) || in("subordinator", pw, st) ||
                     in("course_verb", pw, st) ||  // "Usually settles after a month"
                     (st + 1 < s.last && in("habit_adverb", pw, st) && in("course_verb", pw, st + 1)) ||
                     lex.match_at(pw, st, s.last, Lexicon::bit(Kind::symptom)).entry ||  // "Nausea is common ..."
                     in("not_action_subject", pw, st) || in("left_stop", pw, st) || in("negation", pw, st) ||
                     in("not_nominal_head", pw, st) || pw[st].number))
            return;
        // "Personally I foam roll every night": a subject near the start makes it a statement.
        for (uint32_t w = st; w < s.last && w < st + 3; ++w)
            if (in("subject_person", pw, w)) return;
        WordSpan r = slots.right(pw, s, st, true);
        if (list_item)  // one item: up to the next comma
            for (uint32_t w = r.first; w < r.last; ++w)
                if (is_p(pw, w, ",")) {
                    r.last = w;
                    break;
                }
        if (r.empty() || r.last - r.first > 18) return;
        if (!ban) {
            std::vector<WordSpan> ds;
            find_dosages(pw, r.first, r.last, ds);
            uint32_t head = r.first;
            while (head < r.last && in("determiner", pw, head)) ++head;
            bool known = list_item && lex.match_at(pw, head, r.last, kRemedyMask).entry;
            // "RICE and ibuprofen.": a fragment made only of known remedies.
            if (!known) {
                uint32_t w = head;
                while (w < r.last) {
                    while (w < r.last && (in("determiner", pw, w) || pw.key(w) == "and" || pw.key(w) == "or" ||
                                          pw.key(w) == "plus" || is_p(pw, w, ",")))
                        ++w;
                    if (w >= r.last) break;
                    LexMatch m = lex.match_at(pw, w, r.last, kRemedyMask);
                    if (!m.entry) break;
                    w = m.last;
                }
                known = w >= r.last && r.last == s.last - (pw[s.last - 1].punct ? 1 : 0) && head == sentence_head(pw, s);
            }
            // "Heavy calf raises on the smith machine", "Preservative free
            // artificial tears for the burning": a whole-sentence fragment
            // whose head is a known remedy (after at most two modifiers),
            // then a modifier phrase, and no verb of a clause.
            if (!known && r.last == s.last - (pw[s.last - 1].punct ? 1 : 0) && head == sentence_head(pw, s))
                known = modified_remedy_fragment(pw, head, r.last);
            // The dose follows the thing dosed ("bridges, 3x15"), not the other way round.
            if (!known && (ds.empty() || ds.front().first <= r.first)) return;
            if (!known && slots.content_words(pw, WordSpan{r.first, ds.front().first}) == 0) return;
        }
        auto [c, h] = claim_of(true, Cue::remedy_make_sure, post, s, ban ? WordSpan{st + 1, r.last} : r, r, st, st + 1);
        add_claim(claims, pw, s, h, std::move(c), ban);
    }

    /// "I'm devoting the year to strengthen my core, correcting my form,
    /// and getting back to basics": lexicon remedies in first-person plans.
    /// "Personally I foam roll every night", "I take magnesium before bed":
    /// a reply's author telling what they do, when what follows "I" (and a
    /// habit adverb, and a light verb) is a remedy the lexicon knows.
    void practice_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post == 0 || rules.question(pw, s)) return;
        for (uint32_t i = s.first; i + 1 < s.last; ++i) {
            if (pw.key(i) != "i") continue;
            if (i > s.first && !pw[i - 1].punct && !in("imperative_lead", pw, i - 1) && pw.key(i - 1) != "personally")
                continue;  // "I" must open its clause
            uint32_t j = i + 1;
            while (j < s.last && in("habit_adverb", pw, j)) ++j;
            if (j >= s.last) return;
            LexMatch m = lex.match_at(pw, j, s.last, kRemedyMask);
            if (!m.entry && in("practice_verb", pw, j) && j + 1 < s.last) {
                uint32_t k = j + 1;
                while (k < s.last && in("determiner", pw, k)) ++k;
                m = lex.match_at(pw, k, s.last, kRemedyMask);
            }
            if (!m.entry) continue;
            WordSpan r = slots.right(pw, s, j);
            if (r.empty()) continue;
            auto [c, h] = claim_of(true, Cue::remedy_try, post, s, r, WordSpan{i, r.last}, i, j);
            c.experiencer = Experiencer::author;
            h.author = true;
            add_claim(claims, pw, s, h, std::move(c));
            return;
        }
    }

    /// "Got a pair of splints from Boots", "wore the strap", "restrung with a
    /// hybrid at 52", "I bought one of those seat covers": a reply's author,
    /// or the asker coming back, telling what they did about it. A clause
    /// opens with a past action verb (done_verb), after at most an "I" and a
    /// lead word (done_lead: "just", "finally", "been"); what follows the verb
    /// is the remedy, open vocabulary, unless it names a complaint ("got shin
    /// splints") or is no thing at all ("got worse", "did nothing").
    void done_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post == 0 || rules.question(pw, s)) return;
        constexpr unsigned kSymptomMask = Lexicon::bit(Kind::complaint) | Lexicon::bit(Kind::condition) |
                                          Lexicon::bit(Kind::symptom);
        // The author's remedy r, told by the clause from word `from` with its verb at v.
        auto report = [&](uint32_t from, uint32_t v, WordSpan r) {
            auto [c, h] = claim_of(true, Cue::remedy_try, post, s, r, WordSpan{from, r.last}, v, v + 1);
            c.experiencer = Experiencer::author;
            h.author = true;
            add_claim(claims, pw, s, h, std::move(c));
        };
        for (uint32_t i = s.first; i + 1 < s.last; ++i) {
            const bool opens = i == s.first || is_p(pw, i - 1, ",") || is_p(pw, i - 1, ";") ||
                               is_p(pw, i - 1, "-") || is_p(pw, i - 1, ":") || is_p(pw, i - 1, ".") ||
                               is_p(pw, i - 1, "!") || in("done_clause_lead", pw, i - 1);
            if (!opens || pw[i].punct) continue;
            uint32_t v = i;
            if (pw.key(v) == "i" || pw.key(v) == "ive") ++v;
            while (v < s.last && in("done_lead", pw, v) && v < i + 4) ++v;
            // "I also had to lower my keyboard": "had to" and any verb.
            const bool had_to = v + 2 < s.last && v > i && pw.key(v) == "to" && pw.key(v - 1) == "had" &&
                                !pw[v + 1].punct && !in("done_not_object", pw, v + 1);
            if (had_to) {
                WordSpan r = slots.right(pw, s, v + 1);
                if (r.empty() || r.last - r.first > 22 || slots.content_words(pw, r) < 2) continue;
                report(i, v, r);
                i = r.last;
                continue;
            }
            // "I had the injection", "ended up having the release op": "had"
            // tells a thing done only when a known remedy follows (else "I
            // had shin splints" is a condition).
            bool had_remedy = false;
            if (v < s.last && !in("done_verb", pw, v) && v > i && in("done_have", pw, v - 1)) {
                uint32_t k = v;
                while (k < s.last && (in("determiner", pw, k) || k < v + 2) && !lex.match_at(pw, k, s.last, kRemedyMask).entry)
                    ++k;
                had_remedy = k < s.last && lex.match_at(pw, k, s.last, kRemedyMask).entry;
                if (had_remedy) --v;
            }
            if (v + 1 >= s.last || !(had_remedy || in("done_verb", pw, v))) continue;
            if (claimed(claims, post, s, WordSpan{v, v + 2})) continue;
            uint32_t object = v + 1;
            // "switched to a multifilament", "swapped to the MR tablets".
            if (in("done_change_verb", pw, v) && pw.key(object) == "to") ++object;
            uint32_t o = object;
            while (o < s.last && in("determiner", pw, o)) ++o;
            if (o >= s.last || pw[o].punct || in("done_not_object", pw, o) ||
                lex.match_at(pw, o, s.last, kSymptomMask).entry)
                continue;
            WordSpan r = slots.right(pw, s, object);
            // "took them with dinner and no cramps": what came of it ends the thing done.
            for (uint32_t w = r.first + 1; w + 1 < r.last; ++w) {
                if (pw.key(w) != "and") continue;
                std::string_view next = pw.key(w + 1);
                if (in("done_verb", pw, w + 1) || in("done_object_end", pw, w + 1) ||
                    (next.size() > 4 && next.substr(next.size() - 2) == "ed")) {
                    r.last = w;
                    break;
                }
            }
            if (r.empty() || r.last - r.first > 22) continue;
            report(i, v, r);
            i = r.last;
        }
    }

    /// "I work on a laptop all day, could that be it?", "I flare my elbows
    /// pretty wide on bench, is that a problem?": the asker states something
    /// and asks whether it is the cause. The statement before the question
    /// tag (question_tag) is a cause, questioned.
    void tag_question_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post != 0 || !rules.question(pw, s)) return;
        uint32_t end = s.last;
        while (end > s.first && pw[end - 1].punct) --end;
        uint32_t comma = end;
        while (comma > s.first && !is_p(pw, comma - 1, ",")) --comma;
        if (comma <= s.first + 1 || end - comma > 6) return;
        if (!lex.in_list("question_tag", pw.keys(comma, end))) return;
        uint32_t head = sentence_head(pw, s);
        WordSpan stmt = slots.trim_lead(pw, WordSpan{head, comma - 1});
        if (stmt.empty() || slots.content_words(pw, stmt) < 2) return;
        if (claimed(claims, post, s, stmt)) return;
        auto [c, h] = claim_of(false, Cue::cause_question, post, s, stmt, stmt, comma, end);
        c.experiencer = Experiencer::author;
        h.certainty = Certainty::questioned;
        h.author = true;
        add_claim(claims, pw, s, h, std::move(c));
    }

    /// "They've given me Timolol drops", "she's switched me to the MR
    /// tablets", "a podiatrist can do a steroid injection", "they may lower
    /// the dose": what a clinician did or can do is a remedy (the author's
    /// when "me" follows the verb; possible after a modal).
    void clinician_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (rules.question(pw, s)) return;
        for (uint32_t i = s.first; i + 2 < s.last; ++i) {
            if (!in("clinician_subject", pw, i)) continue;
            if (i > s.first && !pw[i - 1].punct && !in("determiner", pw, i - 1) && !in("possessive", pw, i - 1) &&
                !in("done_clause_lead", pw, i - 1) && !in("subordinator", pw, i - 1))
                continue;
            uint32_t v = i + 1;
            bool modal = false;
            while (v < s.last && (in("modal_word", pw, v) || in("habit_adverb", pw, v) || in("clinician_aux", pw, v))) {
                modal = modal || in("modal_word", pw, v);
                ++v;
            }
            if (v + 1 >= s.last || !in("clinician_verb", pw, v)) continue;
            uint32_t o = v + 1;
            Experiencer who = Experiencer::generic;
            if (pw.key(o) == "me") who = Experiencer::author;
            else if (pw.key(o) == "you") who = Experiencer::addressee;
            WordSpan r = slots.right(pw, s, v);
            if (r.empty() || r.last - r.first > 20 || slots.content_words(pw, r) < 2) continue;
            if (claimed(claims, post, s, WordSpan{v, r.last})) continue;
            auto [c, h] = claim_of(true, Cue::remedy_try, post, s, r, WordSpan{i, r.last}, v, v + 1);
            c.experiencer = who;
            c.clause_first = i;  // "if it doesn't settle your GP can ...": the condition's negation stays out
            h.certainty = modal ? Certainty::possible : Certainty::asserted;
            h.author = who == Experiencer::author;
            add_claim(claims, pw, s, h, std::move(c));
            if (!claims.empty()) claims.back().experiencer = who;
            i = r.last;
        }
    }

    /// "Not arthritis, the GP checked", "Probably not a tear", "I've ruled
    /// out the bike fit": a clause that opens by denying a known condition or
    /// cause rules it out (a negated cause).
    void ruled_out_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (rules.question(pw, s)) return;
        for (uint32_t i = s.first; i + 1 < s.last; ++i) {
            if (!in("ruled_out_first", pw, i)) continue;  // the first words of ruled_out_lead
            const bool opens = i == s.first || pw[i - 1].punct || pw.key(i - 1) == "and" || pw.key(i - 1) == "but";
            const uint32_t lead = phrase_at("ruled_out_lead", pw, i, s.last - 1, 4);
            // "The physio has ruled out X": "ruled out" needs no clause start.
            if (!lead || (!opens && !lex.word_in("ruled_out_verb", pw, i + lead - 1))) continue;
            uint32_t k = i + lead;
            while (k < s.last && in("determiner", pw, k)) ++k;
            // A bare "not" denies only a named condition ("I'm not injured" is
            // how the author is, not a cause ruled out); "ruled out" any cause.
            const bool ruled = lex.word_in("ruled_out_verb", pw, i + lead - 1);
            LexMatch m = lex.match_at(pw, k, s.last, ruled ? kCauseMask : Lexicon::bit(Kind::condition));
            if (!m.entry || claimed(claims, post, s, WordSpan{i, m.last})) continue;
            auto [c, h] = claim_of(false, Cue::cause_likely, post, s, WordSpan{m.first, m.last}, WordSpan{i, m.last}, i,
                                   i + lead);
            h.negated = true;
            h.certainty = Certainty::asserted;
            add_claim(claims, pw, s, h, std::move(c));
            i = m.last;
        }
    }

    /// "Red eye plus light sensitivity needs an eye doctor today", "that
    /// needs to be seen by a physio": a reply saying the complaint needs a
    /// known remedy advises it.
    void needs_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post == 0 || rules.question(pw, s)) return;
        for (uint32_t i = s.first + 1; i + 1 < s.last; ++i) {
            if (!in("needs_verb", pw, i) || in("person_addressee", pw, i - 1) || in("person_author", pw, i - 1)) continue;
            uint32_t k = i + 1;
            while (k < s.last && (in("needs_filler", pw, k) || in("determiner", pw, k))) ++k;
            LexMatch m = lex.match_at(pw, k, s.last, kRemedyMask);
            if (!m.entry || claimed(claims, post, s, WordSpan{i, m.last})) continue;
            const WordSpan clause{slots.clause_start(pw, s, i), m.last};
            auto [c, h] = claim_of(true, Cue::remedy_make_sure, post, s, WordSpan{k, m.last}, clause, i, i + 1);
            add_claim(claims, pw, s, h, std::move(c));
            i = m.last;
        }
    }

    /// "bands ordered", "Old shoes back on", "Week of compresses and lid
    /// scrubs done": a reply's short verbless update, a known remedy then a
    /// participle that says it was done (done_participle), is the author's.
    void update_fragment_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post == 0 || rules.question(pw, s)) return;
        for (uint32_t i = s.first; i < s.last; ++i) {
            if (i > s.first && !(pw[i - 1].punct && pw.key(i - 1) != "-")) continue;
            if (pw[i].punct) continue;
            uint32_t end = i;
            while (end < s.last && !(pw[end].punct && pw.key(end) != "-")) ++end;
            if (end - i > 10) continue;
            for (uint32_t w = i; w < end && w < i + 4; ++w) {
                LexMatch m = lex.match_at(pw, w, end, kRemedyMask);
                if (!m.entry) continue;
                const uint32_t e = joined_remedies_end(pw, m.last, end, {"and", "of"});
                const uint32_t n = phrase_at("done_participle", pw, e, end, 2);
                if (!n || claimed(claims, post, s, WordSpan{i, e + n})) break;
                auto [c, h] =
                    claim_of(true, Cue::remedy_try, post, s, WordSpan{m.first, e}, WordSpan{i, e + n}, e, e + n);
                c.experiencer = Experiencer::author;
                h.author = true;
                add_claim(claims, pw, s, h, std::move(c));
                break;
            }
            i = end;
        }
    }

    /// "Runner's toenail, aka black toenail.", "Classic patellar
    /// tendinopathy." : a reply whose first sentence is only the name of a
    /// known condition (after a hedge or a diagnosis word, with a second
    /// name after "aka" or "or") gives its diagnosis.
    void diagnosis_fragment_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post == 0 || s.index != 0 || rules.question(pw, s)) return;
        uint32_t head = sentence_head(pw, s);
        uint32_t end = s.last;
        while (end > head && pw[end - 1].punct) --end;
        uint32_t w = head;
        while (w < end && (in("hedge_word", pw, w) || in("diagnosis_lead", pw, w) || in("determiner", pw, w))) ++w;
        LexMatch m = lex.match_at(pw, w, end, Lexicon::bit(Kind::condition));
        if (!m.entry) return;
        uint32_t e = m.last;
        while (e < end) {  // ", aka black toenail", "or runner's knee"
            uint32_t k = e;
            while (k < end && (pw[k].punct || in("fragment_name_joint", pw, k) || in("determiner", pw, k))) ++k;
            if (k == e) break;
            LexMatch more = lex.match_at(pw, k, end, Lexicon::bit(Kind::condition) | Lexicon::bit(Kind::symptom));
            if (!more.entry) break;
            e = more.last;
        }
        if (e != end || claimed(claims, post, s, WordSpan{m.first, m.last})) return;
        const uint32_t cue_last = m.first > head ? m.first : head + 1;
        auto [c, h] = claim_of(false, Cue::cause_diagnosis, post, s, WordSpan{m.first, m.last}, WordSpan{head, end}, head,
                               cue_last);
        h.marked = true;
        add_claim(claims, pw, s, h, std::move(c));
    }

    /// "I'm type 2 diabetic", "I have an underactive thyroid", "I'm going
    /// through the menopause": in the asker's account, a clause that says
    /// the author is or has what the lexicon knows as a cause (not a
    /// condition: "I have plantar fasciitis" is the complaint) names a
    /// possible cause.
    void background_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post != 0 || rules.question(pw, s)) return;
        for (uint32_t i = s.first; i + 1 < s.last; ++i) {
            const bool opens = i == s.first || is_p(pw, i - 1, ",") || is_p(pw, i - 1, ";") ||
                               pw.key(i - 1) == "and" || pw.key(i - 1) == "but" || pw.key(i - 1) == "also";
            if (!opens || !in("background_first", pw, i)) continue;  // the first words of background_lead
            const uint32_t lead = phrase_at("background_lead", pw, i, s.last - 1, 4);
            if (!lead) continue;
            uint32_t k = i + lead;
            while (k < s.last && (in("determiner", pw, k) || in("habit_adverb", pw, k))) ++k;
            LexMatch m;
            for (uint32_t w = k; w < s.last && w < k + 3 && !m.entry; ++w) {
                if (pw[w].punct || in("negation", pw, w)) break;  // "I'm not fast"
                m = lex.match_at(pw, w, s.last, Lexicon::bit(Kind::cause));
            }
            if (!m.entry) continue;
            if (claimed(claims, post, s, WordSpan{m.first, m.last})) continue;
            auto [c, h] = claim_of(false, Cue::cause_since, post, s, WordSpan{m.first, m.last}, WordSpan{i, m.last}, i,
                                   i + lead);
            c.experiencer = Experiencer::author;
            h.certainty = Certainty::possible;
            h.author = true;
            add_claim(claims, pw, s, h, std::move(c));
            i = m.last;
        }
    }

    /// "after a weekend of kneeling in the garden it swelled up", "after
    /// anything over 2 hours in the car my lower back is killing me": in the
    /// asker's account, a leading "after X" before the complaint names what
    /// set it off (a stretch of time or distance alone does not: "after a
    /// mile or so").
    void trigger_claims(const PostWork& pwk, uint32_t post, const Sentence& s, const std::vector<SymptomMention>& ms,
                        std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        if (post != 0 || rules.question(pw, s)) return;
        for (const SymptomMention& m : ms) {
            if (m.post != post || m.sentence != s.index) continue;
            uint32_t a = s.last;
            for (uint32_t i = s.first; i < m.first; ++i)
                if (in("trigger_lead", pw, i) && (i == sentence_head(pw, s) || (i > s.first && (pw[i - 1].punct ||
                                                                                                 in("left_stop", pw, i - 1)))))
                    a = i;
            if (a == s.last) continue;
            uint32_t b = a + 1;
            // Up to the complaint's clause: a comma or a subject ("it", "my"; "the garden" goes on).
            while (b < m.first && !is_p(pw, b, ",") && !(in("clause_subject", pw, b) && !in("determiner", pw, b)) &&
                   !in("person_author", pw, b))
                ++b;
            WordSpan x{a + 1, b};
            if (x.empty() || slots.content_words(pw, x) < 3 || b - a > 12) continue;
            if (lex.best_in(pw, x.first, x.last, Lexicon::bit(Kind::complaint) | Lexicon::bit(Kind::body_part)).entry)
                continue;
            uint32_t w = x.first;
            while (w < x.last && (in("determiner", pw, w) || pw[w].number || in("quantity_word", pw, w))) ++w;
            if (w < x.last && (in("time_unit", pw, w) || in("distance_unit", pw, w))) continue;
            if (claimed(claims, post, s, WordSpan{a, a + 2})) continue;
            auto [c, h] = claim_of(false, Cue::cause_when, post, s, x, WordSpan{a, b}, a, a + 1);
            c.experiencer = Experiencer::author;
            h.certainty = Certainty::possible;
            h.author = true;
            add_claim(claims, pw, s, h, std::move(c));
            return;
        }
    }

    void plan_claims(const PostWork& pwk, uint32_t post, const Sentence& s, std::vector<Claim>& claims) const {
        if (post == 0) return;  // the asker's plans come before any advice
        const PostWords& pw = pwk.words;
        for (const Claim& c : claims)
            if (c.post == post && c.sentence == s.index) return;
        uint32_t person = s.last, intent = s.last;
        for (uint32_t i = s.first; i < s.last; ++i) {
            if (person == s.last && in("person_author", pw, i)) person = i;
            if (person < i && intent == s.last && in("author_intent", pw, i)) intent = i;
        }
        if (intent == s.last) return;
        for (uint32_t i = intent + 1; i < s.last; ++i) {
            LexMatch m = lex.match_at(pw, i, s.last, kRemedyMask);
            if (!m.entry) continue;
            uint32_t st = m.first;
            if (st > intent + 1 && (in("imperative", pw, st - 1) || pw.key(st - 1).size() > 4)) {
                std::string_view k = pw.key(st - 1);
                if (k.size() > 3 && k.substr(k.size() - 3) == "ing") --st;
            }
            WordSpan r = slots.right(pw, s, st);
            CueHit h;
            h.cue = Cue::remedy_try;
            h.first = st;
            h.last = st;
            h.author = true;
            auto add_part = [&](WordSpan w) {
                Claim c;
                c.remedy = true;
                c.cue = Cue::remedy_try;
                c.post = post;
                c.sentence = s.index;
                c.slot = w;
                c.evidence = w;
                add_claim(claims, pw, s, h, std::move(c));
            };
            add_part(r);
            // Coordinated items: ", correcting my form, and getting back to basics".
            uint32_t k = r.last;
            while (k < s.last && is_p(pw, k, ",")) {
                uint32_t b = k + 1;
                while (b < s.last && (pw.key(b) == "and" || pw.key(b) == "also")) ++b;
                if (b >= s.last) break;
                std::string_view v = pw.key(b);
                bool verb = (v.size() > 4 && v.substr(v.size() - 3) == "ing") || in("imperative", pw, b);
                if (!verb) break;
                WordSpan w = slots.right(pw, s, b);
                if (w.empty()) break;
                add_part(w);
                k = w.last;
            }
            return;
        }
    }

    /// "after adding core workouts ... the back aches lessened", "I made a
    /// mental note to adjust and the pain went away".
    void outcome_claims(const PostWork& pwk, uint32_t post, const Sentence& s, const std::vector<SymptomMention>& ms,
                        std::vector<Claim>& claims) const {
        const PostWords& pw = pwk.words;
        const std::vector<OutcomeHit>& outs = pwk.outcomes_of(s);
        if (outs.empty()) return;
        Outcome last = outs.back().outcome;
        for (const auto& o : outs)
            if (o.outcome == Outcome::resolved) last = Outcome::resolved;
        // An existing remedy in the sentence takes the outcome.
        for (Claim& c : claims)
            if (c.remedy && c.post == post && c.sentence == s.index && c.slot.first < outs.front().first) {
                if (c.outcome == Outcome::none) c.outcome = last;
                return;
            }
        const OutcomeHit& o = outs.front();
        // "once walking is pain free start calf raises": an outcome in a
        // leading condition is when to do the advice, not a result.
        if (uint32_t head = sentence_head(pw, s); head < o.first && in("condition_subordinator", pw, head) &&
                                                  (o.outcome == Outcome::resolved || o.outcome == Outcome::improved)) {
            bool comma_before = false;
            for (uint32_t k = head; k < o.first; ++k) comma_before = comma_before || is_p(pw, k, ",");
            if (!comma_before) return;
        }
        // "the cramps have pretty much stopped": auxiliaries and degree words
        // stand between the subject and its outcome.
        uint32_t verb = o.first;
        while (verb > s.first + 1 && in("outcome_aux", pw, verb - 1)) --verb;
        // The subject of the outcome: a symptom or "it"/"the pain" right before it.
        uint32_t subj = verb;
        for (const auto& m : ms)
            if (m.post == post && m.sentence == s.index && m.last <= verb && verb - m.last <= 2) subj = m.first;
        while (subj > s.first && (in("outcome_subject", pw, subj - 1) || in("possessive", pw, subj - 1))) --subj;
        if (subj > s.first && (pw.key(subj - 1) == "the" || pw.key(subj - 1) == "my")) --subj;
        uint32_t trig = s.last;
        for (uint32_t i = s.first; i < subj; ++i)
            if (in("outcome_trigger", pw, i)) trig = i;
        Claim c;
        c.remedy = true;
        c.cue = Cue::remedy_helps;
        c.post = post;
        c.sentence = s.index;
        if (trig < subj) {
            uint32_t from = trig + 1;
            c.slot = slots.trim_tail(pw, WordSpan{from, subj});
            c.evidence = WordSpan{trig, o.last};
        } else if (subj > s.first && in("causative", pw, subj - 1)) {
            // "Dead bugs made my back pain go away".
            WordSpan l = slots.left(pw, s, subj - 1);
            c.slot = l;
            c.evidence = WordSpan{l.first, o.last};
        } else if (uint32_t a = and_before(pw, s, subj); a != s.last) {
            // "switched to allegra and the fog cleared up": a short subject between "and" and the outcome.
            WordSpan l = slots.left(pw, s, a);
            if (!l.empty() && in("not_action_subject", pw, l.first) && !lex.best_in(pw, l.first, l.last, kRemedyMask).entry)
                return;
            c.slot = l;
            c.evidence = WordSpan{l.first, o.last};
        } else if (subj > s.first && pw.key(subj - 1) == "and") {
            WordSpan l = slots.left(pw, s, subj - 1);
            // "It doesn't affect my vision and goes away": a state, not a remedy.
            if (!l.empty() && in("not_action_subject", pw, l.first) &&
                !lex.best_in(pw, l.first, l.last, kRemedyMask).entry)
                return;
            c.slot = l;
            c.evidence = WordSpan{l.first, o.last};
        } else {
            return;
        }
        if (c.slot.empty() || slots.content_words(pw, c.slot) == 0) return;
        // "warms up after a mile or so then comes back worse": a stretch of
        // time or distance is when, not what was done.
        {
            uint32_t w = c.slot.first;
            while (w < c.slot.last && (in("determiner", pw, w) || pw[w].number || in("quantity_word", pw, w))) ++w;
            if (w < c.slot.last && (in("time_unit", pw, w) || in("distance_unit", pw, w))) return;
        }
        CueHit h;
        h.cue = Cue::remedy_helps;
        h.first = o.first;
        h.last = o.last;
        for (uint32_t i = s.first; i < o.last; ++i)
            if (in("person_author", pw, i)) h.author = true;
        c.outcome = last;
        // "Sitting makes it worse": an aggravating cause, not a remedy that failed.
        if (last == Outcome::worse && lex.best_in(pw, c.slot.first, c.slot.last, kCauseMask).entry &&
            !lex.best_in(pw, c.slot.first, c.slot.last, kRemedyMask).entry) {
            c.remedy = false;
            c.cue = Cue::cause_verb;
            c.outcome = Outcome::none;
        }
        // "since then theres a deep ache in my shoulder, worse when I lie on
        // it": what is worse is the complaint itself, not a remedy.
        if (c.remedy && c.outcome == Outcome::worse &&
            lex.best_in(pw, c.slot.first, c.slot.last, Lexicon::bit(Kind::complaint)).entry)
            return;
        add_claim(claims, pw, s, h, std::move(c));
    }

    /// The "and" a few words before word `at` with no punctuation between
    /// (the subject of an outcome in between), or s.last.
    uint32_t and_before(const PostWords& pw, const Sentence& s, uint32_t at) const {
        for (uint32_t k = at; k > s.first && at - k < 4;) {
            --k;
            if (pw[k].punct) return s.last;
            if (pw.key(k) == "and") return k > s.first ? k : s.last;
        }
        return s.last;
    }

    /// Dosages: a remedy's own, or a dosage-only remedy handed to the remedy before it.
    void dosages(const PostWords& pw, uint32_t post, std::vector<Claim>& claims) const {
        for (size_t i = 0; i < claims.size(); ++i) {
            Claim& c = claims[i];
            if (!c.remedy || c.dropped || c.post != post) continue;
            std::vector<WordSpan> ds;
            find_dosages(pw, c.evidence.first, c.evidence.last, ds);
            if (ds.empty()) continue;
            uint32_t dose_words = 0;
            std::string text;
            for (const auto& d : ds) {
                for (uint32_t k = d.first; k < d.last; ++k)
                    if (!pw[k].punct) ++dose_words;
                if (!text.empty()) text += "; ";
                text += std::string(pw.span_text(d.first, d.last));
            }
            uint32_t content = slots.content_words(pw, c.slot);
            bool mapped = lex.best_in(pw, c.slot.first, c.slot.last, kRemedyMask).entry != nullptr;
            // "three sets of 30 seconds" after a remedy is that remedy's dose; "stand
            // up every 30 minutes" starts with what to do and is a remedy of its own.
            bool starts_with_dose = ds.front().first <= c.slot.first;
            bool dosage_only = !mapped && starts_with_dose && (dose_words * 2 >= content || content <= dose_words + 2);
            if (dosage_only) {
                for (size_t j = i; j-- > 0;) {
                    Claim& p = claims[j];
                    if (!p.remedy || p.dropped || p.post != post) continue;
                    if (c.sentence - p.sentence > 2) break;
                    p.dosage = p.dosage.empty() ? text : p.dosage + "; " + text;
                    c.dropped = true;
                    break;
                }
                if (c.dropped) continue;
            }
            if (c.dosage.empty()) c.dosage = text;
        }
    }

    /// Overlapping claims of one kind in a post: the first one stays.
    void dedupe(std::vector<Claim>& claims, size_t from) const {
        for (size_t i = from; i < claims.size(); ++i) {
            if (claims[i].dropped) continue;
            for (size_t j = from; j < i; ++j) {
                const Claim& a = claims[j];
                const Claim& b = claims[i];
                if (a.dropped || a.remedy != b.remedy || a.post != b.post || a.sentence != b.sentence) continue;
                bool overlap = a.slot.first < b.slot.last && b.slot.first < a.slot.last;
                bool ev_overlap = a.evidence.first < b.evidence.last && b.evidence.first < a.evidence.last;
                if (overlap || (ev_overlap && a.concept_id == b.concept_id)) {
                    // The longer evidence carries the claim better, unless it is a
                    // whole run-on sentence around a short clause that says it all.
                    Claim& keep = claims[j];
                    uint32_t la = a.evidence.last - a.evidence.first, lb = b.evidence.last - b.evidence.first;
                    if (lb > la && lb <= 2 * la + 2 && b.cue != Cue::cause_question) keep.evidence = b.evidence;
                    if (la > 2 * lb + 2 && a.evidence.first <= b.evidence.first && a.evidence.last >= b.evidence.last)
                        keep.evidence = b.evidence;
                    if (keep.outcome == Outcome::none) keep.outcome = b.outcome;
                    if (keep.dosage.empty()) keep.dosage = b.dosage;
                    claims[i].dropped = true;
                    break;
                }
            }
        }
    }

    /// Whether a worry word (worry_word) stands within three words before word i.
    bool feared(const PostWords& pw, const Sentence& s, uint32_t i) const {
        for (uint32_t k = i; k > s.first && k + 3 > i; --k)
            if (in("worry_word", pw, k - 1)) return true;
        return false;
    }

    /// Whether a claim of sentence s of the post already holds words of w in its evidence.
    static bool claimed(const std::vector<Claim>& claims, uint32_t post, const Sentence& s, WordSpan w) {
        for (const Claim& c : claims)
            if (c.post == post && c.sentence == s.index && c.evidence.first < w.last && c.evidence.last > w.first)
                return true;
        return false;
    }

    bool inside_claim(const std::vector<Claim>& claims, const SymptomMention& m) const {
        for (const Claim& c : claims)
            if (!c.dropped && c.post == m.post && c.sentence == m.sentence && m.first < c.slot.last &&
                c.slot.first < m.last)
                return true;
        return false;
    }
};

AdviceExtractor::AdviceExtractor() : AdviceExtractor(std::make_shared<const Lexicon>(Lexicon::builtin())) {}

AdviceExtractor::AdviceExtractor(std::shared_ptr<const Lexicon> lexicon)
    : lex_(std::move(lexicon)), impl_(std::make_unique<Impl>(*lex_)) {}

AdviceExtractor::~AdviceExtractor() = default;

std::vector<sdk::Fact> AdviceExtractor::extract(const fkb_thread_view& view) const {
    const Impl& im = *impl_;
    const fkb_thread& th = *view.thread;
    size_t n = std::min(view.n_posts, th.n_posts);
    std::vector<PostWork> posts(n);
    std::unordered_set<std::string> seen_sentences;
    for (size_t p = 0; p < n; ++p) {
        std::string_view text = sdk::view(th.posts[p].text);
        im.words.begin_post();
        posts[p].words = PostWords::from_analysis(text, view.posts[p], im.words);
        im.lex.find_phrases(posts[p].words);
        const PostWords& pw = posts[p].words;
        posts[p].skip.assign(pw.sentences().size(), false);
        // Quoted text: the host's quoted spans, and any sentence of at least
        // four words that an earlier post already holds.
        std::vector<std::string> mine;
        for (size_t si = 0; si < pw.sentences().size(); ++si) {
            const Sentence& s = pw.sentences()[si];
            if (s.quoted) posts[p].skip[si] = true;
            uint32_t words = 0;
            for (uint32_t k = s.first; k < s.last; ++k)
                if (!pw[k].punct) ++words;
            if (words < 4) continue;
            std::string key(pw.keys(s.first, s.last));
            if (seen_sentences.count(key)) posts[p].skip[si] = true;
            mine.push_back(std::move(key));
        }
        for (auto& k : mine) seen_sentences.insert(std::move(k));
    }

    std::vector<SymptomMention> mentions;
    std::vector<Claim> claims;
    for (size_t p = 0; p < n; ++p) {
        const PostWords& pw = posts[p].words;
        const auto& ss = pw.sentences();
        size_t first_claim = claims.size();
        size_t first_mention = mentions.size();
        for (size_t si = 0; si < ss.size(); ++si) {
            if (posts[p].skip[si]) continue;
            im.finder.find(pw, ss[si], static_cast<uint32_t>(p), mentions);
        }
        std::vector<SymptomMention> post_mentions(mentions.begin() + static_cast<std::ptrdiff_t>(first_mention),
                                                  mentions.end());
        for (size_t si = 0; si < ss.size(); ++si) {
            if (posts[p].skip[si]) continue;
            const Sentence& s = ss[si];
            uint32_t head = im.sentence_head(pw, s);
            if (head + 1 < s.last && im.lex.in_list("example_lead", pw.keys(head, head + 2))) continue;
            im.cause_claims(posts[p], static_cast<uint32_t>(p), s, post_mentions, claims);
            im.trigger_claims(posts[p], static_cast<uint32_t>(p), s, post_mentions, claims);
            im.background_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.diagnosis_fragment_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.clinician_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.update_fragment_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.ruled_out_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.needs_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.remedy_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.list_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.imperative_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.outcome_claims(posts[p], static_cast<uint32_t>(p), s, post_mentions, claims);
            im.plan_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.list_item_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.nominal_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.practice_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.done_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.tag_question_claims(posts[p], static_cast<uint32_t>(p), s, claims);
            im.dedupe(claims, first_claim);
        }
        im.dosages(pw, static_cast<uint32_t>(p), claims);
        // The asker describes the complaint; a remedy there is only what the
        // asker reports having tried ("I tried ice", "stretching helped").
        if (p == 0)
            for (size_t i = first_claim; i < claims.size(); ++i) {
                Claim& c = claims[i];
                if (!c.remedy) continue;
                bool tried = c.experiencer == Experiencer::author &&
                             (c.cue == Cue::remedy_try || c.cue == Cue::remedy_helps || c.outcome != Outcome::none ||
                              c.cue == Cue::remedy_avoid);
                if (!tried) c.dropped = true;
            }
        // In a reply, what its author reports doing, or reports helping ("did
        // the belt squeeze thing and it eased"), is a remedy, not a cause.
        if (p > 0)
            for (size_t i = first_claim; i < claims.size(); ++i) {
                Claim& c = claims[i];
                if (c.remedy || c.dropped) continue;
                for (size_t j = first_claim; j < claims.size(); ++j) {
                    const Claim& r = claims[j];
                    const bool did = r.experiencer == Experiencer::author || r.outcome == Outcome::improved ||
                                     r.outcome == Outcome::resolved;
                    if (r.remedy && !r.dropped && r.sentence == c.sentence && did &&
                        r.slot.first < c.slot.last && c.slot.first < r.slot.last) {
                        c.dropped = true;
                        break;
                    }
                }
            }
        // Which mentions are reports of someone's symptom.
        for (size_t i = first_mention; i < mentions.size(); ++i) {
            SymptomMention& m = mentions[i];
            if (p == 0) {
                // "Is this shin splints?": a named condition asked about is a guess, not a report.
                m.reported = !(m.body_part.empty() && im.rules.question(pw, ss[m.sentence]));
                // "My optometrist said episcleritis": a diagnosis is a cause claim, not a report.
                if (m.body_part.empty() && im.inside_claim(claims, m)) m.reported = false;
                // "Worried about a stress fracture": a fear, not a report; "after
                // cataract surgery": a procedure, not the complaint.
                if (m.body_part.empty() && (im.feared(pw, ss[m.sentence], m.first) ||
                                            (m.last < ss[m.sentence].last && im.in("procedure_noun", pw, m.last))))
                    m.reported = false;
                if (m.experiencer == Experiencer::unknown) m.experiencer = Experiencer::author;
            } else {
                m.reported = m.experiencer == Experiencer::author && !m.negated &&
                             !im.rules.question(pw, ss[m.sentence]) && !im.inside_claim(claims, m);
            }
            // "the back aches lessened", "the pain went away": the subject of a
            // reported outcome is the remedy's effect, not a new report.
            {
                const std::vector<OutcomeHit>& outs = posts[p].outcomes_of(ss[m.sentence]);
                for (const auto& o : outs)
                    if (o.first >= m.last && o.first - m.last <= 2) m.reported = false;
            }
            // "No swelling", "it's not a sprain": a symptom denied is no report (and
            // a denied condition is a ruled-out cause, found as such).
            if (m.negated) m.reported = false;
            // One report per concept per clause: the same complaint again in a
            // run-on sentence ("pain on my foot now it hurts walking") is a
            // second report only where the evidence does not overlap.
            for (size_t j = first_mention; j < i; ++j)
                if (mentions[j].reported && mentions[j].sentence == m.sentence && mentions[j].concept_id == m.concept_id &&
                    mentions[j].ev_first < m.ev_last && m.ev_first < mentions[j].ev_last)
                    m.reported = false;
        }
    }

    // The thread's opening symptom: the opening post's first, else the title's.
    const SymptomMention* opening = nullptr;
    for (const auto& m : mentions)
        if (m.post == 0 && m.reported && !m.body_part.empty()) {
            opening = &m;
            break;
        }
    std::vector<SymptomMention> title_mentions;
    if (!opening && th.title.ptr) {
        PostWords tw = PostWords::from_plain(sdk::view(th.title));
        im.words.classify(tw);
        for (const auto& s : tw.sentences()) im.finder.find(tw, s, 0, title_mentions);
        if (!title_mentions.empty()) opening = &title_mentions.front();
    }
    if (!opening)
        for (const auto& m : mentions)
            if (m.reported) {
                opening = &m;
                break;
            }
    im.linker.link(claims, mentions, opening);
    std::vector<Triple> triples = im.linker.triples(claims);

    // Facts.
    std::vector<sdk::Fact> facts;
    auto evidence = [&](uint32_t post, WordSpan w) {
        const PostWords& pw = posts[post].words;
        fkb_evidence e{};
        e.post = post;
        e.start = pw[w.first].start;
        e.end = pw[w.last - 1].end;
        e.sentence = pw[w.first].sentence;
        return e;
    };
    auto opt = [](sdk::Fact& f, const std::string& key, const std::string& v) {
        if (v.empty())
            f.set_null(key);
        else
            f.set(key, v);
    };
    for (size_t p = 0; p < n; ++p) {
        struct Item {
            uint32_t start;
            sdk::Fact fact;
        };
        std::vector<Item> items;
        for (const auto& m : mentions) {
            if (m.post != p || !m.reported) continue;
            sdk::Fact f;
            f.kind = "symptom";
            f.concept_id = m.concept_id;
            f.label = m.label;
            f.evidence = evidence(static_cast<uint32_t>(p), WordSpan{m.ev_first, m.ev_last});
            opt(f, "qualifiers.location", m.location);
            opt(f, "qualifiers.onset", m.onset);
            opt(f, "qualifiers.duration", m.duration);
            opt(f, "qualifiers.activity", m.activity);
            f.set("experiencer", std::string(experiencer_name(m.experiencer)));
            f.set("certainty", "asserted");
            f.set("polarity", m.negated ? "negated" : "affirmed");
            items.push_back(Item{f.evidence.start, std::move(f)});
        }
        for (const auto& c : claims) {
            if (c.post != p || c.dropped) continue;
            sdk::Fact f;
            f.kind = c.remedy ? "remedy" : "cause";
            f.concept_id = c.concept_id;
            f.label = c.label;
            f.evidence = evidence(static_cast<uint32_t>(p), c.evidence);
            opt(f, "symptom", c.symptom);
            if (c.remedy) opt(f, "cause", c.cause);
            f.set("certainty", std::string(certainty_name(c.certainty)));
            f.set("polarity", c.negated ? "negated" : "affirmed");
            opt(f, "condition", c.condition);
            f.set("experiencer", std::string(experiencer_name(c.experiencer)));
            if (c.remedy) {
                opt(f, "outcome", std::string(outcome_name(c.outcome)));
                opt(f, "dosage", c.dosage);
            }
            items.push_back(Item{f.evidence.start, std::move(f)});
        }
        std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.start < b.start; });
        for (auto& it : items) facts.push_back(std::move(it.fact));
    }
    for (const Triple& t : triples) {
        const Claim& r = claims[t.remedy_claim];
        sdk::Fact f;
        f.kind = "triple";
        f.label = t.label;
        f.evidence = evidence(r.post, r.evidence);
        f.set("symptom", t.symptom);
        f.set("cause", t.cause);
        f.set("remedy", t.remedy);
        f.support = t.support;
        facts.push_back(std::move(f));
    }
    return facts;
}

}  // namespace fkb::advice
