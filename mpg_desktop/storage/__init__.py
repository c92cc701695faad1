"""Encrypted storage: SQLCipher engine, key management, migrations, repositories, backup."""
