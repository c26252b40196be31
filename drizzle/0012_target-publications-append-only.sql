-- Target publications are history, like report publications: append-only.
CREATE TRIGGER target_publications_append_only BEFORE UPDATE OR DELETE ON target_publications
  FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER target_publications_no_truncate BEFORE TRUNCATE ON target_publications
  FOR EACH STATEMENT EXECUTE FUNCTION jixiao_refuse_change();
