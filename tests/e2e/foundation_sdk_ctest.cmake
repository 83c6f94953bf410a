# Registers foundation_sdk_out_of_tree: plugins/example_source built against
# the installed SDK only (see foundation_sdk_out_of_tree.cmake).
add_test(NAME foundation_sdk_out_of_tree
         COMMAND ${CMAKE_COMMAND} -DBIN=${PROJECT_BINARY_DIR} -DSRC=${PROJECT_SOURCE_DIR}
                 -DWORK=${PROJECT_BINARY_DIR}/tests/sdk-out-of-tree
                 -P ${CMAKE_CURRENT_LIST_DIR}/foundation_sdk_out_of_tree.cmake)
set_tests_properties(foundation_sdk_out_of_tree PROPERTIES TIMEOUT 600 LABELS "e2e;sdk")
