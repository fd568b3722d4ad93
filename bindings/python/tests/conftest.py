"""The shi command the bindings are compared with: SHI_CLI (set by CTest)."""
import os
import shutil

import pytest


@pytest.fixture(scope="session")
def shi_cli():
    cli = os.environ.get("SHI_CLI") or shutil.which("shi")
    if not cli:
        pytest.skip("no shi command to compare with (set SHI_CLI)")
    return cli
