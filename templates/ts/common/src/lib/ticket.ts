import { err, ok } from "./result.js";
import type { Result } from "./result.js";

declare const ticketIdBrand: unique symbol;

/** A ticket id such as `T-42`. Only `parseTicketId` makes one, so holding one means it is valid. */
export type TicketId = string & { readonly [ticketIdBrand]: true };

export type TicketIdError =
  | { readonly kind: "empty" }
  | { readonly kind: "malformed"; readonly input: string };

export const statuses = ["open", "in-progress", "done"] as const;

export type Status = (typeof statuses)[number];

const ticketIdPattern = /^T-[1-9][0-9]*$/;

function isTicketId(text: string): text is TicketId {
  return ticketIdPattern.test(text);
}

export function parseTicketId(raw: string): Result<TicketId, TicketIdError> {
  const text = raw.trim();
  if (text === "") {
    return err({ kind: "empty" });
  }
  return isTicketId(text) ? ok(text) : err({ kind: "malformed", input: text });
}

export function parseStatus(raw: string): Status | undefined {
  return statuses.find((status) => status === raw);
}

export function describeStatus(status: Status): string {
  switch (status) {
    case "open":
      return "waiting for someone to pick it up";
    case "in-progress":
      return "being worked on";
    case "done":
      return "finished";
  }
}

export function explainTicketIdError(error: TicketIdError): string {
  switch (error.kind) {
    case "empty":
      return "a ticket id is required";
    case "malformed":
      return `"${error.input}" is not a ticket id (expected T- and a number, e.g. T-42)`;
  }
}

export function summarize(id: TicketId, status: Status): string {
  return `${id} is ${describeStatus(status)}`;
}
