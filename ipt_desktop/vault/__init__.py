"""The storage engine: the vault file, its keys, header, sealed rows and audit log."""
