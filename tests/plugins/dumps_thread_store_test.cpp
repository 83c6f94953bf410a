// ThreadStore: threads wait in memory up to the budget and move to SQLite
// past it; what comes out must not depend on which happened.
#include <gtest/gtest.h>

#include "thread_store.hpp"

#include <string>
#include <vector>

namespace fkb::dumps {
namespace {

/// Feeds the same posts (threads interleaved, out of order, with ties and a
/// side table) to a store with the given budget; returns what comes out as
/// "key|title|post,post,..." lines, and whether the store spilled.
std::vector<std::string> round_trip(int64_t budget, bool& spilled) {
    StoreOptions o;
    o.cache_bytes = budget;
    o.temp_dir = ::testing::TempDir();
    ThreadStore s(o);
    for (int i = 0; i < 3000; ++i) {
        std::string key = "t" + std::to_string((i * 7919) % 97);
        bool created = false;
        int64_t seq = s.thread(key, &created);
        if (created) s.put(1, seq, key);
        if (i % 5 == 0) {
            ThreadHeader h;
            h.title = "title of " + key;
            s.set_header(seq, h);
        }
        sdk::Post p;
        p.post_id = std::to_string(i);
        p.text = std::string(static_cast<size_t>(100 + i % 300), 'x');
        p.score = i % 11;
        s.add_post(seq, i % 13, i % 2, p);  // (major, minor) ties keep input order
    }
    s.put(2, 42, "first");
    s.put(2, 42, "second");  // replaced
    EXPECT_EQ(s.get(2, 42).value_or(""), "second");
    EXPECT_EQ(s.get(1, 1).value_or(""), "t0");
    EXPECT_FALSE(s.get(2, 43));
    s.finish();
    spilled = s.spilled();
    std::vector<std::string> out;
    StoredThread t;
    while (s.next(t)) {
        std::string line = t.key + "|" + (t.header ? t.header->title.value_or("") : "-") + "|";
        for (const auto& p : t.posts) line += p.post_id + ",";
        out.push_back(line);
    }
    return out;
}

TEST(DumpsThreadStore, SpilledAndInMemoryGiveTheSameThreads) {
    bool spilled_small = false, spilled_big = true;
    auto small = round_trip(64 << 10, spilled_small);
    auto big = round_trip(256 << 20, spilled_big);
    EXPECT_TRUE(spilled_small);
    EXPECT_FALSE(spilled_big);
    ASSERT_EQ(small.size(), 97u);
    EXPECT_EQ(small, big);
    // First-seen order, and within a thread (major, minor) then input order.
    EXPECT_EQ(big[0].substr(0, 3), "t0|");
    EXPECT_EQ(big[0].substr(0, big[0].find(',', 12)), "t0|title of t0|0");
}

}  // namespace
}  // namespace fkb::dumps
