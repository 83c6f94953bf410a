// State shared by the stages of one pipeline run: the stop flag and the
// plugin error policy, the progress counters.
#pragma once

#include <forumkb/pipeline/pipeline.hpp>

#include <atomic>

namespace fkb::pipeline::detail {

struct RunState {
    OnPluginError on_plugin_error = OnPluginError::kSkip;
    const std::atomic<bool>* interrupt = nullptr;
    std::atomic<bool> stop{false};
    ProgressCounters* progress = nullptr;

    bool stopping() const noexcept {
        return stop.load(std::memory_order_relaxed) || (interrupt && interrupt->load(std::memory_order_relaxed));
    }
};

}  // namespace fkb::pipeline::detail
