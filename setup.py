"""Only what pyproject.toml cannot say: ``resources/`` installed as the package
``ipt_desktop_resources`` next to the packages found in the tree (everything else is in
pyproject.toml)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["ipt_desktop*", "ui*"]), "ipt_desktop_resources"],
    package_dir={"ipt_desktop_resources": "resources"},
)
