"""Invented clients for the demo practice, one a module. Every name, event and note is fiction.

Each client is one story: a note mentions a life event only once it has happened (the
``mentions`` of a ``Beat``), the techniques ticked are the ones the note describes, and the
opening answer follows the measures (a better week when the PHQ-9 fell or is minimal).
Grief is used only for a death; other losses are role transitions.
"""

from .ada import ADA
from .bram import BRAM
from .eleni import ELENI
from .marisol import MARISOL
from .salma import SALMA
from .timofey import TIMOFEY

__all__ = ["ADA", "BRAM", "ELENI", "MARISOL", "SALMA", "TIMOFEY"]
