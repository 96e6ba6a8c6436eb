-- Iris baseline schema. Portable between H2 2.x and PostgreSQL 15: no vendor types, no vendor functions.
-- Lists (model names, fallbacks, key ids) are stored as JSON text arrays: they are read whole with their row
-- and never queried by element.

CREATE TABLE rate_limits (
    id                      UUID          NOT NULL PRIMARY KEY,
    request_max_limit       BIGINT,
    request_reset_duration  VARCHAR(8),
    token_max_limit         BIGINT,
    token_reset_duration    VARCHAR(8),
    request_current_usage   BIGINT        DEFAULT 0 NOT NULL,
    token_current_usage     BIGINT        DEFAULT 0 NOT NULL,
    request_last_reset      TIMESTAMP WITH TIME ZONE,
    token_last_reset        TIMESTAMP WITH TIME ZONE
);

CREATE TABLE customers (
    id             UUID          NOT NULL PRIMARY KEY,
    name           VARCHAR(255)  NOT NULL,
    rate_limit_id  UUID          REFERENCES rate_limits (id),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_customers_name UNIQUE (name)
);

CREATE TABLE teams (
    id             UUID          NOT NULL PRIMARY KEY,
    name           VARCHAR(255)  NOT NULL,
    customer_id    UUID          REFERENCES customers (id),
    rate_limit_id  UUID          REFERENCES rate_limits (id),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_teams_name UNIQUE (name)
);

CREATE TABLE providers (
    id                        UUID           NOT NULL PRIMARY KEY,
    name                      VARCHAR(255)   NOT NULL,
    type                      VARCHAR(16)    NOT NULL,
    base_url                  VARCHAR(2048)  NOT NULL,
    api_version               VARCHAR(64),
    models                    VARCHAR(100000) NOT NULL,
    connect_timeout_ms        INTEGER        NOT NULL,
    request_timeout_ms        INTEGER        NOT NULL,
    stream_idle_timeout_ms    INTEGER        NOT NULL,
    max_retries               INTEGER        NOT NULL,
    retry_backoff_initial_ms  INTEGER        NOT NULL,
    retry_backoff_max_ms      INTEGER        NOT NULL,
    rate_limit_id             UUID           REFERENCES rate_limits (id),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_providers_name UNIQUE (name),
    CONSTRAINT ck_providers_type CHECK (type IN ('openai', 'azure', 'anthropic'))
);

-- value_encrypted: AES-256-GCM, "v1:" + base64(iv || ciphertext || tag). value_hint: the masked form shown on read (sk-...f3a9).
CREATE TABLE provider_keys (
    id               UUID            NOT NULL PRIMARY KEY,
    provider_id      UUID            NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    position         INTEGER         NOT NULL,
    name             VARCHAR(255)    NOT NULL,
    value_encrypted  VARCHAR(8192)   NOT NULL,
    value_hint       VARCHAR(16)     NOT NULL,
    weight           DOUBLE PRECISION NOT NULL,
    models           VARCHAR(100000) NOT NULL,
    enabled          BOOLEAN         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_provider_keys_name UNIQUE (provider_id, name)
);

-- key_hash: hex SHA-256 of the whole key value; key_hint: the masked form (sk-iris-...abcd), to tell keys apart.
CREATE TABLE virtual_keys (
    id                   UUID          NOT NULL PRIMARY KEY,
    name                 VARCHAR(255)  NOT NULL,
    key_hash             VARCHAR(64)   NOT NULL,
    key_hint             VARCHAR(24)   NOT NULL,
    team_id              UUID          REFERENCES teams (id),
    customer_id          UUID          REFERENCES customers (id),
    is_active            BOOLEAN       NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE,
    allow_all_providers  BOOLEAN       NOT NULL,
    rate_limit_id        UUID          REFERENCES rate_limits (id),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_virtual_keys_name UNIQUE (name),
    CONSTRAINT uq_virtual_keys_hash UNIQUE (key_hash),
    CONSTRAINT ck_virtual_keys_one_owner CHECK (team_id IS NULL OR customer_id IS NULL)
);

CREATE TABLE vk_provider_configs (
    id              UUID             NOT NULL PRIMARY KEY,
    virtual_key_id  UUID             NOT NULL REFERENCES virtual_keys (id) ON DELETE CASCADE,
    position        INTEGER          NOT NULL,
    provider_id     UUID             NOT NULL REFERENCES providers (id),
    weight          DOUBLE PRECISION NOT NULL,
    allowed_models  VARCHAR(100000)  NOT NULL,
    blocked_models  VARCHAR(100000)  NOT NULL,
    key_ids         VARCHAR(100000)  NOT NULL,
    rate_limit_id   UUID             REFERENCES rate_limits (id),
    CONSTRAINT uq_vk_provider_configs UNIQUE (virtual_key_id, provider_id)
);

CREATE TABLE model_configs (
    id             UUID          NOT NULL PRIMARY KEY,
    name           VARCHAR(255)  NOT NULL,
    model          VARCHAR(255)  NOT NULL,
    provider_id    UUID          REFERENCES providers (id),
    rate_limit_id  UUID          REFERENCES rate_limits (id),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_model_configs_name UNIQUE (name)
);

-- A budget belongs to exactly one owner; the owner's row going away takes its budgets with it.
CREATE TABLE budgets (
    id                     UUID            NOT NULL PRIMARY KEY,
    customer_id            UUID            REFERENCES customers (id) ON DELETE CASCADE,
    team_id                UUID            REFERENCES teams (id) ON DELETE CASCADE,
    virtual_key_id         UUID            REFERENCES virtual_keys (id) ON DELETE CASCADE,
    vk_provider_config_id  UUID            REFERENCES vk_provider_configs (id) ON DELETE CASCADE,
    provider_id            UUID            REFERENCES providers (id) ON DELETE CASCADE,
    model_config_id        UUID            REFERENCES model_configs (id) ON DELETE CASCADE,
    position               INTEGER         NOT NULL,
    max_limit              NUMERIC(20, 6)  NOT NULL,
    reset_duration         VARCHAR(8)      NOT NULL,
    calendar_aligned       BOOLEAN         NOT NULL,
    current_usage          NUMERIC(20, 6)  DEFAULT 0 NOT NULL,
    last_reset             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_budgets_max_limit CHECK (max_limit >= 0)
);

CREATE TABLE routing_rules (
    id              UUID            NOT NULL PRIMARY KEY,
    name            VARCHAR(255)    NOT NULL,
    description     VARCHAR(4000)   NOT NULL,
    enabled         BOOLEAN         NOT NULL,
    scope           VARCHAR(16)     NOT NULL,
    scope_id        UUID,
    priority        INTEGER         NOT NULL,
    cel_expression  VARCHAR(20000)  NOT NULL,
    fallbacks       VARCHAR(100000) NOT NULL,
    chain_rule      BOOLEAN         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_routing_rules_name UNIQUE (name),
    CONSTRAINT ck_routing_rules_scope CHECK (scope IN ('global', 'customer', 'team', 'virtual_key')),
    CONSTRAINT ck_routing_rules_scope_id CHECK ((scope = 'global') = (scope_id IS NULL))
);

CREATE INDEX ix_routing_rules_scope ON routing_rules (scope, scope_id, priority);

CREATE TABLE routing_targets (
    id           UUID             NOT NULL PRIMARY KEY,
    rule_id      UUID             NOT NULL REFERENCES routing_rules (id) ON DELETE CASCADE,
    position     INTEGER          NOT NULL,
    provider_id  UUID             REFERENCES providers (id),
    model        VARCHAR(255),
    key_id       UUID             REFERENCES provider_keys (id),
    weight       DOUBLE PRECISION NOT NULL,
    CONSTRAINT ck_routing_targets_weight CHECK (weight > 0)
);

CREATE TABLE pricing (
    id                  UUID            NOT NULL PRIMARY KEY,
    provider            VARCHAR(255)    NOT NULL,
    model               VARCHAR(255)    NOT NULL,
    input_per_million   NUMERIC(20, 6)  NOT NULL,
    output_per_million  NUMERIC(20, 6)  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_pricing_provider_model UNIQUE (provider, model)
);

CREATE TABLE gateway_config (
    name           VARCHAR(64)    NOT NULL PRIMARY KEY,
    setting_value  VARCHAR(4000)  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
