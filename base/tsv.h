// Rows of the tab-separated data files (data/lexicon/*.tsv, data/rules/*.tsv).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pkg {

// Calls fn(line_no, line, fields) for each row of `text`: lines split at
// '\n' with a trailing '\r' dropped, empty lines and lines starting with '#'
// skipped, fields split at every tab (an empty field stays). line_no counts
// from 1 over all lines, for messages that point at the input. The first
// error fn returns stops the walk and is returned. fn may change `fields`
// (they are refilled for the next row).
Status ForEachTsvRow(std::string_view text,
                     const std::function<Status(size_t line_no, std::string_view line,
                                                std::vector<std::string>& fields)>& fn);

}  // namespace pkg
