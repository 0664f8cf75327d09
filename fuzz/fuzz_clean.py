"""Coverage-guided fuzzing of ``cleaner.run()`` with atheris (libFuzzer for Python).

Each input is turned into one call: raw bytes, a str (lone surrogates included), bytes with
a transport encoding hint, or a fragment spliced into a real page; with a random ``kind``
and a few limit settings. The call must return a ``Result`` whose text is normalised, or
raise a ``CleanerError``; anything else (another exception, a hang, a crash of lxml) is a
finding. See fuzz/README.md.
"""

from __future__ import annotations

import sys
import unicodedata

import atheris

with atheris.instrument_imports(include=["cleaner"]):
    import cleaner
    from cleaner import CleanerError, Config

KINDS = ["auto", "html", "text"]
HINTS = [None, "utf-8", "windows-1252", "windows-1251", "utf-16", "shift_jis", "iso-2022-jp", "x-bogus", ""]
CONFIGS = [
    Config(),
    Config(extract=False),
    Config(max_depth=16),
    Config(max_depth=16, flatten_deep=False),
    Config(max_bytes=4096),
    Config(max_extract_elements=50),
    Config(select=()),
]
PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>T</title></head><body>"
    "<nav class='breadcrumb'><a href='/'>Home</a> &gt; News</nav><article><h1>Title</h1>"
    "<p>The council approved the budget on Tuesday after a long debate.</p>{}"
    "<p>The mayor said the savings would pay for two clinics.</p></article>"
    "<footer>© 2024 Example. All rights reserved.</footer></body></html>"
)


def check(text: str) -> None:
    assert type(text) is str, type(text)
    assert text == "" or text.endswith("\n"), repr(text[-20:])
    assert "\n\n\n" not in text and "\r" not in text
    for ch in set(text):
        assert ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"), f"U+{ord(ch):04X} in output"


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    kind = KINDS[fdp.ConsumeIntInRange(0, len(KINDS) - 1)]
    config = CONFIGS[fdp.ConsumeIntInRange(0, len(CONFIGS) - 1)]
    hint = None
    page: bytes | str
    if mode == 0:
        page = fdp.ConsumeBytes(fdp.remaining_bytes())
    elif mode == 1:
        page = fdp.ConsumeUnicode(fdp.remaining_bytes())
    elif mode == 2:
        hint = HINTS[fdp.ConsumeIntInRange(0, len(HINTS) - 1)]
        page = fdp.ConsumeBytes(fdp.remaining_bytes())
    else:
        page = PAGE.format(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()))
    try:
        result = cleaner.run(page, kind=kind, encoding=hint, config=config)
    except CleanerError:
        return
    check(result.text)
    if config.select == ():
        assert cleaner.clean(result.text, kind="text", config=config) == result.text


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
