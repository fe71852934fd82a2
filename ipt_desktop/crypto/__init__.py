"""Keys, AEAD and the recovery key. The only package that imports ``cryptography``."""
