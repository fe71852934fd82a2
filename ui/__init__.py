"""The Qt layer of ipt-desktop (PySide6 widgets, models, dialogs)."""
