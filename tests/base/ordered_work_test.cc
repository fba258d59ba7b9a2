// Tests for base/ordered_work.h: results in order whatever the timing, at
// most `window` computed ahead, early destruction, nothing to do.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "base/ordered_work.h"

using pkg::OrderedWork;

TEST_CASE("OrderedWork gives results in order, computed ahead within a window", "[base][ordered_work]") {
  std::atomic<int> running{0}, ahead_max{0};
  std::atomic<size_t> taken{0};
  std::atomic<size_t> furthest{0};
  {
    OrderedWork<std::string> work(200, 4, 8, [&](size_t i) {
      ++running;
      // Later items finish first now and then: order must not depend on it.
      if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
      size_t f = furthest.load();
      while (i > f && !furthest.compare_exchange_weak(f, i)) {
      }
      int ahead = static_cast<int>(i) - static_cast<int>(taken.load());
      int m = ahead_max.load();
      while (ahead > m && !ahead_max.compare_exchange_weak(m, ahead)) {
      }
      --running;
      return "doc " + std::to_string(i);
    });
    for (size_t i = 0; i < 200; ++i) {
      CHECK(work.Take(i) == "doc " + std::to_string(i));
      taken = i + 1;
    }
  }
  CHECK(furthest == 199);
  CHECK(ahead_max.load() < 8 + 1);  // never more than the window beyond what was taken
  CHECK(running == 0);
}

TEST_CASE("OrderedWork stops cleanly when destroyed early or given nothing", "[base][ordered_work]") {
  std::atomic<int> calls{0};
  {
    OrderedWork<int> work(1000, 3, 4, [&](size_t i) {
      ++calls;
      return static_cast<int>(i) * 2;
    });
    CHECK(work.Take(0) == 0);
    CHECK(work.Take(1) == 2);
  }  // the rest is dropped, the workers join
  CHECK(calls < 1000);
  OrderedWork<int> none(0, 2, 4, [](size_t) { return 1; });
  SUCCEED("no items: the workers exit at once");
}
