"""Forms and lists for the records a coach keeps per traject (spec 5.1, 5.3, 5.5, 5.7, 5.10).

Each record is a models dataclass stored as a JSON document in case_records
(``lifecycle_repository.add_record`` and friends). Everything here runs on the GUI thread: the
reads and writes are single small rows.
"""
