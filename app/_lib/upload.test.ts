import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { spoolMultipart, UploadError } = await import("./upload");

function upload(parts: [string, string | Blob, string?][], headers: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [name, value, fileName] of parts) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, fileName);
  }
  return new Request("http://localhost/api/v1/imports", { method: "POST", body: form, headers });
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe("spoolMultipart", () => {
  it(
    "writes the file part to disk with its Japanese name, " + "whichever order the fields come in, and cleans up",
    async () => {
      const bytes = new Uint8Array([0x88, 0xe3, 0x97, 0xc3, 0x2c, 0x0d, 0x0a]);
      const spooled = await spoolMultipart(
        upload([
          ["file", new Blob([bytes]), "施設一覧.csv"],
          ["kind", "facilities"],
          ["dryRun", "true"],
        ]),
        1024,
      );
      expect(spooled.fields).toEqual({ kind: "facilities", dryRun: "true" });
      expect(spooled.file.name).toBe("施設一覧.csv");
      expect(spooled.file.bytes).toBe(bytes.length);
      expect(new Uint8Array(await readFile(spooled.file.path))).toEqual(bytes);
      await spooled.cleanup();
      await expect(stat(spooled.file.path)).rejects.toThrow();
    },
  );

  it("spools into IMPORT_TMP_DIR when it is set", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "claims-tmpdir-"));
    process.env.IMPORT_TMP_DIR = dir;
    try {
      const spooled = await spoolMultipart(
        upload([
          ["kind", "facilities"],
          ["file", new Blob(["a,b\r\n"]), "x.csv"],
        ]),
        1024,
      );
      expect(spooled.file.path.startsWith(dir + path.sep)).toBe(true);
      await spooled.cleanup();
    } finally {
      delete process.env.IMPORT_TMP_DIR;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file over the limit with 413, whether declared or only found while reading", async () => {
    const big = new Blob([new Uint8Array(5000)]);
    const streamed = await refusal(
      spoolMultipart(
        upload([
          ["kind", "facilities"],
          ["file", big, "big.csv"],
        ]),
        1000,
      ),
    );
    expect(streamed).toBeInstanceOf(UploadError);
    expect(streamed).toMatchObject({ status: 413, code: "too_large" });
    expect((streamed as InstanceType<typeof UploadError>).messageJa).toContain("MB");
    const declared = await refusal(
      spoolMultipart(upload([["file", big, "big.csv"]], { "content-length": String(10 * 1024 * 1024) }), 1000),
    );
    expect(declared).toMatchObject({ status: 413, code: "too_large" });
  });

  it("refuses a request that is not multipart, one without a file and a malformed body", async () => {
    const json = new Request("http://localhost/x", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(await refusal(spoolMultipart(json, 1000))).toMatchObject({ status: 400, code: "multipart_required" });
    expect(await refusal(spoolMultipart(upload([["kind", "facilities"]]), 1000))).toMatchObject({
      status: 400,
      code: "file_required",
    });
    const broken = new Request("http://localhost/x", {
      method: "POST",
      body: '--XX\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
      headers: { "content-type": "multipart/form-data; boundary=XX" },
    });
    expect(await refusal(spoolMultipart(broken, 1000))).toMatchObject({ status: 400, code: "malformed" });
  });
});
