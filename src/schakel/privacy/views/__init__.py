"""Privacy pages: thin views over the privacy services and queries."""
