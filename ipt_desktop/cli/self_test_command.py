"""Commands registered by their owning module (see ipt_desktop/cli/main.py)."""

import argparse


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """No commands yet."""
