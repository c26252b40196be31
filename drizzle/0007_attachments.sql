CREATE TABLE "publication_attachments" (
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"attachment_id" uuid NOT NULL,
	CONSTRAINT "publication_attachments_report_id_version_attachment_id_pk" PRIMARY KEY("report_id","version","attachment_id")
);
--> statement-breakpoint
CREATE TABLE "report_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"category" text NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_attachments_category_check" CHECK (category in ('final-accounts', 'evidence', 'adjustment')),
	CONSTRAINT "report_attachments_size_check" CHECK (size = octet_length(content))
);
--> statement-breakpoint
ALTER TABLE "publication_attachments" ADD CONSTRAINT "publication_attachments_attachment_id_report_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."report_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_attachments" ADD CONSTRAINT "publication_attachments_publication_fk" FOREIGN KEY ("report_id","version") REFERENCES "public"."publications"("report_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_version_fk" FOREIGN KEY ("report_id","version") REFERENCES "public"."report_versions"("report_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_attachments_report_idx" ON "report_attachments" USING btree ("report_id","created_at");