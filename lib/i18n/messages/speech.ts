// Strings for the speech slice: the /speech studio, custom voices, Read aloud, voice input and the
// Settings section. Field and button names marked "contract" are fixed by ui-contract.md.
export const en = {
  "speech.title": "Speech",
  "speech.subtitle": "Text to speech with CosyVoice2: preset voices or your own, streamed as it is made.",
  "speech.text.label": "Text", // contract
  "speech.text.placeholder": "Type what should be spoken…",
  "speech.text.count": "{count} / {max} characters",
  "speech.instruction.label": "Style",
  "speech.instruction.none": "No instruction",
  "speech.instruction.happy": "Happy",
  "speech.instruction.sad": "Sad",
  "speech.instruction.angry": "Angry",
  "speech.instruction.excited": "Excited",
  "speech.instruction.whisper": "Soft, whispering",
  "speech.instruction.cantonese": "Cantonese accent",
  "speech.instruction.sichuan": "Sichuan dialect",
  "speech.instruction.custom": "Custom (edit it in the text)",
  "speech.instruction.hint":
    "The style goes to the model as an instruction beside your text and is not spoken. Tags such as [laughter] or [breath] add sounds where the cursor is (after a selection); <strong> stresses the selected words.",
  "speech.style.chip": "Style: {style}",
  "speech.style.remove": "Remove the style",
  "speech.style.custom": "Custom style",
  "speech.tags.legend": "Insert a control tag",
  "speech.tags.insert": "Insert {tag}",
  "speech.tags.wrap": "Wrap the selection in {tag}",
  "speech.model.label": "Model", // contract
  "speech.voice.label": "Voice", // contract
  "speech.voice.presets": "Preset voices",
  "speech.voice.custom": "Your voices",
  "speech.preset.alex": "Alex — steady male",
  "speech.preset.benjamin": "Benjamin — deep male",
  "speech.preset.charles": "Charles — magnetic male",
  "speech.preset.david": "David — cheerful male",
  "speech.preset.anna": "Anna — steady female",
  "speech.preset.bella": "Bella — passionate female",
  "speech.preset.claire": "Claire — gentle female",
  "speech.preset.diana": "Diana — cheerful female",
  "speech.speed.label": "Speed", // contract
  "speech.gain.label": "Gain", // contract
  "speech.gain.value": "{db} dB",
  "speech.format.label": "Format", // contract
  "speech.format.hint.mp3": "MP3 starts playing while it is still being generated.",
  "speech.format.hint.pcm": "PCM is raw 16-bit mono audio; it plays and downloads here as WAV.",
  "speech.format.hint.other": "This format plays once it has fully arrived.",
  "speech.sampleRate.label": "Sample rate",
  "speech.sampleRate.value": "{rate} Hz",
  "speech.generate": "Generate speech", // contract
  "speech.error.empty": "Enter some text to speak first.",
  "speech.error.tooLong":
    "The text is {count} characters long; this model takes at most {max}. Shorten it or split it into several clips.",
  "speech.results.heading": "Generated speech",
  "speech.results.empty": "Nothing generated yet. Clips you make are kept in this browser and stay after a reload.",
  "speech.results.failed": "Speech generation failed",
  "speech.result.generating": "Generating…",
  "speech.result.cancel": "Cancel",
  "speech.result.download": "Download",
  "speech.result.remove": "Remove",
  "speech.result.seconds": "{seconds} s",
  "speech.voices.heading": "Custom voices",
  "speech.voices.intro":
    "Clone a voice from a short recording (under 30 s; 8–10 s of one clear speaker works best). Voices are stored with the provider.",
  "speech.voices.empty": "You have no custom voices yet.",
  "speech.voices.inUse": "selected",
  "speech.voices.use": "Use",
  "speech.voices.delete": "Delete", // contract
  "speech.upload.heading": "Add a voice",
  "speech.upload.file": "Audio file",
  "speech.upload.fileHint": "WAV, MP3 or Opus, under {max} s and 10 MB — or record one.",
  "speech.upload.ready": "Ready: {name} ({seconds} s)",
  "speech.upload.name": "Name",
  "speech.upload.nameHint": "Any name, in any script (up to 64 characters). Left empty, the file's name is used.",
  "speech.upload.transcript": "Transcript",
  "speech.upload.transcriptHint": "What the recording says. Leave it empty to have it transcribed automatically.",
  "speech.upload.submit": "Upload voice", // contract
  "speech.upload.stage.checking": "Checking the clip…",
  "speech.upload.stage.transcribing": "Transcribing the clip…",
  "speech.upload.stage.uploading": "Uploading…",
  "speech.upload.done": "Voice “{name}” uploaded and selected.",
  "speech.upload.noFile": "Choose an audio file or record a clip first.",
  "speech.upload.badName": "Give the voice a name of up to {max} characters.",
  "speech.upload.tooBig": "This file is larger than 10 MB. Use a shorter clip (8–10 s is best).",
  "speech.upload.tooLong":
    "This clip is {seconds} s long; a reference voice must be under {max} s (8–10 s works best). Trim it and try again.",
  "speech.upload.unreadable": "This file could not be read as audio. Use a WAV, MP3 or Opus file.",
  "speech.upload.noTranscript": "No speech was recognised in the clip. Type its transcript and upload again.",
  "speech.record.start": "Record",
  "speech.record.stop": "Stop recording",
  "speech.mic.denied":
    "Microphone access was denied. Allow the microphone for this site in the browser's address bar, then try again.",
  "speech.mic.missing": "No microphone was found. Connect one and try again.",
  "speech.mic.busy":
    "The microphone is in use by another application or could not start. Close it there and try again.",
  "speech.mic.unsupported":
    "This browser cannot record here. Recording needs a secure page (https or localhost) and a current browser.",
  "speech.mic.failed": "Recording could not start. Try again, or reload the page.",
  "speech.readAloud.label": "Read aloud", // contract
  "speech.readAloud.stop": "Stop reading",
  "speech.readAloud.empty": "There is no text to read aloud in this reply.",
  "speech.readAloud.blocked": "The browser blocked playback. Click Read aloud again.",
  "speech.voiceInput.label": "Voice input",
  "speech.dictate.label": "Dictate",
  "speech.voiceInput.stop": "Stop recording and transcribe",
  "speech.voiceInput.transcribing": "Transcribing…",
  "speech.voiceInput.nothing": "No speech was recognised. Speak closer to the microphone and try again.",
  "speech.voiceInput.decode": "The recording could not be processed. Try again.",
  "speech.settings.heading": "Speech",
  "speech.settings.defaultVoice": "Default voice",
  "speech.settings.defaultVoiceHint": "Used by Read aloud in chat.",
  "speech.settings.voicesUnavailable": "Your custom voices could not be loaded right now.",
  "speech.voice.dialogue": "Its own two voices ([S1], [S2])",
  "speech.dialogue.title": "Dialogue",
  "speech.dialogue.hint": "Write the turns as [S1] … [S2] …: each speaker gets its own voice.",
  "speech.dialogue.insert": "Insert a dialogue template",
  "speech.dialogue.template":
    "[S1]Did you see the sunrise this morning?[S2]I did, it was beautiful over the river.[S1]Let's go again tomorrow.",
  "speech.dialogue.missingTurns": "Mark at least one turn with [S1] or [S2] so the model knows who speaks.",
  "speech.clips.voiceFor": "Voice for {speaker}",
  "speech.clips.preset": "Model's voice",
  "speech.clips.clip": "Reference clip",
  "speech.clips.file": "Reference clip for {speaker}",
  "speech.clips.fileHint": "WAV, MP3, Ogg, WebM or M4A with one clear speaker, under {max} s (8–10 s is best).",
  "speech.clips.transcript": "Transcript of the {speaker} clip",
  "speech.clips.transcriptPlaceholder": "Exactly what is said in the clip",
  "speech.clips.ready": "{name} ({seconds} s)",
  "speech.clips.checking": "Checking the clip…",
  "speech.clips.bothNeeded":
    "The model takes either its own voices or a clip for each speaker, not a mix: give {speaker} a reference clip too, or switch both back.",
  "speech.clips.presetsOff": "The voices come from the reference clips below.",
  "speech.clips.noFile": "Choose a reference clip for {speaker}.",
  "speech.clips.noTranscript": "Type what is said in the {speaker} clip: the model needs the clip's transcript.",
  "speech.clips.badType": "“{name}” is not a supported audio file. Use WAV, MP3, Ogg, WebM or M4A.",
  "speech.clips.tooBig":
    "“{name}” is too large ({mb} MB); a reference clip may be at most {max} MB. Use a shorter clip (8–10 s is best).",
  "speech.clips.tooLong":
    "“{name}” is {seconds} s long; a reference clip must be under {max} s (8–10 s is best). Trim it and choose it again.",
  "speech.clips.unreadable": "“{name}” could not be read as audio. Use a WAV, MP3, Ogg, WebM or M4A file.",
  "speech.clips.resultVoice": "{speaker}: {name}",
  // The voice, transcription and dialogue routes' refusals (lib/speech/server/*.ts, app/api/voices, transcriptions).
  "speech.server.notForm": "Send the audio as multipart/form-data with a file field.",
  "speech.server.noFile": "Choose an audio file to upload.",
  "speech.server.notAudio": "This file is not audio the provider accepts. Use one of: {list}.",
  "speech.server.badField": 'Invalid value for "{field}": {why}.',
  "speech.server.voiceTooLong":
    "The recording is {seconds} s long; a reference voice must be under {max} s (8–10 s works best). Trim it and upload again.",
  "speech.server.unknownModel": "Unknown transcription model. Use one of: {models}.",
  "speech.server.bothClips": "Give both speakers a reference clip: the model takes a clip for each speaker, or none.",
  "speech.server.noTranscript": "Type what is said in the {speaker} clip: the model needs the clip's transcript.",
  "speech.server.transcriptTooLong":
    "The {speaker} transcript is longer than {max} characters. Use a shorter clip and its words.",
  "speech.server.clipNotFile": "The {speaker} clip must be an audio file chosen on the page.",
  "speech.server.clipTooBig":
    "The {speaker} clip is {mb} MB; a reference clip may be at most {max} MB. Use a shorter clip (8–10 s is best).",
  "speech.server.clipNotAudio":
    "The {speaker} clip is not audio the provider accepts. Use a WAV, MP3 or Ogg/Opus file.",
  "speech.server.clipTooLong":
    "The {speaker} clip is {seconds} s long; a reference clip must be under {max} s (8–10 s is best). Trim it and try again.",
} as const;

export type SpeechKey = keyof typeof en;
