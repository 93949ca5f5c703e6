"""Domain, storage, import/extraction and export for the commune emulation plan.

Nothing in this package imports Qt: everything here runs headless and is tested by plain pytest.
"""

__version__ = "0.1.0"
APP_NAME = "Kế hoạch Thi đua xã"
APP_ID = "thidua-xa"
