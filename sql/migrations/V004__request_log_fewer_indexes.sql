-- Every index costs each insert of the request log, which runs beside the data plane (often on the same core).
-- Keep the ones that find rows by who and by id; filters on provider, model, status and rule read the time index
-- within the asked range (and stats scan the range anyway).
DROP INDEX ix_request_logs_provider;
DROP INDEX ix_request_logs_model;
DROP INDEX ix_request_logs_status;
DROP INDEX ix_request_logs_rule;
