import { describe, expect, it } from "vitest";
import {
  describeStatus,
  explainTicketIdError,
  parseStatus,
  parseTicketId,
  statuses,
  summarize,
} from "../src/lib/ticket.js";

describe("parseTicketId", () => {
  it("accepts T- followed by a number and trims spaces", () => {
    const parsed = parseTicketId(" T-42 ");
    expect(parsed).toEqual({ ok: true, value: "T-42" });
  });

  it("rejects an empty id", () => {
    expect(parseTicketId("  ")).toEqual({
      ok: false,
      error: { kind: "empty" },
    });
  });

  it.each(["42", "T-", "T-042", "t-42", "T-4x"])("rejects %s", (raw) => {
    const parsed = parseTicketId(raw);
    expect(parsed.ok).toBe(false);
  });
});

describe("statuses", () => {
  it("parses every known status and nothing else", () => {
    for (const status of statuses) {
      expect(parseStatus(status)).toBe(status);
    }
    expect(parseStatus("closed")).toBeUndefined();
  });

  it("describes each status differently", () => {
    const descriptions = new Set(statuses.map(describeStatus));
    expect(descriptions.size).toBe(statuses.length);
  });
});

describe("messages", () => {
  it("names the bad input", () => {
    const message = explainTicketIdError({ kind: "malformed", input: "X-1" });
    expect(message).toContain('"X-1"');
  });

  it("summarizes a ticket", () => {
    const parsed = parseTicketId("T-7");
    if (!parsed.ok) {
      throw new Error("T-7 should parse");
    }
    expect(summarize(parsed.value, "done")).toBe("T-7 is finished");
  });
});
