from tests.fakes.fixtures import bot_config, fake_discord, running_bot

__all__ = ["bot_config", "fake_discord", "running_bot"]
