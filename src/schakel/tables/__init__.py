"""Multi-agency case tables: Wijkschakel, casusoverleg, MDO, buurtnetwerk."""
