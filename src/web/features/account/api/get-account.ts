// The account page's data: email, plan, password age, phone, member since.
import type { AccountResponse } from "../../../../contract/schemas/account";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type AccountDetails = AccountResponse["account"];

export const getAccount = async (): Promise<AccountDetails> => (await call(() => usher.GET("/api/v1/account"))).account;
