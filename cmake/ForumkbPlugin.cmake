# forumkb_add_plugin(NAME SOURCES...)
#
# Builds a loadable forumkb plugin module named NAME (NAME.so) from SOURCES,
# against the SDK only. Used for the built-in plugins and, once installed,
# by outside projects after find_package(forumkb).
function(forumkb_add_plugin name)
  add_library(${name} MODULE ${ARGN})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(TARGET forumkb::sdk)
    target_link_libraries(${name} PRIVATE forumkb::sdk)
  endif()
  if(DEFINED FORUMKB_PLUGIN_OUTPUT_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${FORUMKB_PLUGIN_OUTPUT_DIR})
  endif()
  if(COMMAND forumkb_plugin_hook)
    forumkb_plugin_hook(${name})
  endif()
endfunction()
