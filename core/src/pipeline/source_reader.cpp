// The reader stage of the pipeline (see source_reader.hpp). Every failure
// becomes an event that the ordered writer reports, so diagnostics come out
// in input order whatever the number of workers.
#include "source_reader.hpp"

#include <forumkb/abi_convert.hpp>
#include <forumkb/pipeline/content_hash.hpp>
#include <forumkb/pipeline/pipeline.hpp>

#include <stdexcept>

namespace fkb::pipeline {

std::shared_ptr<const plugin::Plugin> select_source(const std::vector<std::shared_ptr<const plugin::Plugin>>& sources,
                                                    std::string_view head, std::string_view file_name) {
    std::shared_ptr<const plugin::Plugin> best;
    double best_conf = 0.0;
    for (const auto& p : sources) {  // sorted by name: the first of equals wins
        double c = 0.0;
        try {
            c = p->source()->sniff(fkb_str{head.data(), head.size()}, fkb_str{file_name.data(), file_name.size()});
        } catch (...) {
            c = 0.0;
        }
        if (!(c > best_conf)) continue;  // also drops NaN
        best = p;
        best_conf = c;
    }
    return best;
}

namespace detail {

struct SourceReader::Instance {
    std::shared_ptr<const plugin::Plugin> plugin;
    std::unique_ptr<plugin::HostContext> host;
    void* state = nullptr;
    std::string default_source;
};

SourceReader::SourceReader(const std::vector<InputRef>& inputs, std::vector<std::shared_ptr<const plugin::Plugin>> sources,
                           std::shared_ptr<const plugin::Plugin> forced,
                           const std::map<std::string, plugin::OptionValues>& options, bool hash_inputs,
                           fkb_log_level log_level, PipelineSink& sink, RunState& run)
    : inputs_(inputs),
      sources_(std::move(sources)),
      forced_(std::move(forced)),
      options_(options),
      hash_inputs_(hash_inputs),
      log_level_(log_level),
      sink_(sink),
      run_(run) {
    infos_.resize(inputs_.size());
}

SourceReader::~SourceReader() { close_instance(); }

void SourceReader::close_instance() {
    if (inst_) {
        try {
            inst_->plugin->source()->close(inst_->state);
        } catch (...) {
        }
        inst_.reset();
    }
}

void SourceReader::input_error(const std::string& message) {
    Event e{Event::kInputError};
    e.input = next_input_ - 1;
    e.message = message;
    events_.push_back(std::move(e));
    input_complete_ = false;
}

void SourceReader::plugin_error(const std::string& message) {
    Event e{Event::kPluginError};
    e.input = next_input_ - 1;
    e.message = message;
    events_.push_back(std::move(e));
    input_complete_ = false;
    if (run_.on_plugin_error == OnPluginError::kStop) run_.stop = true;
}

void SourceReader::report_bytes() {
    if (run_.progress && seq_ && stream_)
        run_.progress->bytes_done.store(bytes_base_ + seq_->raw_bytes(), std::memory_order_relaxed);
}

void SourceReader::end_input(bool complete) {
    const InputRef& ref = inputs_[next_input_ - 1];
    if (ref.size > 0) bytes_base_ += static_cast<uint64_t>(ref.size);
    if (run_.progress) {
        run_.progress->bytes_done.store(bytes_base_, std::memory_order_relaxed);
        run_.progress->inputs_done.fetch_add(1, std::memory_order_relaxed);
    }
    close_instance();
    stream_.reset();
    seq_.reset();
    Event e{Event::kEnd};
    e.input = next_input_ - 1;
    e.complete = complete && input_complete_;
    events_.push_back(std::move(e));
    in_input_ = false;
}

bool SourceReader::start_input() {
    if (next_input_ >= inputs_.size()) return false;
    const InputRef& ref = inputs_[next_input_++];
    InputInfo& info = infos_[next_input_ - 1];
    info.path = ref.path;
    info.size = ref.size;
    input_complete_ = true;
    if (hash_inputs_ && ref.path != "-") {
        try {
            info.hash = content_hash(ref.path);
        } catch (const std::exception& ex) {
            Event b{Event::kBegin};
            b.input = next_input_ - 1;
            events_.push_back(std::move(b));
            in_input_ = true;
            input_error(ex.what());
            end_input(false);
            return true;
        }
    }
    if (sink_.skip_input(info)) {
        if (ref.size > 0) bytes_base_ += static_cast<uint64_t>(ref.size);
        if (run_.progress) {
            run_.progress->bytes_done.store(bytes_base_, std::memory_order_relaxed);
            run_.progress->inputs_done.fetch_add(1, std::memory_order_relaxed);
        }
        Event e{Event::kSkipped};
        e.input = next_input_ - 1;
        events_.push_back(std::move(e));
        return true;
    }
    Event b{Event::kBegin};
    b.input = next_input_ - 1;
    events_.push_back(std::move(b));
    in_input_ = true;
    try {
        seq_ = open_streams(ref);
    } catch (const std::exception& ex) {
        input_error(ex.what());
        end_input(false);
    }
    return true;
}

bool SourceReader::start_stream() {
    try {
        stream_ = seq_->next();
    } catch (const std::exception& ex) {
        input_error(ex.what());
        stream_.reset();
        return false;
    }
    if (!stream_) return false;
    std::string_view head = stream_->peek(kSniffBytes);
    if (!stream_->error().empty()) {
        input_error(stream_->name() + ": " + stream_->error());
        stream_.reset();
        return true;
    }
    std::shared_ptr<const plugin::Plugin> source = forced_;
    if (!source) {
        // The name a plugin sniffs is the stream's: "dump.jsonl" inside
        // "dump.jsonl.gz", "a/b.txt" inside "x.tar:a/b.txt".
        std::string_view name = stream_->name();
        if (auto colon = name.rfind(':'); colon != std::string_view::npos && is_archive_name(std::string(name.substr(0, colon))))
            name.remove_prefix(colon + 1);
        source = select_source(sources_, head, name);
    }
    if (!source) {
        if (head.empty()) {  // an empty file has no threads; nothing to reject
            stream_.reset();
            return true;
        }
        Reject r;
        r.file = stream_->name();
        r.reason = "no source plugin recognizes this input (try --source NAME)";
        Event e{Event::kReject};
        e.input = next_input_ - 1;
        e.reject = r;
        e.counts_as_input_error = true;
        events_.push_back(std::move(e));
        input_complete_ = false;
        stream_.reset();
        return true;
    }
    auto inst = std::make_unique<Instance>();
    inst->plugin = source;
    inst->host = std::make_unique<plugin::HostContext>(source->name(), log_level_);
    inst->default_source = source->name();
    if (inst->default_source.rfind("source_", 0) == 0) inst->default_source.erase(0, 7);
    static const plugin::OptionValues kNone;
    auto it = options_.find(source->name());
    const plugin::OptionValues& opts = it == options_.end() ? kNone : it->second;
    fkb_status s = FKB_ERROR;
    try {
        s = source->source()->open(inst->host->abi(), stream_->abi(), opts.data(), opts.size(), &inst->state);
    } catch (...) {
        inst->host->take_error();
        plugin_error(stream_->name() + ": " + source->name() + ": open threw an exception through the ABI");
        stream_.reset();
        return true;
    }
    if (s != FKB_OK) {
        std::string why = inst->host->take_error();
        if (!stream_->error().empty())
            input_error(stream_->name() + ": " + stream_->error());
        else
            plugin_error(stream_->name() + ": " + source->name() + ": " + why);
        stream_.reset();
        return true;
    }
    inst_ = std::move(inst);
    return true;
}

fkb_status SourceReader::emit_cb(void* ctx, const fkb_thread* thread) {
    auto* self = static_cast<SourceReader*>(ctx);
    try {
        self->threads_.emplace_back(self->stream_->name(), plugin::to_thread(*thread, self->inst_->default_source));
    } catch (const plugin::AbiError& e) {
        Reject r;
        r.file = self->stream_->name();
        r.plugin = self->inst_->plugin->name();
        r.reason = std::string("invalid thread from the plugin: ") + e.what();
        Event ev{Event::kReject};
        ev.input = self->next_input_ - 1;
        ev.reject = std::move(r);
        self->events_.push_back(std::move(ev));
    } catch (const std::exception& e) {
        self->plugin_error(self->stream_->name() + ": host error while copying a thread: " + e.what());
        return FKB_ABORT;
    }
    return self->run_.stopping() ? FKB_ABORT : FKB_OK;
}

void SourceReader::reject_cb(void* ctx, fkb_str reason, fkb_location where, fkb_str excerpt) {
    auto* self = static_cast<SourceReader*>(ctx);
    Reject r;
    r.file = self->stream_->name();
    r.line = where.line;
    r.offset = where.offset;
    r.plugin = self->inst_->plugin->name();
    r.reason = reason.ptr ? std::string(reason.ptr, reason.len) : std::string("rejected");
    for (char& c : r.reason)
        if (c == '\n' || c == '\r') c = ' ';
    if (excerpt.ptr) r.excerpt.assign(excerpt.ptr, std::min<std::size_t>(excerpt.len, 200));
    Event ev{Event::kReject};
    ev.input = self->next_input_ - 1;
    ev.reject = std::move(r);
    self->events_.push_back(std::move(ev));
}

std::unique_ptr<WorkItem> SourceReader::next() {
    for (;;) {
        if (!threads_.empty()) {
            auto item = std::make_unique<WorkItem>();
            item->events = std::move(events_);
            events_.clear();
            item->source_file = std::move(threads_.front().first);
            item->thread = std::move(threads_.front().second);
            threads_.pop_front();
            item->input = next_input_ - 1;
            return item;
        }
        if (run_.stopping()) {
            if (in_input_) end_input(false);
            break;
        }
        if (inst_) {
            fkb_thread_sink sink{};
            sink.struct_size = sizeof(fkb_thread_sink);
            sink.ctx = this;
            sink.emit_thread = &SourceReader::emit_cb;
            sink.reject = &SourceReader::reject_cb;
            fkb_status s = FKB_ERROR;
            bool threw = false;
            try {
                s = inst_->plugin->source()->next_thread(inst_->state, &sink);
            } catch (...) {
                threw = true;
            }
            report_bytes();
            if (s == FKB_OK && !threw) continue;
            if (s == FKB_END && !threw) {
                close_instance();
                stream_.reset();
                continue;
            }
            std::string why = threw ? "next_thread threw an exception through the ABI" : inst_->host->take_error();
            if (stream_ && !stream_->error().empty())
                input_error(stream_->name() + ": " + stream_->error());
            else
                plugin_error(stream_->name() + ": " + inst_->plugin->name() + ": " + why);
            close_instance();
            stream_.reset();
            continue;
        }
        if (in_input_ && seq_) {
            if (!start_stream()) end_input(true);
            continue;
        }
        if (in_input_) {  // opening failed; end_input already queued
            in_input_ = false;
            continue;
        }
        if (!start_input()) break;
    }
    if (events_.empty()) return nullptr;
    auto item = std::make_unique<WorkItem>();
    item->events = std::move(events_);
    events_.clear();
    item->input = next_input_ ? next_input_ - 1 : 0;
    return item;
}

}  // namespace detail
}  // namespace fkb::pipeline
