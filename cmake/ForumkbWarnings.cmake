# Warning flags shared by every target of the project.
add_library(forumkb_warnings INTERFACE)
target_compile_options(forumkb_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wno-missing-field-initializers>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra -Wpedantic>
  $<$<BOOL:${FORUMKB_WERROR}>:-Werror>)
