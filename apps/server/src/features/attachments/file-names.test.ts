/** @module Upload names made safe and media types taken from names. */
import { describe, expect, it } from "vitest";
import { contentTypeFor, sanitizeFilename } from "./file-names.js";

describe("sanitizeFilename", () => {
  it("keeps an ordinary name as it is", () => {
    expect(sanitizeFilename("Receipt March 2026.pdf")).toBe("Receipt March 2026.pdf");
    expect(sanitizeFilename("Überweisung_été.png")).toBe("Überweisung_été.png");
  });

  it("drops folders, leading dots and unsafe characters", () => {
    expect(sanitizeFilename("C:\\fakepath\\scan.pdf")).toBe("scan.pdf");
    expect(sanitizeFilename("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFilename("..")).toBe("file");
    expect(sanitizeFilename(".bashrc")).toBe("bashrc");
    expect(sanitizeFilename("a\u0000b\tc\nd.txt")).toBe("a_b_c_d.txt");
    expect(sanitizeFilename("two   spaces.txt")).toBe("two spaces.txt");
    expect(sanitizeFilename('what?<is>:"this"|*.txt')).toBe("what__is___this___.txt");
    expect(sanitizeFilename("invoice\u202efdp.exe")).toBe("invoice_fdp.exe");
    expect(sanitizeFilename("   ")).toBe("file");
  });

  it("shortens a long name but keeps its extension", () => {
    const name = sanitizeFilename(`${"n".repeat(400)}.docx`);
    expect(name).toHaveLength(255);
    expect(name.endsWith("n.docx")).toBe(true);
  });
});

describe("contentTypeFor", () => {
  it("takes the type from a known extension, whatever was declared", () => {
    expect(contentTypeFor("scan.PDF", "application/octet-stream")).toBe("application/pdf");
    expect(contentTypeFor("photo.jpeg", "text/html")).toBe("image/jpeg");
  });

  it("falls back to a well-formed declared type, then to octet-stream", () => {
    expect(contentTypeFor("data.custom", "Application/X-Custom; charset=utf-8")).toBe("application/x-custom");
    expect(contentTypeFor("data.custom", "not a type")).toBe("application/octet-stream");
    expect(contentTypeFor("noextension", undefined)).toBe("application/octet-stream");
  });
});
