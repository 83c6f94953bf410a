// The phrase tables of the advice cue grammars (plugins/extractor_advice/
// grammar/cue_phrases.tsv): every table the grammars name loads, no table is
// empty or holds a phrase twice, every phrase is written as the grammars
// match it (a key: lower case, apostrophes dropped, single spaces), and every
// value is a certainty, an outcome or a number.
#include "phrase_tables.hpp"
#include "word_key.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace {

TEST(AdviceGrammarData, TablesAreWellFormed) {
    const auto names = fkb::advice::x3s::phrase_table_names();
    EXPECT_GE(names.size(), 60u);
    const std::set<std::string> values = {"unknown", "asserted", "probable", "possible", "questioned", "none",
                                          "resolved", "improved", "no_effect", "worse"};
    size_t rows = 0;
    for (const auto& name : names) {
        const auto& table = fkb::advice::x3s::phrase_rows(name);
        EXPECT_FALSE(table.empty()) << name;
        std::set<std::string> seen;
        for (const auto& [phrase, value] : table) {
            ++rows;
            EXPECT_TRUE(seen.insert(phrase).second) << name << ": '" << phrase << "' twice";
            std::string key;
            for (size_t b = 0; b <= phrase.size();) {
                size_t e = phrase.find(' ', b);
                if (e == std::string::npos) e = phrase.size();
                std::string w = phrase.substr(b, e - b);
                std::string k = w.find_first_not_of("=%") == std::string::npos ? w : fkb::advice::word_key(w);
                if (!key.empty()) key.push_back(' ');
                key += k;
                b = e + 1;
            }
            EXPECT_EQ(key, phrase) << name << ": a phrase must be written as its key";
            bool number = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
            EXPECT_TRUE(number || values.count(value)) << name << ": '" << phrase << "' has value '" << value << "'";
        }
    }
    EXPECT_GT(rows, 1000u);
}

TEST(AdviceGrammarData, AnUnknownTableIsAnErrorNamingIt) {
    try {
        fkb::advice::x3s::phrase_rows("no_such_table");
        FAIL() << "no error";
    } catch (const std::logic_error& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_table"), std::string::npos) << e.what();
    }
}

// Phrase lists the extractor looks up only after a cheap test of their first
// word: every phrase's first word must be in the first-word list, or the
// phrase would never be found.
TEST(AdviceGrammarData, LeadPhrasesStartWithAListedFirstWord) {
    std::ifstream in(std::string(FORUMKB_SOURCE_DIR) + "/plugins/extractor_advice/lexicon/cue_words.tsv");
    ASSERT_TRUE(in) << "cue_words.tsv not found";
    std::map<std::string, std::set<std::string>> lists;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        size_t end = line.find('\t', tab + 1);
        lists[line.substr(0, tab)].insert(line.substr(tab + 1, end == std::string::npos ? end : end - tab - 1));
    }
    for (const auto& [lead, first] : {std::pair{"ruled_out_lead", "ruled_out_first"},
                                      std::pair{"background_lead", "background_first"}}) {
        ASSERT_FALSE(lists[lead].empty()) << lead;
        for (const auto& phrase : lists[lead])
            EXPECT_TRUE(lists[first].count(phrase.substr(0, phrase.find(' '))))
                << lead << ": '" << phrase << "' starts with a word missing from " << first;
    }
}

}  // namespace
