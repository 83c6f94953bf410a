// The JSON model: the escaper (controls, quotes, invalid UTF-8 repaired),
// thread JSON member order and null handling, the reader's one-line errors,
// fact records (dotted keys nested, evidence text = the post's slice), UTF-8
// repair with offset maps, and ABI conversion checks (quotes remapped,
// facts refused for the reasons a plugin author would see).
#include <forumkb/abi_convert.hpp>
#include <forumkb/fact_json.hpp>
#include <forumkb/json_writer.hpp>
#include <forumkb/thread_json.hpp>
#include <forumkb/utf8.hpp>

#include <gtest/gtest.h>

namespace {

std::string esc(std::string_view s) {
    std::string out;
    fkb::json::append_string(out, s);
    return out;
}

TEST(FoundationJson, Escaper) {
    EXPECT_EQ(esc("plain"), "\"plain\"");
    EXPECT_EQ(esc("a\"b\\c\nd\te\x01"), R"("a\"b\\c\nd\te\u0001")");
    EXPECT_EQ(esc("caf\xC3\xA9 \xF0\x9F\x98\x95"), "\"caf\xC3\xA9 \xF0\x9F\x98\x95\"");
    EXPECT_EQ(esc("bad\xFFz"), "\"bad\xEF\xBF\xBDz\"");
    // Long strings go 16 bytes at a time: escapes, UTF-8 and bad bytes past the first block.
    EXPECT_EQ(esc("0123456789abcdef0123\"456789\n"), R"("0123456789abcdef0123\"456789\n")");
    EXPECT_EQ(esc("0123456789abcdef caf\xC3\xA9 then \"quote\" and \x02 after it"),
              "\"0123456789abcdef caf\xC3\xA9 then \\\"quote\\\" and \\u0002 after it\"");
    EXPECT_EQ(esc("0123456789abcdef caf\xC3\xA9 0123456789abcdef \xC3 end\t"),
              "\"0123456789abcdef caf\xC3\xA9 0123456789abcdef \xEF\xBF\xBD end\\t\"");
}

fkb::Thread small_thread() {
    fkb::Thread t;
    t.source = "jsonl";
    t.thread_id = "t1";
    t.title = "Knees";
    fkb::Post p;
    p.post_id = "p1";
    p.author = "ann";
    p.post_count = 4;
    p.text = "My knees hurt. Try squats.";
    p.likes = 2;
    p.quotes.push_back({0, 5, "p0"});
    t.posts.push_back(p);
    return t;
}

TEST(FoundationJson, ThreadMemberOrderAndNulls) {
    std::string out;
    fkb::append_thread_json(out, small_thread());
    EXPECT_EQ(out,
              R"({"source":"jsonl","thread_id":"t1","url":null,"title":"Knees","forum":null,"category":null,"posts":[)"
              R"({"post_id":"p1","parent_id":null,"author":"ann","author_signals":{"post_count":4,"role":null,"level":null,)"
              R"("reputation":null,"flair":null},"created":null,"created_text":null,"text":"My knees hurt. Try squats.",)"
              R"("likes":2,"score":null,"accepted":false,"quotes":[{"start":0,"end":5,"post_id":"p0"}],"signature":null}]})");
    fkb::ThreadJsonReader reader;
    fkb::Thread back = reader.parse(out);
    std::string again;
    fkb::append_thread_json(again, back);
    EXPECT_EQ(again, out);
}

TEST(FoundationJson, ReaderErrorsNameTheMember) {
    fkb::ThreadJsonReader r;
    auto error = [&](std::string_view line) {
        try {
            r.parse(line);
        } catch (const fkb::ThreadJsonError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_EQ(error(R"({"source":"x","posts":[]})"), "thread_id: missing (a string is required)");
    EXPECT_EQ(error(R"({"source":"x","thread_id":"t","posts":{}})"), "posts: expected an array");
    EXPECT_EQ(error(R"({"source":"x","thread_id":"t","posts":[{"post_id":"p","text":"hi","quotes":[{"start":1,"end":9,"post_id":"q"}]}]})"),
              "posts[0].quotes[0]: end is past the end of the text");
    EXPECT_EQ(error(R"({"source":"x","thread_id":"t","posts":[{"post_id":"p","text":"hi","author_signals":{"level":"7"}}]})"),
              "posts[0].author_signals.level: expected an integer or null");
    EXPECT_EQ(error("[]"), "expected a JSON object");
    EXPECT_EQ(error("{\"source\":"), error("{\"source\":")) << "stable";
    EXPECT_EQ(error(R"({"source":"x","thread_id":"t","posts":[],"future_member":1})"), "accepted");
}

TEST(FoundationJson, FactRecordNestsDottedKeysAndSlicesEvidence) {
    fkb::Thread t = small_thread();
    fkb::Fact f;
    f.kind = "remedy";
    f.concept_id = "squats";
    f.label = "squats";
    f.evidence = fkb_evidence{0, 15, 26, 1};
    f.set("qualifiers.location", "knee").set("certainty", "asserted").set("qualifiers.activity", "running");
    f.set("certainty", "possible");  // set twice: last value, first position
    std::string out;
    fkb::append_fact_record(out, "in.jsonl", t, fkb::FactRecord{"extractor_x", f});
    EXPECT_EQ(out,
              R"({"kind":"remedy","source_file":"in.jsonl","thread":"t1","post":0,"post_id":"p1","concept":"squats",)"
              R"("label":"squats","qualifiers":{"location":"knee","activity":"running"},"certainty":"possible",)"
              R"("evidence":{"text":"Try squats.","start":15,"end":26,"sentence":1},"extractor":"extractor_x"})");
}

TEST(FoundationJson, Utf8RepairKeepsAnOffsetMap) {
    std::string s = "ab\xFF" "cd";
    std::vector<std::size_t> map;
    EXPECT_TRUE(fkb::utf8::sanitize(s, &map));
    EXPECT_EQ(s, "ab\xEF\xBF\xBD" "cd");
    EXPECT_EQ(map[3], 5u);
    EXPECT_EQ(map[5], 7u);
    EXPECT_FALSE(fkb::utf8::is_boundary("\xC3\xA9", 1));
    EXPECT_FALSE(fkb::utf8::valid("\xED\xA0\x80"));  // a surrogate
}

TEST(FoundationJson, AbiRoundTripAndFactValidation) {
    fkb::Thread t = small_thread();
    fkb::plugin::ThreadAbi abi(t);
    fkb::Thread back = fkb::plugin::to_thread(*abi.get());
    std::string a, b;
    fkb::append_thread_json(a, t);
    fkb::append_thread_json(b, back);
    EXPECT_EQ(a, b);

    fkb_fact f{};
    f.struct_size = sizeof f;
    std::string kind = "symptom";
    f.kind = {kind.data(), kind.size()};
    f.evidence = fkb_evidence{0, 3, 8, 0};
    EXPECT_NO_THROW(fkb::plugin::to_fact(f, t));
    auto refused = [&](const fkb_fact& bad) {
        try {
            fkb::plugin::to_fact(bad, t);
        } catch (const fkb::plugin::AbiError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    fkb_fact g = f;
    g.evidence = fkb_evidence{1, 0, 1, 0};
    EXPECT_EQ(refused(g), "symptom fact: evidence post 1 is out of range (thread has 1 posts)");
    g = f;
    g.evidence = fkb_evidence{0, 9, 3, 0};
    EXPECT_EQ(refused(g), "symptom fact: evidence start 9 is after end 3");
    g = f;
    std::string rumour = "rumour";
    g.kind = {rumour.data(), rumour.size()};
    EXPECT_EQ(refused(g), "unknown fact kind 'rumour'");
    g = f;
    std::string key = "likes", value = "007x";
    fkb_attr attr{{key.data(), key.size()}, FKB_VALUE_INT, {value.data(), value.size()}};
    g.attrs = &attr;
    g.n_attrs = 1;
    EXPECT_EQ(refused(g), "attribute 'likes' value '007x' is not an integer");
    g.struct_size = 8;
    EXPECT_EQ(refused(g).rfind("fact struct_size 8 is smaller than ABI 1.0's ", 0), 0u);
}

TEST(FoundationJson, AbiRefusesARepeatedPostIdInShortAndLongThreads) {
    // Short threads and long ones (past the cut-over to a set of ids) give
    // the same error, at the first post that repeats an earlier id; ids that
    // differ only in broken bytes become the same text and count as one.
    for (int n : {3, 40}) {
        fkb::Thread t = small_thread();
        fkb::Post first = t.posts[0];
        t.posts.clear();
        for (int i = 0; i < n; ++i) {
            fkb::Post p = first;
            p.post_id = "p" + std::to_string(i);
            t.posts.push_back(p);
        }
        fkb::plugin::ThreadAbi unique(t);
        EXPECT_EQ(fkb::plugin::to_thread(*unique.get()).posts.size(), static_cast<size_t>(n));
        t.posts[n - 1].post_id = "p1";
        fkb::plugin::ThreadAbi repeated(t);
        try {
            fkb::plugin::to_thread(*repeated.get());
            ADD_FAILURE() << n << " posts: a repeated post id was accepted";
        } catch (const fkb::plugin::AbiError& e) {
            EXPECT_EQ(std::string(e.what()), "thread '" + t.thread_id + "' post " + std::to_string(n - 1) +
                                                 ": post_id 'p1' is not unique");
        }
        t.posts[n - 1].post_id = "x\xFF";
        t.posts[n - 2].post_id = "x\xFE";
        fkb::plugin::ThreadAbi broken(t);
        EXPECT_THROW(fkb::plugin::to_thread(*broken.get()), fkb::plugin::AbiError) << n << " posts";
    }
}

}  // namespace
