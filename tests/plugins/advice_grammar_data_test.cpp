// The phrase tables of the advice cue grammars (plugins/extractor_advice/
// grammar/cue_phrases.tsv): every table the grammars name loads, no table is
// empty or holds a phrase twice, every phrase is written as the grammars
// match it (a key: lower case, apostrophes dropped, single spaces), and every
// value is a certainty, an outcome or a number.
#include "phrase_tables.hpp"
#include "word_key.hpp"

#include <gtest/gtest.h>

#include <set>
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

}  // namespace
