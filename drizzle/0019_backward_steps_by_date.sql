DROP INDEX "status_events_backward_idx";--> statement-breakpoint
CREATE INDEX "status_events_backward_idx" ON "status_events" USING btree ("effective_on","facility_code") WHERE backward;