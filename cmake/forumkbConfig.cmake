# Package file for find_package(forumkb): the SDK target and forumkb_add_plugin.
include(${CMAKE_CURRENT_LIST_DIR}/forumkbTargets.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/ForumkbPlugin.cmake)
