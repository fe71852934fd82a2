"""``ipt-desktop``: the GUI, or a headless sub-command handed to ``ipt_desktop.cli``.

    ipt-desktop [--vault DIR] [--demo]      start the GUI
    ipt-desktop COMMAND ...                 run a CLI command (init, demo, backup, verify, ...)

This is also the PyInstaller entry script.
"""

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

GUI_USAGE = "ipt-desktop [--vault DIR] [--demo]    (or: ipt-desktop COMMAND --help)"


def gui_parser() -> argparse.ArgumentParser:
    from ipt_desktop.cli.arg_parser import ArgumentParser

    parser = ArgumentParser(
        prog="ipt-desktop",
        usage=GUI_USAGE,
        description="Encrypted records for Interpersonal Psychotherapy: start the window.",
        add_help=False,
    )
    parser.add_argument("--vault", type=Path, help="vault folder (default: the user data folder)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway demo practice of fictional clients (deleted at exit)",
    )
    return parser


#: Qt's own command-line options that take a value (``-style fusion``): not a sub-command.
QT_VALUE_OPTIONS = frozenset(
    {
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-style",
        "-stylesheet",
        "-session",
        "-display",
        "-geometry",
        "-qwindowgeometry",
        "-qwindowicon",
        "-qwindowtitle",
    }
)


def command_word(argv: Sequence[str]) -> str | None:
    """The first word that is neither an option nor an option's value, if any."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--vault" or arg in QT_VALUE_OPTIONS:
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def wants_cli(argv: Sequence[str]) -> bool:
    """A sub-command (or any other word: argparse then says it is not one and lists the
    commands), or --help / --version: the CLI's business. The window takes no such word."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return True
    return command_word(argv) is not None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["self-test"]:  # issue 8: the CLI's checks plus the Qt ones (ui.self_test)
        from ui.self_test import main as self_test_main

        return self_test_main(args[1:])
    if wants_cli(args):
        from ipt_desktop.cli.main import main as cli_main

        if command_word(args) is None and any(a in ("-h", "--help") for a in args):
            gui_parser().print_help()
            print()
        return cli_main(args)
    options, qt_args = gui_parser().parse_known_args(args)
    return run_gui(options.vault, options.demo, qt_args)


def quit_on_signals(app: "QCoreApplication") -> None:
    """Ctrl+C or SIGTERM end the app the normal way (vault closed, demo folder deleted).

    Python runs signal handlers only between bytecodes; a slow timer gives it the chance
    while Qt's event loop runs in C++."""
    from PySide6.QtCore import QTimer

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _signum, _frame: app.quit())
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(500)


def run_gui(vault_dir: Path | None, demo: bool, qt_args: Sequence[str] = ()) -> int:
    from PySide6.QtWidgets import QApplication

    from ui.app.application import AppController
    from ui.common.app_settings import AppSettings
    from ui.common.failures import install_excepthook
    from ui.common.theme import apply_theme, configure_before_app
    from ui.display_check import creating_app, refuse_without_display
    from ui.startup_probe import exit_when_shown

    refuse_without_display()
    install_excepthook()  # a bug is logged by type and place, never with its text or values
    configure_before_app()
    with creating_app():
        app = QApplication([sys.argv[0] if sys.argv else "ipt-desktop", *qt_args])
    apply_theme(app)
    controller = AppController(AppSettings())
    app.aboutToQuit.connect(controller.shutdown)
    if not controller.start(vault_dir, demo):
        controller.shutdown()
        return controller.exitCode
    exit_when_shown(app)  # issue 8: IPT_DESKTOP_EXIT_WHEN_SHOWN=1 (frozen-start benchmark)
    quit_on_signals(app)
    code = app.exec()
    return code or controller.exitCode


if __name__ == "__main__":
    sys.exit(main())
