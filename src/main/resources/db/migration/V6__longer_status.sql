-- APPROVED_WITH_CONDITIONS (24 characters) did not fit the original varchar(20).
alter table assessment alter column status set data type varchar(30);
