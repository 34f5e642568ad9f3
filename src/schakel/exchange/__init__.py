"""The exchange format: migrating from old systems, loading the demo, moving data.

Public API (see docs/exchange.md):

- ``schakel.exchange.importer.import_file(path, *, stdout=None) -> ImportResult``
- ``schakel.exchange.importer.import_lines(lines, *, stdout=None) -> ImportResult``
- ``schakel.exchange.importer.ImportFailed`` (``.errors``: list of ``LineError``)
- ``schakel.exchange.exporter.export(stream) -> int``
- management commands ``schakel import FILE`` and ``schakel export [--output FILE]``
"""
