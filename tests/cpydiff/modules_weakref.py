# difference: There is no `weakref` module
# cause: Weak references need cooperation from the collector that gilvm's does not have yet.
# workaround: Keep explicit registries and remove entries when done.
import weakref
print("imported")
