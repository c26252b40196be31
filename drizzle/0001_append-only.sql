-- History tables are append-only: the database itself refuses UPDATE, DELETE and TRUNCATE, so no code
-- path (ours or a hand-typed psql session) can rewrite a saved version, a publication or the audit log.
CREATE FUNCTION jixiao_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% 只能追加，不能修改或删除 (% is append-only)', TG_TABLE_NAME, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_versions_append_only BEFORE UPDATE OR DELETE ON report_versions
  FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_versions_no_truncate BEFORE TRUNCATE ON report_versions
  FOR EACH STATEMENT EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON publications
  FOR EACH STATEMENT EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION jixiao_refuse_change();
