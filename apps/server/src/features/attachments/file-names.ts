/**
 * @module Names and types of uploaded files: a name made safe to store and show (no folders, control or
 * direction-override characters, bounded length), and a media type taken from the name's extension or else the
 * declared type.
 */
import { extname } from "node:path";

const MAX_NAME_LENGTH = 255;

/**
 * Control characters, characters Windows refuses in names, and the bidirectional overrides (U+202A–U+202E,
 * U+2066–U+2069) that can make a name ending in ".exe" display as if it ended in ".pdf".
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeFilename(raw: string): string {
  // Browsers may send a full path ("C:\fakepath\scan.pdf"); only the last part is the file's name.
  const base = raw.split(/[/\\]/).at(-1) ?? "";
  let name = base
    .normalize("NFC")
    .replace(UNSAFE, "_")
    .replace(/\s+/g, " ")
    .trim()
    // A leading dot would hide the file on download, and "." or ".." name folders.
    .replace(/^\.+/, "");
  if (name.length > MAX_NAME_LENGTH) {
    const extension = extname(name).slice(0, 20);
    name = name.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  return name === "" ? "file" : name;
}

const BY_EXTENSION: Readonly<Record<string, string>> = {
  ".txt": "text/plain",
  ".log": "text/plain",
  ".md": "text/markdown",
  ".csv": "text/csv",
  ".html": "text/html",
  ".htm": "text/html",
  ".json": "application/json",
  ".xml": "application/xml",
  ".pdf": "application/pdf",
  ".rtf": "application/rtf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".heic": "image/heic",
  ".svg": "image/svg+xml",
  ".bmp": "image/bmp",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".m4a": "audio/mp4",
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".webm": "video/webm",
  ".zip": "application/zip",
  ".gz": "application/gzip",
  ".7z": "application/x-7z-compressed",
  ".eml": "message/rfc822",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xls": "application/vnd.ms-excel",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".ppt": "application/vnd.ms-powerpoint",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
};

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;
const UNKNOWN = "application/octet-stream";

/**
 * The media type to store: the one the extension names when Keel knows it (so the type always matches the name
 * the file is downloaded under), else the declared one when well-formed, else application/octet-stream.
 */
export function contentTypeFor(filename: string, declared: string | undefined): string {
  const fromName = BY_EXTENSION[extname(filename).toLowerCase()];
  if (fromName) return fromName;
  const type = (declared ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return MEDIA_TYPE.test(type) && type.length <= 200 ? type : UNKNOWN;
}
