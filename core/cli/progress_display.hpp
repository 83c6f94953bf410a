// The progress display of `ingest`: a thread that samples the pipeline's
// ProgressCounters and draws on stderr. Mode bar (a terminal): one line
// redrawn five times a second with a bar of bytes done / total, threads
// and facts per second, rejects and the ETA. Mode plain (logs): one line
// every few seconds. Mode none: nothing. It never touches the pipeline
// itself, so drawing costs the workers nothing.
#pragma once

#include <forumkb/pipeline/pipeline.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace fkb::cli {

class ProgressDisplay {
public:
    enum class Mode { kNone, kBar, kPlain };

    /// Starts drawing at once (except kNone). total_bytes: the sum of the
    /// input sizes, 0 if unknown (stdin); n_inputs: how many inputs.
    ProgressDisplay(Mode mode, const pipeline::ProgressCounters& counters, uint64_t total_bytes, std::size_t n_inputs,
                    std::chrono::milliseconds plain_every = std::chrono::seconds(5));
    ~ProgressDisplay();  ///< stops and clears the bar
    ProgressDisplay(const ProgressDisplay&) = delete;
    ProgressDisplay& operator=(const ProgressDisplay&) = delete;

    /// Stops the thread and clears the bar (idempotent).
    void stop();
    /// Clears the bar so that a diagnostic line can be printed; the next
    /// tick draws it again.
    void clear();

    /// One line of the display for the current counters (no '\r').
    std::string line(bool bar) const;
    /// Seconds since the display started.
    double elapsed() const;

private:
    void loop();

    Mode mode_;
    const pipeline::ProgressCounters& c_;
    uint64_t total_;
    std::size_t n_inputs_;
    std::chrono::milliseconds every_;
    std::chrono::steady_clock::time_point start_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false, shown_ = false;
    std::thread thread_;
};

/// "12.3 MB", "980 kB", "1.2 GB" (decimal units, like the MB/s figures).
std::string human_bytes(double bytes);
/// "1:02:03", "4:05", "0:07".
std::string human_duration(double seconds);

}  // namespace fkb::cli
