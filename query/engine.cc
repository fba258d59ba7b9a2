// RunQuery: the whole pipeline in one place (see engine.h).
//   text → Parse (parser.h) → Bind (binder.h) → MakePlan (planner.h)
//        → Execute (executor.h) into a Projection (projection.h) → QueryResult
#include "query/engine.h"

#include <chrono>

#include "query/binder.h"
#include "query/executor.h"
#include "query/parser.h"
#include "query/planner.h"
#include "query/position.h"
#include "query/projection.h"

namespace pkg {

Result<QueryResult> RunQuery(const Snapshot& snap, std::string_view text, const QueryOptions& opts,
                             QueryError* error) {
  auto t0 = std::chrono::steady_clock::now();
  auto fail = [&](const query::PosError& e) -> Result<QueryResult> {
    QueryError q = query::MakeQueryError(text, e);
    Status s = q.status;
    if (error) *error = std::move(q);
    return s;
  };
  query::Query q;
  query::PosError err;
  if (!query::Parse(text, &q, &err)) return fail(err);
  query::BindInfo info;
  if (!query::Bind(snap.schema(), opts, &q, &info, &err)) return fail(err);
  query::Plan plan = query::MakePlan(q, info, snap);
  if (q.explain) {
    QueryResult result;
    result.columns.push_back("plan");
    std::string text = plan.Explain(q, snap.schema());
    for (size_t b = 0, e; b < text.size(); b = e + 1) {
      e = text.find('\n', b);
      if (e == std::string::npos) e = text.size();
      result.rows.push_back({Cell(Value(text.substr(b, e - b)))});
    }
    return result;
  }
  query::Projection projection(snap, q, info, opts);
  Status s = query::Execute(snap, q, info, plan, opts, &projection);
  QueryResult result;
  if (s.ok()) {
    query::EvalContext ctx;
    ctx.snap = &snap;
    ctx.params = &info.params;
    s = projection.Finish(ctx, &result);
  }
  if (!s.ok()) return fail(query::PosError{s, 0, false});
  result.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

}  // namespace pkg
