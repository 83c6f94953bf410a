// WordClasses: see word_classes.hpp.
#include "word_classes.hpp"

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

}  // namespace fkb::advice
