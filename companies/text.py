"""Text normalisation shared by the models, sign-in and the directory search."""

import unicodedata


def search_key(text: str) -> str:
    """Lower-case, accent-free form of a name: "Müller Telekom" → "muller telekom"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def email_normalise(value: str) -> str:
    """The one form in which addresses are stored and compared: NFKC, then case-folded.

    NFKC turns full-width and other compatibility letters into their plain form (full-width
    "louis" becomes plain "louis"); casefold is the Unicode case-insensitive form (it folds the
    long s, U+017F, to "s", which ``lower()`` does not).
    """
    return unicodedata.normalize("NFKC", (value or "").strip()).casefold()


# Letters that look like a Latin letter but are not folded to it by NFKD and casefold: the dotless
# i and j, and the Cyrillic and Greek letters drawn like Latin ones. Small and explicit on purpose:
# it covers what a person could mistake for an existing address in a mail client.
_CONFUSABLES = str.maketrans(
    {
        "\u0131": "i",  # LATIN SMALL LETTER DOTLESS I
        "\u0237": "j",  # LATIN SMALL LETTER DOTLESS J
        "\u0269": "i",  # LATIN SMALL LETTER IOTA
        "\u0251": "a",  # LATIN SMALL LETTER ALPHA
        "\u0261": "g",  # LATIN SMALL LETTER SCRIPT G
        "\u03bf": "o",  # GREEK SMALL LETTER OMICRON
        "\u03b1": "a",  # GREEK SMALL LETTER ALPHA
        "\u03bd": "v",  # GREEK SMALL LETTER NU
        "\u03c1": "p",  # GREEK SMALL LETTER RHO
        "\u03c4": "t",  # GREEK SMALL LETTER TAU
        "\u03c5": "u",  # GREEK SMALL LETTER UPSILON
        "\u03b9": "i",  # GREEK SMALL LETTER IOTA
        "\u03ba": "k",  # GREEK SMALL LETTER KAPPA
        "\u0430": "a",  # CYRILLIC SMALL LETTER A
        "\u0432": "b",  # CYRILLIC SMALL LETTER VE
        "\u0435": "e",  # CYRILLIC SMALL LETTER IE
        "\u04bb": "h",  # CYRILLIC SMALL LETTER SHHA
        "\u0456": "i",  # CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
        "\u0458": "j",  # CYRILLIC SMALL LETTER JE
        "\u043a": "k",  # CYRILLIC SMALL LETTER KA
        "\u043c": "m",  # CYRILLIC SMALL LETTER EM
        "\u043d": "h",  # CYRILLIC SMALL LETTER EN
        "\u043e": "o",  # CYRILLIC SMALL LETTER O
        "\u0440": "p",  # CYRILLIC SMALL LETTER ER
        "\u0441": "c",  # CYRILLIC SMALL LETTER ES
        "\u0442": "t",  # CYRILLIC SMALL LETTER TE
        "\u0443": "y",  # CYRILLIC SMALL LETTER U
        "\u0445": "x",  # CYRILLIC SMALL LETTER HA
        "\u0455": "s",  # CYRILLIC SMALL LETTER DZE
        "\u0501": "d",  # CYRILLIC SMALL LETTER KOMI DE
        "\u051b": "q",  # CYRILLIC SMALL LETTER QA
        "\u051d": "w",  # CYRILLIC SMALL LETTER WE
        "\u2113": "l",  # SCRIPT SMALL L
    }
)


def email_skeleton(value: str) -> str:
    """What an address looks like: two addresses with the same skeleton are refused as one.

    The normalised address, decomposed with its marks dropped ("é" → "e") and its look-alike
    letters mapped to the Latin letter they imitate ("louis" written with a dotless i, U+0131,
    becomes "louis").
    """
    decomposed = unicodedata.normalize("NFKD", email_normalise(value))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(_CONFUSABLES)
