"""Which backend a model name means: registered names first, else the openai backend."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from summarizer.backends._base import Backend
from summarizer.backends.offline import OFFLINE, OfflineBackend
from summarizer.infra._settings import Settings

BackendFactory = Callable[[Settings], Backend]
_FACTORIES: dict[str, BackendFactory] = {OFFLINE: lambda settings: OfflineBackend(ner=settings.ner)}


def register_backend(name: str, factory: BackendFactory) -> None:
    """Make ``model=name`` (and ``--model name``) build its backend with ``factory(settings)``."""
    _FACTORIES[name] = factory


def unregister_backend(name: str) -> None:
    """Forget a registered name (``offline`` stays)."""
    if name != OFFLINE:
        _FACTORIES.pop(name, None)


def backend_for(settings: Settings, client: Any = None) -> Backend:
    """The backend ``settings`` ask for; a caller's openai ``client`` means the openai backend."""
    if client is None:
        factory = _FACTORIES.get(settings.resolved_model)
        if factory is not None:
            return factory(settings)
    # Imported here, not at the top: the openai SDK and instructor cost ~1 s of CPU that
    # the offline backend and `summarizer --help` never need.
    from summarizer.backends._openai import OpenAIBackend

    return OpenAIBackend(settings, client)
