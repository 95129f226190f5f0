"""The one compiled part: pdfium's characters and path points read in bulk (ingest/pdf/pdfium_calls.py).
Optional: without a C compiler the install goes on, and the reader makes the same calls through
ctypes, slower. Everything else is in pyproject.toml."""
from setuptools import Extension, setup

# -ffp-contract=off: no fused multiply-add, so the C arithmetic rounds as Python's does
setup(ext_modules=[Extension("ingest.pdf._pdfium_bulk", ["ingest/pdf/_pdfium_bulk.c"],
                             extra_compile_args=["-ffp-contract=off"], optional=True)])
