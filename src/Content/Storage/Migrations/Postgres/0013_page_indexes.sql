-- Pages of the web app that must stay fast as the store grows (docs/performance.md, "Web app pages"):
-- the audit log, newest first, a page at a time (keyset on id);
CREATE INDEX ix_audit_log_organisation_id ON audit_log (organisation_id, id);

-- the dashboard's reminders sent per week: only sent reminders, so that broadcasts (thousands of rows each) and
-- planned messages never enter it, and the dispatcher updates it once per reminder sent.
CREATE INDEX ix_outbox_reminders_sent ON outbox (organisation_id, sent_ms) WHERE kind = 'reminder' AND state IN ('sent', 'delivered');
