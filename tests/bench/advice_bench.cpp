// Throughput of extraction as issue 5 measures it: text analysis (the
// host's Analyzer over a whole thread, quotes included) plus the advice
// extractor, on one core, in MB of post text per second; and the advice
// extractor alone over threads analyzed beforehand, to show its share.
//
// Input: the thread JSON-lines file named by FKB_ADVICE_BENCH_INPUT (for
// instance `python3 tests/bench/gen_threads.py --mb 20 -o X.jsonl`, or any
// real dump turned into threads with `forumkb parse`), else the threads of
// corpora/advice and corpora/jsonl repeated, with their numbers varied, to
// FKB_ADVICE_BENCH_MB megabytes (default 10).
//
// Run: build/bin/advice_bench ; the figure to report is bytes_per_second of
// BM_AnalyzeAndExtract. FKB_ADVICE_BENCH_ITERS=N runs exactly N iterations
// (for callgrind; the text_bytes counter is what to divide its instruction
// count by).
#include <forumkb/abi_convert.hpp>
#include <forumkb/text/analyzer.hpp>
#include <forumkb/thread_json.hpp>

#include "advice_extractor.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::vector<fkb::Thread> read_threads(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("forumkb: " + file.string() + ": cannot open");
    fkb::ThreadJsonReader reader;
    std::vector<fkb::Thread> out;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && line[0] == '{') out.push_back(reader.parse(line));
    return out;
}

struct Corpus {
    std::vector<fkb::Thread> threads;
    size_t bytes = 0, posts = 0;
};

const Corpus& corpus() {
    static const Corpus c = [] {
        Corpus out;
        if (const char* input = std::getenv("FKB_ADVICE_BENCH_INPUT")) {
            out.threads = read_threads(input);
        } else {
            std::vector<fkb::Thread> base;
            for (const char* dir : {"corpora/advice", "corpora/jsonl"})
                for (const auto& e : fs::directory_iterator(fs::path(FORUMKB_SOURCE_DIR) / dir))
                    if (e.path().extension() == ".jsonl")
                        for (auto& t : read_threads(e.path())) base.push_back(std::move(t));
            const char* mb = std::getenv("FKB_ADVICE_BENCH_MB");
            const size_t target = (mb ? std::strtoul(mb, nullptr, 10) : 10u) * 1000 * 1000;
            std::mt19937 rng(20261201);
            size_t total = 0;
            while (total < target && !base.empty()) {
                fkb::Thread t = base[rng() % base.size()];
                for (auto& p : t.posts) {
                    for (char& ch : p.text)
                        if (ch >= '1' && ch <= '9' && rng() % 3 == 0) ch = static_cast<char>('1' + rng() % 9);
                    total += p.text.size();
                }
                out.threads.push_back(std::move(t));
            }
        }
        for (const auto& t : out.threads)
            for (const auto& p : t.posts) {
                out.bytes += p.text.size();
                ++out.posts;
            }
        return out;
    }();
    return c;
}

void timing(benchmark::internal::Benchmark* b) {
    if (const char* it = std::getenv("FKB_ADVICE_BENCH_ITERS"))
        b->Iterations(static_cast<benchmark::IterationCount>(std::strtoul(it, nullptr, 10)));
    else
        b->MinTime(2.0);
}

void report(benchmark::State& state, size_t facts) {
    const Corpus& c = corpus();
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
    state.counters["posts/s"] =
        benchmark::Counter(static_cast<double>(c.posts), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["facts/thread"] = static_cast<double>(facts) / static_cast<double>(std::max<size_t>(1, c.threads.size()));
    // Bytes of post text per iteration: callgrind's instruction count divided by this is instructions per byte.
    state.counters["text_bytes"] = static_cast<double>(c.bytes);
}

/// Text analysis + advice extraction, thread by thread, as a pipeline worker does it.
void BM_AnalyzeAndExtract(benchmark::State& state) {
    const Corpus& c = corpus();
    fkb::text::Analyzer analyzer;
    fkb::advice::AdviceExtractor extractor;
    size_t facts = 0;
    for (auto _ : state) {
        facts = 0;
        for (const auto& t : c.threads) {
            auto analysis = analyzer.analyze_thread(t);
            fkb::plugin::ThreadViewAbi view(t, analysis, "bench.jsonl");
            facts += extractor.extract(*view.get()).size();
        }
    }
    report(state, facts);
}
BENCHMARK(BM_AnalyzeAndExtract)->Unit(benchmark::kMillisecond)->Apply(timing);

/// The advice extractor alone, over threads analyzed before the timing.
void BM_ExtractOnly(benchmark::State& state) {
    const Corpus& c = corpus();
    fkb::text::Analyzer analyzer;
    fkb::advice::AdviceExtractor extractor;
    std::vector<std::vector<fkb::text::PostAnalysis>> analyses;
    analyses.reserve(c.threads.size());
    for (const auto& t : c.threads) analyses.push_back(analyzer.analyze_thread(t));
    std::vector<std::unique_ptr<fkb::plugin::ThreadViewAbi>> views;
    for (size_t i = 0; i < c.threads.size(); ++i)
        views.push_back(std::make_unique<fkb::plugin::ThreadViewAbi>(c.threads[i], analyses[i], "bench.jsonl"));
    size_t facts = 0;
    for (auto _ : state) {
        facts = 0;
        for (const auto& v : views) facts += extractor.extract(*v->get()).size();
    }
    report(state, facts);
}
BENCHMARK(BM_ExtractOnly)->Unit(benchmark::kMillisecond)->Apply(timing);

}  // namespace

BENCHMARK_MAIN();
