// The credibility corpus (corpora/credibility/sentences.tsv): every case is
// the second post of a small thread; the extractor must find exactly the
// expected signals and endorsements, with exactly the expected evidence, and
// nothing in the negative cases (negated, reported, sarcastic, hypothetical,
// about someone else). Also checks that every cue row of the data files is
// exercised by some case, so a row nobody tests cannot creep in.
#include "cred_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace fkb::cred::testing {
namespace {

struct Case {
    size_t line;
    std::multiset<std::string> expected;  // "expertise/coaching:I coach runners", "agree:+1"
    std::string text;
};

std::vector<Case> load_corpus() {
    std::ifstream in(std::string(FORUMKB_SOURCE_DIR) + "/corpora/credibility/sentences.tsv", std::ios::binary);
    EXPECT_TRUE(in) << "corpora/credibility/sentences.tsv is missing";
    std::vector<Case> out;
    std::string l;
    size_t n = 0;
    while (std::getline(in, l)) {
        ++n;
        if (l.empty() || l[0] == '#') continue;
        size_t tab = l.find('\t');
        EXPECT_NE(tab, std::string::npos) << "sentences.tsv:" << n << ": no tab";
        if (tab == std::string::npos) continue;
        Case c{n, {}, l.substr(tab + 1)};
        std::string exp = l.substr(0, tab);
        if (exp != "-") {
            std::stringstream ss(exp);
            std::string item;
            while (std::getline(ss, item, ';')) c.expected.insert(item);
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::multiset<std::string> found(const ThreadFixture& fx, std::vector<size_t>* lines = nullptr) {
    std::multiset<std::string> got;
    for (const Fact& f : fx.facts()) {
        if (f.evidence.post != 1) continue;
        if (f.kind == "credibility" && attr(f, "signal") != "platform")
            got.insert(attr(f, "signal") + "/" + attr(f, "basis") + ":" + fx.evidence(f));
        else if (f.kind == "endorsement")
            got.insert(attr(f, "stance") + ":" + fx.evidence(f));
    }
    (void)lines;
    return got;
}

std::string show(const std::multiset<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += "\n    " + x;
    return out.empty() ? " (nothing)" : out;
}

ThreadFixture make(const std::string& text) {
    return ThreadFixture(thread("test", {post("p0", "Dana", "My knees are sore after running. Any ideas?"),
                                         post("p1", "helper", text)}));
}

TEST(CredCorpus, HasAtLeastSixtyCasesWithNegatives) {
    auto cases = load_corpus();
    size_t negatives = 0;
    for (const auto& c : cases) negatives += c.expected.empty();
    EXPECT_GE(cases.size(), 60u);
    EXPECT_GE(negatives, 20u);
}

TEST(CredCorpus, EveryCaseFindsExactlyTheExpectedSignals) {
    size_t failures = 0;
    for (const Case& c : load_corpus()) {
        auto fx = make(c.text);
        auto got = found(fx);
        EXPECT_EQ(got, c.expected) << "sentences.tsv:" << c.line << ": " << c.text << "\n  expected:" << show(c.expected)
                                   << "\n  found:" << show(got);
        failures += got != c.expected;
    }
    EXPECT_EQ(failures, 0u);
}

TEST(CredCorpus, EveryCueRowIsExercised) {
    // Which rows matched anything over the whole corpus (kept or set aside).
    std::set<size_t> disclosure_rows, endorsement_rows;
    const auto& x = extractor();
    for (const Case& c : load_corpus()) {
        auto fx = make(c.text);
        const auto& view = fx.view();
        auto ws = WordStream::build(c.text, view.posts[1], x.lexicon());
        for (size_t s = 0; s < ws.sentences.size(); ++s) {
            for (const auto& cue : x.cues().disclosures())
                if (!cue.pattern.find_all(ws, s).empty()) disclosure_rows.insert(cue.line);
            for (const auto& cue : x.cues().endorsements())
                if (!cue.pattern.find_all(ws, s).empty()) endorsement_rows.insert(cue.line);
        }
    }
    std::string missing;
    for (const auto& cue : x.cues().disclosures())
        if (!disclosure_rows.count(cue.line))
            missing += "\n  data/disclosures.tsv:" + std::to_string(cue.line) + ": " + cue.pattern.source();
    for (const auto& cue : x.cues().endorsements())
        if (!endorsement_rows.count(cue.line))
            missing += "\n  data/endorsements.tsv:" + std::to_string(cue.line) + ": " + cue.pattern.source();
    EXPECT_TRUE(missing.empty()) << "rows no corpus case exercises:" << missing;
}

}  // namespace
}  // namespace fkb::cred::testing
