<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_GB">
<context>
    <name></name>
    <message numerus="yes">
        <source>Added “{file}”: %n new sections, marked “added” in the contents.</source>
        <translation>
            <numerusform>Added “{file}”: %n new section, marked “added” in the contents.</numerusform>
            <numerusform>Added “{file}”: %n new sections, marked “added” in the contents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title} (%n sections; name: {name})</source>
        <translation>
            <numerusform>{title} (%n section; name: {name})</numerusform>
            <numerusform>{title} (%n sections; name: {name})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n files in {folder}

{length} of audio in all, {size:.1f} MB.</source>
        <translation>
            <numerusform>Saved %n file in {folder}

{length} of audio in all, {size:.1f} MB.</numerusform>
            <numerusform>Saved %n files in {folder}

{length} of audio in all, {size:.1f} MB.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No exact matches for “{query}”. %n passages with similar words:</source>
        <translation>
            <numerusform>No exact matches for “{query}”. %n passage with similar words:</numerusform>
            <numerusform>No exact matches for “{query}”. %n passages with similar words:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No passage has all of “{query}”. %n passages with some of the words:</source>
        <translation>
            <numerusform>No passage has all of “{query}”. %n passage with some of the words:</numerusform>
            <numerusform>No passage has all of “{query}”. %n passages with some of the words:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passages found.</source>
        <translation>
            <numerusform>%n passage found.</numerusform>
            <numerusform>%n passages found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n.</source>
        <translation>
            <numerusform>Showing the first one.</numerusform>
            <numerusform>Showing the first %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <comment>the longest line</comment>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <comment>lines the reading ruler leaves clear</comment>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {path}

{size}, {time} of listening, %n sections. Copy it to a phone or talking-book player and open it in an app that plays EPUB 3 read-aloud books.</source>
        <translation>
            <numerusform>Saved {path}

{size}, {time} of listening, %n section. Copy it to a phone or talking-book player and open it in an app that plays EPUB 3 read-aloud books.</numerusform>
            <numerusform>Saved {path}

{size}, {time} of listening, %n sections. Copy it to a phone or talking-book player and open it in an app that plays EPUB 3 read-aloud books.</numerusform>
        </translation>
    </message>
</context>
</TS>
