library(testthat)
library(shi)

test_check("shi")
