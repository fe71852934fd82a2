"""The headless command line (DESIGN.md section 4). ``python -m ipt_desktop`` runs it."""
