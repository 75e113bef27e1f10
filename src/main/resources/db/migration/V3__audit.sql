-- The audit log: append-only, each entry chained to the previous one by a hash over its content.
-- audit_head holds the last sequence number and hash; appending locks it, so appends from several
-- application instances are serialised by the database and the chain stays single.

create table audit_entry (
    seq               bigint        primary key,
    recorded_at       timestamp with time zone not null,
    kind              varchar(30)   not null,   -- EVALUATION, DECISION, RULEBASE_ACTIVATED
    actor             varchar(100)  not null,
    assessment_id     uuid,
    rulebase_version  varchar(80),
    content           text          not null,   -- canonical JSON of what happened
    previous_hash     varchar(80)   not null,
    hash              varchar(80)   not null
);

create index audit_entry_assessment on audit_entry (assessment_id);

create table audit_head (
    id         integer      primary key,
    last_seq   bigint       not null,
    last_hash  varchar(80)  not null
);

insert into audit_head (id, last_seq, last_hash) values (1, 0, 'sha256:genesis');

-- Every rulebase that has served an evaluation, by content hash, so any evaluation can be replayed.
create table rulebase_archive (
    version      varchar(80)  primary key,
    files        text         not null,   -- JSON: {"lens/access.drl": "...", ...}
    archived_at  timestamp with time zone not null
);
