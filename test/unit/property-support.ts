import fc from "fast-check";
import { expect } from "vitest";

export interface ReachOptions {
  readonly numRuns: number;
  /** The fewest cases that must reach the assertions; well below the expected share, so it never flakes. */
  readonly minChecked: number;
}

/**
 * Runs a property whose body returns whether the case was one the property is about (and so
 * reached its assertions), then fails when too few were: a property that returns early for
 * nearly every input would otherwise pass while checking nothing.
 */
export function assertReaching<T>(
  arbitrary: fc.Arbitrary<T>,
  body: (value: T) => boolean,
  { numRuns, minChecked }: ReachOptions,
): void {
  let checked = 0;
  fc.assert(
    fc.property(arbitrary, (value) => {
      if (body(value)) checked += 1;
    }),
    { numRuns },
  );
  expect(
    checked,
    `only ${String(checked)} of ${String(numRuns)} cases reached the property's assertions`,
  ).toBeGreaterThanOrEqual(minChecked);
}
