<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add content…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a content pack (.zip) or a document (Markdown, text or web page) to the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage added content…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the content added to the reader, and remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print in large print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this section in large print: big text in your font and spacing, dark on white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport large-print PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this section as a large-print PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a &amp;talking book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole guide as an EPUB 3 book for phones and talking-book players: the text, highlighted sentence by sentence as the voice reads it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours, font, text size and spacing, and the keys, in a window of their own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the section before this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the section after this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to where you were before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move between contents and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the next part of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the list of contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find passages by their words: results appear as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next matching word in this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous matching word in this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the text smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the text larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the text back to its normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reading settings panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the panel of colours, font and spacing beside the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;tents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the list of sections beside the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading r&amp;uler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dim all but the lines at the text cursor; move it with the arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add bookmark here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the paragraph you are reading, with a name you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookmarks and recently read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the list of your bookmarks and the sections you read lately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this section aloud from the top of the page you see; press again to pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading aloud and clear the highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move while reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous &amp;sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the sentence before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip to the next sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous &amp;paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from the start of this paragraph, or of the one before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next p&amp;aragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip to the next paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from &amp;here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud from the paragraph with the text cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the s&amp;election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud only the text you have selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read more slowly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read more quickly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Carry on into the next section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end of a section, go on reading the next one (otherwise reading stops there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use while I press other keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the voice when you press a key that is not a reading-aloud key, so that your screen reader can speak; Read aloud carries on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voice and pronunciation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voice and speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the voice, its speed and volume, and how it says names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save section as &amp;audio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this section read aloud as an MP3 or WAV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole &amp;guide as audio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every section read aloud, one MP3 file each, into a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud is not available: how to enable it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to install so the reader can read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Using this reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the help page: how to move around, change the text size and the keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Co-production Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and where the guide comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the results or the text back to the search box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next heading in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous heading in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next paragraph in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous paragraph in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text twice the normal size in a clear font, menus and buttons half as large again, and a little more space between lines and paragraphs. Colours follow your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dyslexia-friendly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clear font on a cream page, with wider spacing between letters, words, lines and paragraphs, and shorter lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White text on black at three times the normal size, in a clear font, menus and buttons twice their size, and a reading ruler that dims all but the lines you are reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines as long as the window allows, so a screen reader reading line by line stops less often; normal text size, colours that follow your computer and no reading ruler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size (percent of normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the text, from half to four times the normal size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface size: menus, buttons and dialogs (percent of normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the menus, buttons, lists and dialogs around the page, from normal to four times normal. The page&apos;s text has its own size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours of the whole window. Choosing one stops following the computer&apos;s setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the computer&apos;s light, dark or high-contrast setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use dark colours when the computer is set to dark, and high contrast when it asks for high contrast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The font of the guide&apos;s text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line spacing (times the text size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space from one line to the next, as a multiple of the text size. 1.5 or more helps many readers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra space between letters (times the text size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra space between letters, as a share of the text size. 0.12 is the amount the accessibility guidelines test with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra space between words (times the text size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra space between words, as a share of the text size. 0.16 is the amount the accessibility guidelines test with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space after each paragraph (times the text size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space after each paragraph, as a multiple of the text size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest line (characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most characters on one line; the page keeps even margins on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading ruler: dim all but the lines being read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dim all but the lines at the text cursor. Move it with the arrow keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines the reading ruler leaves clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many lines the reading ruler leaves clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speed (words per minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast the voice reads, in words a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice for reading aloud (empty: one for the guide&apos;s language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading volume (percent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How loud the voice reads, compared with the computer&apos;s own volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end of a section, stop or carry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings file could not be read ({error}); the reader is using the default settings. {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some settings were not valid and were reset: {names}. {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sepia (cream page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast, dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast, light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System sans-serif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plain font your computer uses for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System serif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A book-like font with small strokes at the ends of letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atkinson Hyperlegible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear letters that are hard to mix up, made for readers with low vision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDyslexic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heavy-bottomed letters that some readers with dyslexia find steadier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} is already the key for “{action}”. Choose another key, or change that command&apos;s key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <comment>a command&apos;s tip and its key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content was added or removed outside this window: the contents are up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{file}” was not added, and nothing in the reader was changed.

Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added “{file}”: %n new sections, marked “added” in the contents.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Replace added content?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content named “{name}” has already been added. Replace it with the content in “{file}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove added content?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{name}” and all its sections from the reader? The bundled guide is not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content added to this reader. The bundled guide is always kept; removing added content removes only its own sections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each line is one piece of added content with its number of sections. Choose one, then Remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a content pack (.zip) or a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen content and its sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{title} (%n sections; name: {name})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (cannot be read: {problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No content has been added yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A content file has a problem, so the reader cannot open:

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some added content was left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save section as audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP3 audio, small for phones (*.mp3);;WAV audio (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the guide&apos;s audio files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the audio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving as audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading “{title}” into the file… ({percent}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{megabytes:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kilobytes} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}

{length} of audio, {size:.1f} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n files in {folder}

{length} of audio in all, {size:.1f} MB.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Bookmarks and recently read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter opens a bookmark, F2 renames it, Delete removes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookmarks yet. Press Ctrl+D to add one where you are reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a bookmark at the paragraph you are reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the chosen bookmark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the chosen bookmark a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen bookmark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections you read lately, the latest first. Enter opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a section that is no longer in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <comment>the bookmarks panel&apos;s title bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put colours, font, size and spacing back to normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Match the computer&apos;s setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recently read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset applied: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading settings are back to normal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes show at once and are kept for next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys of every command, and a way to change them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the bookmark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark added: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name of the bookmark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark not renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark removed: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export large-print PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large-print PDF saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide&apos;s sections. Use the arrow keys to move and Enter to open one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (added)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added content from “{pack}”. {tip}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In “{parent}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a command, press the new key in the box below it, then Use this key. A key can start only one command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands and their keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each line is a command of a menu and the keys that start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press the key, with Ctrl, Alt or Shift if you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the chosen command the key in the box, instead of its keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset this co&amp;mmand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the chosen command its usual keys again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset a&amp;ll keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every command its usual keys again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{command}” now has: {keys}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys not reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command has its usual keys again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{command}” has its usual keys again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text of the section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no section “{id}” in this guide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{section} — {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address copied: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: section {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{position} — {percent}% through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}% through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} {version}

An offline reader for “{title}”, by the Scottish Co-production Network, the Joint Improvement Team, The Health &amp; Social Care Alliance Scotland and Governance International.

Everything works without the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your place and text size could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link needs the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link goes to a web page, which needs an internet connection:

{url}

You can open it in your web browser, or copy the address to visit it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put colours, font, size and spacing back to normal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}:</source>
        <comment>a setting&apos;s name before its control</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <comment>the longest line</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <comment>lines the reading ruler leaves clear</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading ruler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dims the page except the lines at the text cursor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also in: {sections}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results appear below as you type. Down arrow moves to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the chosen result and reads it aloud from there (Ctrl+Enter in the results).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds of section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read it aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean “{words}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passages match “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No exact matches for “{query}”. %n passages with similar words:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No passage has all of “{query}”. %n passages with some of the words:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passages found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No matches in this section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} matches in this section. F3 goes to the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match in this section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results appear in the search panel as you type. Down arrow moves to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match {current} of {total}</source>
        <extracomment>Lines of text shown above an opened match (or its paragraph), so it is not on the very top line.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search is not available: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting search ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronunciation list not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text first, then choose Read the selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection has no words to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster: {rate} words a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower: {rate} words a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrying on reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud. {key} pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pronunciation list could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}

If you save new entries, the old file is kept beside them with “corrupt” in its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronunciations not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving cancelled; no unfinished file was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving cancelled; the sections already finished were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished reading “{title}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate} words a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speed: {slower} slower, {faster} faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this section aloud from the top of the page you see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Carry on reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on reading aloud from where it paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – sentence {n} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice is still starting; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pseudo-translation needs {file}, which is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The translation {file} could not be loaded; the reader is in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no translation for “{language}”; the reader is in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column}, row {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice and pronunciation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> words a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;olume:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end of a section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on into the next section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the &amp;end of a section:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try this voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a sample sentence with the voice, speed and volume above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pronunciations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a word as it appears in the guide and how the voice should say it, spelled the way it sounds. The reader already knows: {words}. An entry of yours for the same word replaces the reader&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} of your pronunciations cannot be used: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently read places cannot be saved ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bookmarks file could not be read ({error}); the reader starts with no bookmarks. {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bookmarks file was written by a newer version of the reader; this version shows what it understands. {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some bookmarks or recently read places could not be read and were left out. {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The added content &apos;{name}&apos; was left out because it could not be read: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first {count} characters were searched.</source>
        <extracomment>Words that make a plain query a question: dropped, as the answer rarely holds them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first {count} words were searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{typed}” is too broad: put at least {count} letters before * or ?.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{typed}” stands for many words: the {count} most used were searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what to find, not only what to leave out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search was read as plain words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install the eSpeak NG speech library (package libespeak-ng1 or espeak-ng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud needs the eSpeak NG voice, which is not installed. To enable it, run: {command} — then start the reader again. Everything else works without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud uses the voices built into Windows, and none could be used. Check that a voice is installed under Settings › Time &amp; language › Speech, then start the reader again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud uses the voices built into macOS, and none could be used. Check System Settings › Accessibility › Spoken Content, then start the reader again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud needs the eSpeak NG speech library, which was not found on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder has the file&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something other than a file (a pipe or device) has its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is {megabytes:.0f} MB, far larger than such a file can be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an ordinary file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is far larger than such a file can be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: remove or rename {file} to let the reader save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be copied aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file as it was is kept as {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an ordinary file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too large ({size:,} KB; at most {limit:,} KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too large (more than {limit:,} KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {start})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read ({strerror})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed YAML: nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed YAML: {yaml_problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifest must be a mapping with a &apos;sections&apos; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;sections&apos; must be a non-empty list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bundled guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content pack &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section {index} must be a mapping of id, file, title, kind, tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown keys: {names} (allowed: {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section &apos;{section_id}&apos; replaces {replaces}, which is not a section of the guide or of another pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed front matter: nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown front matter keys: {names} (allowed: {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section id {section_id!r} must be lower-case letters, digits and hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate section id &apos;{section_id}&apos; (first used on line {seen})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section id &apos;{section_id}&apos; is already used by {owner}: choose another id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section &apos;{section_id}&apos; has no {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section &apos;{section_id}&apos;: tags must be a list of words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file &apos;{name}&apos; is outside the content folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file &apos;{name}&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed front matter: {yaml_problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>front matter id &apos;{front_id}&apos; does not match the manifest&apos;s &apos;{section_id}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the section has no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section &apos;{section_id}&apos;: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section &apos;{id}&apos; names an unknown parent &apos;{parent}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has characters not allowed in a file name in a pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is an absolute path: files in a pack must be inside its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; points outside the pack&apos;s folder (&apos;..&apos;): refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a usable file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}…&apos; is inside more than {count} folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{shown}&apos;: a name in a pack may be at most {max_name_chars} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{shown}&apos; is not a name Windows can hold: rename it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{shown}&apos; is not allowed in a pack (only {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{shown}&apos; is named as a picture but is not one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{filename}&apos; is a link: links are not allowed in a pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{filename}&apos; is not an ordinary file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{filename}&apos; is encrypted: packs must not be password-protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{filename}&apos; appears twice in the zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pack has more than {max_files} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pack&apos;s files add up to more than {megabytes} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{filename}&apos; is compressed suspiciously well (a possible zip bomb): refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the zip is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be read ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder: a pack is a zip file (make one with &apos;pack create&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not an ordinary file (a device or pipe): a pack is a zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a damaged zip file ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{filename}&apos; points outside the pack&apos;s folder: refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{filename}&apos; is larger than the zip says: refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{filename}&apos; is damaged in the zip ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write &apos;{filename}&apos;: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{link}&apos; is a link: links are not allowed in a pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{relative}&apos; is a link: links are not allowed in a pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder has more than {max_files} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder&apos;s files add up to more than {megabytes} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: no {manifest} in this folder (see the content format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the pack&apos;s file name must end in .zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} could not be written ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pack named &apos;{name}&apos; is already installed: remove it first, or replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not readable text (damaged UTF-16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a text file (it holds binary data): only Markdown, plain text or web pages can be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be read ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not an ordinary file (a device or pipe): only documents can be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is larger than {megabytes} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not an ordinary file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: only Markdown (.md), plain text (.txt) or web pages (.html) can be added as documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: its structure is nested too deeply to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no text to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{pack}&apos; cannot be a pack name: use lower-case letters, digits and hyphens (and not &apos;guide&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pack &apos;{pack}&apos; has a damaged {manifest}: remove it and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be added ({error}); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown or text files, the manifest, and PNG, JPEG or GIF pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw HTML &lt;{tag}&gt; is not allowed in added content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event handler &apos;{name}&apos; on &lt;{tag}&gt; is not allowed in added content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a style on &lt;{tag}&gt; that loads a resource is not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;srcset&apos; on &lt;{tag}&gt; is not allowed in added content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; would be loaded from the internet; put the file in the pack instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture &apos;{name}&apos; is outside the pack&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address &apos;{value}&apos; on &lt;{tag}&gt; is not allowed in added content (only web, e-mail and section links and files in the pack)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{manifest}: its name &apos;{pack}&apos; does not match its folder &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the zip has no {manifest} at its top level: it is not a content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pack could not be installed ({error}); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pack named &apos;{name}&apos; is installed{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{manifest}: the pack needs a &apos;name&apos; of lower-case letters, digits and hyphens (found {name!r})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{manifest}: the name &apos;{name}&apos; is kept for the bundled guide; choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{manifest}: the pack needs a &apos;title&apos; (shown when packs are listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {problem} (and {count} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the reader could not show it ({kind}: {error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: preparing the text took more than {section_time_budget:.0f} seconds, which would make the reader slow; simplify or split it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heading before this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading level {level}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start of the section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}, link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a talking book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EPUB talking book (*.epub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved {path}

{size}, {time} of listening, %n sections. Copy it to a phone or talking-book player and open it in an app that plays EPUB 3 read-aloud books.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as a talking book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the talking book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The talking book could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the talking book was cancelled; no unfinished file was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the talking book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving as a talking book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading “{title}” into the book… ({percent}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the computer&apos;s colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines the ruler leaves clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a little more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>much more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a little less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the title is {count:,} characters long (at most {max_title_chars} are allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the section is {size:,} KB (at most {limit} KB): split it into several sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the section has {count:,} lines (at most {max_lines:,}): split it into several sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line is indented {indent} spaces (at most {max_indent}): lists or quotes are nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotes are nested more than {max_quote_depth} deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the section has more than {max_entities:,} character references such as &amp;amp;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the section has {total:,} {mark} (at most {cap:,}): split it into several sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one paragraph is {count:,} characters long (at most {max_paragraph_chars:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the section has too many &apos;[&apos; in long paragraphs for the reader to show it quickly: split it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one paragraph has {brackets:,} &apos;[&apos; (at most {max_brackets})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one paragraph has {emphasis:,} &apos;*&apos; or &apos;_&apos; (at most {max_emphasis:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} has more than {max_tags:,} HTML tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML elements are nested more than {max_depth} deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the {count:,} best passages with these words were checked for the exact phrase.</source>
        <extracomment>Passages scored for each one shown: the help&apos;s place and folded twins reorder within them. Passages checked word for word for a quoted phrase: a phrase whose only searchable word is common (&quot;if the argument is&quot;) would otherwise check thousands.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More commands that do not fit the toolbar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
