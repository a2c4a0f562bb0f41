"""Text normalisation shared by the model and the directory search."""

import unicodedata


def search_key(text: str) -> str:
    """Lower-case, accent-free form of a name: "Müller Telekom" → "muller telekom"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()
