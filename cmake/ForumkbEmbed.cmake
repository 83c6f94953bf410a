# forumkb_embed_files(TARGET NAMESPACE FILE...)
#
# Data stays in readable files (lexicons, cue lists, SQL); this compiles them
# into the target so a plugin or the binary is self-contained. It generates
# one source that defines, in NAMESPACE,
#   std::string_view embedded_file(std::string_view name);   // "" if unknown
#   const std::vector<std::string_view>& embedded_file_names();
# where name is the file's path relative to the target's source dir.
function(forumkb_embed_files target ns)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp)
  set(files ${ARGN})
  set(abs_files)
  foreach(f IN LISTS files)
    get_filename_component(a ${f} ABSOLUTE)
    list(APPEND abs_files ${a})
  endforeach()
  # The list crosses the shell joined with '|' (a ';' would end the command).
  string(REPLACE ";" "|" files_arg "${abs_files}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${ns} -DBASE=${CMAKE_CURRENT_SOURCE_DIR}
            "-DFILES=${files_arg}" -P ${FORUMKB_CMAKE_DIR}/ForumkbEmbedGenerate.cmake
    DEPENDS ${abs_files} ${FORUMKB_CMAKE_DIR}/ForumkbEmbedGenerate.cmake
    COMMENT "Embedding data files into ${target}" VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
set(FORUMKB_CMAKE_DIR ${CMAKE_CURRENT_LIST_DIR} CACHE INTERNAL "")
