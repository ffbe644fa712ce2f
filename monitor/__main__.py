"""`python -m monitor`: the same as the `monitor` console script."""

import gc

# Importing the commands makes ~30,000 objects that all live for the whole run, and the collector
# walked them ~80 times on the way (about a tenth of the imports' CPU, before the pass can start);
# console() turns it on again.
gc.disable()

from monitor.cli import console  # noqa: E402 - imported with the collector off

console()
