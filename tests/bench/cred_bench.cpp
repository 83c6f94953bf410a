// Throughput of the credibility extractor alone (the text analysis is done
// before timing): threads of 20 posts made of the credibility corpus's
// sentences, reported as posts/s and MB/s of post text.
#include "../plugins/cred_support.hpp"

#include <benchmark/benchmark.h>

#include <fstream>

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

void BM_CredExtract(benchmark::State& state) {
    auto sentences = corpus_sentences();
    std::vector<fkb::Post> posts;
    size_t k = 0, bytes = 0;
    for (int p = 0; p < 20; ++p) {
        std::string text;
        // A typical answer: a few hundred bytes, most of it not about the author.
        for (int s = 0; s < 8; ++s) {
            text += (s % 3 == 0 ? sentences[k++ % sentences.size()] : "Try easing back in and keep the pace easy for a while.");
            text += ' ';
        }
        bytes += text.size();
        auto po = post("p" + std::to_string(p), "author" + std::to_string(p % 7), text);
        po.level = p % 8;
        po.likes = p;
        posts.push_back(po);
    }
    ThreadFixture fx(thread("yahoo_answers", posts));
    const auto& x = extractor();
    size_t facts = 0;
    for (auto _ : state) {
        auto f = x.extract(fx.view());
        facts += f.size();
        benchmark::DoNotOptimize(f);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 20);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
    state.counters["facts/thread"] = static_cast<double>(facts) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_CredExtract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
