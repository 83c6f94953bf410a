// Conformance suite over every plugin module in the built-in plugin
// directory (whatever this tree builds): descriptor sanity, the runtime
// smoke check of `forumkb plugins check`, deterministic output on the
// inputs of corpora/ a source claims, emit-abort honoured by sources and
// extractors, and extractors deterministic whatever the number of workers.
#include <forumkb/abi_convert.hpp>
#include <forumkb/fact_json.hpp>
#include <forumkb/pipeline/input_stream.hpp>
#include <forumkb/pipeline/pipeline.hpp>
#include <forumkb/plugin_check.hpp>
#include <forumkb/plugin_host.hpp>
#include <forumkb/plugin_registry.hpp>
#include <forumkb/thread_json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

using PluginPtr = std::shared_ptr<const fkb::plugin::Plugin>;

std::vector<std::string> module_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(FORUMKB_PLUGIN_DIR))
        if (e.path().extension() == ".so") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<PluginPtr> all_plugins() {
    std::vector<PluginPtr> out;
    for (const auto& f : module_files()) {
        auto r = fkb::plugin::load_plugin(f);
        EXPECT_TRUE(r.ok()) << (r.error ? r.error->message() : "");
        if (r.ok()) out.push_back(r.plugin);
    }
    return out;
}

std::vector<std::string> corpus_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(std::string(FORUMKB_SOURCE_DIR) + "/corpora"))
        // Hidden files (corpora/.forumkbignore) are not inputs: the walker skips them too.
        if (e.is_regular_file() && e.path().filename().string()[0] != '.') out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string head_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(fkb::pipeline::kSniffBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

// Everything a run delivers, serialized, so two runs compare as strings.
struct Recorder final : fkb::pipeline::PipelineSink {
    std::string out;
    std::size_t threads = 0;
    bool thread(const fkb::pipeline::InputInfo&, std::string_view source_file, const fkb::Thread& t,
                const std::vector<fkb::FactRecord>& facts) override {
        ++threads;
        fkb::append_thread_records(out, source_file, t, facts);
        return true;
    }
    void reject(const fkb::pipeline::InputInfo&, const fkb::pipeline::Reject& r) override {
        out += "reject " + r.file + ":" + std::to_string(r.line) + ": " + r.reason + "\n";
    }
    void diagnostic(std::string_view m) override {
        out += "diagnostic ";
        out.append(m);
        out += '\n';
    }
};

TEST(Conformance, EveryModuleLoadsWithASaneDescriptor) {
    auto files = module_files();
    ASSERT_FALSE(files.empty()) << "no plugins built in " << FORUMKB_PLUGIN_DIR;
    fkb::plugin::PluginRegistry registry;
    for (const auto& f : files) {
        SCOPED_TRACE(f);
        auto r = registry.load_file(f);
        ASSERT_TRUE(r.ok()) << r.error->message();
        const auto& p = *r.plugin;
        EXPECT_EQ(p.name(), fs::path(f).stem().string()) << "module file and plugin name differ";
        EXPECT_EQ(p.name().rfind(p.kind() == FKB_KIND_SOURCE ? "source_" : "extractor_", 0), 0u)
            << "name is not <kind>_<name>";
        EXPECT_FALSE(p.description().empty());
        EXPECT_NE(p.version().find('.'), std::string::npos) << "version " << p.version();
        EXPECT_EQ(p.abi_major(), FKB_ABI_MAJOR);
        for (const auto& o : p.options()) EXPECT_FALSE(o.help.empty()) << "option " << o.name << " has no help";
        for (auto* slot : p.descriptor().reserved) EXPECT_EQ(slot, nullptr) << "reserved space is not zero";
    }
}

TEST(Conformance, EveryPluginPassesTheRuntimeCheck) {
    fkb::text::Analyzer analyzer;
    for (const auto& p : all_plugins()) {
        SCOPED_TRACE(p->name());
        auto bad = fkb::plugin::check_plugin_runtime(*p, analyzer);
        EXPECT_FALSE(bad.has_value()) << *bad;
    }
}

TEST(Conformance, SourcesSniffWithinRangeAndReadDeterministically) {
    auto corpus = corpus_files();
    auto plugins = all_plugins();
    std::vector<PluginPtr> sources;
    for (const auto& p : plugins)
        if (p->kind() == FKB_KIND_SOURCE) sources.push_back(p);
    std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) { return a->name() < b->name(); });
    for (const auto& p : plugins) {
        if (p->kind() != FKB_KIND_SOURCE) continue;
        SCOPED_TRACE(p->name());
        fkb::plugin::PluginRegistry registry;
        ASSERT_FALSE(registry.add(p));
        fkb::pipeline::PipelineOptions o;
        o.run_extractors = false;
        o.forced_source = p->name();
        fkb::pipeline::Pipeline pipe(registry, nullptr, o);
        for (const auto& file : corpus) {
            SCOPED_TRACE(file);
            std::string head = head_of(file);
            std::string name = fs::path(file).filename().string();
            double c = p->source()->sniff(fkb_str{head.data(), head.size()}, fkb_str{name.data(), name.size()});
            ASSERT_TRUE(c >= 0.0 && c <= 1.0) << "sniff returned " << c;
            // Read the inputs a run would route to this plugin.
            if (fkb::pipeline::select_source(sources, head, name) != p) continue;
            Recorder a, b;
            std::vector<fkb::pipeline::InputRef> in{{file, static_cast<int64_t>(fs::file_size(file))}};
            auto ra = pipe.run(in, a);
            auto rb = pipe.run(in, b);
            EXPECT_EQ(ra.threads, rb.threads);
            EXPECT_EQ(a.out, b.out) << "two reads of the same input differ";
            EXPECT_EQ(ra.plugin_errors, 0u) << a.out;
        }
    }
}

TEST(Conformance, SourcesHonourEmitAbort) {
    auto corpus = corpus_files();
    for (const auto& p : all_plugins()) {
        if (p->kind() != FKB_KIND_SOURCE) continue;
        SCOPED_TRACE(p->name());
        for (const auto& file : corpus) {
            std::string head = head_of(file);
            std::string name = fs::path(file).filename().string();
            if (p->source()->sniff(fkb_str{head.data(), head.size()}, fkb_str{name.data(), name.size()}) < 0.9)
                continue;
            SCOPED_TRACE(file);
            auto stream = fkb::pipeline::open_file_stream(file);
            fkb::plugin::HostContext host(p->name());
            std::string error;
            auto values = fkb::plugin::OptionValues::validate(*p, {}, &error);
            ASSERT_TRUE(values) << error;
            void* state = nullptr;
            ASSERT_EQ(p->source()->open(host.abi(), stream->abi(), values->data(), values->size(), &state), FKB_OK)
                << host.error();
            struct Count {
                int emitted = 0;
            } count;
            fkb_thread_sink sink{sizeof(fkb_thread_sink), &count,
                                 [](void* ctx, const fkb_thread*) {
                                     ++static_cast<Count*>(ctx)->emitted;
                                     return FKB_ABORT;
                                 },
                                 [](void*, fkb_str, fkb_location, fkb_str) {}};
            fkb_status s = FKB_OK;
            for (int calls = 0; calls < 1000 && count.emitted == 0 && s == FKB_OK; ++calls)
                s = p->source()->next_thread(state, &sink);
            p->source()->close(state);
            if (count.emitted == 0) continue;  // an input without threads
            EXPECT_EQ(count.emitted, 1) << "the plugin emitted after FKB_ABORT";
            EXPECT_EQ(s, FKB_END) << "next_thread did not return FKB_END after FKB_ABORT";
            break;  // one claimed input with threads is enough
        }
    }
}

// Threads of the canonical samples, as extractors see them.
std::vector<fkb::Thread> sample_threads() {
    std::vector<fkb::Thread> out;
    fkb::ThreadJsonReader reader;
    std::ifstream in(std::string(FORUMKB_SOURCE_DIR) + "/corpora/jsonl/running_pain.jsonl");
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(reader.parse(line));
    return out;
}

TEST(Conformance, ExtractorsAreDeterministicWhateverTheWorkers) {
    auto plugins = all_plugins();
    auto jsonl = std::find_if(plugins.begin(), plugins.end(), [](const auto& p) { return p->name() == "source_jsonl"; });
    ASSERT_NE(jsonl, plugins.end());
    fkb::text::Analyzer analyzer;
    std::string sample = std::string(FORUMKB_SOURCE_DIR) + "/corpora/jsonl/running_pain.jsonl";
    std::vector<fkb::pipeline::InputRef> in{{sample, static_cast<int64_t>(fs::file_size(sample))},
                                            {sample, static_cast<int64_t>(fs::file_size(sample))}};
    for (const auto& p : plugins) {
        if (p->kind() != FKB_KIND_EXTRACTOR) continue;
        SCOPED_TRACE(p->name());
        fkb::plugin::PluginRegistry registry;
        ASSERT_FALSE(registry.add(*jsonl));
        ASSERT_FALSE(registry.add(p));
        std::string outs[2];
        for (unsigned jobs : {1u, 3u}) {
            fkb::pipeline::PipelineOptions o;
            o.jobs = jobs;
            fkb::pipeline::Pipeline pipe(registry, &analyzer, o);
            Recorder r;
            auto report = pipe.run(in, r);
            EXPECT_EQ(report.plugin_errors, 0u) << r.out;
            outs[jobs == 1 ? 0 : 1] = r.out;
        }
        EXPECT_EQ(outs[0], outs[1]) << "-j 1 and -j 3 differ";
    }
}

TEST(Conformance, ExtractorsHonourEmitAbort) {
    fkb::text::Analyzer analyzer;
    auto threads = sample_threads();
    for (const auto& p : all_plugins()) {
        if (p->kind() != FKB_KIND_EXTRACTOR) continue;
        SCOPED_TRACE(p->name());
        fkb::plugin::HostContext host(p->name());
        std::string error;
        auto values = fkb::plugin::OptionValues::validate(*p, {}, &error);
        ASSERT_TRUE(values) << error;
        void* state = nullptr;
        ASSERT_EQ(p->extractor()->create(host.abi(), values->data(), values->size(), &state), FKB_OK) << host.error();
        for (const auto& t : threads) {
            auto analysis = analyzer.analyze_thread(t);
            fkb::plugin::ThreadViewAbi view(t, analysis, "conformance");
            struct Count {
                int emitted = 0;
            } count;
            fkb_fact_sink sink{sizeof(fkb_fact_sink), &count, [](void* ctx, const fkb_fact*) {
                                   ++static_cast<Count*>(ctx)->emitted;
                                   return FKB_ABORT;
                               }};
            fkb_status s = p->extractor()->extract(state, view.get(), &sink);
            EXPECT_EQ(s, FKB_OK) << "extract after FKB_ABORT returned " << s << ": " << host.error();
            EXPECT_LE(count.emitted, 1) << "the plugin emitted after FKB_ABORT on thread " << t.thread_id;
        }
        p->extractor()->destroy(state);
    }
}

}  // namespace
