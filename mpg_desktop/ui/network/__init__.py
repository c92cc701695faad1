"""The network map editor (bolletjesschema, spec bolletjesschema 4.5-4.8): Qt views on the domain
of ``models.network_*``. Nothing here stores data; the case tab (``ui.tabs.network_tab``) does."""
