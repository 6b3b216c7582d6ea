-- For operators: the id the request that wrote the row was logged under (X-Request-Id), to find
-- its log lines. Null for rows written outside a request, and for rows from before this column.
ALTER TABLE "audit_event" ADD COLUMN "request_id" text;