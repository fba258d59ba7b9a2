// ViewUpkeep: see view_upkeep.h.
#include "web/server/view_upkeep.h"

#include <malloc.h>

namespace pkg {

ViewUpkeep::ViewUpkeep(SaveFn save) : st_(std::make_shared<State>()) {
  st_->save = std::move(save);
  worker_ = std::thread(Run, st_);
}

ViewUpkeep::~ViewUpkeep() {
  bool busy;
  {
    std::lock_guard lock(st_->mu);
    st_->stop = true;
    st_->pending.reset();
    busy = st_->busy;
  }
  st_->cv.notify_all();
  // An idle worker ends at once; a busy one ends after its step.
  if (busy) {
    worker_.detach();
  } else {
    worker_.join();
  }
}

void ViewUpkeep::Published(GraphViewPtr view, int64_t seq) {
  {
    std::lock_guard lock(st_->mu);
    st_->pending = std::move(view);
    st_->pending_seq = seq;
  }
  st_->cv.notify_all();
}

bool ViewUpkeep::Idle() const {
  std::lock_guard lock(st_->mu);
  return !st_->pending && !st_->busy;
}

void ViewUpkeep::Run(std::shared_ptr<State> st) {
  std::unique_lock lock(st->mu);
  while (true) {
    st->cv.wait(lock, [&st] { return st->stop || st->pending; });
    if (st->stop) return;
    GraphViewPtr view = std::move(st->pending);
    int64_t seq = st->pending_seq;
    st->busy = true;
    lock.unlock();
    // The view before this one is usually gone by now (no reader held it):
    // give its pages back.
    malloc_trim(0);
    // A view superseded by a newer one (pending set) gets no more work: the
    // newer one is next.
    auto superseded = [&st] {
      std::lock_guard l(st->mu);
      return st->stop || st->pending != nullptr;
    };
    if (!superseded()) view->snap->PrepareSearch();
    if (st->save && seq >= 0) {
      // Saving writes the whole graph: wait for a pause in the writes first.
      std::unique_lock l(st->mu);
      st->cv.wait_for(l, kSaveDelay, [&st] { return st->stop || st->pending != nullptr; });
      bool skip = st->stop || st->pending != nullptr;
      l.unlock();
      if (!skip) st->save(*view, seq);
    }
    view.reset();
    malloc_trim(0);
    lock.lock();
    st->busy = false;
  }
}

}  // namespace pkg
