// The files a command reads, from the paths a user gave: a file stands for
// itself; a folder for every regular file under it (recursively, sorted by
// path, skipping names that start with '.'). Shared by `extract` and `load`
// so that both take the same inputs.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace pkg {

// Appends the files `input` stands for to *files. NotFound when the path does
// not exist; Invalid when it is neither a regular file nor a folder
// (a device, a socket). A folder with no files adds nothing and is no error.
Status ExpandInput(const std::string& input, std::vector<std::string>* files);

// ExpandInput over every input, in the order given; the first error stops.
Status ExpandInputs(const std::vector<std::string>& inputs, std::vector<std::string>* files);

// The whole content of a regular file. IoError naming the path when it cannot
// be opened or read; Invalid when it is a folder.
Result<std::string> ReadWholeFile(const std::string& path);

// The same into *out, whose capacity is reused (for reading many files in a
// loop): POSIX reads, no stream buffer per file. NotFound when the file
// cannot be opened (missing or unreadable), IoError when a read fails; the
// messages name the path.
Status ReadFileInto(const std::string& path, std::string* out);

}  // namespace pkg
