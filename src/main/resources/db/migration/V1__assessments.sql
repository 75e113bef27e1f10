-- Assessments and their evaluations. Portable between H2 (the embedded default) and PostgreSQL.
-- JSON documents are kept as text, verbatim: what was submitted is what is stored.

create table assessment (
    id              uuid          primary key,
    board           varchar(64)   not null,
    title           varchar(200)  not null,
    status          varchar(20)   not null,
    form_version    varchar(40)   not null,
    answers         text          not null,   -- the proposal document as answered so far (JSON)
    version         bigint        not null,   -- optimistic locking
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    submitted_at    timestamp with time zone
);

create index assessment_board_status on assessment (board, status);

create table evaluation (
    id                uuid         primary key,
    assessment_id     uuid         not null references assessment (id),
    sequence          integer      not null,
    reason            varchar(20)  not null,  -- SUBMITTED, MITIGATIONS
    document          text         not null,  -- the proposal document as evaluated (JSON)
    form_version      varchar(40)  not null,
    rulebase_version  varchar(80)  not null,
    rating            varchar(16)  not null,
    residual_rating   varchar(16)  not null,
    score             integer      not null,
    residual_score    integer      not null,
    fired_rules       text         not null,  -- JSON: each firing with the facts it matched
    result            text         not null,  -- JSON: the assessment result
    evaluated_at      timestamp with time zone not null,
    constraint evaluation_sequence unique (assessment_id, sequence)
);
