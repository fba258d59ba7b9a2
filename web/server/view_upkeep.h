// ViewUpkeep: what follows the publication of a new view, off the request path.
//
// After LiveGraph swaps in a view, one worker thread, in order: hands memory
// freed by the views before it back to the operating system (malloc_trim, so
// the resident size does not ratchet up write after write), builds the
// view's search index (so the first search does not wait for it), and calls
// the `save` function given (LiveGraph saves the view beside the store; see
// saved_view.h) once no newer view has come for kSaveDelay. Publications
// coalesce: a view published while the worker is busy replaces any view
// still waiting, and a view superseded by a newer one gets no further steps,
// so at most two views are held here and a burst of writes costs about one
// round of upkeep, not one per write.
//
// It does not decide what a view is or when one is published.
// Thread safety: Published and Idle may be called from any thread.
// Tested through tests/web/ (saved_view_test.cc waits for the save).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "web/server/live_graph.h"

namespace pkg {

class ViewUpkeep {
 public:
  static constexpr std::chrono::milliseconds kSaveDelay{500};
  // `save` may be empty (nothing saved). `seq` is what Published was given.
  using SaveFn = std::function<void(const GraphView& view, int64_t seq)>;
  explicit ViewUpkeep(SaveFn save);
  // Finishes the step in progress, skips the rest, joins the worker.
  ~ViewUpkeep();
  ViewUpkeep(const ViewUpkeep&) = delete;
  ViewUpkeep& operator=(const ViewUpkeep&) = delete;

  // Queues `view` (replacing a view still waiting).
  void Published(GraphViewPtr view, int64_t seq);
  // True when nothing waits and nothing is being worked on.
  bool Idle() const;

 private:
  void Run();

  SaveFn save_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  GraphViewPtr pending_;
  int64_t pending_seq_ = 0;
  bool busy_ = false;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace pkg
