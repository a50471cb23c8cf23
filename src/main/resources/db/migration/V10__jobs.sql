-- Durable bulk jobs (docs/adr/0018). db-scheduler's own table: which instance runs which job, with heartbeats, so a
-- job is claimed by one instance at a time and a job of an instance that died is picked up again. Created here, by
-- Flyway, never by the engine.
CREATE TABLE scheduled_tasks (
    task_name             TEXT                     NOT NULL,
    task_instance         TEXT                     NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    picked                BOOLEAN                  NOT NULL,
    picked_by             TEXT,
    last_success          TIMESTAMP WITH TIME ZONE,
    last_failure          TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INT,
    last_heartbeat        TIMESTAMP WITH TIME ZONE,
    version               BIGINT                   NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- One row per bulk action: what, with which parameters, by whom, how far.
CREATE TABLE jobs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         VARCHAR(32)  NOT NULL CHECK (kind IN ('REPOINT_WEBHOOKS', 'ADOPT_UNTRACKED', 'CLOSE_MISSING',
                                                       'BUY_NUMBERS', 'RELEASE_CLIENT', 'MOVE_CLIENT')),
    parameters   JSONB        NOT NULL,
    started_by   VARCHAR(254) NOT NULL,
    state        VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'PAUSED', 'CANCELLED', 'SUCCEEDED',
                                                        'FAILED', 'PARTLY_FAILED')),
    planned      BOOLEAN      NOT NULL DEFAULT FALSE,
    total        INTEGER      NOT NULL DEFAULT 0 CHECK (total >= 0),
    done         INTEGER      NOT NULL DEFAULT 0 CHECK (done >= 0),
    failed       INTEGER      NOT NULL DEFAULT 0 CHECK (failed >= 0),
    skipped      INTEGER      NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    problem      VARCHAR(1000),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX jobs_latest ON jobs (id DESC);
CREATE INDEX jobs_active ON jobs (state) WHERE state IN ('QUEUED', 'RUNNING', 'PAUSED');

-- One row per item of a job; its outcome is committed with the rest of its chunk, so a job that resumes never redoes a
-- finished item and never skips one. RUNNING: taken by a chunk whose outcome was not committed (a crash): checked
-- before it is done again.
CREATE TABLE job_items (
    job_id       BIGINT        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq          BIGINT        GENERATED ALWAYS AS IDENTITY,
    item_key     VARCHAR(64)   NOT NULL,
    payload      JSONB,
    outcome      VARCHAR(16)   NOT NULL CHECK (outcome IN ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    twilio_code  INTEGER,
    message      VARCHAR(1000),
    attempts     INTEGER       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    finished_at  TIMESTAMPTZ,
    PRIMARY KEY (job_id, seq),
    UNIQUE (job_id, item_key)
);

CREATE INDEX job_items_open ON job_items (job_id, seq) WHERE outcome IN ('PENDING', 'RUNNING');
CREATE INDEX job_items_failed ON job_items (job_id, seq) WHERE outcome = 'FAILED';
