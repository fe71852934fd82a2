"""The application shell: start-up, first run, unlock, main window, auto-lock, settings."""
