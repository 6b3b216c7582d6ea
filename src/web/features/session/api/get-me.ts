// Who is signed in on this device: the account, this session and its chosen profile. The TV
// app asks it too, with its own token (a Caller).
import type { z } from "zod";
import type { meResponse } from "../../../../contract/schemas/account";
import { call } from "../../../lib/api-client";
import { type Caller, thisBrowser } from "../../../lib/usher";

export type Me = z.infer<typeof meResponse>;

export const getMe = (as: Caller = thisBrowser): Promise<Me> => call(() => as.client.GET("/api/v1/me"), as.options);
