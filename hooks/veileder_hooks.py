"""MkDocs hooks: the handlingsveileder package's (see handlingsveileder.mkdocs_hooks)."""

from handlingsveileder.mkdocs_hooks import *  # noqa: F403
