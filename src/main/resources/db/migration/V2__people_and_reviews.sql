-- People, their roles and board memberships; who created each assessment; the board's review.

create table app_user (
    id            uuid          primary key,
    username      varchar(100)  not null unique,
    display_name  varchar(200)  not null,
    password      varchar(200),             -- delegating encoder hash; null for single sign-on only
    enabled       boolean       not null,
    demo          boolean       not null,   -- a development demo account (refused by the prod profile)
    version       bigint        not null,
    created_at    timestamp with time zone not null
);

create table user_role (
    user_id  uuid         not null references app_user (id),
    role     varchar(20)  not null,
    primary key (user_id, role)
);

create table user_board (
    user_id  uuid         not null references app_user (id),
    board    varchar(64)  not null,
    primary key (user_id, board)
);

alter table assessment add column created_by varchar(100);
alter table assessment add column review_due date;
alter table assessment add column review_closed_at timestamp with time zone;

create table decision (
    id                      uuid         primary key,
    assessment_id           uuid         not null references assessment (id),
    evaluation_id           uuid         not null references evaluation (id),
    decision                varchar(30)  not null,
    reason                  text         not null,
    conditions              text,
    override_justification  text,
    overridden              boolean      not null,
    decided_by              varchar(100) not null,
    decided_at              timestamp with time zone not null
);

create table review_comment (
    id             uuid          primary key,
    assessment_id  uuid          not null references assessment (id),
    author         varchar(100)  not null,
    body           text          not null,
    created_at     timestamp with time zone not null
);

create table follow_up (
    id                      uuid          primary key,
    assessment_id           uuid          not null references assessment (id),
    what_happened           text          not null,
    mitigations_delivered   text          not null,   -- JSON: {code: true/false}
    recorded_by             varchar(100)  not null,
    recorded_at             timestamp with time zone not null
);
