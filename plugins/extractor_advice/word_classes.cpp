// WordClasses: see word_classes.hpp.
#include "word_classes.hpp"

#include "word_key.hpp"

namespace fkb::advice {

void WordClasses::classify(PostWords& pw) {
    if (cache_.size() > kMaxCached) cache_.clear();
    for (size_t i = 0; i < pw.size(); ++i) {
        Word& w = pw.word(i);
        std::string_view key = pw.key(i);
        auto it = cache_.find(key);
        if (it == cache_.end()) {
            Classes c;
            c.lists = lex_.word_lists(key);
            c.lex_first = !w.punct && lex_.first_stem(pw.stem(i));
            c.stem_id = w.punct ? 0 : lex_.stem_id(pw.stem(i));
            starts_.classify_word(key, c.cue_starts, c.cause_alts, c.remedy_alts);
            it = cache_.emplace(std::string(key), c).first;
        }
        const Classes& c = it->second;
        w.lists = c.lists;
        w.lex_first = c.lex_first && !w.punct;
        w.stem_id = w.punct ? 0 : c.stem_id;
        w.cue_starts = c.cue_starts;
        w.cause_alts = c.cause_alts;
        w.remedy_alts = c.remedy_alts;
    }
    lex_.find_phrases(pw);
}

void WordClasses::begin_post() {
    if (cache_.size() > kMaxCached) cache_.clear();
    if (forms_.size() > kMaxCached) {
        forms_.clear();
        texts_.clear();
        slots_.clear();
        punct1_.clear();
    }
}

const WordForms& WordClasses::forms(std::string_view text, bool punct) {
    if (punct && text.size() == 1) {
        if (punct1_.empty()) punct1_.assign(256, 0);
        uint32_t& k = punct1_[static_cast<unsigned char>(text[0])];
        if (k == 0) {
            forms_.push_back(make_forms(text, punct));
            texts_.emplace_back();  // never probed by text
            k = static_cast<uint32_t>(forms_.size());
        }
        return forms_[k - 1];
    }
    uint64_t h = punct ? 0x9E3779B97F4A7C15ull : 1469598103934665603ull;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    if (slots_.size() < 2 * (forms_.size() + 1)) {
        std::vector<Slot> grown(slots_.empty() ? 1024 : 2 * slots_.size());
        for (const Slot& sl : slots_)
            if (sl.index) {
                size_t k = sl.hash & (grown.size() - 1);
                while (grown[k].index) k = (k + 1) & (grown.size() - 1);
                grown[k] = sl;
            }
        slots_.swap(grown);
    }
    const size_t mask = slots_.size() - 1;
    size_t k = h & mask;
    for (; slots_[k].index; k = (k + 1) & mask) {
        const Slot& sl = slots_[k];
        if (sl.hash == h && texts_[sl.index - 1] == text && forms_[sl.index - 1].punct_text == punct)
            return forms_[sl.index - 1];
    }
    forms_.push_back(make_forms(text, punct));
    texts_.emplace_back(text);
    slots_[k] = Slot{h, static_cast<uint32_t>(forms_.size())};
    return forms_.back();
}

WordForms WordClasses::make_forms(std::string_view text, bool punct) const {
    WordForms f;
    f.punct = punct;
    f.punct_text = punct;
    if (punct) {
        f.key.assign(text);
    } else {
        append_key(text, f.key);
    }
    if (f.key.empty()) {  // a word made only of apostrophes
        f.key = "'";
        f.punct = true;
    }
    if (f.punct) {
        f.stem = f.key;
    } else {
        append_stem(f.key, f.stem);
    }
    f.lists = lex_.word_lists(f.key);
    f.lex_first = !f.punct && lex_.first_stem(f.stem);
    f.stem_id = f.punct ? 0 : lex_.stem_id(f.stem);
    starts_.classify_word(f.key, f.cue_starts, f.cause_alts, f.remedy_alts);
    f.spaced_key = " " + f.key;
    Word& w = f.word;
    w.key_len = static_cast<uint32_t>(f.key.size());
    w.stem_len = static_cast<uint32_t>(f.stem.size());
    w.punct = f.punct;
    w.lists = f.lists;
    w.cause_alts = f.cause_alts;
    w.remedy_alts = f.remedy_alts;
    w.stem_id = f.stem_id;
    w.cue_starts = f.cue_starts;
    w.lex_first = f.lex_first;
    w.mark = f.punct && f.key.size() == 1 ? f.key[0] : 0;
    return f;
}

}  // namespace fkb::advice
