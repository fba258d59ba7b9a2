// ViewUpkeep: see view_upkeep.h.
#include "web/server/view_upkeep.h"

#include <malloc.h>

namespace pkg {

ViewUpkeep::ViewUpkeep(SaveFn save) : save_(std::move(save)), worker_([this] { Run(); }) {}

ViewUpkeep::~ViewUpkeep() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    pending_.reset();
  }
  cv_.notify_all();
  worker_.join();
}

void ViewUpkeep::Published(GraphViewPtr view, int64_t seq) {
  {
    std::lock_guard lock(mu_);
    pending_ = std::move(view);
    pending_seq_ = seq;
  }
  cv_.notify_all();
}

bool ViewUpkeep::Idle() const {
  std::lock_guard lock(mu_);
  return !pending_ && !busy_;
}

void ViewUpkeep::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || pending_; });
    if (stop_) return;
    GraphViewPtr view = std::move(pending_);
    int64_t seq = pending_seq_;
    busy_ = true;
    lock.unlock();
    // The view before this one is usually gone by now (no reader held it):
    // give its pages back.
    malloc_trim(0);
    // A view superseded by a newer one (pending_ set) gets no more work: the
    // newer one is next.
    auto superseded = [this] {
      std::lock_guard l(mu_);
      return stop_ || pending_ != nullptr;
    };
    if (!superseded()) view->snap->PrepareSearch();
    if (save_ && seq >= 0) {
      // Saving writes the whole graph: wait for a pause in the writes first.
      std::unique_lock l(mu_);
      cv_.wait_for(l, kSaveDelay, [this] { return stop_ || pending_ != nullptr; });
      bool skip = stop_ || pending_ != nullptr;
      l.unlock();
      if (!skip) save_(*view, seq);
    }
    view.reset();
    malloc_trim(0);
    lock.lock();
    busy_ = false;
  }
}

}  // namespace pkg
