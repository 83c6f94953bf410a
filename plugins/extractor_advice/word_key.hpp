// Word keys and stems: the two normalized forms every match in this plugin
// uses. A key is the word lower-cased with apostrophes dropped and curly
// quotes folded ("Don’t" -> "dont", "it's" -> "its", "you're" -> "youre"),
// so forum spellings with and without apostrophes meet. A stem is a light,
// deterministic suffix stripping of the key ("stretches" -> "stretch",
// "running" -> "run", "hamstrings" -> "hamstr") used to look phrases up in the
// lexicon; it only needs to map a word and its inflections to the same
// string, never to be a real word.
#pragma once

#include <string>
#include <string_view>

namespace fkb::advice {

/// Appends the key of a word (any UTF-8) to out.
void append_key(std::string_view word, std::string& out);

/// The key of a word.
std::string word_key(std::string_view word);

/// Appends the stem of a key (as made by word_key) to out.
void append_stem(std::string_view key, std::string& out);

/// The stem of a key.
std::string word_stem(std::string_view key);

/// The stems of every word of a phrase, joined by single spaces: the form in
/// which the lexicon indexes synonyms ("Foam rolling" -> "foam roll").
std::string phrase_stem(std::string_view phrase);

}  // namespace fkb::advice
