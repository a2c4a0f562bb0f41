"""REST API of telephony: ``pbx`` (declarations and lines) and ``cloud`` (Cloud PBX only)."""
