# Installation: the binary, the built-in plugins, and the SDK as a CMake
# package (find_package(forumkb) + forumkb_add_plugin) for outside plugins.
if(TARGET forumkb)
  install(TARGETS forumkb RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/core/include/forumkb/plugin.h
              ${PROJECT_SOURCE_DIR}/plugins/sdk/include/forumkb/sdk.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/forumkb)
# Exported as forumkb::sdk, the name forumkb_add_plugin() links.
set_target_properties(forumkb_sdk PROPERTIES EXPORT_NAME sdk)
install(TARGETS forumkb_sdk EXPORT forumkbTargets)
install(EXPORT forumkbTargets NAMESPACE forumkb:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/forumkb)
include(CMakePackageConfigHelpers)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/forumkbConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_SOURCE_DIR}/cmake/forumkbConfig.cmake
              ${PROJECT_SOURCE_DIR}/cmake/ForumkbPlugin.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/forumkbConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/forumkb)
