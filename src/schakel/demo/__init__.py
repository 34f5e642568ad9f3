"""The synthetic demo municipality (gemeente Schiedam) and ``schakel demo``.

``generate`` writes two years of invented casework as an exchange file;
``loader`` migrates, imports it with the exchange importer and sets the demo
logins' passwords; ``check`` verifies a file without a database. The numbers
that shape the history live in ``calibration``.
"""
