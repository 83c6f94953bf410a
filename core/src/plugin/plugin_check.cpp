// The runtime smoke checks behind `forumkb plugins check` (see
// forumkb/plugin_check.hpp). Each step calls the plugin exactly as the
// pipeline would, through the same host structures.
#include <forumkb/abi_convert.hpp>
#include <forumkb/pipeline/input_stream.hpp>
#include <forumkb/plugin_check.hpp>
#include <forumkb/plugin_host.hpp>

#include <cmath>

namespace fkb::plugin {
namespace {

std::optional<std::string> check_source(const Plugin& p) {
    const fkb_source_api* api = p.source();
    double c = api->sniff(fkb_str{"", 0}, fkb_str{"empty", 5});
    if (!(c >= 0.0 && c <= 1.0)) return "sniff of an empty head returned " + std::to_string(c) + ", not in [0, 1]";
    std::string error;
    auto values = OptionValues::validate(p, {}, &error);
    if (!values) return error;
    HostContext host(p.name());
    auto stream = pipeline::make_memory_stream("empty", "");
    void* state = nullptr;
    if (api->open(host.abi(), stream->abi(), values->data(), values->size(), &state) != FKB_OK)
        return "open on an empty input failed: " + host.take_error();
    struct Counts {
        int threads = 0;
    } counts;
    fkb_thread_sink sink{};
    sink.struct_size = sizeof(sink);
    sink.ctx = &counts;
    sink.emit_thread = [](void* ctx, const fkb_thread*) {
        ++static_cast<Counts*>(ctx)->threads;
        return FKB_OK;
    };
    sink.reject = [](void*, fkb_str, fkb_location, fkb_str) {};
    fkb_status s = api->next_thread(state, &sink);
    api->close(state);
    if (s == FKB_ERROR) return "next_thread on an empty input failed: " + host.take_error();
    if (s != FKB_END || counts.threads) return "next_thread on an empty input did not report the end (FKB_END)";
    return std::nullopt;
}

std::optional<std::string> check_extractor(const Plugin& p, const text::Analyzer& analyzer) {
    const fkb_extractor_api* api = p.extractor();
    std::string error;
    auto values = OptionValues::validate(p, {}, &error);
    if (!values) return error;
    HostContext host(p.name());
    void* state = nullptr;
    if (api->create(host.abi(), values->data(), values->size(), &state) != FKB_OK)
        return "create with default options failed: " + host.take_error();
    Thread t;
    t.source = "check";
    t.thread_id = "check-1";
    t.title = "knee pain after running";
    Post op;
    op.post_id = "p1";
    op.author = "runner1";
    op.text = "My knee hurts after long runs. I don't think it is my shoes.";
    Post reply;
    reply.post_id = "p2";
    reply.author = "coach2";
    reply.text = "As a running coach, I suggest you try strengthening your hips. It could be weak glutes.";
    t.posts = {op, reply};
    auto analysis = analyzer.analyze_thread(t);
    ThreadViewAbi view(t, analysis, "check");
    struct Collect {
        const Thread* t;
        const std::vector<text::PostAnalysis>* a;
        std::string error;
    } collect{&t, &analysis, {}};
    fkb_fact_sink sink{};
    sink.struct_size = sizeof(sink);
    sink.ctx = &collect;
    sink.emit = [](void* ctx, const fkb_fact* f) {
        auto* c = static_cast<Collect*>(ctx);
        try {
            (void)to_fact(*f, *c->t, c->a);
        } catch (const AbiError& e) {
            if (c->error.empty()) c->error = std::string("invalid fact: ") + e.what();
            return FKB_ERROR;
        }
        return FKB_OK;
    };
    fkb_status s = api->extract(state, view.get(), &sink);
    api->destroy(state);
    if (!collect.error.empty()) return "extract on a sample thread: " + collect.error;
    if (s != FKB_OK) return "extract on a sample thread failed: " + host.take_error();
    return std::nullopt;
}

}  // namespace

std::optional<std::string> check_plugin_runtime(const Plugin& plugin, const text::Analyzer& analyzer) {
    try {
        if (plugin.kind() == FKB_KIND_SOURCE) return check_source(plugin);
        return check_extractor(plugin, analyzer);
    } catch (const std::exception& e) {
        return std::string("an exception crossed the ABI: ") + e.what();
    } catch (...) {
        return std::string("an exception crossed the ABI");
    }
}

}  // namespace fkb::plugin
