"""The one place that finds the files under ``resources/`` (fonts, icons, style sheet...).

``resources/`` is installed as the package ``ipt_desktop_resources`` (setup.py maps the
folder), so importlib.resources finds it the same way in an editable install, an installed
wheel and the PyInstaller bundle (which collects it as that package, see ipt_desktop.spec).
"""

from importlib import resources
from pathlib import Path

PACKAGE = "ipt_desktop_resources"


def resources_dir() -> Path:
    """The installed ``resources`` folder, as a real directory on disk."""
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError:
        raise FileNotFoundError(
            f"the application's resources ({PACKAGE}) are not installed"
        ) from None
    path = Path(str(root))
    if not path.is_dir():  # e.g. a zipped install: reportlab and Qt need real files
        raise FileNotFoundError(f"the application's resources are not a folder: {path}")
    return path


def resource_path(*parts: str) -> Path:
    """The file or folder ``parts`` under ``resources``; FileNotFoundError names it."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {'/'.join(parts)} (looked in {path.parent})")
    return path
