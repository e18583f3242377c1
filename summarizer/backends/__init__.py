"""Backends: what turns a cleaned article into an ``Extraction``.

``_openai`` (any OpenAI-compatible endpoint, via instructor), ``_openai_batch`` (the Batch
API / vLLM run-batch path) and ``offline`` (deterministic rules, no model) sit side by side.
"""
