"""The concurrent package for gilvm: empty, as CPython's is.

gilvm has no packages; its submodule futures is the embedded module 'concurrent.futures'
(stdlib/lib/concurrent.futures.py), which `import concurrent.futures` finds by its full name."""
