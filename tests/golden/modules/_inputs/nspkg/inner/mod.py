where = "nspkg.inner.mod"
