// Throughput of the text analysis (normalization + sentences + tokens +
// scopes, i.e. Analyzer::analyze_post) over a large English forum text,
// plus its parts on their own and the quote finder over threads. The text
// (about 20 MB) is generated from the paragraphs in
// corpora/text/forum_paragraphs.txt, drawn at random with a fixed seed and
// varied (case, numbers, joined into posts of 1 to 4 paragraphs, some
// posts repeating an earlier one), so it is the same on every run.
// Run: build/bin/text_bench [--benchmark_filter=Analyze] ; the figure to
// report is bytes_per_second of BM_AnalyzePosts (one thread).
// FKB_TEXT_BENCH_MB=N sets the size of the text in MB (default 20).
// Instructions per byte: FKB_TEXT_BENCH_MB=1 FKB_TEXT_BENCH_ITERS=1
// valgrind --tool=callgrind --toggle-collect='fkb::text::Analyzer::analyze_post*'
// build/bin/text_bench --benchmark_filter=AnalyzePosts, Ir / 1e6.
#include <forumkb/text/analyzer.hpp>
#include <forumkb/text/normalizer.hpp>
#include <forumkb/text/sentence_splitter.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace {

std::vector<std::string> paragraphs() {
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

/// One variation of a paragraph: numbers changed, sometimes lower-cased
/// (forum style) or with a sentence shouted.
std::string vary(std::string p, std::mt19937& rng) {
    for (char& c : p)
        if (c >= '1' && c <= '9' && rng() % 3 == 0) c = static_cast<char>('1' + rng() % 9);
    switch (rng() % 6) {
        case 0:
            for (char& c : p)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            break;
        case 1: {
            size_t e = p.find('.');
            for (size_t i = 0; i < e && i < p.size(); ++i)
                if (p[i] >= 'a' && p[i] <= 'z') p[i] = static_cast<char>(p[i] - 32);
            break;
        }
        default:
            break;
    }
    return p;
}

const std::vector<std::string>& posts() {
    static const std::vector<std::string> all = [] {
        auto paras = paragraphs();
        std::mt19937 rng(20240611);
        std::vector<std::string> out;
        size_t total = 0;
        const char* mb = std::getenv("FKB_TEXT_BENCH_MB");  // smaller runs for callgrind
        const size_t target = (mb ? std::strtoul(mb, nullptr, 10) : 20u) * 1000 * 1000;
        while (total < target) {
            std::string post;
            if (!out.empty() && rng() % 10 == 0) post = out[out.size() - 1 - rng() % std::min<size_t>(out.size(), 5)] + "\n\nI agree with this.";
            else {
                size_t k = 1 + rng() % 4;
                for (size_t i = 0; i < k; ++i) {
                    if (i) post += "\n\n";
                    post += vary(paras[rng() % paras.size()], rng);
                }
            }
            total += post.size();
            out.push_back(std::move(post));
        }
        return out;
    }();
    return all;
}

size_t total_bytes() {
    size_t n = 0;
    for (const auto& p : posts()) n += p.size();
    return n;
}

void BM_AnalyzePosts(benchmark::State& state) {
    fkb::text::Analyzer a;
    const auto& ps = posts();
    for (auto _ : state) {
        size_t scopes = 0;
        for (const auto& p : ps) scopes += a.analyze_post(p).scopes.size();
        benchmark::DoNotOptimize(scopes);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
    state.counters["posts/s"] = benchmark::Counter(static_cast<double>(ps.size()), benchmark::Counter::kIsIterationInvariantRate);
}
/// FKB_TEXT_BENCH_ITERS=N runs exactly N iterations (for callgrind, where
/// instructions per byte are then exact); otherwise at least 2 s.
void timing(benchmark::internal::Benchmark* b) {
    const char* it = std::getenv("FKB_TEXT_BENCH_ITERS");
    if (it) b->Iterations(static_cast<benchmark::IterationCount>(std::strtoul(it, nullptr, 10)));
    else b->MinTime(2.0);
}
BENCHMARK(BM_AnalyzePosts)->Unit(benchmark::kMillisecond)->Apply(timing);

void BM_Normalize(benchmark::State& state) {
    fkb::text::Normalizer n;
    fkb::text::NormalizedText out;
    for (auto _ : state) {
        for (const auto& p : posts()) n.normalize(p, false, out);
        benchmark::DoNotOptimize(out.text.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_Sentences(benchmark::State& state) {
    fkb::text::SentenceSplitter s;
    std::vector<fkb_span> out;
    for (auto _ : state) {
        for (const auto& p : posts()) s.split(p, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_Sentences)->Unit(benchmark::kMillisecond);

void BM_AnalyzeThreadsWithQuotes(benchmark::State& state) {
    fkb::text::Analyzer a;
    std::vector<fkb::Thread> threads;
    size_t bytes = 0;
    const auto& ps = posts();
    for (size_t i = 0; i < ps.size() / 4; i += 12) {
        fkb::Thread t;
        for (size_t k = i; k < i + 12 && k < ps.size(); ++k) {
            fkb::Post p;
            p.text = ps[k];
            bytes += p.text.size();
            t.posts.push_back(std::move(p));
        }
        threads.push_back(std::move(t));
    }
    for (auto _ : state) {
        size_t q = 0;
        for (const auto& t : threads)
            for (const auto& pa : a.analyze_thread(t)) q += pa.quoted.size();
        benchmark::DoNotOptimize(q);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_AnalyzeThreadsWithQuotes)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
