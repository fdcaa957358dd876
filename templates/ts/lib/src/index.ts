export { err, ok } from "./lib/result.js";
export type { Result } from "./lib/result.js";
export {
  describeStatus,
  explainTicketIdError,
  parseStatus,
  parseTicketId,
  statuses,
  summarize,
} from "./lib/ticket.js";
export type { Status, TicketId, TicketIdError } from "./lib/ticket.js";
