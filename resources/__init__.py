"""The application's data files (fonts, icons, style sheet, desktop file, licences).

This folder sits at the top of the repository and is installed as the package
``ipt_desktop_resources`` (see setup.py and pyproject.toml); ``ipt_desktop.resource_files``
finds it with importlib.resources in an editable install, a wheel and the PyInstaller bundle.
"""
