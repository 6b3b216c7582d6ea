// Who is signed in on this device: the account, this session and its chosen profile.
import type { z } from "zod";
import type { meResponse } from "../../../../contract/schemas/account";
import { api } from "../../../lib/api-client";

export type Me = z.infer<typeof meResponse>;

export const getMe = (): Promise<Me> => api<Me>("GET", "/me");
