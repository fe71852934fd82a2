import sys

from ipt_desktop.cli.main import main

sys.exit(main())
