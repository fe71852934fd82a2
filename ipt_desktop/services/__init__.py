"""Use cases: each public call is one user action and one transaction."""
