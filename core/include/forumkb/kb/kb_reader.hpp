// Reading a knowledge base: one connection for queries, searches and thread
// views. Opening a KB made by an older forumkb upgrades it first (the
// migrations of schemas/kb/ are applied, as the writer would); a KB newer
// than this build is refused with a one-line KbError.
#pragma once

#include <forumkb/kb/kb_writer.hpp>

#include <memory>
#include <string>

namespace fkb::kb {

class KbReader {
public:
    /// Opens the KB at path; throws KbError when it does not exist or is not a KB.
    explicit KbReader(const std::string& path);
    ~KbReader();
    KbReader(const KbReader&) = delete;
    KbReader& operator=(const KbReader&) = delete;

    const std::string& path() const;

    struct Impl;  ///< defined in core/src/kb/kb_reader_impl.hpp
    Impl& impl() { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace fkb::kb
