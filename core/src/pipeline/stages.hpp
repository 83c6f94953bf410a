// The three stages of a run: a serial reader making work items, a parallel
// stage (the workers) and a serial, in-order writer. With one job they run
// as a plain loop; with more, as a oneTBB parallel_pipeline with at most
// kItemsPerJob x jobs items in flight (what bounds the memory of a run). -j N means N
// workers even on fewer cores.
#pragma once

#include "work_item.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <memory>

namespace fkb::pipeline::detail {

/// Items in flight per job. The writer commits a batch in one go (the
/// batch's posts into posts_fts, the advice chunks: ~15 ms for 256 threads);
/// with 4 per job the workers filled the queue in the first few ms of it and
/// then waited. 32 per job lets them work through a commit (ingest -j 2 of
/// 10 MB: best of 5 runs 1.54 s wall with 4, 1.32 s with 32). An item is one
/// thread with its facts and rows, so 64 of them are a few MB for forum-sized
/// threads.
constexpr unsigned kItemsPerJob = 32;

/// next() -> std::unique_ptr<WorkItem> (null at the end), work(WorkItem&)
/// (called concurrently), write(WorkItem&) (in order, one at a time).
template <class Next, class Work, class Write>
void run_stages(unsigned jobs, Next&& next, Work&& work, Write&& write) {
    if (jobs <= 1) {
        while (auto item = next()) {
            work(*item);
            write(*item);
        }
        return;
    }
    tbb::global_control allow(tbb::global_control::max_allowed_parallelism, jobs);
    tbb::task_arena arena(static_cast<int>(jobs));
    arena.execute([&] {
        tbb::parallel_pipeline(
            kItemsPerJob * jobs,
            tbb::make_filter<void, WorkItem*>(tbb::filter_mode::serial_in_order,
                                              [&](tbb::flow_control& fc) -> WorkItem* {
                                                  auto item = next();
                                                  if (!item) fc.stop();
                                                  return item.release();
                                              }) &
                tbb::make_filter<WorkItem*, WorkItem*>(tbb::filter_mode::parallel,
                                                       [&](WorkItem* item) {
                                                           if (item) work(*item);
                                                           return item;
                                                       }) &
                tbb::make_filter<WorkItem*, void>(tbb::filter_mode::serial_in_order, [&](WorkItem* item) {
                    std::unique_ptr<WorkItem> own(item);
                    if (own) write(*own);
                }));
    });
}

}  // namespace fkb::pipeline::detail
