// FieldMap: which column (CSV) or key (JSON) of a one-off export holds which
// member of a thread or post.
//
// Given as `map` ("title=Subject,text=Body,author=User,thread_id=ThreadId,
// post_id=Id,parent_id=ReplyTo,created=Date") and/or `map_file` (one
// `field=column` per line, `#` comments); without either, every field whose
// own name is a column maps to it. A field name that forumkb does not know
// is an error naming it; so is, for CSV, a column the header lacks.
#pragma once

#include "dump_common.hpp"

#include <forumkb/sdk.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::dumps {

/// The members a column can fill.
enum class Field {
    ThreadId, PostId, ParentId, Title, Text, Author, Created, CreatedText, Url, Forum, Category,
    Score, Likes, Accepted, Flair, Role, Reputation, PostCount, Level, Signature, Count_
};

/// The name of a field as written in a map ("thread_id").
std::string_view field_name(Field f);
/// The field with that name.
std::optional<Field> field_by_name(std::string_view name);

class FieldMap {
public:
    /// Parses `map` and the text of a map file (either may be empty); throws
    /// sdk::Error naming an unknown field or a malformed entry.
    static FieldMap parse(std::string_view map, std::string_view map_file_text);

    /// True when no mapping was given (identity mapping by column name).
    bool empty() const noexcept { return given_.empty(); }
    /// The column given for a field, if any.
    const std::optional<std::string>& column(Field f) const { return columns_[static_cast<size_t>(f)]; }
    /// Fills unmapped fields with a column of the same name when `has(name)`.
    template <class Has>
    void default_to_names(Has&& has) {
        for (size_t i = 0; i < columns_.size(); ++i) {
            auto f = static_cast<Field>(i);
            if (!columns_[i] && has(std::string(field_name(f)))) columns_[i] = std::string(field_name(f));
        }
    }
    /// Field names given explicitly, in order, for error messages.
    const std::vector<Field>& given() const noexcept { return given_; }

private:
    std::array<std::optional<std::string>, static_cast<size_t>(Field::Count_)> columns_;
    std::vector<Field> given_;
};

/// One record's values by field, filled by a CSV row or a JSON object.
struct MappedRecord {
    std::array<std::optional<std::string>, static_cast<size_t>(Field::Count_)> values;
    const std::optional<std::string>& get(Field f) const { return values[static_cast<size_t>(f)]; }
    std::optional<std::string>& at(Field f) { return values[static_cast<size_t>(f)]; }
};

/// Builds a post from a mapped record; created accepts ISO-8601 or Unix
/// seconds. Throws sdk::Error with a one-line reason when a numeric field is
/// not a number.
sdk::Post post_from_record(const MappedRecord& r);

}  // namespace fkb::dumps
