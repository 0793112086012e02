"""Fonts for names in every script on screen, where the computer has none.

Paper embeds the fonts shipped in ``resources/fonts``; the screen draws with the computer's own
fonts, and Qt falls back from one font to another per script. Windows and macOS have a font for
every script MentorDesk prints, and so do most Linux desktops, but a minimal Linux system (where
the frozen tarball may land) can lack fonts for Arabic, Devanagari or Chinese, and names in them
would show as empty boxes at the check-in desk.

So at start-up the app asks Qt which writing systems have no font at all, and registers the shipped
font for those only: where the computer has them, nothing is loaded (asking takes about 5 ms);
where it lacks them, each script costs 10 to 30 ms once.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication

from mentordesk import paths

WritingSystem = QFontDatabase.WritingSystem

#: Writing systems Qt knows, and the shipped files (regular, bold) that cover them. Ethiopic has no
#: Qt writing system and Symbola's emoji are left to the system (colour emoji fonts are common).
SCRIPT_FONTS: tuple[tuple[tuple[WritingSystem, ...], tuple[str, ...]], ...] = (
    ((WritingSystem.Latin, WritingSystem.Greek, WritingSystem.Cyrillic, WritingSystem.Vietnamese),
     ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")),
    ((WritingSystem.Arabic,), ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")),
    ((WritingSystem.Hebrew,), ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf")),
    ((WritingSystem.Thai,), ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf")),
    ((WritingSystem.Georgian,), ("NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf")),
    ((WritingSystem.Armenian,), ("NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf")),
    *(
        ((system,), (f"NotoSans{name}-Regular.ttf", f"NotoSans{name}-Bold.ttf"))
        for system, name in (
            (WritingSystem.Devanagari, "Devanagari"),
            (WritingSystem.Bengali, "Bengali"),
            (WritingSystem.Gurmukhi, "Gurmukhi"),
            (WritingSystem.Gujarati, "Gujarati"),
            (WritingSystem.Oriya, "Oriya"),
            (WritingSystem.Tamil, "Tamil"),
            (WritingSystem.Telugu, "Telugu"),
            (WritingSystem.Kannada, "Kannada"),
            (WritingSystem.Malayalam, "Malayalam"),
            (WritingSystem.Sinhala, "Sinhala"),
            (WritingSystem.Khmer, "Khmer"),
            (WritingSystem.Lao, "Lao"),
            (WritingSystem.Myanmar, "Myanmar"),
        )
    ),
    ((WritingSystem.SimplifiedChinese, WritingSystem.TraditionalChinese, WritingSystem.Japanese,
      WritingSystem.Korean), ("DroidSansFallback.ttf",)),
)


#: fontconfig's generic names: listed for every writing system even where no font is installed.
_GENERIC = frozenset({"sans serif", "sans-serif", "sans", "serif", "monospace", "mono", "system-ui", "cursive",
                      "fantasy", "emoji", "math"})


def _real_families(system: WritingSystem) -> list[str]:
    return [f for f in QFontDatabase.families(system) if f.casefold() not in _GENERIC]


#: Files registered so far in this process (registering one twice would load it twice).
_registered: set[str] = set()


def register_missing_script_fonts() -> list[str]:
    """Register the shipped fonts for writing systems no installed font covers; the files registered.

    Call it once the QApplication exists (the font database belongs to the GUI thread).
    """
    registered: list[str] = []
    every_family = [family.casefold() for family in QFontDatabase.families()]
    for systems, files in SCRIPT_FONTS:
        if any(_real_families(system) for system in systems):
            continue
        # Qt files a font under a writing system by the font's own declarations, which some
        # omit (Noto Sans Oriya): a family named after the script covers it all the same.
        if any(system.name.casefold() in family for system in systems for family in every_family):
            continue
        for file in files:
            if file not in _registered and QFontDatabase.addApplicationFont(str(paths.resource("fonts", file))) >= 0:
                _registered.add(file)
                registered.append(file)
    if "NotoSans-Regular.ttf" in registered:
        # Not even a Latin font: make the shipped one the default, or Qt picks any font it has.
        font = QGuiApplication.font()
        font.setFamilies(["Noto Sans"])
        QGuiApplication.setFont(font)
    return registered


def registered_files() -> frozenset[str]:
    return frozenset(_registered)
