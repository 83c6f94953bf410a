// Throughput of the credibility extractor alone: the text analysis is done
// before timing, so the figures are the extractor's own cost. Two inputs:
//
//  - BM_CredForumThreads: threads of 8 posts drawn from the forum paragraphs
//    of corpora/text/forum_paragraphs.txt (posts mostly not about their
//    author, like real answers) with one in four posts carrying a sentence
//    of the credibility corpus, and every author carrying platform signals.
//    FKB_CRED_BENCH_MB=N sets the size in MB of post text (default 4).
//  - BM_CredThreadsFile: the threads of a thread JSON-lines file, e.g. from
//    tests/bench/gen_threads.py, when FKB_CRED_BENCH_INPUT names one.
//
// Both report MB/s and posts/s of post text, facts per post and the peak
// RSS of the process; the file benchmark also MB/s of the input file. The
// budget (docs/credibility.md) is >= 80 MB/s of input on one core, i.e.
// <= 12 ms per input MB.
//
// Exact instruction counts: FKB_CRED_BENCH_ITERS=1 valgrind --tool=callgrind
// --toggle-collect='fkb::cred::CredibilityExtractor::extract*'
// build/bin/cred_bench --benchmark_filter=ThreadsFile; Ir / input MB.
#include "../plugins/cred_support.hpp"

#include <forumkb/thread_json.hpp>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>

namespace {

using namespace fkb::cred::testing;

std::vector<std::string> corpus_sentences() {
    std::ifstream in(std::string(FORUMKB_SOURCE_DIR) + "/corpora/credibility/sentences.tsv", std::ios::binary);
    std::vector<std::string> out;
    std::string l;
    while (std::getline(in, l))
        if (!l.empty() && l[0] != '#' && l.find('\t') != std::string::npos) out.push_back(l.substr(l.find('\t') + 1));
    return out;
}

std::vector<std::string> forum_paragraphs() {
    std::ifstream f(FORUMKB_SOURCE_DIR "/corpora/text/forum_paragraphs.txt");
    if (!f) throw std::runtime_error("forumkb: corpora/text/forum_paragraphs.txt: cannot open");
    std::vector<std::string> out;
    std::string line, cur;
    while (std::getline(f, line)) {
        if (!line.empty() && line[0] == '#') continue;
        if (line == "%%") {
            out.push_back(cur);
            cur.clear();
            continue;
        }
        if (!cur.empty()) cur.push_back('\n');
        cur += line;
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

/// Analyzed threads and their size, built once per benchmark.
struct Input {
    std::vector<std::unique_ptr<ThreadFixture>> threads;
    size_t bytes = 0, posts = 0;  ///< post text, posts
    size_t file_bytes = 0;        ///< the input file, when read from one

    void add(fkb::Thread t) {
        for (const auto& p : t.posts) bytes += p.text.size();
        posts += t.posts.size();
        threads.push_back(std::make_unique<ThreadFixture>(std::move(t)));
    }
};

size_t env_size(const char* name, size_t fallback) {
    const char* v = std::getenv(name);
    return v ? std::strtoul(v, nullptr, 10) : fallback;
}

const Input& forum_input() {
    static const Input in = [] {
        Input x;
        auto paras = forum_paragraphs();
        auto cues = corpus_sentences();
        std::mt19937 rng(20240611);
        const size_t target = env_size("FKB_CRED_BENCH_MB", 4) * 1000 * 1000;
        for (size_t t = 0; x.bytes < target; ++t) {
            std::vector<fkb::Post> posts;
            for (int p = 0; p < 8; ++p) {
                std::string text;
                size_t k = 1 + rng() % 3;
                for (size_t i = 0; i < k; ++i) text += (i ? "\n\n" : "") + paras[rng() % paras.size()];
                if (rng() % 4 == 0) text += " " + cues[rng() % cues.size()];
                auto po = post(std::to_string(p), "user" + std::to_string(rng() % 40), text);
                po.level = static_cast<int64_t>(rng() % 8);
                po.post_count = static_cast<int64_t>(rng() % 5000);
                po.role = rng() % 10 == 0 ? "Moderator" : "Member";
                po.likes = static_cast<int64_t>(rng() % 6);
                posts.push_back(std::move(po));
            }
            auto th = thread(t % 2 ? "vanilla" : "yahoo_answers", std::move(posts));
            th.thread_id = "t" + std::to_string(t);
            x.add(std::move(th));
        }
        return x;
    }();
    return in;
}

const Input& file_input() {
    static const Input in = [] {
        Input x;
        const char* path = std::getenv("FKB_CRED_BENCH_INPUT");
        if (!path) return x;
        std::ifstream f(path, std::ios::binary);
        if (!f) throw std::runtime_error(std::string("forumkb: ") + path + ": cannot open");
        fkb::ThreadJsonReader reader;
        std::string line;
        while (std::getline(f, line)) {
            x.file_bytes += line.size() + 1;
            if (!line.empty()) x.add(reader.parse(line));
        }
        return x;
    }();
    return in;
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void run(benchmark::State& state, const Input& in) {
    if (in.threads.empty()) {
        state.SkipWithError("set FKB_CRED_BENCH_INPUT to a thread JSON-lines file");
        return;
    }
    const auto& x = extractor();
    size_t facts = 0;
    for (auto _ : state) {
        for (const auto& t : in.threads) {
            auto f = x.extract(t->view());
            facts += f.size();
            benchmark::DoNotOptimize(f);
        }
    }
    const auto iters = static_cast<double>(state.iterations());
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.bytes));
    state.counters["posts/s"] = benchmark::Counter(static_cast<double>(in.posts), benchmark::Counter::kIsIterationInvariantRate);
    if (in.file_bytes)
        state.counters["file_MB/s"] = benchmark::Counter(static_cast<double>(in.file_bytes) / 1e6,
                                                         benchmark::Counter::kIsIterationInvariantRate);
    state.counters["facts/post"] = static_cast<double>(facts) / iters / static_cast<double>(in.posts);
    state.counters["input_MB"] = static_cast<double>(in.bytes) / 1e6;
    state.counters["peak_RSS_MB"] = peak_rss_mb();
}

void BM_CredForumThreads(benchmark::State& state) { run(state, forum_input()); }
void BM_CredThreadsFile(benchmark::State& state) { run(state, file_input()); }

/// FKB_CRED_BENCH_ITERS=N runs exactly N iterations (for callgrind).
void timing(benchmark::internal::Benchmark* b) {
    if (const char* it = std::getenv("FKB_CRED_BENCH_ITERS"))
        b->Iterations(static_cast<benchmark::IterationCount>(std::strtoul(it, nullptr, 10)));
    else
        b->MinTime(2.0);
}
BENCHMARK(BM_CredForumThreads)->Unit(benchmark::kMillisecond)->Apply(timing);
BENCHMARK(BM_CredThreadsFile)->Unit(benchmark::kMillisecond)->Apply(timing);

}  // namespace

BENCHMARK_MAIN();
