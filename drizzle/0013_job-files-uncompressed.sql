-- A job's files are kept only until their chunk is done: storing them uncompressed (out of line, no
-- pglz) halves the time of submitting a large job, which is the serial part no worker can share.
ALTER TABLE "batch_job_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
