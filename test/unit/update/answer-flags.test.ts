import { describe, expect, it } from "vitest";
import { splitAnswerFlags } from "../../../src/update/answers-io.js";

describe("update --answer flags split between built-in answers and team templates", () => {
  it("template.K is a template's; built-in keys (bare or <lang>.) stay built-in", () => {
    expect(
      splitAnswerFlags(
        ["template.name=ours", "name=app2", "python.kind=lib", "channel=dev", "x.y=1"],
        true,
      ),
    ).toEqual({
      builtin: ["name=app2", "python.kind=lib"],
      template: ["name=ours", "channel=dev", "x.y=1"],
    });
  });

  it("without a recorded template an unknown key stays built-in, to be refused there", () => {
    expect(splitAnswerFlags(["channel=dev", "template.team=a"], false)).toEqual({
      builtin: ["channel=dev"],
      template: ["team=a"],
    });
  });
});
