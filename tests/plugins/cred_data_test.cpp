// The data files of extractor_credibility, one test each, on what a user
// of a data file would notice: every contraction of data/contractions.tsv
// reads as its words in a real post, every role of data/roles.tsv shows as
// its label (or counts nothing), every word class of data/word_classes.tsv
// is used by a cue or a filter (no dead list), and every profession of
// data/professions.tsv is found in "I'm a <profession>". (The cue lists
// disclosures.tsv and endorsements.tsv are tested by the corpus test, which
// requires every row to be exercised; platform.tsv by the scale test.)
#include "cred_support.hpp"

#include "cred/tsv.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace fkb::cred::testing {
namespace {

std::string source_file(const std::string& rel) {
    std::ifstream in(std::string(FORUMKB_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The canonical words of `text` as the cue patterns see them.
std::vector<std::string> canonical(const std::string& text) {
    auto a = analyzer().analyze_post(text);
    auto abi = a.abi();
    auto ws = WordStream::build(text, abi, extractor().lexicon());
    std::vector<std::string> out;
    for (const auto& w : ws.words)
        if (!w.punct) out.emplace_back(w.text);
    return out;
}

TEST(CredData, EveryContractionReadsAsItsWords) {
    const std::string file = source_file("plugins/extractor_credibility/data/contractions.tsv");
    size_t rows = 0;
    for (const auto& row : read_tsv("data/contractions.tsv", file, 2)) {
        std::string form(row.cells[0]);
        std::vector<std::string> want;
        // A bare suffix ("'m", "n't") is written after a word that takes it.
        std::string prefix = form[0] == '\'' ? "we" : form == "n't" ? "could" : "";
        if (!prefix.empty()) want.push_back(prefix);
        for (const auto& w : phrase_words(row.cells[1])) want.push_back(w);
        EXPECT_EQ(canonical(prefix + form), want) << "data/contractions.tsv:" << row.line << ": " << form;
        ++rows;
    }
    EXPECT_GE(rows, 40u);
    // Curly apostrophes and capitals read the same.
    EXPECT_EQ(canonical("I\u2019M"), (std::vector<std::string>{"i", "am"}));
}

TEST(CredData, EveryRoleShowsItsLabelOrCountsNothing) {
    const std::string file = source_file("plugins/extractor_credibility/data/roles.tsv");
    for (const auto& row : read_tsv("data/roles.tsv", file, 3)) {
        Post p = post("p1", "someone", "Try resting it.");
        p.role = std::string(row.cells[0]);
        ThreadFixture fx(thread("vanilla", {post("p0", "asker", "Knee pain?"), p}));
        std::string value;
        for (const auto& f : fx.facts())
            if (f.evidence.post == 1 && attr(f, "signal") == "platform") value = attr(f, "value");
        if (std::stod(std::string(row.cells[1])) > 0)
            EXPECT_EQ(value, "forum " + std::string(row.cells[2])) << "data/roles.tsv:" << row.line;
        else
            EXPECT_EQ(value, "") << "data/roles.tsv:" << row.line << ": a role worth 0 is not worth stating";
    }
}

TEST(CredData, EveryWordClassIsUsed) {
    // Classes the code reads by name (word_stream, claim_filter, platform flair).
    std::set<std::string> used = {"negator",      "clause_break",  "stopword",        "number_word",
                                  "hypothetical", "reporting",     "sarcasm",         "sarcasm_lead",
                                  "sarcasm_opener", "laugh",       "claim_undone_after", "outside_target",
                                  "future_opener", "future_marker", "profession"};
    for (const char* f : {"disclosures.tsv", "endorsements.tsv"}) {
        const std::string text = source_file(std::string("plugins/extractor_credibility/data/") + f);
        for (size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
            size_t e = at + 1;
            while (e < text.size() && (std::islower(static_cast<unsigned char>(text[e])) || text[e] == '_')) ++e;
            used.insert(text.substr(at + 1, e - at - 1));
        }
    }
    for (const auto& name : extractor().lexicon().class_names())
        EXPECT_TRUE(used.count(name)) << "data/word_classes.tsv: class '" << name << "' is used by no cue and no filter";
    for (const auto& name : used) EXPECT_NE(extractor().lexicon().word_class(name), nullptr) << name;
}

TEST(CredData, EveryProfessionIsFoundInASelfDisclosure) {
    for (const Phrase* p : extractor().lexicon().word_class("profession")->all()) {
        std::string phrase;
        for (const auto& w : p->words) phrase += (phrase.empty() ? "" : " ") + w;
        const std::string text = "I'm a " + phrase + " and I see this a lot.";
        ThreadFixture fx(thread("test", {post("p0", "asker", "Knee pain?"), post("p1", "pro", text)}));
        std::string value;
        for (const auto& f : fx.facts())
            if (f.evidence.post == 1 && attr(f, "basis") == "profession") value = attr(f, "value");
        EXPECT_EQ(value, p->label) << text;
    }
}

}  // namespace
}  // namespace fkb::cred::testing
