# Warning flags shared by every target of the project.
add_library(forumkb_warnings INTERFACE)
target_compile_options(forumkb_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wno-missing-field-initializers>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra -Wpedantic>
  $<$<BOOL:${FORUMKB_WERROR}>:-Werror>)
# GCC 12 reports -Wrestrict inside libstdc++'s own std::string code when a
# short string is inserted or replaced at optimization levels -O2 and up (a
# known false positive of GCC 12, fixed in 13); it says nothing about our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(forumkb_warnings INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
endif()
