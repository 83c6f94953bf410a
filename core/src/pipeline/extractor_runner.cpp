// The worker stage of the pipeline (see extractor_runner.hpp).
#include "extractor_runner.hpp"

#include <forumkb/abi_convert.hpp>
#include <forumkb/plugin_host.hpp>

#include <tbb/enumerable_thread_specific.h>

namespace fkb::pipeline::detail {

namespace {

struct Instance {
    const plugin::Plugin* plugin = nullptr;
    std::unique_ptr<plugin::HostContext> host;
    void* state = nullptr;
    bool tried = false;  // create() was called
    bool live = false;   // create() succeeded; destroy() is owed
};

// Collects the facts of one extract() call, validating each.
struct FactCollector {
    const Thread* thread;
    const std::vector<text::PostAnalysis>* analysis;
    const std::string* plugin;
    std::vector<FactRecord> facts;
    std::string error;
    RunState* run;

    static fkb_status emit(void* ctx, const fkb_fact* fact) {
        auto* self = static_cast<FactCollector*>(ctx);
        if (!self->error.empty()) return FKB_ERROR;
        try {
            self->facts.push_back(FactRecord{*self->plugin, plugin::to_fact(*fact, *self->thread, self->analysis)});
        } catch (const plugin::AbiError& e) {
            self->error = std::string("invalid fact: ") + e.what();
            return FKB_ERROR;
        } catch (const std::exception& e) {
            self->error = std::string("host error while copying a fact: ") + e.what();
            return FKB_ERROR;
        }
        return self->run->stopping() ? FKB_ABORT : FKB_OK;
    }
};

}  // namespace

struct ExtractorRunner::Instances {
    std::vector<Instance> items;
    ~Instances() {
        for (auto& i : items) {
            if (i.live) {
                try {
                    i.plugin->extractor()->destroy(i.state);
                } catch (...) {
                }
            }
        }
    }
};

struct ExtractorRunner::Local {
    tbb::enumerable_thread_specific<Instances> per_thread;
};

ExtractorRunner::ExtractorRunner(std::vector<std::shared_ptr<const plugin::Plugin>> extractors,
                                 const std::map<std::string, plugin::OptionValues>& options,
                                 const text::Analyzer* analyzer, fkb_log_level log_level, RunState& run)
    : extractors_(std::move(extractors)),
      options_(options),
      analyzer_(analyzer),
      log_level_(log_level),
      run_(run),
      disabled_(new std::atomic<bool>[extractors_.size() ? extractors_.size() : 1]),
      local_(std::make_unique<Local>()) {
    for (std::size_t i = 0; i < extractors_.size(); ++i) disabled_[i] = false;
}

ExtractorRunner::~ExtractorRunner() = default;

ExtractorRunner::Instances& ExtractorRunner::local() {
    Instances& inst = local_->per_thread.local();
    if (inst.items.size() != extractors_.size()) {
        inst.items.resize(extractors_.size());
        for (std::size_t i = 0; i < extractors_.size(); ++i) inst.items[i].plugin = extractors_[i].get();
    }
    return inst;
}

void ExtractorRunner::process(WorkItem& item) {
    if (!item.thread || extractors_.empty() || run_.stopping()) return;
    const Thread& thread = *item.thread;
    std::vector<text::PostAnalysis> analysis;
    if (analyzer_) analysis = analyzer_->analyze_thread(thread);
    plugin::ThreadViewAbi view(thread, analysis, item.source_file);
    Instances& inst = local();

    auto fail = [&](std::size_t i, const std::string& why) {
        Event e{Event::kPluginError};
        e.input = item.input;
        e.message = item.source_file + ": " + extractors_[i]->name() + ": " + why;
        item.worker_events.push_back(std::move(e));
        if (run_.on_plugin_error == OnPluginError::kStop)
            run_.stop = true;
        else
            disabled_[i] = true;
    };

    for (std::size_t i = 0; i < extractors_.size(); ++i) {
        if (disabled_[i].load(std::memory_order_relaxed)) continue;
        Instance& in = inst.items[i];
        const fkb_extractor_api* api = extractors_[i]->extractor();
        if (!in.tried) {
            in.tried = true;
            in.host = std::make_unique<plugin::HostContext>(extractors_[i]->name(), log_level_);
            static const plugin::OptionValues kNone;
            auto it = options_.find(extractors_[i]->name());
            const plugin::OptionValues& opts = it == options_.end() ? kNone : it->second;
            fkb_status s = FKB_ERROR;
            bool threw = false;
            try {
                s = api->create(in.host->abi(), opts.data(), opts.size(), &in.state);
            } catch (...) {
                threw = true;
            }
            if (threw || s != FKB_OK) {
                fail(i, "create failed: " +
                            (threw ? std::string("create threw an exception through the ABI") : in.host->take_error()));
                continue;
            }
            in.live = true;
        }
        if (!in.live) continue;
        FactCollector collector{&thread, &analysis, &extractors_[i]->name(), {}, {}, &run_};
        fkb_fact_sink sink{};
        sink.struct_size = sizeof(fkb_fact_sink);
        sink.ctx = &collector;
        sink.emit = &FactCollector::emit;
        in.host->clear_error();
        fkb_status s = FKB_ERROR;
        bool threw = false;
        try {
            s = api->extract(in.state, view.get(), &sink);
        } catch (...) {
            threw = true;
        }
        if (threw || s != FKB_OK || !collector.error.empty()) {
            std::string why = !collector.error.empty() ? collector.error
                              : threw                  ? std::string("extract threw an exception through the ABI")
                                                       : in.host->take_error();
            fail(i, "failed on thread '" + thread.thread_id + "': " + why);
            continue;
        }
        for (auto& f : collector.facts) item.facts.push_back(std::move(f));
    }
}

}  // namespace fkb::pipeline::detail
