import { describe, expect, it } from "vitest";
import { ja, en } from "./messages";
import { jaAreas } from "./ja";
import { enAreas } from "./en";
import { errorText, localizedMessage } from "./errors";

/** Every leaf of a catalogue as 'path → text'. */
function leaves(node: object, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const at = path ? `${path}/${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else for (const [k, v] of leaves(value as object, at)) out.set(k, v);
  }
  return out;
}

/** Japanese words English has no counterpart for (a letter's 御中 after the addressee). */
const WORDLESS_IN_ENGLISH = new Set(["fu/letter/to"]);

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe("the message catalogues", () => {
  const jaLeaves = leaves(ja);
  const enLeaves = leaves(en);

  it("have the same keys in both languages, none left empty in English that has words in Japanese", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...jaLeaves.keys()].sort());
    for (const [key, text] of jaLeaves)
      if (text.trim() && !WORDLESS_IN_ENGLISH.has(key)) expect(enLeaves.get(key)?.trim(), key).not.toBe("");
  });

  it("have the same {placeholders} in both languages", () => {
    for (const [key, text] of jaLeaves) expect(placeholders(enLeaves.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("split both languages into the same areas, each area owning its keys alone", () => {
    expect(Object.keys(enAreas)).toEqual(Object.keys(jaAreas));
    const owners = new Map<string, string>();
    for (const [area, keys] of Object.entries(jaAreas)) {
      expect(Object.keys(enAreas[area as keyof typeof enAreas]).sort(), area).toEqual(Object.keys(keys).sort());
      for (const key of Object.keys(keys)) {
        expect(owners.get(key), `${key} is in ${owners.get(key)} and ${area}`).toBeUndefined();
        owners.set(key, area);
      }
    }
  });
});

describe("errors by code", () => {
  it("read in the reader's language, with words and numbers filled in", () => {
    const params = { label: { ja: "届出日", en: "Filing date" }, value: "2025-13-01" };
    expect(errorText("ja", "import.row.badDate", params)).toBe(
      "届出日「2025-13-01」は日付として読めません（例: 2024-08-31、2024/8/31、令和6年8月31日、R6.8.31）",
    );
    expect(errorText("en", "import.row.badDate", params)).toMatch(/^Filing date "2025-13-01" is not a date/);
    expect(errorText("ja", "import.row.tooLong", { length: 2001, max: 2000 })).toBe(
      "値が長すぎます（2,001文字、上限2,000文字）",
    );
  });

  it("fall back to the stored message when an error has no code (older import batches)", () => {
    expect(localizedMessage("en", { message: "古い理由" })).toBe("古い理由");
    expect(localizedMessage("en", { code: "import.row.notFound", message: "…" })).toBe("No facility with this code");
  });
});
