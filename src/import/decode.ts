/**
 * Bytes of a page to text. The charset comes from the HTTP header or the page's own
 * `<meta charset>`; with neither, UTF-8 if the bytes are valid UTF-8, else GBK when they read as
 * GBK (the common case on Chinese sites that declare nothing).
 */
import iconv from "iconv-lite";

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly charset: string; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

/** Formats that start with bytes no text has, by name, so the message can say what the file is. */
const SIGNATURES: readonly [string, number[]][] = [
  ["a PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a ZIP archive (or a Word/Excel file)", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a RIFF file (WebP, WAV, AVI)", [0x52, 0x49, 0x46, 0x46]],
  ["an executable", [0x7f, 0x45, 0x4c, 0x46]],
  ["an OLE document (an old Word or Excel file)", [0xd0, 0xcf, 0x11, 0xe0]],
];

/** What the bytes are when they are not text, or undefined. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, magic] of SIGNATURES) if (magic.every((b, i) => bytes[i] === b)) return name;
  if (bomCharset(bytes)?.startsWith("utf-16")) return undefined;
  // Text never holds NUL; nearly every binary format does early on.
  return bytes.subarray(0, 8192).includes(0) ? "a binary file" : undefined;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** The charset parameter of a Content-Type header. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  return contentType?.match(/;\s*charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
}

/** `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KB. */
export function charsetOfMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (direct) return direct[1];
  }
  return undefined;
}

/**
 * The name iconv-lite decodes a label with. GB2312 and GBK pages use characters beyond their label
 * (browsers decode all three as GBK); GB18030 is the superset that reads them all.
 */
function decoderName(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (/^(gb2312|gbk|x-gbk|gb_2312-80|gb_2312|csgb2312|chinese|iso-ir-58|cp936|windows-936|gb18030)$/.test(l))
    return "gb18030";
  if (l === "utf8" || l === "unicode-1-1-utf-8") return "utf-8";
  return iconv.encodingExists(l) ? l : undefined;
}

function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Whether bytes that are not UTF-8 read as GBK Chinese: every two-byte character decodes, and nearly
 * all of them are in GB2312's range of common characters (lead byte 0xA1–0xF7, trail 0xA1–0xFE).
 * Latin-1 or other legacy text also decodes as GBK, but into rare characters; this tells them apart.
 */
function readsAsGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined || trail < 0x40 || trail === 0x7f || trail === 0xff)
      return false;
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    i++;
  }
  return pairs > 0 && common / pairs >= 0.9;
}

const replaced = (text: string) => (text.match(/\uFFFD/g) ?? []).length;

/** Bytes of a page or capture as text; `html` looks for `<meta charset>` too. */
export function decodePage(bytes: Uint8Array, options: { contentType?: string; html: boolean }): Decoded {
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, reason: `it is not a web page or text: it looks like ${binary}` };

  const bom = bomCharset(bytes);
  if (bom) return { ok: true, text: iconv.decode(Buffer.from(bytes), bom, { stripBOM: true }), charset: bom };

  const fromHeader = charsetOfContentType(options.contentType);
  const fromMeta = options.html ? charsetOfMeta(bytes) : undefined;
  const declared = fromHeader ?? fromMeta;
  const utf8 = validUtf8(bytes);
  if (declared) {
    const name = decoderName(declared);
    if (!name) return { ok: false, reason: `it declares the charset "${declared}", which is not one known here` };
    const where = fromHeader ? "the HTTP header" : "<meta charset>";
    if (name === "utf-8") {
      if (utf8 !== undefined) return { ok: true, text: utf8, charset: "utf-8" };
      if (readsAsGbk(bytes)) {
        return {
          ok: true,
          text: iconv.decode(Buffer.from(bytes), "gb18030"),
          charset: "gbk",
          note: `${where} says ${declared}, but the bytes are GBK: read as GBK`,
        };
      }
      const text = new TextDecoder("utf-8").decode(bytes);
      return {
        ok: true,
        text,
        charset: "utf-8",
        note: `${replaced(text)} characters are not valid UTF-8 (shown as \uFFFD)`,
      };
    }
    // Long non-ASCII text that happens to be valid UTF-8 is UTF-8: pages are re-saved without
    // their declaration being changed often enough for this to matter.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: any byte outside ASCII, \x00 included in the range
    if (utf8 !== undefined && /[^\x00-\x7f]/.test(utf8)) {
      return {
        ok: true,
        text: utf8,
        charset: "utf-8",
        note: `${where} says ${declared}, but the bytes are UTF-8: read as UTF-8`,
      };
    }
    const text = iconv.decode(Buffer.from(bytes), name);
    const bad = replaced(text);
    return bad
      ? {
          ok: true,
          text,
          charset: declared.toLowerCase(),
          note: `${bad} characters are not valid ${declared} (shown as \uFFFD)`,
        }
      : { ok: true, text, charset: declared.toLowerCase() };
  }

  if (utf8 !== undefined) return { ok: true, text: utf8, charset: "utf-8" };
  if (readsAsGbk(bytes)) {
    return {
      ok: true,
      text: iconv.decode(Buffer.from(bytes), "gb18030"),
      charset: "gbk",
      note: "the page names no charset and is not UTF-8; it reads as GBK, so it was read as GBK (check the text)",
    };
  }
  return {
    ok: false,
    reason: "it names no charset and is neither UTF-8 nor GBK text (save it as UTF-8, or serve it with its charset)",
  };
}
