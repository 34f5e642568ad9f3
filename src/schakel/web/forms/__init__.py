"""Forms for the web pages: they parse input for the services; they never save."""
