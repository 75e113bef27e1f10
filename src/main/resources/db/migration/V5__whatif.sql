-- What-if runs: a candidate rulebase over stored assessments, in the background, with progress
-- visible to any instance, and the assessments whose outcome would change.

create table whatif_run (
    id                 uuid          primary key,
    candidate_version  varchar(80)   not null,
    active_version     varchar(80)   not null,
    board              varchar(64),
    from_date          date,
    to_date            date,
    status             varchar(20)   not null,   -- RUNNING, DONE, CANCELLED, FAILED
    total              integer       not null,
    processed          integer       not null,
    cancel_requested   boolean       not null,
    report             text,                     -- JSON, written as the run goes
    error              text,
    started_by         varchar(100)  not null,
    started_at         timestamp with time zone not null,
    finished_at        timestamp with time zone
);

create table whatif_change (
    run_id              uuid          not null references whatif_run (id),
    assessment_id       uuid          not null,
    title               varchar(200)  not null,
    board               varchar(64)   not null,
    from_rating         varchar(16)   not null,
    to_rating           varchar(16)   not null,
    from_score          integer       not null,
    to_score            integer       not null,
    from_residual       varchar(16)   not null,
    to_residual         varchar(16)   not null,
    rules_started       text          not null,
    rules_stopped       text          not null,
    mitigations_gained  text          not null,
    mitigations_lost    text          not null,
    primary key (run_id, assessment_id)
);
