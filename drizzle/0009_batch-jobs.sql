CREATE TABLE "batch_job_chunks" (
	"job_id" uuid NOT NULL,
	"chunk" integer NOT NULL,
	"first" integer NOT NULL,
	"count" integer NOT NULL,
	"results" text,
	"with_errors" integer DEFAULT 0 NOT NULL,
	"unreadable" integer DEFAULT 0 NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "batch_job_chunks_job_id_chunk_pk" PRIMARY KEY("job_id","chunk")
);
--> statement-breakpoint
CREATE TABLE "batch_job_files" (
	"job_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"name" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "batch_job_files_job_id_index_pk" PRIMARY KEY("job_id","index")
);
--> statement-breakpoint
CREATE TABLE "batch_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"files" integer NOT NULL,
	"chunks" integer NOT NULL,
	"created_by" uuid,
	"jurisdiction_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "batch_jobs_kind_check" CHECK (kind in ('audit'))
);
--> statement-breakpoint
ALTER TABLE "batch_job_chunks" ADD CONSTRAINT "batch_job_chunks_job_id_batch_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."batch_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_job_files" ADD CONSTRAINT "batch_job_files_job_id_batch_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."batch_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_jobs" ADD CONSTRAINT "batch_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_jobs" ADD CONSTRAINT "batch_jobs_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_job_chunks_open_idx" ON "batch_job_chunks" USING btree ("job_id","chunk") WHERE done_at is null;--> statement-breakpoint
CREATE INDEX "batch_jobs_jurisdiction_idx" ON "batch_jobs" USING btree ("jurisdiction_id","created_at");