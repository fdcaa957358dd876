import { describe, expect, it } from "vitest";
import { run, usage } from "../src/lib/run.js";

describe("run", () => {
  it("prints a summary for a valid id and status", () => {
    expect(run(["T-3", "in-progress"])).toEqual({
      ok: true,
      value: "T-3 is being worked on",
    });
  });

  it("asks for usage when arguments are missing or extra", () => {
    expect(run([])).toEqual({ ok: false, error: usage });
    expect(run(["T-3", "open", "now"])).toEqual({ ok: false, error: usage });
  });

  it("explains a bad id or an unknown status", () => {
    const badId = run(["ticket", "open"]);
    expect(badId.ok ? "" : badId.error).toContain('"ticket"');
    const badStatus = run(["T-3", "closed"]);
    expect(badStatus.ok ? "" : badStatus.error).toContain('"closed"');
  });
});
