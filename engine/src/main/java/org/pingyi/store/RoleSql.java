package org.pingyi.store;

/**
 * The statements that set up and check the database roles. Role and object names and passwords cannot be statement
 * parameters in DDL, so PostgreSQL's own format() with %I (identifier) and %L (literal) quotes them, and the engine
 * runs the text it answers: nothing is concatenated in Java.
 */
final class RoleSql {
  private RoleSql() {}

  static final String ROLE_EXISTS = "SELECT 1 FROM pg_roles WHERE rolname = ?";

  /** A login role that owns nothing it is not given, cannot create roles or databases, and is not a superuser. */
  static final String CREATE_ROLE = "SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L', ?, ?)";
  static final String ALTER_ROLE = "SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L', ?, ?)";
  static final String SET_OWN_PASSWORD = "SELECT format('ALTER ROLE %I PASSWORD %L', current_user, ?)";
  static final String OWN_DATABASE = "SELECT format('ALTER DATABASE %I OWNER TO %I', current_database(), ?)";

  /**
   * Tables, views and sequences of the schema not owned by the owner role yet (an old data directory, where the
   * superuser owns everything). Sequences that belong to a table move with it, so tables go first.
   */
  static final String RELATIONS_TO_TRANSFER = """
      SELECT format('ALTER %s %I.%I OWNER TO %I',
                    CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                    n.nspname, c.relname, ?)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
        AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = ?)
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
      ORDER BY c.relkind = 'S', c.relname""";

  static final String FUNCTIONS_TO_TRANSFER = """
      SELECT format('ALTER FUNCTION %I.%I(%s) OWNER TO %I', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), ?)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = ?)""";

  static final String RELOAD_CONFIGURATION = "SELECT pg_reload_conf()";

  /** One grants step at a time, whichever instance runs it. */
  static final String GRANTS_LOCK = "SELECT pg_advisory_xact_lock(hashtext('pingyi-runtime-grants'))";

  /** Every table of the schema, and whether a trigger makes it append-only (refuse_change). */
  static final String TABLES = """
      SELECT c.relname,
             EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                     WHERE t.tgrelid = c.oid AND p.proname = 'refuse_change') AS append_only
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      ORDER BY c.relname""";

  static final String REVOKE_TABLES = "SELECT format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', ?)";
  static final String REVOKE_SEQUENCES = "SELECT format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', ?)";
  /** {@code %s} is one of RuntimeGrants' fixed privilege lists, never input. */
  static final String GRANT_TABLE = "SELECT format('GRANT %s ON TABLE public.%I TO %I', ?, ?, ?)";
  static final String GRANT_SEQUENCES = "SELECT format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I', ?)";

  /** What the runtime role is and may do, seen from its own connection. */
  static final String RUNTIME_ROLE = """
      SELECT r.rolsuper, r.rolcreaterole, r.rolbypassrls,
             (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owned,
             pg_has_role(current_user, d.datdba, 'MEMBER') AS owns_database,
             pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'MEMBER') AS owns_schema,
             has_schema_privilege('public', 'CREATE') AS creates
      FROM pg_roles r, pg_database d
      WHERE r.rolname = current_user AND d.datname = current_database()""";

  /** Append-only tables on which the runtime role holds a right that could change or remove rows. */
  static final String APPEND_ONLY_RIGHTS = """
      SELECT c.relname, p.privilege
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) AS p(privilege)
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc f ON f.oid = t.tgfoid
                    WHERE t.tgrelid = c.oid AND f.proname = 'refuse_change')
        AND has_table_privilege(c.oid, p.privilege)
      ORDER BY c.relname, p.privilege""";
}
