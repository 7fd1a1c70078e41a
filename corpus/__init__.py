"""The archive: ingestion, storage, search and exports."""

__all__: list[str] = []
