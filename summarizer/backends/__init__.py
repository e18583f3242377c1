"""Backends: what turns a cleaned article into an ``Extraction``, behind one protocol.

``_openai`` (any OpenAI-compatible endpoint, via instructor), ``_openai_batch`` (the Batch
API / vLLM run-batch path) and ``offline/`` (deterministic rules, no model) sit side by
side. `register_backend` adds one under a model name.
"""

from summarizer.backends._base import Backend, Calls
from summarizer.backends._registry import backend_for, register_backend, unregister_backend

__all__ = ["Backend", "Calls", "backend_for", "register_backend", "unregister_backend"]
