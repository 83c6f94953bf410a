// Loader tests over deliberately broken modules (tests/plugins/broken/):
// each is refused with the exact one-line reason, naming the file, in the
// order the loader checks; a duplicate name is refused by the registry; a
// plugin that throws is reported by name and the run goes on without it or
// stops, as asked.
#include <forumkb/pipeline/pipeline.hpp>
#include <forumkb/plugin_loader.hpp>
#include <forumkb/plugin_registry.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <string>

namespace {

using fkb::plugin::load_plugin;

std::string broken(const std::string& name) { return std::string(FORUMKB_BROKEN_PLUGIN_DIR) + "/broken_" + name + ".so"; }
std::string builtin(const std::string& name) { return std::string(FORUMKB_PLUGIN_DIR) + "/" + name + ".so"; }

std::string reason_of(const std::string& name) {
    auto r = load_plugin(broken(name));
    EXPECT_FALSE(r.ok()) << name << " loaded";
    if (r.ok()) return {};
    EXPECT_EQ(r.error->file, broken(name));
    EXPECT_EQ(r.error->message(), broken(name) + ": " + r.error->reason);
    return r.error->reason;
}

TEST(LoaderBroken, MissingFile) {
    auto r = load_plugin("/nonexistent/dir/x.so");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->reason.rfind("cannot load: ", 0), 0u) << r.error->reason;
}

TEST(LoaderBroken, NoEntrySymbol) { EXPECT_EQ(reason_of("no_entry"), "no entry symbol fkb_plugin_entry"); }

TEST(LoaderBroken, EntryReturnsNull) { EXPECT_EQ(reason_of("null_entry"), "fkb_plugin_entry returned NULL"); }

TEST(LoaderBroken, AbiMajorMismatch) {
    EXPECT_EQ(reason_of("abi_major"), "built for ABI 2.0, host speaks ABI 1.0 (major differs)");
}

TEST(LoaderBroken, AbiMinorNewer) {
    EXPECT_EQ(reason_of("abi_minor"), "built for ABI 1.1, host speaks ABI 1.0 (minor is newer)");
}

TEST(LoaderBroken, StructSizeTooSmall) {
    const std::size_t v10 = offsetof(fkb_plugin_descriptor, reserved) + sizeof(void* [8]);
    EXPECT_EQ(reason_of("struct_size"), "descriptor struct_size 16 is smaller than ABI 1.0's " + std::to_string(v10));
}

TEST(LoaderBroken, MissingName) { EXPECT_EQ(reason_of("no_name"), "descriptor has no name"); }

TEST(LoaderBroken, NullRequiredFunction) {
    EXPECT_EQ(reason_of("null_function"), "source api function next_thread is NULL");
}

TEST(LoaderBroken, UnknownKind) { EXPECT_EQ(reason_of("unknown_kind"), "unknown plugin kind 7"); }

TEST(LoaderBroken, DuplicateNameRefusedByRegistry) {
    fkb::plugin::PluginRegistry registry;
    auto first = registry.load_file(builtin("source_jsonl"));
    ASSERT_TRUE(first.ok()) << first.error->message();
    auto dup = registry.load_file(broken("duplicate"));
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error->message(), broken("duplicate") + ": plugin name 'source_jsonl' is already taken by " +
                                        builtin("source_jsonl"));
    // The same file again is not a duplicate: it is the plugin already loaded.
    auto again = registry.load_file(builtin("source_jsonl"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.plugin, first.plugin);
    EXPECT_EQ(registry.all().size(), 1u);
}

TEST(LoaderBroken, DirectoryLoadReportsEachBrokenModuleAndKeepsTheGoodOnes) {
    fkb::plugin::PluginRegistry registry;
    auto errors = registry.load_dirs({FORUMKB_PLUGIN_DIR, FORUMKB_BROKEN_PLUGIN_DIR});
    // no_entry, null_entry, abi_major, abi_minor, struct_size, no_name,
    // null_function, unknown_kind, duplicate: refused; options and throws load.
    EXPECT_EQ(errors.size(), 9u);
    EXPECT_NE(registry.find("broken_options"), nullptr);
    EXPECT_NE(registry.find("broken_throws"), nullptr);
    EXPECT_NE(registry.find("source_jsonl"), nullptr);
    for (const auto& e : errors) EXPECT_EQ(e.file.rfind(FORUMKB_BROKEN_PLUGIN_DIR, 0), 0u) << e.message();
}

TEST(LoaderBroken, MissingUserDirectoryIsReported) {
    fkb::plugin::PluginRegistry registry;
    auto errors = registry.load_dirs({"/nonexistent/plugins"});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].message(), "/nonexistent/plugins: not a directory");
}

// ---------------------------------------------------------------- throws

struct Collect final : fkb::pipeline::PipelineSink {
    std::vector<std::string> ids, messages;
    bool thread(const fkb::pipeline::InputInfo&, std::string_view, const fkb::Thread& t,
                const std::vector<fkb::FactRecord>&) override {
        ids.push_back(t.thread_id);
        return true;
    }
    void diagnostic(std::string_view m) override { messages.emplace_back(m); }
};

std::string two_threads() {
    return R"({"source":"t","thread_id":"a","title":"boom here","posts":[{"post_id":"1","text":"My knee hurts."}]})"
           "\n"
           R"({"source":"t","thread_id":"b","title":"calm","posts":[{"post_id":"1","text":"My knee hurts."}]})"
           "\n";
}

fkb::pipeline::PipelineReport run_throws(fkb::pipeline::OnPluginError mode, Collect& sink,
                                         std::vector<fkb::plugin::OptionSetting> options = {}) {
    fkb::plugin::PluginRegistry registry;
    EXPECT_TRUE(registry.load_file(builtin("source_jsonl")).ok());
    EXPECT_TRUE(registry.load_file(broken("throws")).ok());
    fkb::text::Analyzer analyzer;
    fkb::pipeline::PipelineOptions o;
    o.on_plugin_error = mode;
    o.plugin_options = std::move(options);
    fkb::pipeline::Pipeline p(registry, &analyzer, o);
    // One input file per test: ctest runs these tests as parallel processes.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string path = std::string(FORUMKB_BINARY_DIR) + "/loader_throws_" + (info ? info->name() : "input") + ".jsonl";
    FILE* f = std::fopen(path.c_str(), "w");
    std::string body = two_threads();
    std::fwrite(body.data(), 1, body.size(), f);
    std::fclose(f);
    return p.run({fkb::pipeline::InputRef{path, static_cast<int64_t>(body.size())}}, sink);
}

TEST(LoaderThrows, ReportedByNameAndSkipped) {
    Collect sink;
    auto report = run_throws(fkb::pipeline::OnPluginError::kSkip, sink);
    EXPECT_EQ(report.plugin_errors, 1u);
    ASSERT_EQ(sink.messages.size(), 1u);
    EXPECT_NE(sink.messages[0].find("broken_throws: failed on thread 'a': boom: this plugin always fails here"),
              std::string::npos)
        << sink.messages[0];
    EXPECT_EQ(sink.ids, (std::vector<std::string>{"a", "b"}));  // the run went on
    EXPECT_FALSE(report.stopped);
}

TEST(LoaderThrows, StopEndsTheRun) {
    Collect sink;
    auto report = run_throws(fkb::pipeline::OnPluginError::kStop, sink);
    EXPECT_EQ(report.plugin_errors, 1u);
    EXPECT_TRUE(report.stopped);
    EXPECT_LE(sink.ids.size(), 1u);
}

TEST(LoaderThrows, InvalidFactIsTheExtractorsError) {
    Collect sink;
    auto report = run_throws(fkb::pipeline::OnPluginError::kSkip, sink, {{"broken_throws", "bad_fact", "true"}});
    EXPECT_EQ(report.plugin_errors, 1u);
    ASSERT_EQ(sink.messages.size(), 1u);
    EXPECT_NE(sink.messages[0].find("broken_throws: failed on thread 'a': invalid fact: symptom fact: evidence end 24 "
                                    "is past the end of post 0 (14 bytes)"),
              std::string::npos)
        << sink.messages[0];
    EXPECT_EQ(report.facts, 0u);
}

}  // namespace
