-- Several instances. A what-if run is worked on by one instance, which renews heartbeat_at every few
-- seconds while it runs; a RUNNING run whose heartbeat is old belongs to an instance that died, and is
-- shown and recorded as INTERRUPTED by whichever instance sees it. instance names the one running it.
alter table whatif_run add column heartbeat_at timestamp with time zone;
alter table whatif_run add column instance varchar(200);
update whatif_run set heartbeat_at = coalesce(finished_at, started_at);

-- Named locks for work that one instance at a time must do, such as creating the first accounts when
-- several instances start together on an empty database: each locks its row (select ... for update)
-- until its transaction ends.
create table app_lock (
    name  varchar(40)  primary key
);

insert into app_lock (name) values ('accounts');
