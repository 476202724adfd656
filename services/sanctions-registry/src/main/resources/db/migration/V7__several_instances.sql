-- Several instances of the service share this schema; each follows from it what the others commit.

-- An instance catching up with list versions reads the entities each version after its last one changed.
create index ix_entity_list_version on sanctioned_entity (list_version);

-- Each change of a suppression row takes the next number of this counter, whose row stays locked until the change
-- commits: numbers become visible in the order they were given, so an instance that has read the rows up to a number
-- has missed none below it.
create table suppression_change_counter (
    id       smallint primary key,
    last_seq bigint not null
);
alter table screening_suppression add column change_seq bigint;
update screening_suppression s set change_seq = numbered.seq
    from (select id, row_number() over (order by id) as seq from screening_suppression) numbered
    where numbered.id = s.id;
insert into suppression_change_counter (id, last_seq)
    select 1, coalesce(max(change_seq), 0) from screening_suppression;
alter table screening_suppression alter column change_seq set not null;
create unique index uq_suppression_change_seq on screening_suppression (change_seq);
