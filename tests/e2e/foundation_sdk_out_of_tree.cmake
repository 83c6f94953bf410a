# The plugin author's path, end to end, using the library only the way an
# outside user would (as fmt's find-package-test does):
#   1. install this build to a fresh prefix;
#   2. remove the installed source_example, so only an out-of-tree build can
#      provide it;
#   3. configure and build plugins/example_source as a separate project that
#      sees nothing but the prefix (find_package(forumkb));
#   4. `forumkb plugins check` the result with the installed binary;
#   5. parse and ingest the plugin's sample through --plugin-dir, and show
#      that without it the installed binary cannot read the sample.
# Usage: cmake -DBIN=<build dir> -DSRC=<source dir> -DWORK=<scratch dir> -P this
foreach(v BIN SRC WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "${v} is not set")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(prefix ${WORK}/prefix)

function(run what expect_rc)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "${expect_rc}")
    message(FATAL_ERROR "${what}: exit ${rc}, expected ${expect_rc}\n${out}\n${err}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()

run("install" 0 ${CMAKE_COMMAND} --install ${BIN} --prefix ${prefix})
foreach(f include/forumkb/plugin.h include/forumkb/sdk.hpp lib/cmake/forumkb/forumkbConfig.cmake bin/forumkb)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(REMOVE ${prefix}/lib/forumkb/plugins/source_example.so)

# A copy of the template, as an author would start.
file(COPY ${SRC}/plugins/example_source DESTINATION ${WORK})
set(generator_args)
find_program(ninja ninja)
if(ninja)
  set(generator_args -G Ninja)
endif()
run("configure out of tree" 0 ${CMAKE_COMMAND} -S ${WORK}/example_source -B ${WORK}/build ${generator_args}
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run("build out of tree" 0 ${CMAKE_COMMAND} --build ${WORK}/build)
set(module ${WORK}/build/source_example.so)
if(NOT EXISTS ${module})
  message(FATAL_ERROR "no module at ${module}")
endif()

set(forumkb ${prefix}/bin/forumkb)
run("plugins check" 0 ${forumkb} plugins check ${module})
if(NOT last_out MATCHES "^ok: .*source_example 1.0.0 \\(source plugin, ABI 1.0\\)")
  message(FATAL_ERROR "unexpected check output: ${last_out}")
endif()

set(sample ${SRC}/corpora/example/two_threads.fkbx)
run("parse without the plugin" 2 ${forumkb} parse ${sample})
if(NOT last_err MATCHES "no source plugin recognizes this input")
  message(FATAL_ERROR "unexpected error: ${last_err}")
endif()
run("parse with the plugin" 0 ${forumkb} --plugin-dir ${WORK}/build parse ${sample})
string(REGEX MATCHALL "\n" lines "${last_out}")
list(LENGTH lines n)
if(NOT n EQUAL 2)
  message(FATAL_ERROR "expected 2 threads, got ${n}:\n${last_out}")
endif()
run("ingest with the plugin" 0 ${forumkb} --plugin-dir ${WORK}/build ingest ${sample} --db ${WORK}/kb.sqlite --no-progress)
if(NOT last_out MATCHES "ingested 2 threads \\(4 posts")
  message(FATAL_ERROR "unexpected ingest output: ${last_out}")
endif()
message(STATUS "out-of-tree plugin built, checked and ingested: ${module}")
