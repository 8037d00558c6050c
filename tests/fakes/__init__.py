"""Test doubles for the services treatywatch talks to (only Discord: the network is real)."""
