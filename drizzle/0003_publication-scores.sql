CREATE TABLE "publication_scores" (
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"stated_total" numeric(7, 2),
	"computed_total" numeric(7, 2),
	"grade" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publication_scores_report_id_version_pk" PRIMARY KEY("report_id","version"),
	CONSTRAINT "publication_scores_grade_check" CHECK (grade in ('优', '良', '中', '差'))
);
--> statement-breakpoint
ALTER TABLE "publication_scores" ADD CONSTRAINT "publication_scores_publication_fk" FOREIGN KEY ("report_id","version") REFERENCES "public"."publications"("report_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TRIGGER publication_scores_append_only BEFORE UPDATE OR DELETE ON publication_scores
  FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_change();
--> statement-breakpoint
CREATE TRIGGER publication_scores_no_truncate BEFORE TRUNCATE ON publication_scores
  FOR EACH STATEMENT EXECUTE FUNCTION jixiao_refuse_change();
