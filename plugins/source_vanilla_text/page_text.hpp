// Pages copied as plain text: the byte clean-up both seed-format parsers
// (Vanilla Forums and Yahoo Answers pages) share, and the reject callback
// they report through.
//
// A page saved from a browser arrives with whatever the clipboard and editor
// did to it: a UTF-8 byte order mark, CRLF or lone CR line ends, tabs,
// non-breaking spaces, trailing blanks, and sometimes bytes that are not
// UTF-8 at all. normalize_page() turns that into clean lines once, keeping
// for every line its 1-based number and byte offset in the original input,
// so the grammars work on simple text and rejects still point at the file.
#pragma once

#include <forumkb/sdk.hpp>

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::seedsrc {

/// Reports a malformed part of a page: 1-based line and byte offset in the
/// input, a one-line reason, and a short excerpt of the line (may be empty).
using RejectFn =
    std::function<void(uint64_t line, int64_t offset, std::string_view reason, std::string_view excerpt)>;

/// One line of a normalized page.
struct PageLine {
    std::string_view text;  ///< trailing blanks removed, leading blanks kept
    uint64_t number = 0;    ///< 1-based line number in the input
    int64_t offset = 0;     ///< byte offset of the line's start in the input
};

/// A page after normalization. `lines` view into `text`: do not copy a
/// PageText while the views are in use (moving keeps them valid).
struct PageText {
    std::string text;            ///< the whole page, normalized, '\n' line ends
    std::vector<PageLine> lines; ///< every line, blank ones included
    size_t invalid_utf8 = 0;     ///< byte sequences replaced with U+FFFD
    bool had_bom = false;
    bool had_cr = false;         ///< CRLF or lone CR line ends were seen
    /// Text a parser builds out of several lines; views into it stay valid.
    std::deque<std::string> extra;
};

/// Cleans up a page: drops a leading UTF-8 BOM and zero-width characters,
/// ends lines at LF, CRLF or a lone CR, turns tabs and Unicode spaces (NBSP,
/// narrow NBSP, figure space...) into plain spaces, replaces each invalid
/// UTF-8 byte (and NUL or other C0 controls) with U+FFFD and counts it, and
/// removes trailing blanks from every line. Never throws on bad input.
/// When `cut_ok` is true (a sniffed head), an incomplete sequence at the very
/// end is dropped instead of replaced.
PageText normalize_page(std::string_view bytes, bool cut_ok = false);

/// `s` without leading and trailing ASCII spaces.
std::string_view trim(std::string_view s) noexcept;

/// The thread id of a page: the file name's stem (base name without its last
/// extension, so "dumps/000_c94017b2.txt" gives "000_c94017b2"), or, when
/// the input has no usable name (stdin, "-"), "fnv1a-" and the 64-bit FNV-1a hash
/// of the normalized text in hex. Stable across runs either way.
std::string thread_id_for(std::string_view file_name, std::string_view normalized_text);

/// The entries of a data file: one per line, trimmed; blank lines and lines
/// starting with '#' are skipped.
std::vector<std::string_view> data_entries(std::string_view file);

/// Lines joined with "\n"; an empty view is a blank line, and each run of
/// blank lines becomes one paragraph break ("\n\n"). Leading and trailing
/// blank lines vanish.
std::string join_paragraphs(const std::vector<std::string_view>& lines);

/// Reads a whole input into `out`; false (with `out` holding the first
/// bytes) when it is longer than `max_bytes`.
bool read_page(sdk::Input& input, long long max_bytes, std::string& out);

/// A short excerpt of a line for reject messages (at most `max` bytes, cut on
/// a UTF-8 character boundary).
std::string_view excerpt(std::string_view line, size_t max = 80) noexcept;

}  // namespace fkb::seedsrc
