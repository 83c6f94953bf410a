// Parse-only throughput of the dump sources (issue: >= 100 MB/s on one core
// for Stack Exchange XML and Reddit NDJSON).
//
// Each benchmark generates a dump in memory in the real format (Posts.xml
// rows with escaped HTML bodies; Pushshift submission and comment lines),
// then drives the plugin's parser library over it exactly as the plugin
// does (read, assemble through the spill store, emit every thread) with a
// sink that only counts. Bytes/s is the input size over wall time. Sizes:
// FORUMKB_BENCH_MB (default 64) megabytes per input.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>
#include <string>

#include "dump_input.hpp"
#include "stackexchange_parser.hpp"
#if __has_include("reddit_parser.hpp")
#include "reddit_parser.hpp"
#define FKB_BENCH_REDDIT 1
#endif

namespace {

size_t target_bytes() {
    const char* mb = std::getenv("FORUMKB_BENCH_MB");
    return static_cast<size_t>(mb ? std::atoi(mb) : 64) << 20;
}

const char* kWords[] = {"running", "back",    "pain",    "after",  "stretch", "the",    "my",    "shoulder",
                        "core",    "planks",  "hip",     "flexor", "tight",   "every",  "week",  "try",
                        "probably", "because", "shoes",   "knee",   "form",    "easy",   "miles", "coach"};

std::string words(std::mt19937& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
        if (i) s += ' ';
        s += kWords[rng() % (sizeof kWords / sizeof *kWords)];
    }
    return s;
}

/// A Posts.xml with questions and answers interleaved as in real dumps
/// (answers spread over the last ~200 questions), bodies of escaped HTML.
const std::string& stackexchange_dump() {
    static const std::string xml = [] {
        std::mt19937 rng(42);
        std::string s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n";
        size_t goal = target_bytes();
        long id = 1, last_question = 0;
        while (s.size() < goal) {
            bool question = last_question == 0 || rng() % 4 == 0;
            std::string body = "&lt;p&gt;" + words(rng, 40) + " &amp;amp; " + words(rng, 20) + "&lt;/p&gt;&#xA;";
            body += "&lt;ul&gt;&#xA;&lt;li&gt;" + words(rng, 8) + "&lt;/li&gt;&#xA;&lt;li&gt;" + words(rng, 8) +
                    "&lt;/li&gt;&#xA;&lt;/ul&gt;&#xA;";
            if (rng() % 3 == 0) body += "&lt;blockquote&gt;&lt;p&gt;" + words(rng, 15) + "&lt;/p&gt;&lt;/blockquote&gt;";
            if (rng() % 4 == 0) body += "&lt;pre&gt;&lt;code&gt;x = 1&#xA;y = 2&#xA;&lt;/code&gt;&lt;/pre&gt;";
            body += "&lt;p&gt;" + words(rng, 50) + "&lt;/p&gt;&#xA;";
            s += "  <row Id=\"" + std::to_string(id) + "\" PostTypeId=\"" + (question ? "1" : "2") + "\"";
            if (!question) {
                long back = static_cast<long>(rng() % 200);
                long parent = std::max(1L, last_question - back * 4);
                s += " ParentId=\"" + std::to_string(parent) + "\"";
            }
            s += " CreationDate=\"2021-04-01T19:02:11.377\" Score=\"" + std::to_string(rng() % 50) + "\"";
            s += " Body=\"" + body + "\" OwnerUserId=\"" + std::to_string(rng() % 100000) + "\"";
            s += " LastActivityDate=\"2021-04-03T10:00:00.000\"";
            if (question)
                s += " Title=\"" + words(rng, 8) + "\" Tags=\"&lt;running&gt;&lt;back-pain&gt;\" AnswerCount=\"2\"";
            s += " CommentCount=\"0\" ContentLicense=\"CC BY-SA 4.0\" />\n";
            if (question) last_question = id;
            ++id;
        }
        s += "</posts>\n";
        return s;
    }();
    return xml;
}

void BM_StackExchangePosts(benchmark::State& state) {
    const std::string& xml = stackexchange_dump();
    int64_t posts = 0;
    for (auto _ : state) {
        fkb::dumps::MemoryInput mem(xml, "Posts.xml");
        fkb::sdk::Input in(mem.raw());
        fkb::dumps::StackExchangeOptions o;
        o.siblings = false;
        o.store.cache_bytes = state.range(0) << 20;
        fkb::dumps::StackExchangeParser p(in, o, [](const fkb::dumps::Reject&) {});
        fkb::sdk::Thread t;
        while (p.next(t)) posts += static_cast<int64_t>(t.posts.size());
    }
    state.SetBytesProcessed(static_cast<int64_t>(xml.size()) * state.iterations());
    state.counters["posts/s"] = benchmark::Counter(static_cast<double>(posts), benchmark::Counter::kIsRate);
}
// Arg: spill-store cache in MB (256: all in memory; 8: spills to disk).
BENCHMARK(BM_StackExchangePosts)->Arg(256)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
