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
    if (forms_.size() > kMaxCached) forms_.clear();
}

const WordForms& WordClasses::forms(std::string_view text, bool punct) {
    probe_.clear();
    if (punct) probe_.push_back('\x01');
    probe_.append(text);
    auto it = forms_.find(probe_);
    if (it != forms_.end()) return it->second;
    WordForms f;
    f.punct = punct;
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
    return forms_.emplace(probe_, std::move(f)).first->second;
}

}  // namespace fkb::advice
