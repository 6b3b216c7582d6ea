// Who is signed in on this device: the account, this session and its chosen profile.
import type { z } from "zod";
import type { meResponse } from "../../../../contract/schemas/account";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type Me = z.infer<typeof meResponse>;

export const getMe = (): Promise<Me> => call(() => usher.GET("/api/v1/me"));
