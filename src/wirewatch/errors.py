"""The error hierarchy. Every message names the input and the reason, in one line.

The CLI catches :class:`WirewatchError` and prints it; anything else is a bug and keeps
its traceback.
"""


class WirewatchError(Exception):
    """Base class for errors a user can act on."""


class InputError(WirewatchError):
    """An input could not be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(WirewatchError):
    """A setting is wrong (unknown spaCy model, bad value)."""


class StoreError(WirewatchError):
    """The database could not be opened, or an article could not be written to it."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
