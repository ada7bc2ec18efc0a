"""Running the pipeline over many articles: local worker processes, one writer."""

from wirewatch.batch.ingest import IngestSummary, ingest

__all__ = ["IngestSummary", "ingest"]
