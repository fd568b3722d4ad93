# The module table of DESIGN.md section 6, enforced by the build.
#
# Each module of src/ is one OBJECT library. It compiles against an include
# tree of its own (build/inc/<module>/shi/), which holds links to the public
# headers of the module itself and of the modules its row allows, and nothing
# else: a forbidden `#include <shi/...>` fails to compile ("No such file").
# A second guard, cmake/check_modules.cmake, runs after libshi is linked and
# reads the undefined shi_* symbols of every object file with nm: a call into
# a module the row does not allow fails the build too (this is what keeps the
# report from calling a model, even though it may see the models' result
# types through the analysis headers). tests/module_rules.sh greps the
# includes as a third, source-level guard.
#
# To add a header: list it under its module below (configure fails otherwise).

set(SHI_MODULES core io panel measures models analysis output report tables bind)

# Which modules' headers a module may include, and whose functions it may call.
set(SHI_USES_core "")
set(SHI_USES_io core)
set(SHI_USES_panel core io)
set(SHI_USES_measures core panel)
set(SHI_USES_models core panel measures)
set(SHI_USES_analysis core panel measures models)
set(SHI_USES_output core panel)
set(SHI_USES_report core panel output analysis)
# tables: the tables of the commands that the bindings return too
# (shi/tables.h): they compute the measures they show, so, unlike report, they
# call the measures and models.
set(SHI_USES_tables core panel measures models analysis output)
# bind: the flat API of other languages' bindings (shi/bind.h), a front end
# like the command, so it may use every module.
set(SHI_USES_bind core io panel measures models analysis output report tables)
# "results only": the report sees the types that the analysis headers expose
# (and the headers those include), but may call nothing of those modules.
set(SHI_RESULTS_report analysis)

# Public headers (include/shi/) by module.
set(SHI_HEADERS_core api.h error.h missing.h rng.h outfile.h)
set(SHI_HEADERS_io csv.h io.h io_conflict.h io_dyad.h io_econ.h io_energy.h io_events.h
  io_national.h io_unsc.h io_sipri.h io_trade.h)
set(SHI_HEADERS_panel states.h panel.h data.h dyadic.h relations.h events.h frame.h dyads.h
  flows.h energy.h geo.h)
set(SHI_HEADERS_measures power.h similarity.h dependence.h trade.h threat.h align.h dyadvars.h eu.h
  mktrend.h geography.h energy_share.h sphere.h stateyears.h)
set(SHI_HEADERS_models coop.h coop_dyad.h drivers.h drivers_id.h dyad_drivers.h unitroot.h mnl.h eu_replicate.h
  validate.h formation.h scenarios.h)
set(SHI_HEADERS_analysis pair.h drivers_pair.h drivers_reference.h threat_validate.h futures.h)
set(SHI_HEADERS_output table.h frame_io.h svg.h cite.h)
set(SHI_HEADERS_report report.h coop_svg.h futures_svg.h)
set(SHI_HEADERS_tables tables.h)
set(SHI_HEADERS_bind bind.h)
# The umbrella header includes everything; it belongs to no module.
set(SHI_HEADERS_umbrella shi.h)

# Every header in include/shi must be listed (a new header needs a module).
file(GLOB _all_headers RELATIVE ${CMAKE_SOURCE_DIR}/include/shi ${CMAKE_SOURCE_DIR}/include/shi/*.h)
set(_listed ${SHI_HEADERS_umbrella})
foreach(m ${SHI_MODULES})
  list(APPEND _listed ${SHI_HEADERS_${m}})
endforeach()
foreach(h ${_all_headers})
  if(NOT h IN_LIST _listed)
    message(FATAL_ERROR "include/shi/${h} belongs to no module: list it in cmake/modules.cmake")
  endif()
endforeach()

# The headers `h` includes from include/shi, transitively, appended to `var`.
function(shi_header_closure var)
  set(todo ${${var}})
  set(seen ${${var}})
  while(todo)
    list(POP_FRONT todo h)
    if(EXISTS ${CMAKE_SOURCE_DIR}/include/shi/${h})
      file(STRINGS ${CMAKE_SOURCE_DIR}/include/shi/${h} incs REGEX "^#[ ]*include <shi/")
      foreach(line ${incs})
        string(REGEX REPLACE ".*<shi/([^>]+)>.*" "\\1" inc "${line}")
        if(NOT inc IN_LIST seen)
          list(APPEND seen ${inc})
          list(APPEND todo ${inc})
        endif()
      endforeach()
    endif()
  endwhile()
  set(${var} ${seen} PARENT_SCOPE)
endfunction()

# The public headers module `m` may include, into `var`: its own, those of
# the modules its row allows, and for a "results only" row the closure of the
# result modules' headers.
function(shi_module_visible m var)
  set(visible ${SHI_HEADERS_${m}})
  foreach(u ${SHI_USES_${m}})
    list(APPEND visible ${SHI_HEADERS_${u}})
  endforeach()
  if(SHI_RESULTS_${m})
    set(extra "")
    foreach(r ${SHI_RESULTS_${m}})
      list(APPEND extra ${SHI_HEADERS_${r}})
    endforeach()
    shi_header_closure(extra)
    list(APPEND visible ${extra})
  endif()
  list(REMOVE_DUPLICATES visible)
  set(${var} ${visible} PARENT_SCOPE)
endfunction()

# Build the include tree of module `m` in ${CMAKE_BINARY_DIR}/inc/${m}.
function(shi_module_include_tree m)
  set(dir ${CMAKE_BINARY_DIR}/inc/${m}/shi)
  file(REMOVE_RECURSE ${CMAKE_BINARY_DIR}/inc/${m})
  file(MAKE_DIRECTORY ${dir})
  shi_module_visible(${m} visible)
  foreach(h ${visible})
    if(EXISTS ${CMAKE_SOURCE_DIR}/include/shi/${h})
      file(CREATE_LINK ${CMAKE_SOURCE_DIR}/include/shi/${h} ${dir}/${h} SYMBOLIC)
    endif()
  endforeach()
endfunction()
