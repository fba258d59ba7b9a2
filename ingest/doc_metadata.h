// Document metadata: title, publisher, date, document number (文号), reprint
// source, and the lines they occupy, read from the head (and tail) of the
// normalised text.
//
// Fields come from labelled lines ("来源:高新院 日期:2025-12-29", "发文字号:
// 国发〔2025〕11号", labels in data/rules/metadata.tsv), from a 文号 pattern
// (沪经信规〔2025〕3号, 国发[2025]11号), from a trailing "(转载自:…)" and a
// signature date ("2025年12月29日" alone on a line near the end). The title
// is the first line that reads like one (short, no sentence end), preferring a
// line that ends in a document head word (通知, 方案, …). "机构:标题" titles
// give an issuer candidate.
// What it does not do: decide which agency the issuer is (recognize.h looks
// it up in the lexicon).
//
// Tested in tests/ingest/doc_metadata_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/rules.h"
#include "ingest/structure.h"

namespace pkg::ingest {

struct DocMetadata {
  std::string title;
  Span title_span;
  std::string title_short;     // title without an "机构:" prefix ("" when none)
  std::string issuer_text;     // "上海市经济和信息化委员会" from "机构:标题" or 发文机关:
  std::string publisher;       // 来源: value, first word
  std::string date;            // YYYY-MM-DD, YYYY-MM or YYYY ("" when unknown)
  std::string doc_number;      // 文号
  std::string reprinted_from;
  int year = 0;                // year of `date`, 0 when unknown
  std::vector<Span> meta_lines;  // lines consumed (title, labelled fields, 转载)
  Span signature;              // the signer line(s) above a closing date ("合肥市包河区人民政府"), empty when none
  uint32_t body_begin = 0;     // first offset of the body text
  bool byline = false;         // a WeChat byline (原创 …) heads the page: a post reporting news
};

DocMetadata ReadMetadata(std::string_view text, const RuleSet& rules);

// The bodies a 来源: value names, in order: "北京市科学技术委员会、中关村科技园区管理委员会"
// is two (split at 、 and at commas); a single name is itself.
std::vector<std::string_view> Publishers(std::string_view publisher);

// A document number (文号) starting at or after `from`: "沪经信规〔2025〕3号".
// Returns its span, or {npos, npos}.
std::pair<size_t, size_t> FindDocNumber(std::string_view text, size_t from);

// "2025年12月29日", "2025-12-29", "2025.12.29", "2025/12/29" at text[pos] →
// "2025-12-29" (or "2025-12", "2025"); "" when none. *len gets the length.
std::string ParseDateAt(std::string_view text, size_t pos, size_t* len);

}  // namespace pkg::ingest
