// The edge every id route shares: an id segment read one way, a missing record one 404, parameters refused.
import { describe, expect, it } from "vitest";
import { AppError, foundOrThrow, notFoundError } from "@/lib/errors";
import { idOrThrow, MAX_ID, parseId } from "@/lib/validation/ids";
import { refuseParams } from "@/lib/validation/params";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("an id in a route segment (parseId, idOrThrow)", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    [String(MAX_ID), MAX_ID],
    ["0", undefined],
    ["01", undefined],
    ["-1", undefined],
    ["1.5", undefined],
    ["1e3", undefined],
    [" 1", undefined],
    ["abc", undefined],
    [String(MAX_ID + 1), undefined],
    ["9999999999", undefined],
    ["", undefined],
  ])("reads %j as %s", (segment, id) => {
    expect(parseId(segment)).toBe(id);
    if (id === undefined) {
      const error = thrown(() => idOrThrow(segment, "event"));
      expect([error.code, error.message]).toEqual(["not_found", `There is no event '${segment}'`]);
    } else expect(idOrThrow(segment, "event")).toBe(id);
  });
});

describe("a record that is not there (foundOrThrow)", () => {
  it("passes what was found through, and names what was asked for when nothing was", () => {
    const report = { id: "abc" };
    expect(foundOrThrow(report, "report", "abc")).toBe(report);
    expect(foundOrThrow(0, "count", "x")).toBe(0);
    expect(foundOrThrow(true, "target", "3")).toBe(true);
    for (const nothing of [undefined, null, false]) {
      const error = thrown(() => foundOrThrow(nothing, "target", "3"));
      expect([error.code, error.message]).toEqual(["not_found", "There is no target '3'"]);
    }
    expect(notFoundError("import", "9").message).toBe("There is no import '9'");
  });
});

describe("an endpoint that takes no parameters (refuseParams)", () => {
  it("accepts none and refuses any, as a 400", () => {
    expect(() => refuseParams(new URL("http://x/api/events/1"))).not.toThrow();
    const error = thrown(() => refuseParams(new URL("http://x/api/events/1?format=csv")));
    expect([error.code, error.message]).toEqual(["bad_request", "This endpoint takes no parameters"]);
  });
});
