// The body of every error answer of the JSON API, as a schema (for the OpenAPI document and
// for clients that want to check what they got). Codes come from the one catalogue.
import { z } from "zod";
import { type ErrorCode, errorCatalogue } from "../errors";

const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    reason: z.string().optional(),
  }),
});
