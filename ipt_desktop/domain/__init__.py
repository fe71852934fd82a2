"""Pure-Python IPT model and rules. Imports nothing else of the project."""
