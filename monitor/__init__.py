"""monitor: watch news pages for follow-up coverage of policy pledges and mail a digest."""

__version__ = "0.1.0"
# Names the tool and where to read about it, so a site's admin can tell who is calling.
USER_AGENT = f"monitor/{__version__} (+https://github.com/monitor-pledges/monitor; news monitor)"

# The patterns the build recorded (scripts/native), made from their compiled code: a run's
# start no longer waits ~0.2 s for re to compile them (monitor/native.py)
from monitor.native import use_patterns  # noqa: E402

use_patterns()
