"""Configuration for the whole test tree: offscreen Qt, the shared fixtures, and one
hypothesis profile.

Fixtures live in ``tests/helpers/fixtures.py`` (constants in ``tests/helpers``), imported
by package path. Hypothesis runs without deadlines (a key derivation or a Qt paint can take
longer than its 200 ms default on a busy machine) and keeps no example database in the
tree; ``HYPOTHESIS_PROFILE=ci`` also derandomises, so a CI failure repeats, and prints the
blob that reproduces it.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings

settings.register_profile("default", deadline=None, database=None)
settings.register_profile("ci", deadline=None, database=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

pytest_plugins = ["tests.helpers.fixtures"]
