"""treatywatch: watch news about the Russia-Iran treaty; flag new and contradicting claims."""

__version__ = "0.1.0"
