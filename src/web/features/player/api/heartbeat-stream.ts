// Still watching: keeps this device's screen. A refusal is thrown as ApiError; 410 STREAM_ENDED
// carries why the stream ended in its `reason` (stream-lease.ts reads it).
import type { z } from "zod";
import type { heartbeatResponse } from "../../../../contract/schemas/streams";
import { call } from "../../../lib/api-client";
import type { Caller } from "../../../lib/usher";

export type Heartbeat = z.infer<typeof heartbeatResponse>;

export const heartbeatStream = (streamId: string, as: Caller): Promise<Heartbeat> =>
  call(() => as.client.POST("/api/v1/streams/{id}/heartbeat", { params: { path: { id: streamId } } }), as.options);
