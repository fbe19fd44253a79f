/**
 * Jobs: create and manage jobs, trigger and follow runs ({@link dev.kiln.jobs.RunHandle}), read their
 * output. Start with {@link dev.kiln.jobs.JobsClient#create}.
 */
package dev.kiln.jobs;
