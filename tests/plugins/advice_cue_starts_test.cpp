// The cue grammars try an alternative only at the words it can start with
// (CueStarts, built from the first words each grammar declares beside its
// rules). A first word left out of a declaration would silently lose
// matches, so this test scans every sentence of the corpora twice, once
// with the masks and once trying every alternative at every word, and
// requires the same cues, outcomes and dosages.
#include "advice_support.hpp"

#include "cues.hpp"
#include "lexicon.hpp"
#include "post_words.hpp"

#include <forumkb/thread_json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

std::string describe(const std::vector<fkb::advice::CueHit>& hits) {
    std::ostringstream os;
    for (const auto& h : hits)
        os << static_cast<int>(h.cue) << "@" << h.first << "-" << h.last << "/" << static_cast<int>(h.certainty)
           << (h.negated ? "n" : "") << static_cast<int>(h.outcome) << " ";
    return os.str();
}

TEST(AdviceCueStarts, MaskedScanFindsWhatTheFullScanFinds) {
    fkb::advice::Lexicon lex = fkb::advice::Lexicon::builtin();
    fkb::advice::CueStarts starts;
    fkb::ThreadJsonReader reader;
    size_t sentences = 0, hits = 0;
    for (const char* dir : {"advice", "advice_heldout", "jsonl", "reddit", "json"}) {
        for (const auto& e : fs::directory_iterator(fs::path(FORUMKB_SOURCE_DIR) / "corpora" / dir)) {
            if (e.path().extension() != ".jsonl") continue;
            std::ifstream in(e.path());
            std::string line;
            while (std::getline(in, line)) {
                if (line.empty() || line[0] != '{') continue;
                fkb::Thread t;
                try {
                    t = reader.parse(line);
                } catch (const std::exception&) {
                    continue;  // not a thread line (other formats share the folder)
                }
                auto analysis = advice_test::analyzer().analyze_thread(t);
                fkb::plugin::ThreadViewAbi view(t, analysis, "test.jsonl");
                for (size_t p = 0; p < t.posts.size(); ++p) {
                    auto masked = fkb::advice::PostWords::from_analysis(t.posts[p].text, view.get()->posts[p]);
                    lex.classify(masked);
                    auto full = masked;
                    starts.classify(masked);
                    for (const auto& s : masked.sentences()) {
                        ++sentences;
                        std::vector<fkb::advice::CueHit> a, b;
                        fkb::advice::find_cause_cues(masked, s, a);
                        fkb::advice::find_cause_cues(full, s, b);
                        ASSERT_EQ(describe(a), describe(b)) << "cause cues in: " << masked.span_text(s.first, s.last);
                        hits += a.size();
                        a.clear();
                        b.clear();
                        fkb::advice::find_remedy_cues(masked, s, a);
                        fkb::advice::find_remedy_cues(full, s, b);
                        ASSERT_EQ(describe(a), describe(b)) << "remedy cues in: " << masked.span_text(s.first, s.last);
                        hits += a.size();
                        std::vector<fkb::advice::OutcomeHit> oa, ob;
                        fkb::advice::find_outcomes(masked, s, oa);
                        fkb::advice::find_outcomes(full, s, ob);
                        ASSERT_EQ(oa.size(), ob.size()) << "outcomes in: " << masked.span_text(s.first, s.last);
                        std::vector<fkb::advice::WordSpan> da, db;
                        fkb::advice::find_dosages(masked, s.first, s.last, da);
                        fkb::advice::find_dosages(full, s.first, s.last, db);
                        ASSERT_EQ(da.size(), db.size()) << "dosages in: " << masked.span_text(s.first, s.last);
                        EXPECT_EQ(fkb::advice::find_hedge(masked, s.first, s.last),
                                  fkb::advice::find_hedge(full, s.first, s.last));
                    }
                }
            }
        }
    }
    EXPECT_GT(sentences, 400u);
    EXPECT_GT(hits, 300u);
}

}  // namespace
