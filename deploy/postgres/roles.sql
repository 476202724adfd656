-- PostgreSQL roles for a deployment of Chokepoint: per service, an owner of its schema, as whom Flyway migrates,
-- and an application role, as whom the service works. The application role may read and change the rows of the
-- service's tables but never the schema, and may only add to and read its audit tables: it cannot update, delete or
-- truncate them, nor drop or disable the triggers that refuse such changes (only an owner may), so that audit records
-- outlive a compromise of the service itself.
--
-- Run as a superuser (or the database's administrator role) in the services' database, before the services' first
-- start and again after every release whose migrations add tables (it changes nothing when run twice):
--   psql -v ON_ERROR_STOP=1 -d chokepoint -f deploy/postgres/roles.sql
--   psql -d chokepoint -c "ALTER ROLE chokepoint_alerting_owner PASSWORD '...'"   -- and so on for the six roles
-- The roles are made without passwords; set one for each, and give each service its pair (deploy/k8s/README.md).
-- Tables created later by an owner are readable and writable by the service at once (default privileges). An audit
-- table is made append-only for the service when this script runs after the migration that adds it; until then
-- the table's append-only trigger refuses updates, deletes and truncation all the same.
-- DatabaseRolesTest applies this script to the services' real migrations and checks what each role may do.

-- A helper for this session only (pg_temp): nothing of it stays in the database.
CREATE OR REPLACE FUNCTION pg_temp.chokepoint_service_roles(
    schema_name text, owner_role text, app_role text, audit_tables text[]) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    audit_table text;
    current_owner text;
BEGIN
    -- A schema migrated before these roles existed belongs to the user the service used to connect as: changing
    -- hands under a running service is an upgrade step of its own (deploy/k8s/README.md), never done here.
    SELECT nspowner::regrole::text INTO current_owner FROM pg_namespace WHERE nspname = schema_name;
    IF current_owner IS NOT NULL AND current_owner <> quote_ident(owner_role) THEN
        RAISE EXCEPTION 'schema % belongs to %, not to %: give % the schema and everything in it first', schema_name,
            current_owner, owner_role, owner_role
            USING HINT = 'deploy/k8s/README.md, "Database roles", upgrading a deployment';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = owner_role) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', owner_role);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app_role) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', app_role);
    END IF;
    -- Flyway finds the schema in place and fills it as its owner.
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', schema_name, owner_role);

    -- The service uses the schema's objects but creates none.
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, app_role);
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', schema_name, app_role);

    -- Rows of the tables there are and of those the owner creates later; identity and serial columns need the
    -- sequences. Never TRUNCATE, REFERENCES or TRIGGER.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema_name, app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_name, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   owner_role, schema_name, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
                   owner_role, schema_name, app_role);

    -- Audit tables: added to and read, nothing more.
    FOREACH audit_table IN ARRAY audit_tables LOOP
        IF to_regclass(format('%I.%I', schema_name, audit_table)) IS NULL THEN
            RAISE NOTICE '%.% is not there yet: run this script again once the service has migrated',
                schema_name, audit_table;
        ELSE
            EXECUTE format('REVOKE ALL ON %I.%I FROM %I', schema_name, audit_table, app_role);
            EXECUTE format('GRANT SELECT, INSERT ON %I.%I TO %I', schema_name, audit_table, app_role);
        END IF;
    END LOOP;

    -- Flyway's record of the migrations is the owner's alone.
    IF to_regclass(format('%I.flyway_schema_history', schema_name)) IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON %I.flyway_schema_history FROM %I', schema_name, app_role);
    END IF;
END;
$$;

-- The services: schema (chokepoint.db.schema), owner, application role, and the audit tables, those whose
-- migrations install an append-only trigger.
SELECT pg_temp.chokepoint_service_roles('monitor', 'chokepoint_monitor_owner', 'chokepoint_monitor_app',
                                        ARRAY[]::text[]);
SELECT pg_temp.chokepoint_service_roles('registry', 'chokepoint_registry_owner', 'chokepoint_registry_app',
                                        ARRAY['audit_entry', 'list_change_request']);
SELECT pg_temp.chokepoint_service_roles('alerting', 'chokepoint_alerting_owner', 'chokepoint_alerting_app',
                                        ARRAY['transition_audit']);
