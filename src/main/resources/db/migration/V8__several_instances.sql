-- Named locks for work that one instance at a time must do, such as creating the first accounts when
-- several instances start together on an empty database: each locks its row (select ... for update)
-- until its transaction ends.
create table app_lock (
    name  varchar(40)  primary key
);

insert into app_lock (name) values ('accounts');
