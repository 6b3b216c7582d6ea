// What the audit log needs stored: security events, read back as the account's activity.

export interface AuditEventInput {
  accountId: string | null;
  sessionId: string | null;
  type: string;
  ip: string | null;
  userAgent: string | null;
  /** For operators matching the row to the request's log lines; never shown to the account's owner. */
  requestId: string | null;
  at: Date;
  details: Record<string, unknown>;
}

export interface AuditEventRecord extends AuditEventInput {
  id: string;
}

export interface AuditStore {
  record(event: AuditEventInput): Promise<void>;
  listByAccount(accountId: string, limit: number): Promise<AuditEventRecord[]>;
  /** Account activity: newest first by (at, id), strictly after the cursor `before` when given. */
  listPage(accountId: string, limit: number, before?: { at: Date; id: string }): Promise<AuditEventRecord[]>;
}
