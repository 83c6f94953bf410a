// End to end over the whole chain (sources -> extractors -> KB -> query):
// the answers a runner with back pain should get from the two seed threads,
// asserted on `forumkb query --json --evidence`, and idempotent ingest on
// the bundled corpora.
//
// The seed threads live outside the project and are never named here: set
// FORUMKB_SEED_DIR to the directory that holds them to run the seed tests
// (they are skipped, saying so, otherwise). Both tests need `forumkb ingest`;
// they are skipped while the binary has no such command.
#include "e2e_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using e2e::kBin;
using e2e::run;
using e2e::temp_kb;

bool have_ingest() { return run(kBin + " ingest --help").first == 0; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// The top-level items of a list ("causes" or "remedies") of the pretty JSON
/// that render_query_json prints: each item's text, in rank order.
std::vector<std::string> items(const std::string& json, const std::string& list) {
    std::vector<std::string> out;
    auto start = json.find("\n  \"" + list + "\": [");
    if (start == std::string::npos) return out;
    auto end = json.find("\n  ]", start);
    if (list == "causes" && json.find("\n  \"remedies\": [", start) < end) end = json.find("\n  \"remedies\": [", start);
    std::string body = json.substr(start, end - start);
    size_t pos = 0;
    while ((pos = body.find("\n    {", pos)) != std::string::npos) {
        auto close = body.find("\n    }", pos);
        out.push_back(body.substr(pos, close - pos));
        pos = close;
    }
    return out;
}

std::string field(const std::string& item, const std::string& name) {
    auto at = item.find("\n      \"" + name + "\": ");
    if (at == std::string::npos) return "";
    at = item.find(": ", at) + 2;
    return item.substr(at, item.find('\n', at) - at);
}

}  // namespace

TEST(KbSeedQuery, RunnerWithBackPain) {
    const char* seeds = std::getenv("FORUMKB_SEED_DIR");
    if (!seeds) GTEST_SKIP() << "set FORUMKB_SEED_DIR to the directory of the two seed threads";
    if (!have_ingest()) GTEST_SKIP() << "forumkb has no ingest command yet";
    std::string db = temp_kb("seeds");
    ASSERT_EQ(run(kBin + " ingest '" + std::string(seeds) + "' --db " + db).first, 0);

    auto [rc, json] = run(kBin + " query \"lower back pain after running\" --db " + db + " --json --evidence");
    ASSERT_EQ(rc, 0);
    auto causes = items(json, "causes");
    ASSERT_GE(causes.size(), 3u) << json;
    bool core = false, form = false;
    for (size_t i = 0; i < 3; ++i) {
        std::string label = lower(field(causes[i], "label"));
        core |= label.find("core") != std::string::npos;
        form |= label.find("posture") != std::string::npos || label.find("form") != std::string::npos ||
                label.find("bend") != std::string::npos || label.find("lean") != std::string::npos;
    }
    EXPECT_TRUE(core) << "weak core not in the top 3 causes\n" << json;
    EXPECT_TRUE(form) << "posture/form not in the top 3 causes\n" << json;
    bool shoes_disputed = false;
    for (const auto& c : causes) {
        std::string label = lower(field(c, "label"));
        if (label.find("shoe") != std::string::npos || label.find("footwear") != std::string::npos)
            shoes_disputed |= field(c, "negations") != "0";
    }
    EXPECT_TRUE(shoes_disputed) << "shoes should appear with the asker ruling them out\n" << json;
    auto remedies = items(json, "remedies");
    ASSERT_FALSE(remedies.empty());
    EXPECT_NE(lower(field(remedies[0], "label")).find("core"), std::string::npos) << json;
    EXPECT_NE(lower(remedies[0]).find("plank"), std::string::npos) << "planks not among the top remedy's evidence";

    auto [rc2, shoulders] = run(kBin + " query \"sore shoulders\" --db " + db + " --json --evidence");
    ASSERT_EQ(rc2, 0);
    EXPECT_NE(lower(shoulders).find("\"role\": \"matched\""), std::string::npos) << shoulders;
    auto sc = items(shoulders, "causes");
    ASSERT_FALSE(sc.empty()) << shoulders;
    EXPECT_NE(lower(shoulders.substr(0, shoulders.find("\"causes\""))).find("shoulder"), std::string::npos);
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
}

TEST(KbSeedQuery, IngestTwiceSameCountsSameAnswer) {
    if (!have_ingest()) GTEST_SKIP() << "forumkb has no ingest command yet";
    std::string corpora = std::string(FORUMKB_SOURCE_DIR) + "/corpora";
    std::string db = temp_kb("twice");
    ASSERT_EQ(run(kBin + " ingest '" + corpora + "/jsonl' --db " + db).first, 0);
    auto stats1 = run(kBin + " stats --json --db " + db).second;
    auto q1 = run(kBin + " query \"back pain\" --json --evidence --db " + db).second;
    auto s1 = run(kBin + " search running --json --db " + db).second;
    ASSERT_EQ(run(kBin + " ingest '" + corpora + "/jsonl' --db " + db).first, 0);
    EXPECT_EQ(run(kBin + " stats --json --db " + db).second, stats1);
    EXPECT_EQ(run(kBin + " query \"back pain\" --json --evidence --db " + db).second, q1);
    EXPECT_EQ(run(kBin + " search running --json --db " + db).second, s1);
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
}
