ALTER TABLE "report_versions" ADD COLUMN "computed_total" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "report_versions" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_grade_check" CHECK (grade in ('优', '良', '中', '差'));