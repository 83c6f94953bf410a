/*
 * forumkb plugin ABI.
 *
 * This header is the whole contract between the forumkb host and a loadable
 * plugin, and it is normative: every member says who owns what, for how long,
 * how often it is called and from which threads. It is plain C so that a
 * plugin can be written in any language and built with any compiler; the C++
 * kit in plugins/sdk/ hides the boilerplate.
 *
 * Rules that hold everywhere:
 *   - Strings cross the boundary as fkb_str {ptr, len} views of UTF-8 bytes.
 *     They are not NUL-terminated unless said otherwise. A view passed *into*
 *     a call is valid until that call returns; copy it to keep it.
 *   - Nothing crosses as a C++ type, and no exception may cross. A plugin
 *     reports failure by returning a status and, where a host is at hand,
 *     calling host->set_error() with a message the host copies.
 *   - Every struct that can grow starts with `uint32_t struct_size`, set by
 *     whoever fills the struct to sizeof() as it was compiled. Structs only
 *     ever grow at the end. A reader reads a member only when struct_size
 *     says the writer's struct has it.
 *   - ABI versions: a plugin built against major M, minor m loads into a host
 *     of major M and minor >= m. A new minor only appends members and enum
 *     values; a new major may change anything.
 *   - Integers that may be unknown use FKB_NULL_INT.
 */
#ifndef FORUMKB_PLUGIN_H
#define FORUMKB_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FKB_ABI_MAJOR 1
#define FKB_ABI_MINOR 0

/** The one symbol a plugin exports. */
#define FKB_PLUGIN_ENTRY_SYMBOL "fkb_plugin_entry"

/** Marks an integer member as unknown (JSON null). */
#define FKB_NULL_INT INT64_MIN

#if defined(_WIN32)
#define FKB_EXPORT __declspec(dllexport)
#else
#define FKB_EXPORT __attribute__((visibility("default")))
#endif

/* ------------------------------------------------------------------------ */
/* Basic types                                                              */
/* ------------------------------------------------------------------------ */

/** A UTF-8 string view. ptr may be NULL only when len is 0; a NULL ptr with
 *  len 0 means "absent" (JSON null) where a member says it can be absent. */
typedef struct fkb_str {
    const char* ptr;
    size_t len;
} fkb_str;

/** Status returned by every plugin function that can fail. */
typedef enum fkb_status {
    FKB_OK = 0,    /**< done; for next_thread: one thread was emitted      */
    FKB_END = 1,   /**< next_thread: the input has no more threads         */
    FKB_ERROR = 2, /**< failed; the message was given through set_error()  */
    FKB_ABORT = 3  /**< returned by host callbacks: stop now, return early */
} fkb_status;

typedef enum fkb_plugin_kind {
    FKB_KIND_SOURCE = 1,   /**< reads a dump format into threads        */
    FKB_KIND_EXTRACTOR = 2 /**< reads analyzed threads and emits facts  */
} fkb_plugin_kind;

typedef enum fkb_log_level {
    FKB_LOG_DEBUG = 0,
    FKB_LOG_INFO = 1,
    FKB_LOG_WARN = 2,
    FKB_LOG_ERROR = 3
} fkb_log_level;

/* ------------------------------------------------------------------------ */
/* Options                                                                  */
/* ------------------------------------------------------------------------ */

typedef enum fkb_option_type {
    FKB_OPT_STRING = 1,
    FKB_OPT_INT = 2,
    FKB_OPT_DOUBLE = 3,
    FKB_OPT_BOOL = 4 /**< "true" / "false" */
} fkb_option_type;

/** One option a plugin accepts. The table drives `forumkb plugins info`, the
 *  docs and validation: the host rejects an option name that is not in the
 *  table, and a value that does not parse as the type, before the plugin sees
 *  it. Strings are NUL-terminated and static (they live as long as the
 *  plugin is loaded). */
typedef struct fkb_option_spec {
    const char* name;
    fkb_option_type type;
    const char* default_value; /**< as text; NULL = no default */
    const char* help;
} fkb_option_spec;

/** An option value handed to open()/create(): validated by the host against
 *  the spec, so `value` always parses as the option's type. Every option of
 *  the table is passed, with its default when the user gave none (options
 *  without a default and without a user value are not passed). */
typedef struct fkb_option {
    fkb_str name;
    fkb_str value;
} fkb_option;

/* ------------------------------------------------------------------------ */
/* Host services                                                            */
/* ------------------------------------------------------------------------ */

/** Services the host lends to a plugin instance. The host owns it; it stays
 *  valid from open()/create() until the matching close()/destroy() returns.
 *  Its callbacks may be called from the thread that is calling the plugin. */
typedef struct fkb_host {
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;
    void* ctx; /**< pass back as the first argument of every callback */
    /** Writes a log line attributed to the plugin. */
    void (*log)(void* ctx, fkb_log_level level, fkb_str message);
    /** Sets the message for the FKB_ERROR the plugin is about to return.
     *  The host copies the message; the last call before the return wins. */
    void (*set_error)(void* ctx, fkb_str message);
} fkb_host;

/* ------------------------------------------------------------------------ */
/* Threads (what a source plugin produces, and what extractors read)        */
/* ------------------------------------------------------------------------ */

/** A span of a post's text that repeats another post. Offsets are bytes into
 *  the quoting post's text; post_id names the quoted post. */
typedef struct fkb_quote {
    uint64_t start;
    uint64_t end;
    fkb_str post_id;
} fkb_quote;

/** Platform signals about the author. Unknown ints are FKB_NULL_INT; unknown
 *  strings are {NULL, 0}. */
typedef struct fkb_author_signals {
    int64_t post_count;
    fkb_str role;
    int64_t level;
    int64_t reputation;
    fkb_str flair;
} fkb_author_signals;

typedef struct fkb_post {
    uint32_t struct_size;
    fkb_str post_id;   /**< unique within the thread; never absent */
    fkb_str parent_id; /**< absent for the opening post and flat replies */
    fkb_str author;    /**< absent when the copy does not carry it */
    fkb_author_signals signals;
    fkb_str created;      /**< ISO-8601, or absent */
    fkb_str created_text; /**< the age as the page showed it, or absent */
    fkb_str text;         /**< the post body, UTF-8, furniture removed */
    int64_t likes;        /**< FKB_NULL_INT when the page has no likes */
    int64_t score;        /**< FKB_NULL_INT when the page has no score */
    int32_t accepted;     /**< 1 accepted / best answer, 0 not */
    const fkb_quote* quotes;
    size_t n_quotes;
    fkb_str signature; /**< a name the post is signed with, or absent */
} fkb_post;

typedef struct fkb_thread {
    uint32_t struct_size;
    fkb_str source;    /**< short source name, e.g. "vanilla" */
    fkb_str thread_id; /**< unique within the source; never absent */
    fkb_str url;
    fkb_str title;
    fkb_str forum;
    fkb_str category;
    const fkb_post* posts; /**< posts[0] is the opening post */
    size_t n_posts;
} fkb_thread;

/* ------------------------------------------------------------------------ */
/* Source plugins                                                           */
/* ------------------------------------------------------------------------ */

/** A byte stream the host opened for a source plugin: a file, stdin, a
 *  decompressed stream or an archive member. The host owns it; it is valid
 *  from open() until close() returns. */
typedef struct fkb_input {
    uint32_t struct_size;
    void* ctx;
    fkb_str name;      /**< file name (or member path) for messages and sniffing */
    int64_t size;      /**< total bytes if known, else -1 */
    /** Reads up to cap bytes into buf. Returns the count read (> 0), 0 at the
     *  end of the input, or -1 on an I/O error (the host reports it). */
    int64_t (*read)(void* ctx, void* buf, size_t cap);
} fkb_input;

/** Where a rejected record was found: 1-based line (0 if unknown) and byte
 *  offset (-1 if unknown) in the input. */
typedef struct fkb_location {
    uint64_t line;
    int64_t offset;
} fkb_location;

/** What next_thread() hands its results to. The host owns it; valid during
 *  the next_thread() call only. */
typedef struct fkb_thread_sink {
    uint32_t struct_size;
    void* ctx;
    /** Emits one complete thread. The host copies what it needs before it
     *  returns, so the plugin may free or reuse every buffer afterwards.
     *  Returns FKB_OK, or FKB_ABORT when the host wants the plugin to stop
     *  (the plugin then returns FKB_END from next_thread). */
    fkb_status (*emit_thread)(void* ctx, const fkb_thread* thread);
    /** Sets a malformed record aside: reason is one line, excerpt a short
     *  piece of the record (may be absent). The plugin then goes on with the
     *  next record where the format allows. */
    void (*reject)(void* ctx, fkb_str reason, fkb_location where, fkb_str excerpt);
} fkb_thread_sink;

typedef struct fkb_source_api {
    uint32_t struct_size;
    /** How sure the plugin is that `head` (the first bytes of the input, at
     *  most 64 KiB, possibly cut mid-character) is its format, in [0, 1].
     *  0.9 and up: certain; 0.5: plausible by name only; 0: not mine.
     *  Pure function: any thread, any time, no instance needed. */
    double (*sniff)(fkb_str head, fkb_str file_name);
    /** Starts reading one input. On FKB_OK *state is the plugin's instance,
     *  later passed to next_thread() and close(). On FKB_ERROR the plugin
     *  called host->set_error() and close() is not called. Options were
     *  validated against the descriptor's table. */
    fkb_status (*open)(const fkb_host* host, const fkb_input* input,
                       const fkb_option* options, size_t n_options, void** state);
    /** Reads until one thread is complete and emits it through the sink
     *  (FKB_OK), or reports that the input is exhausted (FKB_END), or fails
     *  for good (FKB_ERROR; set_error() was called; what was emitted before
     *  is kept). A thread may be emitted with zero posts only if the format
     *  allows it; a malformed record is rejected through the sink and the
     *  call goes on. Called repeatedly from one thread at a time. */
    fkb_status (*next_thread)(void* state, const fkb_thread_sink* sink);
    /** Ends the instance: called exactly once for each successful open(). */
    void (*close)(void* state);
} fkb_source_api;

/* ------------------------------------------------------------------------ */
/* Analyzed threads (what extractor plugins read)                           */
/* ------------------------------------------------------------------------ */

/** A byte range [start, end) into a post's original text. */
typedef struct fkb_span {
    uint32_t start;
    uint32_t end;
} fkb_span;

/** Token flags. */
#define FKB_TOKEN_WORD 0x1u   /**< letters or digits */
#define FKB_TOKEN_PUNCT 0x2u  /**< punctuation */
#define FKB_TOKEN_NUMBER 0x4u /**< starts with a digit */
#define FKB_TOKEN_EMOJI 0x8u  /**< pictographic symbol */
#define FKB_TOKEN_UPPER 0x10u /**< all letters upper case in the original */

typedef struct fkb_token {
    uint32_t start; /**< byte offsets into the original post text */
    uint32_t end;
    fkb_str norm;   /**< normalized, case-folded form ("don't" for "Don’t") */
    fkb_str lemma;  /**< light lemma for matching ("run" for "running") */
    uint32_t flags;
    uint32_t sentence; /**< index into the post's sentences */
} fkb_token;

/** Context scope kinds (ConText-style). */
typedef enum fkb_scope_kind {
    FKB_SCOPE_NEGATION = 1,     /**< "I don't believe X", "ruled out X"       */
    FKB_SCOPE_HEDGE = 2,        /**< "probably", "may be", "sounds like"      */
    FKB_SCOPE_QUESTION = 3,     /**< a question: a suggestion, not a fact     */
    FKB_SCOPE_CONDITIONAL = 4,  /**< "if its upper ..."                       */
    FKB_SCOPE_EXPERIENCER = 5,  /**< who it happens to, see value             */
    FKB_SCOPE_HISTORY = 6,      /**< "I had", "used to"                       */
    FKB_SCOPE_OUTCOME = 7       /**< "went away", "didn't help", see value    */
} fkb_scope_kind;

/** A trigger and the part of its sentence it governs. `value` refines the
 *  kind: for HEDGE "probable" or "possible"; for EXPERIENCER "author",
 *  "addressee", "other" or "generic"; for OUTCOME "resolved", "improved",
 *  "no_effect" or "worse"; for CONDITIONAL the condition's text
 *  normalized ("upper"); otherwise empty. */
typedef struct fkb_scope {
    uint32_t kind; /**< fkb_scope_kind */
    uint32_t sentence;
    fkb_span trigger;
    fkb_span scope;
    fkb_str value;
} fkb_scope;

/** A span of a post that repeats an earlier post (found by the host's text
 *  analysis whatever the source plugin said). */
typedef struct fkb_quoted_span {
    fkb_span span;        /**< in this post */
    uint32_t source_post; /**< index of the quoted post in the thread */
    fkb_span source_span; /**< in the quoted post */
} fkb_quoted_span;

/** The host's analysis of one post. Arrays are sorted by start offset. */
typedef struct fkb_post_analysis {
    uint32_t struct_size;
    const fkb_span* sentences;
    size_t n_sentences;
    const fkb_token* tokens;
    size_t n_tokens;
    const fkb_scope* scopes;
    size_t n_scopes;
    const fkb_quoted_span* quoted;
    size_t n_quoted;
} fkb_post_analysis;

/** A thread with its analysis. posts[i] analyzes thread->posts[i]. Owned by
 *  the host and valid during the extract() call only. */
typedef struct fkb_thread_view {
    uint32_t struct_size;
    const fkb_thread* thread;
    const fkb_post_analysis* posts;
    size_t n_posts;
    fkb_str source_file; /**< the input the thread came from */
} fkb_thread_view;

/* ------------------------------------------------------------------------ */
/* Facts (what extractor plugins produce)                                   */
/* ------------------------------------------------------------------------ */

typedef enum fkb_value_type {
    FKB_VALUE_STRING = 1,
    FKB_VALUE_INT = 2,    /**< text holds a decimal integer */
    FKB_VALUE_DOUBLE = 3, /**< text holds a decimal number  */
    FKB_VALUE_BOOL = 4,   /**< "true" or "false"            */
    FKB_VALUE_NULL = 5
} fkb_value_type;

/** One attribute of a fact. The key names a member of the fact record in
 *  schemas/facts.schema.json ("certainty", "polarity", "experiencer",
 *  "outcome", "dosage", "symptom", "cause", "remedy", "condition",
 *  "signal", "value", "weight", "author", "target_post" ...); a dotted key
 *  ("qualifiers.location") sets a member of a nested object. */
typedef struct fkb_attr {
    fkb_str key;
    fkb_value_type type;
    fkb_str value;
} fkb_attr;

typedef struct fkb_evidence {
    uint32_t post;     /**< index of the post in the thread */
    uint32_t start;    /**< byte offsets into that post's text */
    uint32_t end;
    uint32_t sentence; /**< index of the sentence holding start */
} fkb_evidence;

typedef struct fkb_fact {
    uint32_t struct_size;
    fkb_str kind;    /**< "symptom", "cause", "remedy", "credibility",
                          "endorsement", "triple" */
    fkb_str concept_id; /**< concept id (not `concept`: a C++20 keyword); absent for kinds without one */
    fkb_str label;   /**< preferred label, human readable */
    fkb_evidence evidence;
    const fkb_attr* attrs;
    size_t n_attrs;
    /** Posts supporting the fact (triples, endorsed claims); may be empty. */
    const uint32_t* support;
    size_t n_support;
    /** Evidence that is not a span of the post's text: what the page shows
     *  beside the post for a platform signal ("Lv 7", "Posts: 40",
     *  "Best Answer"). When present, evidence.start == evidence.end and the
     *  host reports this text as the evidence text instead of the empty
     *  slice of the post; absent ({NULL, 0}) for every evidence that is in
     *  the text. Read only when struct_size covers it (appended member). */
    fkb_str evidence_text;
} fkb_fact;

/** Where extract() sends facts. Owned by the host; valid during extract(). */
typedef struct fkb_fact_sink {
    uint32_t struct_size;
    void* ctx;
    /** Emits one fact. The host validates and copies it before returning.
     *  Returns FKB_OK, or FKB_ABORT: stop extracting and return FKB_OK. An
     *  invalid fact (unknown kind, evidence outside the post) is reported
     *  by the host as the plugin's error and FKB_ERROR is returned. */
    fkb_status (*emit)(void* ctx, const fkb_fact* fact);
} fkb_fact_sink;

typedef struct fkb_extractor_api {
    uint32_t struct_size;
    /** Makes an instance. The host makes one instance per worker thread and
     *  calls each instance from one thread at a time; instances may run
     *  concurrently, so shared plugin data must be immutable or locked. On
     *  FKB_ERROR, set_error() was called and destroy() is not called. */
    fkb_status (*create)(const fkb_host* host, const fkb_option* options,
                         size_t n_options, void** state);
    /** Extracts the facts of one thread. Called any number of times. */
    fkb_status (*extract)(void* state, const fkb_thread_view* view,
                          const fkb_fact_sink* sink);
    /** Called exactly once for each successful create(). */
    void (*destroy)(void* state);
} fkb_extractor_api;

/* ------------------------------------------------------------------------ */
/* The descriptor                                                           */
/* ------------------------------------------------------------------------ */

/** What fkb_plugin_entry() returns: static data that lives as long as the
 *  plugin is loaded. The host checks, in order: the symbol exists; abi_major
 *  equals the host's and abi_minor is not newer; struct_size covers every
 *  member of ABI 1.0; name, version and the kind's api are set and the api's
 *  functions are non-NULL; kind is known; the name is not taken. */
typedef struct fkb_plugin_descriptor {
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;
    fkb_plugin_kind kind;
    const char* name;        /**< unique, [a-z0-9_]+, e.g. "source_jsonl"   */
    const char* version;     /**< the plugin's own version, e.g. "1.2.0"    */
    const char* description; /**< one line */
    const char* license;     /**< SPDX id, may be NULL */
    const fkb_option_spec* options;
    size_t n_options;
    const fkb_source_api* source;       /**< set iff kind is SOURCE    */
    const fkb_extractor_api* extractor; /**< set iff kind is EXTRACTOR */
    void* reserved[8];                  /**< zero */
} fkb_plugin_descriptor;

/** The entry point. Called once after the plugin is loaded, from the host's
 *  main thread; returns a pointer to static data. */
typedef const fkb_plugin_descriptor* (*fkb_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* FORUMKB_PLUGIN_H */
