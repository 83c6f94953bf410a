// A small streaming JSON writer for the KB's outputs (query --json, the
// attrs and qualifiers columns). Strings are escaped per RFC 8259; numbers
// are written in their shortest round-trip form after rounding to 4 decimal
// places, so the same answer always prints the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::kb {

class JsonWriter {
public:
    /// indent 0 writes compact JSON; > 0 pretty-prints with that many spaces.
    explicit JsonWriter(int indent = 0) : indent_(indent) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view v);
    JsonWriter& value(const char* v) { return value(std::string_view(v)); }
    JsonWriter& value(const std::string& v) { return value(std::string_view(v)); }
    JsonWriter& value(int64_t v);
    JsonWriter& value(int v) { return value(static_cast<int64_t>(v)); }
    JsonWriter& value(uint32_t v) { return value(static_cast<int64_t>(v)); }
    JsonWriter& value(size_t v) { return value(static_cast<int64_t>(v)); }
    JsonWriter& value(double v);
    JsonWriter& value(bool v);
    JsonWriter& value(const std::optional<std::string>& v);
    JsonWriter& null();
    /// Inserts already-serialized JSON as a value.
    JsonWriter& raw(std::string_view json);

    template <class V>
    JsonWriter& field(std::string_view k, const V& v) {
        key(k);
        return value(v);
    }

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

    /// Appends s escaped (without quotes) to out.
    static void escape(std::string& out, std::string_view s);

private:
    void before_value();
    void newline();

    std::string out_;
    std::vector<bool> first_;  ///< per open container: no member written yet
    bool after_key_ = false;
    int indent_;
};

}  // namespace fkb::kb
