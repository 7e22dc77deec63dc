"""Reading aloud, without Qt: text prepared for the ear, engines, playback, and audio files.

How the parts fit: :mod:`prepare` turns a section's blocks into utterances (one sentence
each, with the spans they highlight); :mod:`engine` finds a voice (:mod:`espeak` on Linux,
:mod:`pyttsx3_files` elsewhere, :mod:`fake` in tests) that turns an utterance into audio with
word offsets; :mod:`narrator` synthesises ahead on its own thread and plays through
:mod:`player`, reporting what is heard now; :mod:`export` writes the same audio to MP3 or WAV.
"""
