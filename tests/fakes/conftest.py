from tests.fakes.fixtures import fake_discord

__all__ = ["fake_discord"]
