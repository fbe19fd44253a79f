/** Implementation details of sdk-jobs (wire bodies, paged merges); not for users. */
package dev.kiln.jobs.internal;
