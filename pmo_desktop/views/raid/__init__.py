"""The RAID page: assumptions, dependencies, decisions, the program's action log and the dependency map."""
