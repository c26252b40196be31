-- Target versions, reviews and bureau decisions are history: append-only like report versions.
CREATE TRIGGER target_versions_append_only BEFORE UPDATE OR DELETE ON target_versions
  FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER target_reviews_append_only BEFORE UPDATE OR DELETE ON target_reviews
  FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bureau_decisions_append_only BEFORE UPDATE OR DELETE ON bureau_decisions
  FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_change();
