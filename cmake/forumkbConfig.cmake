# Package file for find_package(forumkb): the SDK target and forumkb_add_plugin.
include(${CMAKE_CURRENT_LIST_DIR}/forumkbTargets.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/ForumkbPlugin.cmake)
if(NOT TARGET forumkb::sdk)
  set(forumkb_FOUND FALSE)
  set(forumkb_NOT_FOUND_MESSAGE "forumkb::sdk is missing from ${CMAKE_CURRENT_LIST_DIR}/forumkbTargets.cmake")
endif()
