CREATE TABLE "target_publications" (
	"table_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_publications_table_id_version_pk" PRIMARY KEY("table_id","version")
);
--> statement-breakpoint
CREATE TABLE "target_review_settings" (
	"jurisdiction_id" uuid PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "target_reviews" ALTER COLUMN "grade" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "target_reviews" ADD COLUMN "step" text DEFAULT 'finance' NOT NULL;--> statement-breakpoint
ALTER TABLE "target_reviews" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "target_tables" ADD COLUMN "review_step" text;--> statement-breakpoint
ALTER TABLE "target_publications" ADD CONSTRAINT "target_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_publications" ADD CONSTRAINT "target_publications_version_fk" FOREIGN KEY ("table_id","version") REFERENCES "public"."target_versions"("table_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_review_settings" ADD CONSTRAINT "target_review_settings_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_review_settings" ADD CONSTRAINT "target_review_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_publications_published_at_idx" ON "target_publications" USING btree ("published_at");--> statement-breakpoint
ALTER TABLE "target_reviews" ADD CONSTRAINT "target_reviews_step_check" CHECK (step in ('supervisor', 'finance'));--> statement-breakpoint
ALTER TABLE "target_reviews" ADD CONSTRAINT "target_reviews_outcome_check" CHECK (outcome in ('pass', 'return'));--> statement-breakpoint
ALTER TABLE "target_reviews" ADD CONSTRAINT "target_reviews_step_shape_check" CHECK ((step = 'finance') = (grade is not null) and (step = 'supervisor') = (outcome is not null));--> statement-breakpoint
ALTER TABLE "target_tables" ADD CONSTRAINT "target_tables_review_step_check" CHECK (review_step in ('supervisor', 'finance'));