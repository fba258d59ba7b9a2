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
  // Skips every step not begun. A step in progress (a search index, a save)
  // is not waited for: the worker finishes it on its own and ends, so a
  // stopping server does not wait seconds for it (a save cut short by the
  // process ending leaves the previous saved view: saves are atomic).
  ~ViewUpkeep();
  ViewUpkeep(const ViewUpkeep&) = delete;
  ViewUpkeep& operator=(const ViewUpkeep&) = delete;

  // Queues `view` (replacing a view still waiting).
  void Published(GraphViewPtr view, int64_t seq);
  // True when nothing waits and nothing is being worked on.
  bool Idle() const;

 private:
  // Shared with the worker, which may outlive this object (see the destructor).
  struct State {
    SaveFn save;
    std::mutex mu;
    std::condition_variable cv;
    GraphViewPtr pending;
    int64_t pending_seq = 0;
    bool busy = false;
    bool stop = false;
  };
  static void Run(std::shared_ptr<State> st);

  std::shared_ptr<State> st_;
  std::thread worker_;
};

}  // namespace pkg
