# The source-level guard of the module table (cmake/modules.cmake), run by
# CTest as `module_rules`: every #include in src/<module>/ names a header the
# module's row allows, and every relative include ("../<other>/...") reaches
# only into an allowed module. The build enforces the same through include
# trees and nm (cmake/check_modules.cmake); this test says it in terms of the
# source, so a rule broken by a file the build does not compile (or a
# relative include that slips past the include tree) is caught too.
#   cmake -DSHI_ROOT=<repo> -P tests/module_rules.cmake
cmake_minimum_required(VERSION 3.21)
# In script mode CMake sets CMAKE_SOURCE_DIR to the working directory.
set(CMAKE_SOURCE_DIR ${SHI_ROOT})
include(${CMAKE_SOURCE_DIR}/cmake/modules.cmake)

set(bad "")
# (src/cli may use every module and is not checked.)
foreach(m ${SHI_MODULES})
  shi_module_visible(${m} visible)
  set(dirs ${m} ${SHI_USES_${m}})
  file(GLOB files ${CMAKE_SOURCE_DIR}/src/${m}/*.c ${CMAKE_SOURCE_DIR}/src/${m}/*.h)
  # The module's own public headers must also keep to its row.
  foreach(h ${SHI_HEADERS_${m}})
    list(APPEND files ${CMAKE_SOURCE_DIR}/include/shi/${h})
  endforeach()
  foreach(f ${files})
    if(NOT EXISTS ${f})
      continue()
    endif()
    file(STRINGS ${f} incs REGEX "^#[ ]*include [<\"]")
    file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR} ${f})
    foreach(line ${incs})
      if(line MATCHES "<shi/([^>]+)>")
        set(h ${CMAKE_MATCH_1})
        if(f MATCHES "/include/shi/")
          # A public header of module m may include headers of m and its uses only.
          set(hv ${SHI_HEADERS_${m}})
          foreach(u ${SHI_USES_${m}})
            list(APPEND hv ${SHI_HEADERS_${u}})
          endforeach()
          if(m STREQUAL "analysis" OR m STREQUAL "report")
            set(hv ${visible})
          endif()
          if(NOT h IN_LIST hv)
            list(APPEND bad "${rel}: includes <shi/${h}>, outside its module's row")
          endif()
        elseif(NOT h IN_LIST visible)
          list(APPEND bad "${rel}: includes <shi/${h}>, which src/${m} may not use")
        endif()
      elseif(line MATCHES "\"\\.\\./([a-z]+)/")
        if(NOT CMAKE_MATCH_1 IN_LIST dirs)
          list(APPEND bad "${rel}: includes from src/${CMAKE_MATCH_1}, which src/${m} may not use")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()
if(bad)
  list(JOIN bad "\n  " msg)
  message(FATAL_ERROR "module rules broken:\n  ${msg}")
endif()
message(STATUS "module rules: every include of src/ keeps to DESIGN.md's table")
