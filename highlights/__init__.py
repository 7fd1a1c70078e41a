"""The highlights application: the command-line interface over the library packages."""

__all__: list[str] = []
