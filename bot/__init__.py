"""treatywatch: watch news feeds about the Russia-Iran treaty and flag new and contradicting claims."""

__version__ = "0.1.0"
