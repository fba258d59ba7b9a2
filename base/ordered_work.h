// OrderedWork: runs work(0) … work(n-1) on several threads, ahead of one
// consumer that takes the results in order (Take(0), Take(1), …), so the
// consumer sees what a loop on one thread would have given, sooner.
//
// At most `window` results are computed and not yet taken: memory stays
// bounded whatever n. Destroying the object stops the workers (results not
// taken are dropped; a work call in progress finishes first).
//
// Used by `policykg extract --jobs` (cli/extract_command.cc) and by the
// graph loader for text documents (graph/graph_loader.cc).
//
// Thread safety: `work` is called from several threads at once; Take from
// one thread only.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pkg {

template <class T>
class OrderedWork {
 public:
  // REQUIRES jobs >= 1, window >= 1.
  OrderedWork(size_t n, unsigned jobs, size_t window, std::function<T(size_t)> work)
      : n_(n), window_(window), work_(std::move(work)), slots_(window) {
    for (unsigned k = 0; k < jobs; ++k) workers_.emplace_back([this] { Run(); });
  }
  OrderedWork(const OrderedWork&) = delete;
  OrderedWork& operator=(const OrderedWork&) = delete;
  ~OrderedWork() {
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    space_.notify_all();
    for (auto& t : workers_) t.join();
  }

  // The result of work(i). REQUIRES i = 0, 1, 2, … in turn, i < n.
  T Take(size_t i) {
    std::unique_lock<std::mutex> l(mu_);
    ready_.wait(l, [&] { return slots_[i % window_].has_value(); });
    T out = std::move(*slots_[i % window_]);
    slots_[i % window_].reset();
    taken_ = i + 1;
    space_.notify_all();
    return out;
  }

 private:
  void Run() {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> l(mu_);
        space_.wait(l, [&] { return stop_ || next_ >= n_ || next_ < taken_ + window_; });
        if (stop_ || next_ >= n_) return;
        i = next_++;
      }
      T result = work_(i);
      std::lock_guard<std::mutex> l(mu_);
      slots_[i % window_].emplace(std::move(result));
      ready_.notify_all();
    }
  }

  const size_t n_, window_;
  const std::function<T(size_t)> work_;
  std::vector<std::optional<T>> slots_;  // by i % window: a result not yet taken
  std::mutex mu_;
  std::condition_variable ready_, space_;
  size_t next_ = 0, taken_ = 0;
  bool stop_ = false;
  std::vector<std::thread> workers_;  // last: started after everything above exists
};

}  // namespace pkg
