-- Failed sign-ins per account and per client address, shared by all nodes, so that throttling holds behind a
-- load balancer. Keys are hashed: the table needs no e-mail addresses or IP addresses in clear.
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(80)              NOT NULL,
    failures        INT                      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT login_throttle_pk PRIMARY KEY (throttle_key)
);
