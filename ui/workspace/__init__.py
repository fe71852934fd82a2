"""The client workspace: overview, sessions, inventory, formulation, life events, termination."""

from .client_workspace import ClientWorkspace

__all__ = ["ClientWorkspace"]
