"""The NLP layer: the spaCy pipeline and wirewatch's extractor components."""

from wirewatch.nlp.pipeline import load_pipeline

__all__ = ["load_pipeline"]
