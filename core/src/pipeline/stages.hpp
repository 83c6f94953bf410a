// The three stages of a run: a serial reader making work items, a parallel
// stage (the workers) and a serial, in-order writer. With one job they run
// as a plain loop; with more, as a oneTBB parallel_pipeline with at most
// 4 x jobs items in flight (what bounds the memory of a run). -j N means N
// workers even on fewer cores.
#pragma once

#include "work_item.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <memory>

namespace fkb::pipeline::detail {

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
            4 * jobs,
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
