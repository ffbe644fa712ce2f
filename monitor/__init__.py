"""monitor: watch news pages for follow-up coverage of policy pledges and mail a digest."""

__version__ = "0.1.0"
USER_AGENT = f"monitor/{__version__} (+https://github.com/monitor-pledges/monitor; policy-pledge news monitor)"
