// The reader stage: walks the inputs, opens each stream, picks its source
// plugin (--source or sniffing), and pulls threads out of it one
// next_thread() at a time. Serial: one call of next() at a time.
#pragma once

#include "run_state.hpp"
#include "work_item.hpp"

#include <forumkb/pipeline/input_set.hpp>
#include <forumkb/plugin_host.hpp>
#include <forumkb/plugin_loader.hpp>

#include <deque>
#include <map>
#include <memory>

namespace fkb::pipeline::detail {

class SourceReader {
public:
    SourceReader(const std::vector<InputRef>& inputs, std::vector<std::shared_ptr<const plugin::Plugin>> sources,
                 std::shared_ptr<const plugin::Plugin> forced, const std::map<std::string, plugin::OptionValues>& options,
                 bool hash_inputs, fkb_log_level log_level, PipelineSink& sink, RunState& run);
    ~SourceReader();

    /// The next item (events and at most one thread), or null when done.
    std::unique_ptr<WorkItem> next();

    const std::vector<InputInfo>& infos() const noexcept { return infos_; }

private:
    struct Instance;
    bool start_input();
    bool start_stream();
    void close_instance();
    void end_input(bool complete);
    void input_error(const std::string& message);
    void plugin_error(const std::string& message);
    void report_bytes();

    static fkb_status emit_cb(void* ctx, const fkb_thread* thread);
    static void reject_cb(void* ctx, fkb_str reason, fkb_location where, fkb_str excerpt);

    const std::vector<InputRef>& inputs_;
    std::vector<std::shared_ptr<const plugin::Plugin>> sources_;
    std::shared_ptr<const plugin::Plugin> forced_;
    const std::map<std::string, plugin::OptionValues>& options_;
    bool hash_inputs_;
    fkb_log_level log_level_;
    PipelineSink& sink_;
    RunState& run_;

    std::vector<InputInfo> infos_;
    std::size_t next_input_ = 0;
    uint64_t bytes_base_ = 0;  // on-disk bytes of the inputs finished or skipped
    bool in_input_ = false;
    bool input_complete_ = true;
    std::unique_ptr<StreamSequence> seq_;
    std::unique_ptr<InputStream> stream_;
    std::unique_ptr<Instance> inst_;
    std::vector<Event> events_;
    std::deque<std::pair<std::string, Thread>> threads_;  // source_file, thread
};

}  // namespace fkb::pipeline::detail
