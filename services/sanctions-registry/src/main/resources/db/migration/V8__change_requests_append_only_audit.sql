-- Every attempt to change the lists (a manual creation, change or delisting, an import), whatever became of it:
-- who asked, what, when, from where, and the outcome. An applied attempt is written in the transaction of its
-- change; a refused one in a transaction of its own, after the change's rolled back.
create table list_change_request (
    id             uuid primary key,
    -- Reading order, newest first: ids are random.
    seq            bigserial    not null unique,
    received_at    timestamptz  not null,
    -- The X-Actor header (or the configured default) until authentication exists; then the token's subject.
    actor          varchar(200) not null,
    subject        varchar(200),
    -- The client's address as the HTTP server sees it: the proxy's, unless proxy address forwarding is on.
    remote_address varchar(100),
    action         varchar(16)  not null,
    -- The entity the request names (its path), or the one a creation made; kept as sent, valid or not.
    entity_id      varchar(100),
    source         varchar(32),
    format         varchar(32),
    -- Imports: [{"part","fileName","size"}], as received.
    files          jsonb,
    outcome        varchar(16)  not null,
    status         smallint     not null,
    list_version   varchar(32),
    -- A refusal's {"message"} answer (a conflict, an unknown id, a failure's reference) ...
    message        text,
    -- ... or its first {"field","message"} problems.
    problems       jsonb
);
create index ix_change_request_actor on list_change_request (actor, seq);
create index ix_change_request_outcome on list_change_request (outcome, seq);
create index ix_change_request_received on list_change_request (received_at);

-- The entity changes an applied request made. Older entries, and those written by other means, have none.
alter table audit_entry add column request_id uuid references list_change_request (id);
create index ix_audit_request on audit_entry (request_id);

-- The audit tables are append-only: any UPDATE, DELETE or TRUNCATE fails, whoever issues it. The service connects
-- as the owner of its schema, so revoking its UPDATE and DELETE grants would not hold (an owner may do anything with
-- its tables, including disabling this trigger): the trigger keeps the service's own code and any slip of an
-- operator's session from rewriting history. Against a hostile owner, run the service as a role that does not own
-- the schema and grant it INSERT and SELECT only on these tables.
create function refuse_audit_rewrite() returns trigger language plpgsql as $$
begin
    raise exception '% on %.% refused: audit records are append-only', tg_op, tg_table_schema, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

-- Per statement, so that even an UPDATE or DELETE that matches no row is refused.
create trigger audit_entry_append_only before update or delete or truncate on audit_entry
    for each statement execute function refuse_audit_rewrite();
create trigger list_change_request_append_only before update or delete or truncate on list_change_request
    for each statement execute function refuse_audit_rewrite();
