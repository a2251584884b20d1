// Error messages: one per ErrorCode (what happened and what the user can do about it), then the
// specific ones a route or a browser check gives instead. AppError carries the key and its
// variables; the page translates them when it renders (lib/errors.ts).
export const en = {
  "error.invalid_key":
    "The provider rejected the API key. Check the key in your server configuration (.env.local) and restart.",
  "error.insufficient_balance":
    "Your provider account balance is insufficient. Top up the account, or pick a free model.",
  "error.verification_required":
    "This model needs a verified (real-name) account. Verify the account with the provider, or pick another model.",
  "error.model_disabled": "This model is disabled for your account. Pick another model.",
  "error.model_not_found": "The provider does not know this model. Pick another model from the list.",
  "error.rate_limited": "The provider is rate limiting requests. Wait a moment and try again.",
  "error.concurrency_limited":
    "Too many requests are running at once for this model. Wait for one to finish and try again.",
  "error.quota_exceeded": "The daily limit or account credit is used up. Try again tomorrow or top up the account.",
  "error.content_blocked": "The provider's safety filter blocked this content. Rephrase the request and try again.",
  "error.overloaded": "The model service is overloaded. Try again in a little while or pick another model.",
  "error.timeout": "The provider did not answer in time. Try again; for long replies keep streaming on.",
  "error.network": "Could not reach the provider. Check the server's network connection and try again.",
  "error.bad_request": "The request was not accepted. Check the values you entered and try again.",
  "error.prompt_too_long":
    "Too long for this model's context window. Shorten the message or pick a model with a longer context; what you typed is kept.",
  "error.payload_too_large": "The request is too large. Send less text or smaller files.",
  "error.unauthorized": "You are not signed in. Enter the access code on the login page.",
  "error.not_found": "The provider could not find what was asked for. It may have expired or been deleted.",
  "error.stream_interrupted":
    "The reply was cut off before it finished. What arrived is kept; press Continue or Retry.",
  "error.upstream_error":
    "The provider returned an unexpected error. Try again; if it persists, check the provider's status page.",
  "error.expired": "The provider's download link has expired, so the file could not be saved. Generate it again.",
  "error.unsafe_url": "The provider returned a download address the server refuses to fetch. Nothing was downloaded.",
  "error.internal": "Something went wrong on the server. Try again; your input is kept.",
  "error.cancelled": "The request was cancelled.",
  "error.video.notVideoModel": '"{model}" is not a video model. Pick a model from the Model list.',
  "error.issue": "{issue}.",
  "error.video.failedNothing": "The provider could not generate this video, so there is nothing to download.",
  "error.video.notReady": "The video is not ready yet. Wait for it to finish.",
  "error.video.noCover": "This video has no cover image.",
  "error.upstream.pathRefused": "The request asked for an upstream address that is not allowed.",
  "error.images.notImageModel": "{model} is not an image model.",
  "error.images.notAnImage": "The provider's result is not an image file, so it was not saved. Generate again.",
  "error.images.noImage":
    "The provider answered without an image. Its safety filter may have removed it: rephrase the prompt and try again.",
  "error.http.method": "This address only answers {allowed} requests.",
  "error.http.uploadsBusy": "The server is receiving too many uploads at once. Try again in a few seconds.",
  "error.http.uploadSlow": "The upload arrived too slowly and was stopped. Check the connection and try again.",
  "error.http.formUnreadable": "The uploaded form could not be read. Try the upload again.",
  "error.http.notJson": "The request body is not valid JSON.",
  "error.http.invalidValue": 'Invalid value for "{field}": {reason}.',
  "error.search.needsGlm":
    "Web search needs a GLM key: set GLM_API_KEY in .env.local and restart, or turn web search off.",
  "error.chat.imagesAsFiles": "Attach images as files, not as links.",
  "error.chat.settingInvalid": "{field} in Chat settings is not a valid value for {model}. Fix it, then send again.",
  "error.model.notChat": "{model} is not a chat model. Pick a chat model.",
  "error.chat.nothingToContinue": "There is no reply to continue. Send a message instead.",
  "error.chat.imagesOnly": "Only images can be attached to a chat message.",
  "error.chat.noVision": "{model} cannot read images. Pick a vision model or remove the image.",
  "error.chat.urlOnly":
    "{model} takes image links only, and this server has no public address (PUBLIC_BASE_URL) to serve uploaded images from. Pick another vision model such as glm-4.5v.",
  "error.chat.maxImages": "{model} takes at most {max} images per message.",
  "error.chat.connectionLost": "The connection to the app's server was lost. What arrived is kept; press Retry.",
  "error.app.unreachable": "Could not reach the app's server. Check your connection and try again.",
  "error.uploads.unreadable": "An attached image could not be read. Attach it again.",
  "error.uploads.jpegPng": "This model takes JPEG or PNG images only. Attach the image again.",
  "error.uploads.tooWide": "The image is larger than {side}×{side} pixels. Attach a smaller one.",
  "error.uploads.tooLarge": "An image is larger than 5 MB, the limit of this model. Attach a smaller one.",
  "error.uploads.storeDown":
    "Image links are unavailable for a moment (the server's shared store does not answer). Try again shortly, or pick a vision model that takes inline images.",
  "error.complete.invalidSession":
    "This session cannot be saved: a field is too long or out of range. Shorten the text and try again.",
  "error.prompts.invalid": "This prompt cannot be saved: it needs a title (up to 100 characters) and some text.",
  "error.prompts.deleted": "This prompt was deleted.",
  "error.prompts.notLibrary":
    "This file is not a SiliconPlay prompt library (expected format “siliconplay-prompts”, at most 2000 prompts). Nothing was imported.",
  "error.assistants.invalid":
    "This assistant cannot be saved: give it a name (up to 100 characters) and check the other fields.",
  "error.assistants.deleted": "This assistant was deleted.",
  "error.folders.name": "A folder needs a name of 1 to {max} characters.",
  "error.folders.gone": "That folder no longer exists. Pick another one.",
  "error.prompt.noRewrite": "The model gave no rewrite. Your prompt is unchanged; try again.",
  "error.security.crossOrigin":
    "This request came from another site and was refused. Use the app itself; if it runs behind a proxy under another address, add that address to TRUSTED_ORIGINS.",
  "error.security.contentType": "This address takes {expected} request bodies only.",
  "error.auth.wrongCode": "That access code is not correct. Check it with whoever runs this site and try again.",
  "error.uploads.linkGone": "This image link does not exist or has expired. Send the message again to get a new one.",
  "error.models.unknownType": 'Unknown model type "{type}". Use one of: {types}.',
  "error.rate.generations":
    "Too many requests: this app allows {limit} generations per minute. Wait a moment and try again.",
  "error.rate.logins": "Too many sign-in attempts: {limit} a minute are allowed. Wait a minute and try again.",
  "error.provider.sfMissing": "SiliconFlow is not configured. Set SILICONFLOW_API_KEY in .env.local and restart.",
  "error.provider.glmMissing": "GLM is not configured. Set GLM_API_KEY in .env.local and restart.",
  "error.video.failed": "The provider could not generate this video. Adjust the prompt or settings and try again.",
  "error.video.interrupted":
    "The page was closed or reloaded while this job was being submitted, so the provider's answer never arrived. It may still be made and billed: check the provider's console before trying again.",
  "error.video.submitLost":
    "The connection broke while the job was being submitted: the provider may still be making it, but this app cannot follow it. Check the provider's console before trying again.",
  "error.video.needsImage":
    "This image-to-video model needs a start image. Upload one or pick one from the image gallery.",
  "error.video.seed": "Seed must be a whole number from 0 to 9999999999, or empty for a random one.",
  "error.video.promptFirst": "Describe the video in the Prompt first.",
  "error.video.unreadable": "This file could not be read as an image. Use a PNG, JPEG or WebP picture.",
  "error.backup.notJson": "This file is not valid JSON, so it is not a backup.",
  "error.backup.notBackup":
    "This file is not a SiliconPlay backup (expected format “siliconplay-backup”). Nothing was imported.",
  "error.backup.version":
    "This backup has version {version}, but this app reads version {supported}. Nothing was imported.",
  "error.storage.full":
    "Your browser's storage is full, so this could not be saved. Nothing was deleted: free space (delete old conversations or media, or export your data) and try again.",
} as const;

export type ErrorKey = keyof typeof en;
