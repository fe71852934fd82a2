"""Hand-over mode: the client answers their own questionnaires (issue 18).

The shell (ui/app) creates the view, seals every answer, and ends every way out in the
lock screen; this package only shows questions and reports answers.
"""

from .handover_view import HandoverView

__all__ = ["HandoverView"]
