// SymptomFinder: see symptom_finder.hpp. Word classes (fillers, gap words,
// activities, experiencer words) come from lexicon/cue_words.tsv.
#include "symptom_finder.hpp"

#include <algorithm>

namespace fkb::advice {

namespace {

enum class Tag : uint8_t { none, body_part, region, complaint, condition };

struct Tagged {
    Tag tag = Tag::none;
    const Concept* entry = nullptr;
    uint32_t first = 0, last = 0;
};

Tag tag_of(Kind k) {
    switch (k) {
        case Kind::body_part: return Tag::body_part;
        case Kind::region: return Tag::region;
        case Kind::complaint: return Tag::complaint;
        case Kind::condition:
        case Kind::symptom: return Tag::condition;
        default: return Tag::none;
    }
}

std::string join_keys(const PostWords& pw, uint32_t first, uint32_t last) {
    std::string out;
    for (uint32_t i = first; i < last; ++i) {
        if (pw[i].punct) continue;
        if (!out.empty()) out.push_back(' ');
        out.append(pw.key(i));
    }
    return out;
}

}  // namespace

const SymptomMention* SymptomFinder::antecedent_of(const std::vector<SymptomMention>& out, uint32_t post,
                                                   size_t first_new, const Sentence& s, uint32_t before) {
    for (size_t k = out.size(); k-- > 0;)
        if (out[k].post == post && !(out[k].body_part.empty() && out[k].sited_in.empty()) &&
            ((k >= first_new && out[k].first < before) || out[k].sentence < s.index))
            return &out[k];
    return nullptr;
}

const Concept* SymptomFinder::with_region(std::string_view region, const Concept* body_part) const {
    if (!body_part) return nullptr;
    std::string phrase = std::string(region) + " " + body_part->label;
    const Concept* c = lex_.lookup(phrase);
    if (c && c->kind == Kind::body_part) return c;
    for (const auto& syn : body_part->synonyms) {
        c = lex_.lookup(std::string(region) + " " + syn);
        if (c && c->kind == Kind::body_part) return c;
    }
    return nullptr;
}

void SymptomFinder::compose(const Concept* bp, const Concept* complaint, SymptomMention& m) const {
    m.body_part = bp ? bp->id : "";
    m.complaint = complaint ? complaint->id : "pain";
    std::string id = (bp ? bp->id + "_" : std::string()) + m.complaint;
    if (const Concept* c = lex_.find(id)) {
        m.concept_id = c->id;
        m.label = c->label;
        return;
    }
    m.concept_id = id;
    std::string clabel = complaint ? complaint->label : "pain";
    m.label = bp ? bp->label + " " + clabel : clabel;
}

void SymptomFinder::find(const PostWords& pw, const Sentence& s, uint32_t post,
                         std::vector<SymptomMention>& out) const {
    constexpr unsigned mask = Lexicon::bit(Kind::body_part) | Lexicon::bit(Kind::region) |
                              Lexicon::bit(Kind::complaint) | Lexicon::bit(Kind::condition) |
                              Lexicon::bit(Kind::symptom);
    constexpr unsigned kOtherThanSymptom = Lexicon::bit(Kind::cause) | Lexicon::bit(Kind::remedy);
    std::vector<Tagged> tags;
    for (uint32_t i = s.first; i < s.last; ++i) {
        if (pw[i].punct) continue;
        LexMatch m = lex_.match_at(pw, i, s.last, mask);
        if (!m.entry) continue;
        // A body part that begins a longer exercise, gear or cause name
        // ("calf raises", "knee sleeves", "skull crushers") is not a body
        // part there.
        if (m.entry->kind == Kind::body_part) {
            LexMatch other = lex_.match_at(pw, i, s.last, kOtherThanSymptom);
            if (other.entry && other.last > m.last) {
                i = other.last - 1;
                continue;
            }
        }
        tags.push_back(Tagged{tag_of(m.entry->kind), m.entry, m.first, m.last});
        i = m.last - 1;
    }
    if (tags.empty()) {  // no symptom words: only what makes an earlier complaint worse
        const size_t first_new = out.size();
        find_aggravation(pw, s, post, first_new, out);
        for (size_t i = first_new; i < out.size(); ++i) qualify(pw, s, out[i]);
        return;
    }
    std::vector<bool> used(tags.size(), false);
    size_t first_new = out.size();

    auto is = [&](ListName list, uint32_t i) { return lex_.word_in(list, pw, i); };
    // A word between a complaint and its body part: a preposition, a
    // position, a determiner ("ache just behind and under the bony bump on
    // the outside of my right ankle"), anything but a clause boundary or a
    // new subject.
    auto gap_word = [&](uint32_t w) {
        if (pw[w].punct) return pw.key(w) == ",";
        if (is("symptom_gap", w)) return true;
        return !is("left_stop", w) && !is("right_stop", w) && !is("clause_subject", w) && pw.key(w) != "or";
    };
    // Regions (and commas between them) right before tag index b.
    auto regions_before = [&](size_t b, uint32_t& start, std::string& loc) {
        start = tags[b].first;
        size_t k = b;
        while (k > 0) {
            const Tagged& r = tags[k - 1];
            if (r.tag != Tag::region) break;
            bool adjacent = true;
            for (uint32_t w = r.last; w < start; ++w)
                if (!(pw[w].punct && pw.key(w) == ",") && pw.key(w) != "and") adjacent = false;
            if (!adjacent) break;
            loc = loc.empty() ? r.entry->label : r.entry->label + ", " + loc;
            start = r.first;
            used[k - 1] = true;
            --k;
        }
    };
    auto add = [&](size_t bpi, size_t ci, uint32_t first, uint32_t last, std::string loc) {
        SymptomMention m;
        m.post = post;
        m.sentence = s.index;
        m.first = first;
        m.last = last;
        compose(tags[bpi].entry, tags[ci].entry, m);
        m.location = std::move(loc);
        out.push_back(std::move(m));
    };

    for (size_t t = 0; t < tags.size(); ++t) {
        if (used[t]) continue;
        if (tags[t].tag == Tag::condition) {
            SymptomMention m;
            m.post = post;
            m.sentence = s.index;
            m.first = tags[t].first;
            m.last = tags[t].last;
            m.concept_id = tags[t].entry->id;
            m.label = tags[t].entry->label;
            used[t] = true;
            // "osteoarthritis in my left knee": later complaints ("it swelled
            // up") speak of that knee.
            for (size_t b = t + 1; b < tags.size() && tags[b].first - tags[t].last <= 4; ++b) {
                if (tags[b].tag == Tag::region) continue;
                if (tags[b].tag != Tag::body_part) break;
                uint32_t w = tags[t].last;
                bool placed = w < tags[b].first && (pw.key(w) == "in" || pw.key(w) == "of" || pw.key(w) == "on");
                for (++w; placed && w < tags[b].first; ++w)
                    if (!is("possessive", w) && !is("symptom_gap", w)) placed = false;
                if (placed) m.sited_in = tags[b].entry->id;
                break;
            }
            // A named symptom that says its body part ("my knee swelled" is
            // knee swelling) is sited in it.
            if (m.sited_in.empty() && tags[t].entry->kind == Kind::symptom)
                for (uint32_t w = tags[t].first; w < tags[t].last && m.sited_in.empty(); ++w) {
                    LexMatch bp = lex_.match_at(pw, w, tags[t].last, Lexicon::bit(Kind::body_part));
                    if (bp.entry) m.sited_in = bp.entry->id;
                }
            out.push_back(std::move(m));
            continue;
        }
        if (tags[t].tag != Tag::complaint) continue;
        const Tagged& c = tags[t];
        // (a) body part right before the complaint: "back pain", "knee soreness".
        if (t > 0 && tags[t - 1].tag == Tag::body_part && !used[t - 1] && tags[t - 1].last == c.first) {
            uint32_t start;
            std::string loc;
            used[t - 1] = used[t] = true;
            regions_before(t - 1, start, loc);
            add(t - 1, t, start, c.last, loc);
            continue;
        }
        // (b) complaint, then gap words, then body part: "sore shoulders",
        // "pain in my central, lower back", "pain on the outside of my knee".
        {
            size_t b = t + 1;
            std::string loc;
            uint32_t w = c.last;
            bool ok = false;
            while (b < tags.size() && tags[b].first - c.last <= 8) {
                bool gap_ok = true;
                uint32_t unknown = 0;
                for (; w < tags[b].first; ++w) {
                    if (!gap_word(w)) gap_ok = false;
                    if (!pw[w].punct && !is("symptom_gap", w)) ++unknown;
                }
                // A few words may stand between ("the bony bump on the outside of"),
                // not a whole phrase ("heavy incline DB curls for the long head").
                if (unknown > 2) gap_ok = false;
                if (!gap_ok) break;
                if (tags[b].tag == Tag::region) {
                    loc = loc.empty() ? tags[b].entry->label : loc + ", " + tags[b].entry->label;
                    w = tags[b].last;
                    ++b;
                    continue;
                }
                if (tags[b].tag == Tag::body_part && !used[b]) ok = true;
                break;
            }
            if (ok) {
                // Position words in the gap ("outside of") are a location too.
                for (uint32_t k = c.last; k < tags[b].first; ++k)
                    if (is("symptom_position", k)) loc = loc.empty() ? std::string(pw.key(k)) : std::string(pw.key(k)) + ", " + loc;
                used[t] = used[b] = true;
                for (size_t k = t + 1; k < b; ++k) used[k] = true;
                add(b, t, c.first, tags[b].last, loc);
                // Coordination: "... and in my shoulder muscles", "sore shoulders and neck".
                size_t prev = b;
                for (size_t n = b + 1; n < tags.size(); ++n) {
                    if (used[n]) break;
                    uint32_t from = tags[prev].last;
                    bool coord = false, gap_ok = true;
                    std::string loc2;
                    for (uint32_t k = from; k < tags[n].first; ++k) {
                        if (pw.key(k) == "and" || pw.key(k) == "or" || pw.key(k) == "&") coord = true;
                        else if (!(pw[k].punct && pw.key(k) == ",") && !is("symptom_gap", k)) gap_ok = false;
                    }
                    if (tags[n].tag == Tag::region && gap_ok) continue;
                    if (!coord || !gap_ok || tags[n].tag != Tag::body_part || tags[n].first - from > 6) break;
                    uint32_t start = from;
                    while (start < tags[n].first && (pw.key(start) == "and" || pw.key(start) == "or" || pw[start].punct))
                        ++start;
                    for (size_t k = prev + 1; k < n; ++k)
                        if (tags[k].tag == Tag::region) loc2 = tags[k].entry->label;
                    used[n] = true;
                    add(n, t, start, tags[n].last, loc2);
                    prev = n;
                }
                continue;
            }
        }
        // (c) body part, fillers, complaint: "my back in particular is very
        // sore", "my knee hurts", "calf began to burn".
        if (t > 0) {
            size_t b = t - 1;
            while (b > 0 && tags[b].tag == Tag::region) --b;
            if (tags[b].tag == Tag::body_part && !used[b] && c.first - tags[b].last <= 9) {
                bool ok = c.first - tags[b].last <= 6;
                for (uint32_t k = tags[b].last; ok && k < c.first; ++k)
                    if (!is("symptom_filler", k) && !(pw[k].punct && pw.key(k) == ",")) ok = false;
                // "the back of my elbow, right at the point, aches": an aside
                // between commas.
                if (!ok && is_p(pw, tags[b].last, ",")) {
                    uint32_t close = tags[b].last + 1;
                    while (close < c.first && !pw[close].punct && !is("subject_person", close) && pw.key(close) != "and")
                        ++close;
                    ok = close < c.first && close - tags[b].last <= 6 && is_p(pw, close, ",");
                    for (uint32_t k = close + 1; ok && k < c.first; ++k)
                        if (!is("symptom_filler", k)) ok = false;
                }
                if (ok) {
                    uint32_t start;
                    std::string loc;
                    used[b] = used[t] = true;
                    regions_before(b, start, loc);
                    if (start > s.first && is("possessive", start - 1)) --start;
                    add(b, t, start, c.last, loc);
                    // "my knee and hip hurt": a coordinated body part before.
                    size_t a = b;
                    while (a > 0) {
                        size_t p = a - 1;
                        if (tags[p].tag != Tag::body_part || used[p]) break;
                        bool coord = false, gap_ok = true;
                        for (uint32_t k = tags[p].last; k < tags[a].first; ++k) {
                            if (pw.key(k) == "and" || pw.key(k) == "or" || pw.key(k) == "&") coord = true;
                            else if (!(pw[k].punct && pw.key(k) == ",") && !is("possessive", k)) gap_ok = false;
                        }
                        if (!coord || !gap_ok) break;
                        uint32_t st = tags[p].first;
                        if (st > s.first && is("possessive", st - 1)) --st;
                        used[p] = true;
                        add(p, t, st, tags[p].last, "");
                        a = p;
                    }
                    continue;
                }
            }
        }
    }
    // "Pain when I bend my knee", "sharp pain if I press on my heel": a
    // complaint that opens its clause, with the body part in its circumstances.
    for (size_t t = 0; t < tags.size(); ++t) {
        if (used[t] || tags[t].tag != Tag::complaint) continue;
        uint32_t c0 = tags[t].first;
        while (c0 > s.first && is("symptom_filler", c0 - 1)) --c0;
        if (c0 > s.first && (pw.key(c0 - 1) == "it" || pw.key(c0 - 1) == "its")) --c0;  // "It hurts when I lift my arm"
        if (c0 > s.first && !pw[c0 - 1].punct) continue;
        uint32_t w = tags[t].last;
        if (w >= s.last || !is("symptom_circumstance", w)) continue;
        for (size_t b = t + 1; b < tags.size() && tags[b].first <= w + 6; ++b) {
            if (tags[b].tag != Tag::body_part || used[b]) continue;
            bool clause = true;
            for (uint32_t k = w + 1; k < tags[b].first; ++k)
                if (pw[k].punct || is("left_stop", k) || is("right_stop", k)) clause = false;
            if (!clause || !is("possessive", tags[b].first - 1)) break;
            used[t] = used[b] = true;
            add(b, t, c0, tags[b].last, "");
            break;
        }
    }
    // A complaint with no body part in its clause ("it's sore when I push",
    // "rolling over in bed hurts", "theres a little swelling too") speaks of
    // the body part the post named last.
    for (size_t t = 0; t < tags.size(); ++t) {
        if (used[t] || tags[t].tag != Tag::complaint) continue;
        const SymptomMention* antecedent = antecedent_of(out, post, first_new, s, tags[t].first);
        // Only the asker's own post describes one complaint across sentences,
        // and only a few sentences on.
        if (!antecedent || post != 0 || s.index - antecedent->sentence > 3) continue;
        // "go numb and tingly", "my eyes get itchy, red and watery", "my eyes
        // burn and feel gritty": a complaint listed after a mention of this
        // sentence belongs to that mention's evidence (qualify), not a symptom
        // of its own; after an anaphoric complaint it has circumstances of its
        // own ("it's warm to the touch and stiff first thing in the morning").
        {
            uint32_t w = tags[t].first;
            bool joined = false;
            while (w > s.first) {
                uint32_t p = w - 1;
                // After a comma only inside a list of complaints ("itchy, red and
                // watery"), not before a description of its own ("killing me, dull ache right across ...").
                if (pw.key(p) == "and") joined = true;
                else if (pw[p].punct && pw.key(p) == ",") {
                    const uint32_t after = tags[t].last;
                    joined = joined || (after < s.last && (pw.key(after) == "and" || (pw[after].punct && pw.key(after) == ",")));
                }
                else if (!is("symptom_filler", p) && !is("anaphoric_complaint", p)) break;
                w = p;
            }
            const uint32_t end = w;
            if (joined && std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first_new), out.end(),
                                      [&](const SymptomMention& o) { return o.last >= end && o.last <= tags[t].first && !o.anaphoric; }))
                continue;
        }
        // Only the plain words of a complaint ("it's sore", "hurts") refer back;
        // "I bumped up my mileage" or "heavy curls" do not.
        bool plain = false;  // "Dull ache at night": any word of the complaint may be the plain one
        for (uint32_t w = tags[t].first; w < tags[t].last && !plain; ++w) plain = is("anaphoric_complaint", w);
        if (!plain) continue;
        // ... and only as a predicate or a noun of its own ("it's sore",
        // "a little swelling"), not a word about something else ("I pull
        // the laces tight").
        // A verb ("rolling over in bed hurts") has its own subject.
        if (uint32_t w = tags[t].first;
            w > s.first && !pw[w - 1].punct && !is("anaphoric_lead", w - 1) && !is("anaphoric_verb", w))
            continue;
        const Concept* bp =
            lex_.find(antecedent->body_part.empty() ? antecedent->sited_in : antecedent->body_part);
        SymptomMention m;
        m.post = post;
        m.sentence = s.index;
        m.first = tags[t].first;
        m.last = tags[t].last;
        m.anaphoric = true;
        compose(bp, tags[t].entry, m);
        used[t] = true;
        out.push_back(std::move(m));
    }
    find_aggravation(pw, s, post, first_new, out);
    for (size_t i = first_new; i < out.size(); ++i) qualify(pw, s, out[i]);
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_new), out.end(),
              [](const SymptomMention& a, const SymptomMention& b) { return a.first < b.first; });
}

// What makes the asker's complaint worse is part of the report: "walking
// down stairs is the worst", "sitting more than 20 min is brutal", "worst
// when I wake up", "worse after". The complaint is pain of the body part the
// post named last, as for an anaphoric complaint.
void SymptomFinder::find_aggravation(const PostWords& pw, const Sentence& s, uint32_t post, size_t first_new,
                                     std::vector<SymptomMention>& out) const {
    if (post != 0) return;
    auto is = [&](ListName list, uint32_t i) { return lex_.word_in(list, pw, i); };
    auto clause_break = [&](uint32_t i) {
        return (pw[i].punct && pw.key(i) != "'" && pw.key(i) != "-" && pw.key(i) != "/") ||
               is("aggravation_clause_break", i);
    };
    auto gerund = [&](uint32_t i) {
        std::string_view k = pw.key(i);
        return (k.size() > 4 && k.substr(k.size() - 3) == "ing") || is("activity", i);
    };
    for (uint32_t i = s.first; i < s.last; ++i) {
        if (pw[i].punct || !is("aggravation", i)) continue;
        bool already = false;
        for (size_t k = first_new; k < out.size() && !already; ++k) already = out[k].first <= i && i < out[k].ev_last;
        if (already) continue;
        const bool at_end = i + 1 == s.last || clause_break(i + 1);
        const bool circumstance =
            i + 1 < s.last && (is("symptom_circumstance", i + 1) || is("aggravation_time", i + 1));
        uint32_t first = i, last = i + 1;
        // "worst when I wake up", "its worse after": the clause begins with it.
        uint32_t lead = i;
        if (lead > s.first && pw.key(lead - 1) == "its") --lead;
        // "then comes back worse in the evening", "it gets way worse when I
        // type": a few light words (aggravation_lead) before it, and its circumstances after.
        if (circumstance)
            while (lead > s.first && lead + 4 > i && is("aggravation_lead", lead - 1)) --lead;
        if ((lead == s.first || clause_break(lead - 1)) && (at_end || circumstance)) {
            first = lead;
            last = i + 1;
            if (circumstance) {
                uint32_t b = i + 1;
                while (b < s.last && !clause_break(b) && b - i <= 12) ++b;
                if (b < s.last && !clause_break(b)) continue;
                last = b;
            }
        } else if (at_end || circumstance) {
            // "walking down stairs is the worst": a copula, and an activity for its subject.
            uint32_t c = i;
            if (c > s.first && pw.key(c - 1) == "the") --c;
            if (c == s.first || !is("aggravation_copula", c - 1)) continue;
            uint32_t a = c - 1;
            while (a > s.first && !clause_break(a - 1) && (c - 1) - (a - 1) <= 8) --a;
            if (a > s.first && !clause_break(a - 1)) continue;
            while (a < c - 1 && is("aggravation_filler", a)) ++a;
            if (a >= c - 1) continue;
            // "backhands are the worst", "stairs are brutal": a bare plural of
            // a word or two names an activity too ("the seats are the worst" does not).
            std::string_view k = pw.key(a);
            const bool bare_plural = c - 1 - a <= 2 && k.size() > 3 && k.back() == 's' &&
                                     !is("aggravation_not_subject", a) && !is("determiner", a);
            if (!gerund(a) && !bare_plural) continue;
            first = a;
        } else {
            continue;
        }
        const SymptomMention* antecedent = antecedent_of(out, post, first_new, s, s.last);
        if (!antecedent || s.index - antecedent->sentence > 3) continue;
        const Concept* bp =
            lex_.find(antecedent->body_part.empty() ? antecedent->sited_in : antecedent->body_part);
        SymptomMention m;
        m.post = post;
        m.sentence = s.index;
        m.first = first;
        m.last = last;
        m.anaphoric = true;
        compose(bp, lex_.find("pain"), m);
        out.push_back(std::move(m));
        i = last - 1;
    }
}

void SymptomFinder::qualify(const PostWords& pw, const Sentence& s, SymptomMention& m) const {
    auto is = [&](ListName list, uint32_t i) { return lex_.word_in(list, pw, i); };
    m.ev_first = m.first;
    m.ev_last = m.last;
    // Clause end after the mention.
    uint32_t end = m.last;
    while (end < s.last && !(pw[end].punct && (pw.key(end) == "." || pw.key(end) == ";" || pw.key(end) == "?" ||
                                               pw.key(end) == "!")) &&
           pw.key(end) != "but" && pw.key(end) != "because")
        ++end;
    uint32_t clause_start = m.first;
    while (clause_start > s.first && !(pw[clause_start - 1].punct && pw.key(clause_start - 1) != ","))
        --clause_start;
    // Activity: "after running", "during my runs", "when I run".
    for (uint32_t i = m.last; i < end && m.activity.empty(); ++i) {
        if (!is("activity_lead", i)) continue;
        for (uint32_t k = i + 1; k < end && k <= i + 3; ++k)
            if (is("activity", k)) {
                m.activity = std::string(pw.stem(k));
                if (i <= m.last + 1 && k + 1 - m.first <= 14) m.ev_last = std::max(m.ev_last, k + 1);
                break;
            }
    }
    // Onset: "the day following my runs", "the next morning", "today".
    for (uint32_t i = clause_start; i < end && m.onset.empty(); ++i) {
        if (pw.key(i) == "day" || pw.key(i) == "morning" || pw.key(i) == "night") {
            if (i + 1 < end && (pw.key(i + 1) == "after" || pw.key(i + 1) == "following")) {
                uint32_t a = i > clause_start && (pw.key(i - 1) == "the" || pw.key(i - 1) == "next") ? i - 1 : i;
                uint32_t b = std::min<uint32_t>(end, i + 4);
                m.onset = std::string(pw.span_text(a, b));
                if (!m.activity.empty() || true) {
                    for (uint32_t k = i + 2; k < b; ++k)
                        if (is("activity", k) && m.activity.empty()) m.activity = std::string(pw.stem(k));
                }
                if (a <= m.ev_last + 1 && b - m.first <= 14) m.ev_last = std::max(m.ev_last, b);
            }
        } else if (is("onset", i)) {
            m.onset = std::string(pw.key(i));
        }
    }
    // Duration: "for a few days", "for the past two weeks".
    for (uint32_t i = m.last; i < end && m.duration.empty(); ++i) {
        if (pw.key(i) != "for" && pw.key(i) != "lasting" && pw.key(i) != "lasts") continue;
        for (uint32_t k = i + 1; k < end && k <= i + 5; ++k)
            if (is("time_unit", k)) {
                m.duration = std::string(pw.span_text(i, k + 1));
                if (i <= m.ev_last + 1 && k + 1 - m.first <= 14) m.ev_last = std::max(m.ev_last, k + 1);
                break;
            }
    }
    // Experiencer: the nearest person word before the mention or in it.
    m.experiencer = Experiencer::unknown;
    for (uint32_t i = m.last; i-- > clause_start;) {
        if (i < m.first && m.first - i > 6) break;
        if (is("person_author", i)) { m.experiencer = Experiencer::author; break; }
        if (is("person_addressee", i)) { m.experiencer = Experiencer::addressee; break; }
        if (is("person_other", i)) { m.experiencer = Experiencer::other; break; }
        if (is("person_generic", i)) { m.experiencer = Experiencer::generic; break; }
    }
    if (m.experiencer == Experiencer::unknown)
        for (uint32_t i = s.first; i < m.first; ++i)
            if (is("person_author", i)) m.experiencer = Experiencer::author;
    // Negation: "no pain", "doesn't hurt", "without soreness" (not "no longer").
    for (uint32_t i = m.first > 3 ? m.first - 3 : 0; i < m.last; ++i) {
        if (i < clause_start) continue;
        if (is("symptom_negation", i) && !(i + 1 < s.last && (pw.key(i + 1) == "longer" || pw.key(i + 1) == "more")))
            m.negated = true;
    }
    // Evidence: the clause that carries the report, when it is short ("both
    // my shins hurt so much on the inside edge"), else the mention and its
    // qualifiers.
    auto breaks = [&](uint32_t i) {
        if (pw[i].punct) return pw.key(i) != "'" && pw.key(i) != "-" && pw.key(i) != "/";
        return is("left_stop", i) || is("right_stop", i);
    };
    // On the right, the circumstances of the complaint belong to it ("it's
    // sore when I push the foot outwards"): "when", "after", "if" do not end it.
    auto breaks_right = [&](uint32_t i) { return breaks(i) && !is("symptom_circumstance", i); };
    uint32_t a = m.ev_first;
    while (a > s.first && !breaks(a - 1) && m.ev_first - (a - 1) <= 8) --a;
    if (a > s.first && !breaks(a - 1)) a = m.ev_first;  // too far: keep the mention's start
    uint32_t b = m.ev_last;
    while (b < s.last && !breaks_right(b) && (b + 1) - m.ev_last <= 14) ++b;
    if (b < s.last && !breaks_right(b)) b = m.ev_last;
    // "my eyes burn and feel gritty until lunchtime": a second complaint
    // joined by "and" describes the same body part; the evidence takes it
    // and its circumstances.
    if (b < s.last && pw.key(b) == "and") {
        uint32_t k = b + 1;
        while (k < s.last && k <= b + 3 && is("symptom_filler", k)) ++k;
        LexMatch second = k < s.last ? lex_.match_at(pw, k, s.last, Lexicon::bit(Kind::complaint)) : LexMatch{};
        if (second.entry) {
            b = second.last;
            while (b < s.last && !breaks_right(b) && b - second.last < 6) ++b;
            if (b < s.last && !breaks_right(b)) b = second.last;
        }
    }
    m.ev_first = a;
    m.ev_last = std::max(b, m.ev_last);
    (void)join_keys;
}

}  // namespace fkb::advice
