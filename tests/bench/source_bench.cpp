// Parse-only throughput of the dump sources (issue: >= 100 MB/s on one core
// for Stack Exchange XML and Reddit NDJSON).
//
// Each benchmark generates a dump in memory in the real format (Posts.xml
// rows with escaped HTML bodies; Pushshift submission and comment lines),
// then drives the plugin's parser library over it exactly as the plugin
// does (read, assemble through the spill store, emit every thread) with a
// sink that only counts. Bytes/s is the input size over wall time. Sizes:
// FORUMKB_BENCH_MB (default 64) megabytes per input.
//
// `source_bench --write DIR` writes the same inputs as files instead
// (DIR/bench.stackexchange.com/Posts.xml, DIR/RC_bench.ndjson), to measure
// the whole command: `forumkb parse FILE > /dev/null`.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

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
/// (answers to any of the last 200 questions), bodies of escaped HTML.
const std::string& stackexchange_dump() {
    static const std::string xml = [] {
        std::mt19937 rng(42);
        std::string s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n";
        size_t goal = target_bytes();
        long id = 1;
        std::vector<long> recent;  // the last 200 questions, which answers pick from
        while (s.size() < goal) {
            bool question = recent.empty() || rng() % 4 == 0;
            std::string body = "&lt;p&gt;" + words(rng, 40) + " &amp;amp; " + words(rng, 20) + "&lt;/p&gt;&#xA;";
            body += "&lt;ul&gt;&#xA;&lt;li&gt;" + words(rng, 8) + "&lt;/li&gt;&#xA;&lt;li&gt;" + words(rng, 8) +
                    "&lt;/li&gt;&#xA;&lt;/ul&gt;&#xA;";
            if (rng() % 3 == 0) body += "&lt;blockquote&gt;&lt;p&gt;" + words(rng, 15) + "&lt;/p&gt;&lt;/blockquote&gt;";
            if (rng() % 4 == 0) body += "&lt;pre&gt;&lt;code&gt;x = 1&#xA;y = 2&#xA;&lt;/code&gt;&lt;/pre&gt;";
            body += "&lt;p&gt;" + words(rng, 50) + "&lt;/p&gt;&#xA;";
            s += "  <row Id=\"" + std::to_string(id) + "\" PostTypeId=\"" + (question ? "1" : "2") + "\"";
            if (!question) {
                long parent = recent[rng() % recent.size()];
                s += " ParentId=\"" + std::to_string(parent) + "\"";
            }
            s += " CreationDate=\"2021-04-01T19:02:11.377\" Score=\"" + std::to_string(rng() % 50) + "\"";
            s += " Body=\"" + body + "\" OwnerUserId=\"" + std::to_string(rng() % 100000) + "\"";
            s += " LastActivityDate=\"2021-04-03T10:00:00.000\"";
            if (question)
                s += " Title=\"" + words(rng, 8) + "\" Tags=\"&lt;running&gt;&lt;back-pain&gt;\" AnswerCount=\"2\"";
            s += " CommentCount=\"0\" ContentLicense=\"CC BY-SA 4.0\" />\n";
            if (question) {
                if (recent.size() == 200) recent.erase(recent.begin());
                recent.push_back(id);
            }
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

#ifdef FKB_BENCH_REDDIT
/// Pushshift-style NDJSON: one submission per ~8 comments, comments spread
/// over the last ~100 submissions, bodies with entities and quotes.
const std::string& reddit_dump() {
    static const std::string nd = [] {
        std::mt19937 rng(7);
        std::string s;
        size_t goal = target_bytes();
        long n = 0, last_sub = 0;
        while (s.size() < goal) {
            ++n;
            bool sub = last_sub == 0 || rng() % 9 == 0;
            std::string id = std::to_string(n);
            id.insert(0, 1, 'k');
            s += "{\"author\":\"user" + std::to_string(rng() % 50000) + "\",\"author_flair_text\":null,";
            s += "\"created_utc\":" + std::to_string(1690000000 + n) + ",\"id\":\"" + id + "\",";
            s += "\"score\":" + std::to_string(rng() % 100) + ",\"subreddit\":\"running\",";
            s += "\"retrieved_on\":1690100000,\"gilded\":0,\"stickied\":false,\"edited\":false,";
            if (sub) {
                s += "\"title\":\"" + words(rng, 8) + "\",\"selftext\":\"" + words(rng, 80) + " &amp; " +
                     words(rng, 30) + "\",\"link_flair_text\":\"Injury\",\"permalink\":\"/r/running/comments/" +
                     id + "/x/\",\"num_comments\":8}\n";
                last_sub = n;
            } else {
                long link = std::max(1L, last_sub - static_cast<long>(rng() % 100) * 9);
                std::string body = rng() % 3 == 0 ? "&gt; " + words(rng, 10) + "\\n\\n" : "";
                body += words(rng, 60);
                s += "\"body\":\"" + body + "\",\"link_id\":\"t3_k" + std::to_string(link) +
                     "\",\"parent_id\":\"t3_k" + std::to_string(link) + "\"}\n";
            }
        }
        return s;
    }();
    return nd;
}

void BM_RedditNdjson(benchmark::State& state) {
    const std::string& nd = reddit_dump();
    int64_t posts = 0;
    for (auto _ : state) {
        fkb::dumps::MemoryInput mem(nd, "RC_bench.ndjson");
        fkb::sdk::Input in(mem.raw());
        fkb::dumps::RedditOptions o;
        o.store.cache_bytes = state.range(0) << 20;
        fkb::dumps::RedditParser p(in, o, [](const fkb::dumps::Reject&) {});
        fkb::sdk::Thread t;
        while (p.next(t)) posts += static_cast<int64_t>(t.posts.size());
    }
    state.SetBytesProcessed(static_cast<int64_t>(nd.size()) * state.iterations());
    state.counters["posts/s"] = benchmark::Counter(static_cast<double>(posts), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RedditNdjson)->Arg(256)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

bool write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout << path.string() << ": " << (bytes.size() >> 20) << " MB\n";
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--write") == 0) {
        std::filesystem::path dir = argv[2];
        bool ok = write_file(dir / "bench.stackexchange.com" / "Posts.xml", stackexchange_dump());
#ifdef FKB_BENCH_REDDIT
        ok = write_file(dir / "RC_bench.ndjson", reddit_dump()) && ok;
#endif
        return ok ? 0 : 1;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
