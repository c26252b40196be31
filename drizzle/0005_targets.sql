CREATE TABLE "bureau_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"table_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bureau_decisions_decision_check" CHECK (decision in ('continue', 'reallocate', 'suspend', 'cancel')),
	CONSTRAINT "bureau_decisions_reason_check" CHECK (length(btrim(reason)) > 0)
);
--> statement-breakpoint
CREATE TABLE "monitoring_entries" (
	"round_id" uuid NOT NULL,
	"table_id" uuid NOT NULL,
	"table_version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_entries_round_id_table_id_pk" PRIMARY KEY("round_id","table_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"preset" text DEFAULT 'default' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_rounds_unique" UNIQUE("jurisdiction_id","year","month"),
	CONSTRAINT "monitoring_rounds_month_check" CHECK (month between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "target_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"grade" text NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"reviewer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_reviews_grade_check" CHECK (grade in ('优', '良', '中', '差'))
);
--> statement-breakpoint
CREATE TABLE "target_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"project_name" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer NOT NULL,
	"approved_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_tables_identity_unique" UNIQUE NULLS NOT DISTINCT("department_id","year","kind","project_name"),
	CONSTRAINT "target_tables_kind_check" CHECK (kind in ('department', 'project')),
	CONSTRAINT "target_tables_status_check" CHECK (status in ('draft', 'submitted', 'returned', 'approved', 'rejected')),
	CONSTRAINT "target_tables_project_name_check" CHECK ((kind = 'project') = (project_name is not null))
);
--> statement-breakpoint
CREATE TABLE "target_versions" (
	"table_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_versions_table_id_version_pk" PRIMARY KEY("table_id","version")
);
--> statement-breakpoint
ALTER TABLE "bureau_decisions" ADD CONSTRAINT "bureau_decisions_round_id_monitoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."monitoring_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_decisions" ADD CONSTRAINT "bureau_decisions_table_id_target_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."target_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_decisions" ADD CONSTRAINT "bureau_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_entries" ADD CONSTRAINT "monitoring_entries_round_id_monitoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."monitoring_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_entries" ADD CONSTRAINT "monitoring_entries_table_id_target_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."target_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_entries" ADD CONSTRAINT "monitoring_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_reviews" ADD CONSTRAINT "target_reviews_table_id_target_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."target_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_reviews" ADD CONSTRAINT "target_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_tables" ADD CONSTRAINT "target_tables_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_tables" ADD CONSTRAINT "target_tables_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_versions" ADD CONSTRAINT "target_versions_table_id_target_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."target_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_versions" ADD CONSTRAINT "target_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bureau_decisions_round_idx" ON "bureau_decisions" USING btree ("round_id","table_id","created_at");--> statement-breakpoint
CREATE INDEX "target_reviews_table_idx" ON "target_reviews" USING btree ("table_id","created_at");--> statement-breakpoint
CREATE INDEX "target_tables_year_status_idx" ON "target_tables" USING btree ("year","status");