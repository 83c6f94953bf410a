// A small, fast JSON writer for the JSON-lines formats forumkb prints.
//
// Output is compact (no spaces), members appear in the order they are
// written (the formats fix the order), and strings are escaped by our own
// escaper: it copies runs of plain bytes at once, escapes '"', '\\' and
// control characters, and guarantees valid UTF-8 output (an ill-formed
// sequence, which the host never lets into the model, would become U+FFFD).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fkb::json {

/// Appends s as a JSON string literal (with quotes) to out.
void append_string(std::string& out, std::string_view s);

/// Builds one JSON value into a string, tracking where commas go.
class Writer {
public:
    explicit Writer(std::string& out) noexcept : out_(out) {}

    Writer& begin_object() { value_prefix(); out_ += '{'; first_ = true; return *this; }
    Writer& end_object() { out_ += '}'; first_ = false; return *this; }
    Writer& begin_array() { value_prefix(); out_ += '['; first_ = true; return *this; }
    Writer& end_array() { out_ += ']'; first_ = false; return *this; }

    /// Writes a member name; the next value written is its value.
    Writer& key(std::string_view k) {
        if (!first_) out_ += ',';
        append_string(out_, k);
        out_ += ':';
        after_key_ = true;
        return *this;
    }

    Writer& string(std::string_view s) { value_prefix(); append_string(out_, s); return *this; }
    Writer& string(const std::string& s) { return string(std::string_view(s)); }
    Writer& string(const char* s) { return string(std::string_view(s)); }
    Writer& string(const std::optional<std::string>& s) { return s ? string(*s) : null(); }
    Writer& integer(int64_t v) { value_prefix(); out_ += std::to_string(v); return *this; }
    Writer& uinteger(uint64_t v) { value_prefix(); out_ += std::to_string(v); return *this; }
    Writer& integer(const std::optional<int64_t>& v) { return v ? integer(*v) : null(); }
    Writer& boolean(bool v) { value_prefix(); out_ += v ? "true" : "false"; return *this; }
    Writer& null() { value_prefix(); out_ += "null"; return *this; }
    /// Writes already-valid JSON text (a number as text, a nested value).
    Writer& raw(std::string_view json) { value_prefix(); out_ += json; return *this; }

private:
    void value_prefix() {
        if (after_key_) {
            after_key_ = false;
        } else if (!first_) {
            out_ += ',';
        }
        first_ = false;
    }

    std::string& out_;
    bool first_ = true;
    bool after_key_ = false;
};

}  // namespace fkb::json
